/** Topic names and filters, parsed once, and the per-instance topic trie. */
package io.tenantmq.mqtt.subscription;

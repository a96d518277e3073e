/**
 * Alibaba Cloud-style access tokens: an application server applies for one on behalf of a device (read and/or write
 * rights on a few topic filters, until an expiry), the device connects with it in Token mode, and the server may
 * revoke it early. Stored with the durable state, keyed by a digest of the token so the store never holds a token in
 * clear.
 */
package io.tenantmq.control.token;

/** Request signing and verification of the three API dialects: pure functions, no I/O, no Vert.x. */
package io.tenantmq.signing;

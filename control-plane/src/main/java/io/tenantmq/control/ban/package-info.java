/**
 * Bans of an instance: client ids, user names and source addresses (exact, by regular expression or by network) that
 * may not connect until the ban expires. Brokers check them at CONNECT and close live connections a new ban matches.
 */
package io.tenantmq.control.ban;

/** The seam through which an API request reaches the node that owns a connection: kick, subscribe on behalf, publish. */
package io.tenantmq.control.command;

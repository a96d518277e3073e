/** The launcher: one runnable jar, roles, configuration, the demo tenant. */
package io.tenantmq.deploy;

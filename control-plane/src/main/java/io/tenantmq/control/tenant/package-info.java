/** Tenants and their instances. */
package io.tenantmq.control.tenant;

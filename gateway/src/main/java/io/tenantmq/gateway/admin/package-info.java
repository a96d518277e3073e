/** The operator's administration API ({@code /admin/v1}): tenants, instances, credentials. */
package io.tenantmq.gateway.admin;

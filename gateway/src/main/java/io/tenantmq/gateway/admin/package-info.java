/** The operator's administration API ({@code /admin/v1}): tenants, instances, credentials, MQTT users; operator token. */
package io.tenantmq.gateway.admin;

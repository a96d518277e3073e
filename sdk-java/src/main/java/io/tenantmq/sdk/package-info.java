/** What a tenant's back end links to talk to TenantMQ: signed clients for the management APIs. */
package io.tenantmq.sdk;

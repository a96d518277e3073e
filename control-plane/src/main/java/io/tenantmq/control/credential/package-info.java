/** Tenants' credentials for the signed APIs: ids, sealed or hashed secrets, issuing and revoking. */
package io.tenantmq.control.credential;

/** The demo tenant a fresh cluster creates once, and its credentials file. */
package io.tenantmq.deploy.demo;

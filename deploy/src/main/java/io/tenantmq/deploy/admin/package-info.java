/** The launcher's operator subcommands ({@code tenant}, {@code instance}, {@code credential}, {@code user}): clients of the admin HTTP API. */
package io.tenantmq.deploy.admin;

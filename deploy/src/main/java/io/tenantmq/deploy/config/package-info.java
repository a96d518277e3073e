/** Configuration: one file plus flags, read into records and checked as a whole before anything starts. */
package io.tenantmq.deploy.config;

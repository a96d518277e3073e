/**
 * Durable state: the Hazelcast maps that must survive a restart of every member write through to a database over
 * JDBC (an H2 file by default, PostgreSQL for clusters). Hazelcast stays the working set; the database is read once,
 * when a fresh cluster creates the maps.
 */
package io.tenantmq.control.persistence;

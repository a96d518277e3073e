/** Cluster membership, map names and configuration, and what survivors do when a member leaves. */
package io.tenantmq.control.cluster;

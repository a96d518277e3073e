/**
 * This node's side of the control plane's node commands: kick, subscribe and unsubscribe on behalf, publish, keepalive,
 * queued and in-flight messages, per-instance reports.
 */
package io.tenantmq.mqtt.command;

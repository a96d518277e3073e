/** This node's side of the control plane's node commands: kick, subscribe and unsubscribe on behalf, publish. */
package io.tenantmq.mqtt.command;

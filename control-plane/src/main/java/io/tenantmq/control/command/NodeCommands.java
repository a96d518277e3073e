package io.tenantmq.control.command;

import io.tenantmq.control.registry.ClientKey;
import java.util.concurrent.CompletionStage;

/**
 * Commands of the management APIs that act on live MQTT sessions. Each reaches the node that owns the client's
 * session (from the registry), wherever in the cluster it is; the gateway never needs to know which node that is.
 * Stages complete off the caller's thread; a failed stage means the owning node could not be reached.
 */
public interface NodeCommands {

  /** Closes the client's connection (MQTT 5: DISCONNECT 0x98); false when it has no live connection. */
  CompletionStage<Boolean> kick(ClientKey key);

  /** Subscribes the client's session as if it had sent SUBSCRIBE; false when it has no session. */
  CompletionStage<Boolean> subscribe(ClientKey key, String topicFilter, int qos);

  /** Removes one subscription of the client's session; false when it has no session or no such subscription. */
  CompletionStage<Boolean> unsubscribe(ClientKey key, String topicFilter);

  /** Publishes into the instance; returns how many subscriptions matched (0: nobody will receive it). */
  CompletionStage<Integer> publish(PublishCommand command);
}

package io.tenantmq.control.command;

import io.tenantmq.control.registry.ClientKey;
import java.util.List;
import java.util.Optional;
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

  /** Sets the keepalive of the client's live connection (0: none); false when it has no live connection. */
  CompletionStage<Boolean> setKeepAlive(ClientKey key, int seconds);

  /**
   * Up to {@code limit} messages the client's session holds, oldest first: those in flight ({@code inflight}) or those
   * waiting in its queue. Empty when it has no session.
   */
  CompletionStage<Optional<List<QueuedMessage>>> messages(ClientKey key, boolean inflight, int limit);

  /** One report about the instance from every node of the cluster that hosts MQTT sessions, by node name. */
  CompletionStage<List<NodeReport>> reports(String instanceId);

  /** Publishes into the instance; returns how many subscriptions matched (0: nobody will receive it). */
  CompletionStage<Integer> publish(PublishCommand command);
}

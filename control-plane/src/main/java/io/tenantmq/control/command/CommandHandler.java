package io.tenantmq.control.command;

import io.tenantmq.control.registry.ClientKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What a node that hosts MQTT sessions does with a command that reached it ({@link NodeCommands} explains each).
 * Called on a Hazelcast executor thread; implementations hop to the session's owner and complete the stage from there.
 */
public interface CommandHandler {

  CompletionStage<Boolean> kick(ClientKey key);

  CompletionStage<Boolean> subscribe(ClientKey key, String topicFilter, int qos);

  CompletionStage<Boolean> unsubscribe(ClientKey key, String topicFilter);

  CompletionStage<Integer> publish(PublishCommand command);

  CompletionStage<Boolean> setKeepAlive(ClientKey key, int seconds);

  /** Empty when this node holds no session of the client. */
  CompletionStage<Optional<List<QueuedMessage>>> messages(ClientKey key, boolean inflight, int limit);

  /** This node's report about the instance. */
  CompletionStage<NodeReport> report(String instanceId);
}

package io.tenantmq.control.topic;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Declared topics of every instance, shared by the cluster. Stages complete off the caller's thread. */
public interface TopicDirectory {

  /** False when the instance already declares the topic. */
  CompletionStage<Boolean> create(MqttTopic topic);

  CompletionStage<Optional<MqttTopic>> get(TopicKey key);

  CompletionStage<List<MqttTopic>> list(String instanceId);

  CompletionStage<Boolean> update(MqttTopic topic);

  CompletionStage<Boolean> delete(TopicKey key);

  CompletionStage<Integer> deleteAll(String instanceId);
}

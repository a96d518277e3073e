package io.tenantmq.control.topic;

import com.hazelcast.core.HazelcastInstance;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.cluster.ScopedRecords;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** {@link TopicDirectory} on the Hazelcast map {@link MapNames#TOPICS}. */
public final class HazelcastTopicDirectory implements TopicDirectory {

  private final ScopedRecords<TopicKey, MqttTopic> topics;

  public HazelcastTopicDirectory(HazelcastInstance hazelcast, Executor queryExecutor) {
    this.topics = new ScopedRecords<>(hazelcast.getMap(MapNames.TOPICS), queryExecutor,
        Comparator.comparing(MqttTopic::topic));
  }

  @Override
  public CompletionStage<Boolean> create(MqttTopic topic) {
    return topics.createIfAbsent(topic.key(), topic);
  }

  @Override
  public CompletionStage<Optional<MqttTopic>> get(TopicKey key) {
    return topics.get(key);
  }

  @Override
  public CompletionStage<List<MqttTopic>> list(String instanceId) {
    return topics.list(instanceId);
  }

  @Override
  public CompletionStage<Boolean> update(MqttTopic topic) {
    return topics.replace(topic.key(), topic);
  }

  @Override
  public CompletionStage<Boolean> delete(TopicKey key) {
    return topics.delete(key);
  }

  @Override
  public CompletionStage<Integer> deleteAll(String instanceId) {
    return topics.deleteAll(instanceId);
  }
}

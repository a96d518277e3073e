package io.tenantmq.control.topic;

import com.hazelcast.core.HazelcastInstance;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.cluster.ScopedRecords;
import java.util.Comparator;
import java.util.concurrent.Executor;

/** {@link TopicDirectory} on the Hazelcast map {@link MapNames#TOPICS}, by topic name. */
public final class HazelcastTopicDirectory extends ScopedRecords<TopicKey, MqttTopic> implements TopicDirectory {

  public HazelcastTopicDirectory(HazelcastInstance hazelcast, Executor queryExecutor) {
    super(hazelcast.getMap(MapNames.TOPICS), MqttTopic::key, queryExecutor, Comparator.comparing(MqttTopic::topic));
  }
}

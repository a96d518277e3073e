package io.tenantmq.control.topic;

import io.tenantmq.control.cluster.InstanceRecords;

/** Declared topics of every instance, shared by the cluster. */
public interface TopicDirectory extends InstanceRecords<TopicKey, MqttTopic> {
}

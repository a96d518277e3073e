package io.tenantmq.control.topic;

import java.io.Serializable;
import java.util.Objects;

/**
 * A topic declared through the management APIs (Tencent's {@code CreateMQTTTopic}): a name with a remark. Publishing
 * does not require a declared topic; the declaration is what the APIs list and describe.
 */
public record MqttTopic(String instanceId, String topic, String remark, long createdAtMillis, long modifiedAtMillis)
    implements Serializable {
  public MqttTopic {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(topic, "topic");
    remark = remark == null ? "" : remark;
  }

  public TopicKey key() {
    return new TopicKey(instanceId, topic);
  }

  public MqttTopic withRemark(String newRemark, long nowMillis) {
    return new MqttTopic(instanceId, topic, newRemark, createdAtMillis, nowMillis);
  }
}

package io.tenantmq.control.topic;

import java.io.Serializable;
import java.util.Objects;

/** One declared topic of one instance. */
public record TopicKey(String instanceId, String topic) implements Serializable {
  public TopicKey {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(topic, "topic");
  }
}

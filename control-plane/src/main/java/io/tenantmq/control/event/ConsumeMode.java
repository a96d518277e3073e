package io.tenantmq.control.event;

/** How the consumers of one consumer group share a topic, as RocketMQ's {@code MessageModel}. */
public enum ConsumeMode {
  /** Each record goes to one consumer of the group; the group has one committed offset. */
  CLUSTERING,
  /** Each consumer of the group gets every record; each consumer id has its own committed offset. */
  BROADCASTING
}

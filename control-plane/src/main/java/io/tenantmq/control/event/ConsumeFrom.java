package io.tenantmq.control.event;

/** Where a consumer group that has never committed starts; a group with a committed offset always resumes there. */
public enum ConsumeFrom {
  /** The oldest event the stream still keeps. */
  FIRST,
  /** Only events appended after the group's first pull (RocketMQ's default for a new group). */
  LAST
}

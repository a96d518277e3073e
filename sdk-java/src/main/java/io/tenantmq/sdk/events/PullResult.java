package io.tenantmq.sdk.events;

import java.util.List;

/**
 * The answer to one pull.
 *
 * @param messages        in offset order; empty when the long poll ended without a matching event
 * @param committedOffset the group's (or broadcasting consumer's) committed offset, -1 before its first ack
 */
public record PullResult(List<ReceivedEvent> messages, long committedOffset) {
  public PullResult {
    messages = List.copyOf(messages);
  }
}

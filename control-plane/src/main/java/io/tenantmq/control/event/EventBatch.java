package io.tenantmq.control.event;

import java.util.List;

/**
 * Events read from a stream, oldest first, and the offset to read from next (past every event looked at, matching or
 * not).
 */
public record EventBatch(List<ClientEvent> events, long nextOffset) {
  public EventBatch {
    events = List.copyOf(events);
  }
}

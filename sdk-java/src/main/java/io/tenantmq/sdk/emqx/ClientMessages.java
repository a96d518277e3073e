package io.tenantmq.sdk.emqx;

import java.util.List;

/**
 * A chunk of a client's queued or in-flight messages. {@code meta.position} continues after this chunk
 * ({@link ClientMessagesQuery#after(String, int)}); {@code "end_of_data"} or null when nothing follows.
 */
public record ClientMessages(List<ClientMessage> data, Meta meta) {

  public ClientMessages {
    data = data == null ? List.of() : List.copyOf(data);
  }

  public record Meta(String start, String position, Long count) {
  }
}

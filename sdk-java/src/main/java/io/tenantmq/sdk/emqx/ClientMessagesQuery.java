package io.tenantmq.sdk.emqx;

import java.util.Locale;

/**
 * Which chunk of a client's queued or in-flight messages to read.
 *
 * @param payload          how to return payloads; null: the server's default (base64)
 * @param maxPayloadBytes  the most payload bytes in one answer, e.g. {@code "1MB"}; null: the server's default
 * @param position         where to continue ({@code meta.position} of the chunk before); null: from the start
 * @param limit            the most messages in the chunk; null: the server's default
 */
public record ClientMessagesQuery(PayloadEncoding payload, String maxPayloadBytes, String position, Integer limit) {

  /** {@code payload} query values. */
  public enum PayloadEncoding {
    NONE, BASE64, PLAIN;

    String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ClientMessagesQuery {
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
  }

  public static ClientMessagesQuery first(int limit) {
    return new ClientMessagesQuery(null, null, null, limit);
  }

  public static ClientMessagesQuery after(String position, int limit) {
    return new ClientMessagesQuery(null, null, position, limit);
  }

  QueryString appendTo(QueryString q) {
    return q.add("payload", payload == null ? null : payload.apiName()).add("max_payload_bytes", maxPayloadBytes)
        .add("position", position).add("limit", limit);
  }
}

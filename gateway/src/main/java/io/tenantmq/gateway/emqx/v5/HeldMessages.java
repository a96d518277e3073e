package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.control.command.QueuedMessage;
import io.tenantmq.control.registry.ClientQuery;
import io.tenantmq.gateway.emqx.EmqxException;
import io.tenantmq.gateway.emqx.QueryParams;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page of the messages a session holds ({@code GET /clients/{clientid}/mqueue_messages} and
 * {@code /inflight_messages}) in EMQX 5.8's shape: {@code {data: [message], meta: {start, position}}}.
 *
 * <p>Pages continue from a position, EMQX's opaque token: the insertion time of the last message a page returned, in
 * nanoseconds as EMQX counts them (here: milliseconds × 10⁶ plus the message's rank among those inserted in the same
 * millisecond), with {@code _0} (the priority) after it for the queue. A page holds the messages after the position,
 * oldest first, up to {@code limit} and to {@code max_payload_bytes} of payload (the first one always). Unlike EMQX,
 * whose position skips the messages the byte limit left out, the position here is that of the last message returned,
 * so a walk by positions sees every message.
 */
final class HeldMessages {

  /** More than any session holds by default (the node queues at most 1 000 and has at most 32 in flight). */
  static final int MAX_SCAN = 100_000;
  static final long DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;
  private static final Pattern BYTE_SIZE = Pattern.compile("(\\d{1,12})\\s*(b|kb|mb|gb)?");

  /** How payloads are written: base64 (the default), as UTF-8 text, or not at all. */
  enum PayloadFormat { BASE64, PLAIN, NONE }

  /**
   * @param position the position to continue after; null for the first page
   */
  record Request(boolean inflight, int limit, Long position, PayloadFormat payload, long maxPayloadBytes) {

    static Request from(QueryParams q, boolean inflight) {
      int limit = q.integer("limit", ClientRoutes.DEFAULT_LIMIT, 1, ClientQuery.MAX_LIMIT);
      PayloadFormat payload = q.oneOf("payload", List.of("base64", "plain", "none"))
          .map(p -> PayloadFormat.valueOf(p.toUpperCase(Locale.ROOT))).orElse(PayloadFormat.BASE64);
      long maxBytes = q.text("max_payload_bytes").map(HeldMessages::byteSize).orElse(DEFAULT_MAX_PAYLOAD_BYTES);
      Long position = q.text("position").filter(p -> !p.equals("none"))
          .map(p -> decodePosition(p, inflight)).orElse(null);
      return new Request(inflight, limit, position, payload, maxBytes);
    }

    /** How many of the oldest held messages the node must send for this page. */
    int toFetch() {
      return position == null ? limit : MAX_SCAN;
    }
  }

  private HeldMessages() {
  }

  /** The page of {@code held} (the session's messages, oldest first) that {@code request} asks for. */
  static JsonObject page(Request request, List<QueuedMessage> held) {
    List<QueuedMessage> ordered = new ArrayList<>(held);
    ordered.sort(Comparator.comparingLong(QueuedMessage::insertedAtMillis)); // stable: equal times keep their order
    long[] positions = positions(ordered);
    JsonArray data = new JsonArray();
    long payloadBytes = 0;
    Long last = null;
    for (int i = 0; i < ordered.size() && data.size() < request.limit(); i++) {
      if (request.position() != null && positions[i] <= request.position()) {
        continue;
      }
      JsonObject message = message(request, ordered.get(i), positions[i]);
      long size = payloadSize(message, request.payload());
      if (!data.isEmpty() && payloadBytes + size > request.maxPayloadBytes()) {
        break;
      }
      payloadBytes += size;
      data.add(message);
      last = positions[i];
    }
    String start = ordered.isEmpty() ? "none" : encodePosition(positions[0], request.inflight());
    String position = last != null ? encodePosition(last, request.inflight())
        : request.position() == null ? "none" : encodePosition(request.position(), request.inflight());
    return new JsonObject().put("data", data).put("meta", new JsonObject().put("start", start).put("position", position));
  }

  /** Each message's position: its insertion time in ms × 10⁶ plus its rank among those of the same millisecond. */
  private static long[] positions(List<QueuedMessage> ordered) {
    long[] positions = new long[ordered.size()];
    for (int i = 0; i < ordered.size(); i++) {
      long base = ordered.get(i).insertedAtMillis() * 1_000_000L;
      positions[i] = i > 0 && positions[i - 1] >= base ? positions[i - 1] + 1 : base;
    }
    return positions;
  }

  private static JsonObject message(Request request, QueuedMessage m, long position) {
    JsonObject json = new JsonObject()
        .put("msgid", String.format("%016X%016X", position, m.packetId()))
        .put("topic", m.topic())
        .put("qos", m.qos())
        // the session keeps when it took the message in, not when it was published, nor by whom
        .put("publish_at", m.insertedAtMillis())
        .put("from_clientid", "")
        .put("from_username", "");
    switch (request.payload()) {
      case BASE64 -> json.put("payload", Base64.getEncoder().encodeToString(m.payload()));
      case PLAIN -> json.put("payload", utf8(m.payload()));
      case NONE -> { }
    }
    json.put("inserted_at", Long.toString(position));
    if (!request.inflight()) {
      json.put("mqueue_priority", 0);
    }
    return json;
  }

  /** The size EMQX counts against {@code max_payload_bytes}: the payload as written in the answer. */
  private static long payloadSize(JsonObject message, PayloadFormat format) {
    return switch (format) {
      case BASE64 -> message.getString("payload").length();
      case PLAIN -> message.getString("payload").getBytes(StandardCharsets.UTF_8).length;
      case NONE -> 0;
    };
  }

  private static String utf8(byte[] payload) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
    } catch (CharacterCodingException e) {
      throw EmqxException.invalidParameter("Some message payloads are not JSON serializable");
    }
  }

  static String encodePosition(long position, boolean inflight) {
    return inflight ? Long.toString(position) : position + "_0";
  }

  /** {@code <n>} (in flight) or {@code <n>_<priority>} (queue); anything else is EMQX's position_limit_invalid. */
  static long decodePosition(String text, boolean inflight) {
    String number = text;
    if (!inflight) {
      int underscore = text.indexOf('_');
      String priority = underscore < 0 ? "" : text.substring(underscore + 1);
      if (!priority.equals("infinity") && !priority.matches("\\d{1,9}")) {
        throw positionInvalid();
      }
      number = text.substring(0, Math.max(underscore, 0));
    }
    try {
      return Long.parseLong(number);
    } catch (NumberFormatException e) {
      throw positionInvalid();
    }
  }

  private static EmqxException positionInvalid() {
    return EmqxException.invalidParameter("position_limit_invalid");
  }

  /** EMQX's byte size: {@code 1024}, {@code 512KB}, {@code 1MB}, {@code 1GB} (case-insensitive), above 0. */
  static long byteSize(String text) {
    Matcher m = BYTE_SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw EmqxException.badRequest("max_payload_bytes: expected a byte size such as 1024, 64KB or 1MB, got: " + text);
    }
    long unit = m.group(2) == null ? 1 : switch (m.group(2)) {
      case "kb" -> 1024L;
      case "mb" -> 1024L * 1024;
      case "gb" -> 1024L * 1024 * 1024;
      default -> 1L;
    };
    long bytes = Long.parseLong(m.group(1)) * unit;
    if (bytes <= 0) {
      throw EmqxException.badRequest("max_payload_bytes: must be higher than 0");
    }
    return bytes;
  }
}

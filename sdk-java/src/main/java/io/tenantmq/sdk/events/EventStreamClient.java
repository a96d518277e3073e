package io.tenantmq.sdk.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantmq.sdk.emqx.EmqxApiException;
import io.tenantmq.sdk.emqx.EmqxClientOptions;
import io.tenantmq.sdk.emqx.EmqxStyleClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The gateway's event-stream calls, one request each, with an EMQX API key (which belongs to one instance, so the
 * topics are that instance's): {@link #pull}, {@link #ack} and {@link #committedOffset}. {@link EventConsumer} loops
 * over them; use this directly to drive consumption yourself. Thread-safe.
 *
 * <p>Futures fail with an {@link EmqxApiException} for an error answer (EMQX's {@code {"code","message"}}, e.g. 400
 * {@code BAD_REQUEST} for a bad tag expression, 401 {@code BAD_API_KEY_OR_SECRET}) or with the transport's exception.
 */
public final class EventStreamClient {

  /** The longest a request waits on top of its long poll before it counts as lost. */
  static final Duration REQUEST_MARGIN = Duration.ofSeconds(15);

  private final EmqxStyleClient emqx;

  private EventStreamClient(EmqxStyleClient emqx) {
    this.emqx = emqx;
  }

  /**
   * A client for the endpoint and key of {@code options}; its request timeout is raised to cover the longest long poll.
   *
   * @throws IllegalArgumentException when the endpoint, API key or secret is missing
   */
  public static EventStreamClient create(EmqxClientOptions options) {
    EmqxClientOptions copy = new EmqxClientOptions(options);
    Duration longest = Duration.ofSeconds(PullRequest.MAX_WAIT_SECONDS).plus(REQUEST_MARGIN);
    if (copy.getRequestTimeout().compareTo(longest) < 0) {
      copy.setRequestTimeout(longest);
    }
    return new EventStreamClient(EmqxStyleClient.create(copy));
  }

  /** Leases up to {@code maxEvents} events to the consumer, waiting up to {@code waitSeconds} for a first one. */
  public CompletableFuture<PullResult> pull(PullRequest request) {
    StringBuilder query = new StringBuilder()
        .append("?consumer_group=").append(encode(request.consumerGroup()))
        .append("&tags=").append(encode(request.tags()))
        .append("&max=").append(request.maxEvents())
        .append("&wait_seconds=").append(request.waitSeconds())
        .append("&mode=").append(request.mode().wire())
        .append("&from=").append(request.from().wire())
        .append("&invisible_seconds=").append(request.invisibleSeconds());
    if (request.consumerId() != null) {
      query.append("&consumer_id=").append(encode(request.consumerId()));
    }
    return emqx.call("GET", topicPath(request.topic(), "messages") + query, null, JsonNode.class)
        .thenApply(EventStreamClient::pullResult);
  }

  /**
   * Acknowledges deliveries of the group (of {@code consumerId} for broadcasting; null for clustering). Handles that
   * are unknown, expired or already acknowledged are not counted.
   *
   * @return how many were acknowledged
   */
  public CompletableFuture<Integer> ack(String topic, String consumerGroup, String consumerId,
                                        Collection<String> receiptHandles) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("consumer_group", PullRequest.requireText(consumerGroup, "consumerGroup"));
    if (consumerId != null) {
      body.put("consumer_id", consumerId);
    }
    body.put("receipt_handles", List.copyOf(receiptHandles));
    return emqx.call("POST", topicPath(topic, "ack"), body, JsonNode.class)
        .thenApply(answer -> answer == null ? 0 : answer.path("acked").asInt());
  }

  /** The committed offset of a group (of one consumer id for broadcasting), -1 for a group that never acknowledged. */
  public CompletableFuture<Long> committedOffset(String topic, String consumerGroup, String consumerId) {
    String query = "?consumer_group=" + encode(PullRequest.requireText(consumerGroup, "consumerGroup"))
        + (consumerId == null ? "" : "&consumer_id=" + encode(consumerId));
    return emqx.call("GET", topicPath(topic, "offsets") + query, null, JsonNode.class)
        .thenApply(answer -> answer == null ? -1L : answer.path("committed_offset").asLong(-1));
  }

  static PullResult pullResult(JsonNode answer) {
    if (answer == null || !answer.path("messages").isArray()) {
      throw new EmqxApiException(200, EmqxApiException.UNEXPECTED_RESPONSE, "a pull answered no messages array: "
          + answer, null);
    }
    List<ReceivedEvent> messages = new ArrayList<>(answer.get("messages").size());
    for (JsonNode message : answer.get("messages")) {
      try {
        messages.add(new ReceivedEvent(message.path("offset").asLong(), message.path("tag").asText(),
            message.path("receipt_handle").asText(), message.path("delivery_count").asInt(1),
            ClientStatusEvent.fromJson(message.get("body"))));
      } catch (IllegalArgumentException e) {
        throw new EmqxApiException(200, EmqxApiException.UNEXPECTED_RESPONSE, e.getMessage(), null);
      }
    }
    return new PullResult(messages, answer.path("committed_offset").asLong(-1));
  }

  private static String topicPath(String topic, String what) {
    return "/event-streams/" + encode(PullRequest.requireText(topic, "topic")) + "/" + what;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

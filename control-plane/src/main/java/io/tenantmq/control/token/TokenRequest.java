package io.tenantmq.control.token;

import io.tenantmq.control.topic.TopicSyntax;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A valid application for a token, checked once here for both ways of applying (the token server's
 * {@code /token/apply} and the OnsMqtt action {@code ApplyToken}), so they accept and refuse exactly the same input.
 *
 * @param expireAtMillis already clamped to at most {@link #MAX_LIFETIME_MILLIS} from now, as Aliyun does
 */
public record TokenRequest(String tenantId, String instanceId, String accessKeyId, Set<TokenAction> actions,
                           List<String> resources, long expireAtMillis) {

  /** At most 100 topics per token. */
  public static final int MAX_RESOURCES = 100;
  /** A token lives at least 60 s... */
  public static final long MIN_LIFETIME_MILLIS = 60_000L;
  /** ...and at most 30 days; a later expiry is accepted and cut to 30 days. */
  public static final long MAX_LIFETIME_MILLIS = 30L * 24 * 3600 * 1000;

  public TokenRequest {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(instanceId, "instanceId");
    actions = Set.copyOf(actions);
    resources = List.copyOf(resources);
  }

  /**
   * Parses the wire form: {@code actions} {@code R}, {@code W} or {@code R,W}; {@code resources} comma-separated topic
   * filters; {@code expireTime} epoch ms.
   *
   * @throws IllegalArgumentException with a message that names the bad parameter, for the dialect's error envelope
   */
  public static TokenRequest parse(String tenantId, String instanceId, String accessKeyId, String actions,
                                   String resources, String expireTime, long nowMillis) {
    return new TokenRequest(tenantId, instanceId, accessKeyId, parseActions(actions), parseResources(resources),
        parseExpiry(expireTime, nowMillis));
  }

  static Set<TokenAction> parseActions(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("actions is required: R, W or R,W");
    }
    Set<TokenAction> found = EnumSet.noneOf(TokenAction.class);
    for (String part : text.split(",", -1)) {
      switch (part.trim()) {
        case "R" -> found.add(TokenAction.R);
        case "W" -> found.add(TokenAction.W);
        default -> throw new IllegalArgumentException("actions must be R, W or R,W, not '" + text + "'");
      }
    }
    return found;
  }

  static List<String> parseResources(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("resources is required: one or more topics, comma-separated");
    }
    List<String> topics = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String topic = part.trim();
      if (topic.isEmpty()) {
        throw new IllegalArgumentException("resources holds an empty topic");
      }
      String problem = TopicSyntax.filterProblem(topic);
      if (problem != null) {
        throw new IllegalArgumentException("resources: topic filter '" + topic + "' " + problem);
      }
      topics.add(topic);
    }
    if (topics.size() > MAX_RESOURCES) {
      throw new IllegalArgumentException("resources holds " + topics.size() + " topics; at most " + MAX_RESOURCES);
    }
    // Aliyun asks callers to sort them; sorting here makes the stored form canonical either way
    topics.sort(null);
    return topics;
  }

  static long parseExpiry(String text, long nowMillis) {
    long expireAt;
    try {
      expireAt = Long.parseLong(text == null ? "" : text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expireTime must be an epoch time in milliseconds");
    }
    if (expireAt - nowMillis < MIN_LIFETIME_MILLIS) {
      throw new IllegalArgumentException("expireTime must be at least 60 seconds from now");
    }
    return Math.min(expireAt, nowMillis + MAX_LIFETIME_MILLIS);
  }
}

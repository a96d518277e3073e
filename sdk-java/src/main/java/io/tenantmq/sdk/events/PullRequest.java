package io.tenantmq.sdk.events;

import java.util.Objects;

/**
 * One consumer's pull of a topic ({@code GET /api/v5/event-streams/{topic}/messages}).
 *
 * @param topic            the instance id (every client's events) or {@code <GroupID>_MQTT}
 * @param tags             a tag expression: {@code *} or tags joined by {@code ||}, e.g. {@code connect||tcpclean}
 * @param consumerId       required for {@link ConsumeMode#BROADCASTING}, where it owns the offsets; may be null else
 * @param maxEvents        1..{@value #MAX_EVENTS}
 * @param waitSeconds      long poll: 0..{@value #MAX_WAIT_SECONDS}; 0 answers at once
 * @param invisibleSeconds how long delivered events stay leased before they come again unacknowledged:
 *                         1..{@value #MAX_INVISIBLE_SECONDS}
 */
public record PullRequest(String topic, String consumerGroup, String tags, ConsumeMode mode, String consumerId,
                          ConsumeFrom from, int maxEvents, int waitSeconds, int invisibleSeconds) {

  public static final int MAX_EVENTS = 1000;
  public static final int MAX_WAIT_SECONDS = 30;
  public static final int MAX_INVISIBLE_SECONDS = 43_200;

  /** @throws IllegalArgumentException for a blank topic or group, a missing broadcasting consumer id, a bad range */
  public PullRequest {
    requireText(topic, "topic");
    requireText(consumerGroup, "consumerGroup");
    tags = tags == null || tags.isBlank() ? "*" : tags.trim();
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(from, "from");
    if (mode == ConsumeMode.BROADCASTING && (consumerId == null || consumerId.isBlank())) {
      throw new IllegalArgumentException("a broadcasting consumer needs a consumerId: it owns the offsets");
    }
    requireRange(maxEvents, 1, MAX_EVENTS, "maxEvents");
    requireRange(waitSeconds, 0, MAX_WAIT_SECONDS, "waitSeconds");
    requireRange(invisibleSeconds, 1, MAX_INVISIBLE_SECONDS, "invisibleSeconds");
  }

  static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  private static void requireRange(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + value);
    }
  }
}

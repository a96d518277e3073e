package io.tenantmq.gateway.events;

import io.tenantmq.control.event.ConsumeFrom;
import io.tenantmq.control.event.ConsumeMode;
import io.tenantmq.control.event.EventStream;
import io.tenantmq.control.event.EventSubscription;
import io.tenantmq.control.event.EventTopic;
import io.tenantmq.control.event.PullRequest;
import io.tenantmq.control.event.TagFilter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks every dialect shares: what a caller sent (a {@link ParamSource}) becomes a {@link PullRequest}, a
 * {@link ConsumerRef} or a list of receipt handles, or an {@link EventParamException} naming the first bad parameter.
 * The caller has already settled which instance the request is for (and that the caller may use it).
 */
public final class EventRequests {

  public static final int DEFAULT_MAX = 32;
  public static final int MAX_MAX = EventStream.MAX_READ;
  public static final int MAX_WAIT_SECONDS = 30;
  public static final int DEFAULT_INVISIBLE_SECONDS = 30;
  /** Twelve hours, RocketMQ's longest invisible time. */
  public static final int MAX_INVISIBLE_SECONDS = 43_200;
  public static final int MAX_RECEIPT_HANDLES = 1000;

  /** The parameters a pull reads. */
  public static final Set<EventParam> PULL_PARAMS = Set.copyOf(EnumSet.complementOf(EnumSet.of(EventParam.RECEIPT_HANDLES)));
  /** The parameters an ack (besides its receipt handles) or an offsets query reads. */
  public static final Set<EventParam> CONSUMER_PARAMS = Set.copyOf(EnumSet.of(EventParam.TOPIC,
      EventParam.CONSUMER_GROUP, EventParam.CONSUMER_ID));

  /** RocketMQ's consumer group names. */
  private static final Pattern GROUP = Pattern.compile("[%|A-Za-z0-9_-]{1,255}");
  /** Consumer ids are whatever a client library makes up (host@pid, a UUID): printable ASCII without blanks. */
  private static final Pattern CONSUMER_ID = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private EventRequests() {
  }

  /** The topic (required: the instance id or {@code <GroupID>_MQTT}) and the tag filter (default {@code *}). */
  public static EventSubscription subscription(String instanceId, ParamSource params) {
    String name = value(params, EventParam.TOPIC).orElseThrow(() -> EventParamException.missing(EventParam.TOPIC));
    return new EventSubscription(topic(instanceId, name), tags(params));
  }

  /** A pull with every default of the contract filled in. */
  public static PullRequest pull(String instanceId, ParamSource params) {
    EventSubscription subscription = subscription(instanceId, params);
    String group = group(params);
    ConsumeMode mode = value(params, EventParam.MODE).map(EventRequests::mode).orElse(ConsumeMode.CLUSTERING);
    String consumerId = consumerId(params);
    if (mode == ConsumeMode.BROADCASTING && consumerId == null) {
      throw EventParamException.missing(EventParam.CONSUMER_ID, "required in broadcasting mode");
    }
    ConsumeFrom from = value(params, EventParam.FROM).map(EventRequests::from).orElse(ConsumeFrom.LAST);
    int max = integer(params, EventParam.MAX, DEFAULT_MAX, 1, MAX_MAX);
    int wait = integer(params, EventParam.WAIT_SECONDS, 0, 0, MAX_WAIT_SECONDS);
    int invisible = integer(params, EventParam.INVISIBLE_SECONDS, DEFAULT_INVISIBLE_SECONDS, 1, MAX_INVISIBLE_SECONDS);
    return new PullRequest(subscription, group, mode, consumerId, from, max, Duration.ofSeconds(wait),
        Duration.ofSeconds(invisible));
  }

  /**
   * The group (required) and consumer (optional) of an ack or an offsets query. A topic, when given, must be one of
   * the instance's topic names, though groups are not per topic.
   */
  public static ConsumerRef consumer(String instanceId, ParamSource params) {
    value(params, EventParam.TOPIC).ifPresent(name -> topic(instanceId, name));
    return new ConsumerRef(instanceId, group(params), consumerId(params));
  }

  /** 1 to {@link #MAX_RECEIPT_HANDLES} non-empty handles; null (absent) is missing. */
  public static List<String> receiptHandles(List<String> handles) {
    if (handles == null) {
      throw EventParamException.missing(EventParam.RECEIPT_HANDLES);
    }
    if (handles.isEmpty()) {
      throw EventParamException.invalid(EventParam.RECEIPT_HANDLES, "must hold one receipt handle or more");
    }
    if (handles.size() > MAX_RECEIPT_HANDLES) {
      throw EventParamException.invalid(EventParam.RECEIPT_HANDLES,
          "at most " + MAX_RECEIPT_HANDLES + " per call, was " + handles.size());
    }
    if (handles.stream().anyMatch(h -> h == null || h.isEmpty())) {
      throw EventParamException.invalid(EventParam.RECEIPT_HANDLES, "must not contain an empty handle");
    }
    return List.copyOf(handles);
  }

  /** The tag filter (default {@code *}). */
  public static TagFilter tags(ParamSource params) {
    try {
      return TagFilter.parse(value(params, EventParam.TAGS).orElse("*"));
    } catch (IllegalArgumentException e) {
      throw EventParamException.invalid(EventParam.TAGS, e.getMessage());
    }
  }

  private static EventTopic topic(String instanceId, String name) {
    try {
      return EventTopic.of(instanceId, name);
    } catch (IllegalArgumentException e) {
      throw EventParamException.invalid(EventParam.TOPIC, "unknown topic '" + shown(name) + "': use the instance id "
          + instanceId + " or <GroupID>" + EventTopic.GROUP_SUFFIX);
    }
  }

  private static String group(ParamSource params) {
    String group = value(params, EventParam.CONSUMER_GROUP)
        .orElseThrow(() -> EventParamException.missing(EventParam.CONSUMER_GROUP));
    if (!GROUP.matcher(group).matches()) {
      throw EventParamException.invalid(EventParam.CONSUMER_GROUP,
          "must be 1 to 255 letters, digits, '_', '-', '%' or '|'");
    }
    return group;
  }

  private static String consumerId(ParamSource params) {
    Optional<String> id = value(params, EventParam.CONSUMER_ID);
    if (id.isPresent() && !CONSUMER_ID.matcher(id.get()).matches()) {
      throw EventParamException.invalid(EventParam.CONSUMER_ID, "must be 1 to 255 printable ASCII characters, no blanks");
    }
    return id.orElse(null);
  }

  private static ConsumeMode mode(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "clustering" -> ConsumeMode.CLUSTERING;
      case "broadcasting" -> ConsumeMode.BROADCASTING;
      default -> throw EventParamException.invalid(EventParam.MODE,
          "must be clustering or broadcasting, was '" + shown(text) + "'");
    };
  }

  private static ConsumeFrom from(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "first" -> ConsumeFrom.FIRST;
      case "last" -> ConsumeFrom.LAST;
      default -> throw EventParamException.invalid(EventParam.FROM, "must be first or last, was '" + shown(text) + "'");
    };
  }

  private static int integer(ParamSource params, EventParam param, int fallback, int min, int max) {
    Optional<String> text = value(params, param);
    if (text.isEmpty()) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(text.get().trim());
    } catch (NumberFormatException e) {
      throw EventParamException.invalid(param, "must be an integer within " + min + ".." + max + ", was '"
          + shown(text.get()) + "'");
    }
    if (value < min || value > max) {
      throw EventParamException.invalid(param, "must be within " + min + ".." + max + ", was " + value);
    }
    return (int) value;
  }

  private static Optional<String> value(ParamSource params, EventParam param) {
    return params.text(param).filter(v -> !v.isEmpty());
  }

  /** A caller's value, short enough to quote in one message. */
  private static String shown(String value) {
    return value.length() > 64 ? value.substring(0, 64) + "…" : value;
  }
}

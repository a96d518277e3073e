package io.tenantmq.mqtt.auth;

import io.tenantmq.mqtt.subscription.TopicFilter;
import java.util.Collection;
import java.util.List;

/**
 * The topics one kind of access reaches: all of them, none, or those a list of topic filters matches (a token's
 * resources). Filters are parsed once, at CONNECT; an unlimited or empty scope answers without allocating.
 */
public final class TopicScope {

  public static final TopicScope ALL = new TopicScope(null);
  public static final TopicScope NONE = new TopicScope(List.of());

  /** Null: every topic. */
  private final List<TopicFilter> filters;

  private TopicScope(List<TopicFilter> filters) {
    this.filters = filters;
  }

  /** The topics {@code filters} match; NONE when there are none. Throws on a malformed filter. */
  public static TopicScope of(Collection<String> filters) {
    return filters.isEmpty() ? NONE : new TopicScope(filters.stream().map(TopicFilter::parse).toList());
  }

  /** Whether any topic at all is reachable. */
  public boolean any() {
    return filters == null || !filters.isEmpty();
  }

  /** Whether {@code topic} (a valid topic name) may be published to. */
  public boolean matches(String topic) {
    if (filters == null || filters.isEmpty()) {
      return filters == null;
    }
    for (TopicFilter f : filters) {
      if (f.matches(topic)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a subscription to {@code filter} stays within the scope: one of its filters covers it. */
  public boolean covers(TopicFilter filter) {
    if (filters == null || filters.isEmpty()) {
      return filters == null;
    }
    for (TopicFilter f : filters) {
      if (f.covers(filter)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return filters == null ? "ALL" : filters.toString();
  }
}

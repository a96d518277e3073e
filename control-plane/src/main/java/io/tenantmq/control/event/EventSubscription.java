package io.tenantmq.control.event;

import java.io.Serializable;
import java.util.Objects;

/** What a consumer reads: one topic, and of it the events whose type the tag filter matches. */
public record EventSubscription(EventTopic topic, TagFilter tags) implements Serializable {

  public EventSubscription {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(tags, "tags");
  }

  public boolean includes(ClientEvent event) {
    return topic.includes(event) && tags.matches(event.type());
  }
}

package io.tenantmq.sdk.events;

import java.util.Locale;

/** The event types, spelt as the stream's tags (Alibaba Cloud's RocketMQ tags). */
public enum EventType {
  /** The connection was accepted (CONNACK sent). */
  CONNECT("connect"),
  /** The client sent an MQTT DISCONNECT; clients that just drop never produce it. */
  DISCONNECT("disconnect"),
  /** The TCP connection is gone, for whatever reason: what decides "offline". */
  TCPCLEAN("tcpclean");

  private final String tag;

  EventType(String tag) {
    this.tag = tag;
  }

  /** The wire name: {@code connect}, {@code disconnect} or {@code tcpclean}. */
  public String tag() {
    return tag;
  }

  /** @throws IllegalArgumentException for a tag that is none of the three */
  public static EventType ofTag(String tag) {
    if (tag != null) {
      String lower = tag.trim().toLowerCase(Locale.ROOT);
      for (EventType type : values()) {
        if (type.tag.equals(lower)) {
          return type;
        }
      }
    }
    throw new IllegalArgumentException("unknown event type '" + tag + "': connect, disconnect or tcpclean");
  }
}

package io.tenantmq.control.event;

/** The three event types, spelt as Alibaba Cloud's RocketMQ tags (API-NOTES §3.5). */
public enum ClientEventType {
  /** The connection was accepted (CONNACK sent). */
  CONNECT("connect"),
  /** The client sent an MQTT DISCONNECT; clients that just drop never produce it. */
  DISCONNECT("disconnect"),
  /** The TCP connection is gone, for whatever reason: what decides "offline". */
  TCPCLEAN("tcpclean");

  private final String tag;

  ClientEventType(String tag) {
    this.tag = tag;
  }

  /** The wire name: {@code connect}, {@code disconnect} or {@code tcpclean}. */
  public String tag() {
    return tag;
  }
}

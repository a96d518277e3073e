package io.tenantmq.mqtt.listener;

/** The transports an MQTT listener can serve. */
public enum Transport {
  TCP(false, false),
  WEBSOCKET(true, false),
  /** MQTT over TLS (8883). */
  TLS(false, true),
  /** MQTT over WebSocket over TLS ({@code wss}). */
  WEBSOCKET_TLS(true, true);

  private final boolean webSocket;
  private final boolean tls;

  Transport(boolean webSocket, boolean tls) {
    this.webSocket = webSocket;
    this.tls = tls;
  }

  public boolean webSocket() {
    return webSocket;
  }

  public boolean tls() {
    return tls;
  }
}

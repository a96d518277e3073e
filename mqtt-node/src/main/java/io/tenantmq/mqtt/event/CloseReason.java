package io.tenantmq.mqtt.event;

/**
 * Why a connection ended, as the {@code reason} of its {@code tcpclean} (and {@code disconnect}) event: EMQX's words
 * where EMQX has one. Chosen by whoever closes the connection; a socket that just went away is {@link #TCP_CLOSED}.
 */
public enum CloseReason {
  /** The client sent DISCONNECT (the disconnect event, and the tcpclean after it). */
  NORMAL("normal"),
  /** The connection dropped, or the client closed its socket without DISCONNECT. */
  TCP_CLOSED("tcp_closed"),
  /** Another connection with the same client id took over, resuming the session. */
  TAKENOVER("takenover"),
  /** Another connection with the same client id took over with a clean start: the session was discarded. */
  DISCARDED("discarded"),
  /** An operator kicked the client (API, console). */
  KICKED("kicked"),
  KEEPALIVE_TIMEOUT("keepalive_timeout"),
  BANNED("banned"),
  PROTOCOL_ERROR("protocol_error"),
  TOKEN_EXPIRED("token_expired"),
  TOKEN_REVOKED("token_revoked"),
  /** The node stopped cleanly. */
  SHUTDOWN("shutdown"),
  /** The node crashed; a survivor reports it. */
  NODE_DOWN("node_down");

  private final String wireName;

  CloseReason(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}

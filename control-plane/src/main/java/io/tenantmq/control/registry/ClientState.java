package io.tenantmq.control.registry;

/** Connection state of a registry record. */
public enum ClientState {
  CONNECTED,
  /** The connection is gone but a persistent session is kept for the client. */
  DISCONNECTED
}

package io.tenantmq.sdk.emqx;

import java.util.Locale;

/** The {@code conn_state} filter of a client list. */
public enum ConnState {
  CONNECTED, IDLE, DISCONNECTED;

  /** As the API spells it: {@code connected}, {@code idle}, {@code disconnected}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

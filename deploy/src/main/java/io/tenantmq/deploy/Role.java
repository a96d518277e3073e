package io.tenantmq.deploy;

/** What a process serves. Every role joins the cluster and serves {@code /healthz} and {@code /metrics}. */
public enum Role {
  /** MQTT listeners and the HTTP APIs: the all-in-one node. */
  ALL,
  /** MQTT listeners only (plus health and metrics). */
  MQTT,
  /** The HTTP APIs only. */
  GATEWAY;

  public boolean servesMqtt() {
    return this != GATEWAY;
  }
}

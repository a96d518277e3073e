package io.tenantmq.gateway;

import java.util.Objects;

/** Options of the {@link GatewayServer}, in the Vert.x options shape. */
public final class GatewayOptions {

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;

  public GatewayOptions() {
  }

  public GatewayOptions(GatewayOptions other) {
    this.host = other.host;
    this.port = other.port;
  }

  public String getHost() {
    return host;
  }

  public GatewayOptions setHost(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  public int getPort() {
    return port;
  }

  /** The HTTP port; 0 picks a free one. */
  public GatewayOptions setPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be within 0..65535, was " + port);
    }
    this.port = port;
    return this;
  }
}

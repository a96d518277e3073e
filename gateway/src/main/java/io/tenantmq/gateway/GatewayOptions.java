package io.tenantmq.gateway;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Options of the {@link GatewayServer}, in the Vert.x options shape. */
public final class GatewayOptions {

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final int MIN_ADMIN_TOKEN_LENGTH = 16;
  public static final int MAX_ADMIN_TOKEN_LENGTH = 256;

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private int tencentRateLimit = DEFAULT_TENCENT_RATE_LIMIT;
  private final Map<String, Integer> tencentActionRateLimits = new TreeMap<>();
  private String mqttHost = DEFAULT_HOST;
  private int mqttPort = -1;
  private int wsPort = -1;
  private int tlsPort = -1;
  private String adminToken;

  /** Calls per second per credential per action of the Tencent API (the cloud documents 20 for DescribeMQTTClient). */
  public static final int DEFAULT_TENCENT_RATE_LIMIT = 20;

  public GatewayOptions() {
  }

  public GatewayOptions(GatewayOptions other) {
    this.host = other.host;
    this.port = other.port;
    this.tencentRateLimit = other.tencentRateLimit;
    this.tencentActionRateLimits.putAll(other.tencentActionRateLimits);
    this.mqttHost = other.mqttHost;
    this.mqttPort = other.mqttPort;
    this.wsPort = other.wsPort;
    this.tlsPort = other.tlsPort;
    this.adminToken = other.adminToken;
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

  public int getTencentRateLimit() {
    return tencentRateLimit;
  }

  /** Calls per second each credential may make to each Tencent action, unless {@link #setTencentActionRateLimit} says otherwise. */
  public GatewayOptions setTencentRateLimit(int perSecond) {
    this.tencentRateLimit = positive(perSecond, "tencentRateLimit");
    return this;
  }

  /** Per-action overrides of {@link #getTencentRateLimit()}, by action name. */
  public Map<String, Integer> getTencentActionRateLimits() {
    return Map.copyOf(tencentActionRateLimits);
  }

  public GatewayOptions setTencentActionRateLimit(String action, int perSecond) {
    tencentActionRateLimits.put(Objects.requireNonNull(action, "action"), positive(perSecond, "rate limit of " + action));
    return this;
  }

  public String getMqttHost() {
    return mqttHost;
  }

  /** The host the MQTT listeners are bound to; a wildcard address means "the host the API caller reached us at". */
  public GatewayOptions setMqttHost(String mqttHost) {
    this.mqttHost = Objects.requireNonNull(mqttHost, "mqttHost");
    return this;
  }

  public int getMqttPort() {
    return mqttPort;
  }

  /** The bound MQTT/TCP port, for the APIs that report endpoints; -1 when this node serves none. */
  public GatewayOptions setMqttPort(int mqttPort) {
    this.mqttPort = listenerPort(mqttPort);
    return this;
  }

  public int getWsPort() {
    return wsPort;
  }

  /** The bound MQTT-over-WebSocket port; -1 when this node serves none. */
  public GatewayOptions setWsPort(int wsPort) {
    this.wsPort = listenerPort(wsPort);
    return this;
  }

  public int getTlsPort() {
    return tlsPort;
  }

  /** The bound MQTT-over-TLS port; -1 when this node serves none. */
  public GatewayOptions setTlsPort(int tlsPort) {
    this.tlsPort = listenerPort(tlsPort);
    return this;
  }

  /** The operator token of the admin API; null (the default) refuses every admin request. */
  public String getAdminToken() {
    return adminToken;
  }

  /**
   * Sets the operator token that {@code Authorization: Bearer} must carry. It travels in a header, so it must be
   * printable ASCII without spaces; at least {@link #MIN_ADMIN_TOKEN_LENGTH} characters, so it cannot be guessed.
   */
  public GatewayOptions setAdminToken(String adminToken) {
    if (adminToken != null) {
      if (adminToken.length() < MIN_ADMIN_TOKEN_LENGTH || adminToken.length() > MAX_ADMIN_TOKEN_LENGTH) {
        throw new IllegalArgumentException("the admin token must be " + MIN_ADMIN_TOKEN_LENGTH + " to "
            + MAX_ADMIN_TOKEN_LENGTH + " characters, was " + adminToken.length());
      }
      if (!adminToken.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException("the admin token must be printable ASCII without spaces");
      }
    }
    this.adminToken = adminToken;
    return this;
  }

  private static int positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
    return value;
  }

  private static int listenerPort(int port) {
    if (port < -1 || port > 65535) {
      throw new IllegalArgumentException("a listener port must be within 1..65535, or -1 for none; was " + port);
    }
    return port;
  }
}

package io.tenantmq.mqtt;

import io.tenantmq.mqtt.tls.SniDomain;
import java.util.Objects;

/**
 * Options of an {@link MqttNode}, in the shape of Vert.x options: {@code DEFAULT_*} constants, a copy constructor and
 * fluent setters that reject bad values.
 */
public final class MqttNodeOptions {

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_MQTT_PORT = 1883;
  public static final int DEFAULT_WS_PORT = 8083;
  /** The WebSocket path; Vert.x MQTT serves only this one. */
  public static final String WS_PATH = "/mqtt";
  /** Aliyun client ids reach 64 chars; MQTT allows 65535. */
  public static final int DEFAULT_MAX_CLIENT_ID_LENGTH = 256;
  public static final int DEFAULT_MAX_PACKET_SIZE = 1024 * 1024;
  public static final int DEFAULT_MAX_INFLIGHT = 32;
  public static final int DEFAULT_MAX_QUEUED_MESSAGES = 1000;
  /** How long an MQTT 3 persistent session outlives its connection; also the cap for MQTT 5's Session Expiry. */
  public static final long DEFAULT_MAX_SESSION_EXPIRY_SECONDS = 2 * 60 * 60;
  public static final long DEFAULT_TAKEOVER_TIMEOUT_MILLIS = 5_000;
  public static final long DEFAULT_COUNTER_FLUSH_MILLIS = 5_000;
  public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 30;
  /** Topic aliases an MQTT 5 client may set per connection (CONNACK Topic Alias Maximum); HiveMQ CE allows 5. */
  public static final int DEFAULT_TOPIC_ALIAS_MAXIMUM = 10;
  /** Unacknowledged QoS 1/2 PUBLISHes an MQTT 5 client may have open (CONNACK Receive Maximum); EMQX's default. */
  public static final int DEFAULT_RECEIVE_MAXIMUM = 32;
  /** The longest keepalive an MQTT 5 client gets (CONNACK Server Keep Alive); 0: the client's own stands. */
  public static final int DEFAULT_MAX_KEEP_ALIVE_SECONDS = 0;
  /** The MQTT over TLS port when TLS is enabled; the listener is off unless a port is set. */
  public static final int DEFAULT_TLS_PORT = 8883;
  /** The MQTT over WebSocket over TLS port when enabled (EMQX's default); off unless a port is set. */
  public static final int DEFAULT_WSS_PORT = 8084;

  private String host = DEFAULT_HOST;
  private int mqttPort = DEFAULT_MQTT_PORT;
  private int wsPort = DEFAULT_WS_PORT;
  private int maxClientIdLength = DEFAULT_MAX_CLIENT_ID_LENGTH;
  private int maxPacketSize = DEFAULT_MAX_PACKET_SIZE;
  private int maxInflight = DEFAULT_MAX_INFLIGHT;
  private int maxQueuedMessages = DEFAULT_MAX_QUEUED_MESSAGES;
  private long maxSessionExpirySeconds = DEFAULT_MAX_SESSION_EXPIRY_SECONDS;
  private long takeoverTimeoutMillis = DEFAULT_TAKEOVER_TIMEOUT_MILLIS;
  private long counterFlushMillis = DEFAULT_COUNTER_FLUSH_MILLIS;
  private int connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS;
  private String defaultInstanceId;
  private int topicAliasMaximum = DEFAULT_TOPIC_ALIAS_MAXIMUM;
  private int receiveMaximum = DEFAULT_RECEIVE_MAXIMUM;
  private int maxKeepAliveSeconds = DEFAULT_MAX_KEEP_ALIVE_SECONDS;
  private int tlsPort = -1;
  private int wssPort = -1;
  private String tlsCertPath;
  private String tlsKeyPath;
  private String tlsDirectory;
  private String sniDomain;

  public MqttNodeOptions() {
  }

  public MqttNodeOptions(MqttNodeOptions other) {
    this.host = other.host;
    this.mqttPort = other.mqttPort;
    this.wsPort = other.wsPort;
    this.maxClientIdLength = other.maxClientIdLength;
    this.maxPacketSize = other.maxPacketSize;
    this.maxInflight = other.maxInflight;
    this.maxQueuedMessages = other.maxQueuedMessages;
    this.maxSessionExpirySeconds = other.maxSessionExpirySeconds;
    this.takeoverTimeoutMillis = other.takeoverTimeoutMillis;
    this.counterFlushMillis = other.counterFlushMillis;
    this.connectTimeoutSeconds = other.connectTimeoutSeconds;
    this.defaultInstanceId = other.defaultInstanceId;
    this.topicAliasMaximum = other.topicAliasMaximum;
    this.receiveMaximum = other.receiveMaximum;
    this.maxKeepAliveSeconds = other.maxKeepAliveSeconds;
    this.tlsPort = other.tlsPort;
    this.wssPort = other.wssPort;
    this.tlsCertPath = other.tlsCertPath;
    this.tlsKeyPath = other.tlsKeyPath;
    this.tlsDirectory = other.tlsDirectory;
    this.sniDomain = other.sniDomain;
  }

  public String getHost() {
    return host;
  }

  public MqttNodeOptions setHost(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  public int getMqttPort() {
    return mqttPort;
  }

  /** The MQTT over TCP port; 0 picks a free one, -1 disables the listener. */
  public MqttNodeOptions setMqttPort(int port) {
    this.mqttPort = checkPort(port);
    return this;
  }

  public int getWsPort() {
    return wsPort;
  }

  /** The MQTT over WebSocket port; 0 picks a free one, -1 disables the listener. */
  public MqttNodeOptions setWsPort(int port) {
    this.wsPort = checkPort(port);
    return this;
  }

  public int getMaxClientIdLength() {
    return maxClientIdLength;
  }

  public MqttNodeOptions setMaxClientIdLength(int length) {
    this.maxClientIdLength = checkRange("maxClientIdLength", length, 23, 65535);
    return this;
  }

  public int getMaxPacketSize() {
    return maxPacketSize;
  }

  public MqttNodeOptions setMaxPacketSize(int size) {
    this.maxPacketSize = checkRange("maxPacketSize", size, 1024, 268_435_455);
    return this;
  }

  public int getMaxInflight() {
    return maxInflight;
  }

  public MqttNodeOptions setMaxInflight(int maxInflight) {
    this.maxInflight = checkRange("maxInflight", maxInflight, 1, 65535);
    return this;
  }

  public int getMaxQueuedMessages() {
    return maxQueuedMessages;
  }

  public MqttNodeOptions setMaxQueuedMessages(int max) {
    this.maxQueuedMessages = checkRange("maxQueuedMessages", max, 0, 10_000_000);
    return this;
  }

  public long getMaxSessionExpirySeconds() {
    return maxSessionExpirySeconds;
  }

  public MqttNodeOptions setMaxSessionExpirySeconds(long seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("maxSessionExpirySeconds must be >= 0");
    }
    this.maxSessionExpirySeconds = seconds;
    return this;
  }

  public long getTakeoverTimeoutMillis() {
    return takeoverTimeoutMillis;
  }

  public MqttNodeOptions setTakeoverTimeoutMillis(long millis) {
    this.takeoverTimeoutMillis = checkRange("takeoverTimeoutMillis", (int) Math.min(millis, Integer.MAX_VALUE), 100, 600_000);
    return this;
  }

  public long getCounterFlushMillis() {
    return counterFlushMillis;
  }

  public MqttNodeOptions setCounterFlushMillis(long millis) {
    this.counterFlushMillis = checkRange("counterFlushMillis", (int) Math.min(millis, Integer.MAX_VALUE), 10, 3_600_000);
    return this;
  }

  public int getConnectTimeoutSeconds() {
    return connectTimeoutSeconds;
  }

  public MqttNodeOptions setConnectTimeoutSeconds(int seconds) {
    this.connectTimeoutSeconds = checkRange("connectTimeoutSeconds", seconds, 1, 3600);
    return this;
  }

  public String getDefaultInstanceId() {
    return defaultInstanceId;
  }

  /** The instance of connections that name none (no {@code user@instance}, no SNI). */
  public MqttNodeOptions setDefaultInstanceId(String instanceId) {
    this.defaultInstanceId = instanceId;
    return this;
  }

  public int getTopicAliasMaximum() {
    return topicAliasMaximum;
  }

  /** Topic aliases an MQTT 5 client may set per connection; 0: none (PUBLISH with a Topic Alias gets DISCONNECT 0x94). */
  public MqttNodeOptions setTopicAliasMaximum(int maximum) {
    this.topicAliasMaximum = checkRange("topicAliasMaximum", maximum, 0, 65535);
    return this;
  }

  public int getReceiveMaximum() {
    return receiveMaximum;
  }

  /** Unacknowledged QoS 1/2 PUBLISHes an MQTT 5 client may have open; one more gets DISCONNECT 0x93. */
  public MqttNodeOptions setReceiveMaximum(int maximum) {
    this.receiveMaximum = checkRange("receiveMaximum", maximum, 1, 65535);
    return this;
  }

  public int getMaxKeepAliveSeconds() {
    return maxKeepAliveSeconds;
  }

  /**
   * The longest keepalive an MQTT 5 client gets: one asking for more, or for none (0), is told this one in CONNACK
   * (Server Keep Alive) and held to it. 0: the client's keepalive stands. MQTT 3 clients cannot be told, so keep theirs.
   */
  public MqttNodeOptions setMaxKeepAliveSeconds(int seconds) {
    this.maxKeepAliveSeconds = checkRange("maxKeepAliveSeconds", seconds, 0, 65535);
    return this;
  }

  public int getTlsPort() {
    return tlsPort;
  }

  /** The MQTT over TLS port; 0 picks a free one, -1 (the default) disables the listener. */
  public MqttNodeOptions setTlsPort(int port) {
    this.tlsPort = checkPort(port);
    return this;
  }

  public int getWssPort() {
    return wssPort;
  }

  /** The MQTT over WebSocket over TLS port (path {@link #WS_PATH}); 0 picks a free one, -1 (the default): off. */
  public MqttNodeOptions setWssPort(int port) {
    this.wssPort = checkPort(port);
    return this;
  }

  public String getTlsCertPath() {
    return tlsCertPath;
  }

  public String getTlsKeyPath() {
    return tlsKeyPath;
  }

  /**
   * The PEM certificate chain (leaf first) and its PEM private key the TLS listeners serve; both null (the default):
   * a self-signed certificate in {@link #getTlsDirectory()}.
   */
  public MqttNodeOptions setTlsCertificate(String certPath, String keyPath) {
    if ((certPath == null) != (keyPath == null)) {
      throw new IllegalArgumentException("a TLS certificate needs both its certificate and its key file");
    }
    this.tlsCertPath = certPath;
    this.tlsKeyPath = keyPath;
    return this;
  }

  public String getTlsDirectory() {
    return tlsDirectory;
  }

  /** Where the self-signed certificate is generated and kept when no certificate is configured. */
  public MqttNodeOptions setTlsDirectory(String directory) {
    this.tlsDirectory = directory;
    return this;
  }

  public String getSniDomain() {
    return sniDomain;
  }

  /**
   * With a domain, a TLS client that asks for {@code <instanceId>.<domain>} (SNI) belongs to that instance; null (the
   * default): the SNI host name names no instance.
   */
  public MqttNodeOptions setSniDomain(String domain) {
    this.sniDomain = domain == null ? null : SniDomain.normalize(domain);
    return this;
  }

  private static int checkPort(int port) {
    return checkRange("port", port, -1, 65535);
  }

  private static int checkRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", was " + value);
    }
    return value;
  }
}

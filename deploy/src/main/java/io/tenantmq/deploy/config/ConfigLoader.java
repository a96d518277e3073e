package io.tenantmq.deploy.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantmq.control.persistence.EventRetention;
import io.tenantmq.deploy.Role;
import io.tenantmq.gateway.GatewayOptions;
import io.tenantmq.mqtt.MqttNodeOptions;
import io.tenantmq.mqtt.cluster.ClusterMemberOptions;
import io.tenantmq.mqtt.tls.SniDomain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Reads the configuration file, applies the flags over it, fills defaults and checks everything at once: a bad
 * configuration is reported as the full list of problems and nothing starts.
 */
public final class ConfigLoader {

  public static final String DEFAULT_DATA_DIR = "data";
  public static final String DEFAULT_CLUSTER_NAME = "tenantmq";
  public static final int DEFAULT_HTTP_PORT = 8080;
  /** Ten years: more is a typo. */
  public static final int MAX_EVENT_RETENTION_HOURS = 87_600;
  private static final String KUBERNETES_JOIN = "kubernetes:";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ConfigLoader() {
  }

  /** Thrown with every problem found, one per line. */
  public static final class InvalidConfigException extends Exception {
    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
      super("invalid configuration:\n  - " + String.join("\n  - ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  public static ConfigFile readFile(Path file) throws InvalidConfigException {
    try {
      return JSON.readValue(Files.readString(file), ConfigFile.class);
    } catch (IOException e) {
      throw new InvalidConfigException(List.of("cannot read " + file + ": " + e.getMessage()));
    }
  }

  public static TenantMqConfig resolve(ConfigFile file, ConfigFile flags) throws InvalidConfigException {
    ConfigFile c = file.overriddenBy(flags);
    List<String> problems = new ArrayList<>();
    Role role = Role.ALL;
    if (c.role() != null) {
      try {
        role = Role.valueOf(c.role().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add("role must be all, mqtt or gateway, was '" + c.role() + "'");
      }
    }
    int mqttPort = port(problems, "mqtt-port", c.mqttPort(), MqttNodeOptions.DEFAULT_MQTT_PORT);
    int wsPort = port(problems, "ws-port", c.wsPort(), MqttNodeOptions.DEFAULT_WS_PORT);
    int httpPort = port(problems, "http-port", c.httpPort(), DEFAULT_HTTP_PORT);
    int tlsPort = port(problems, "tls-port", c.tlsPort(), -1);
    int wssPort = port(problems, "wss-port", c.wssPort(), -1);
    TenantMqConfig.Tls tls = tls(problems, c);
    int clusterPort = c.clusterPort() == null ? 0 : c.clusterPort();
    if (clusterPort < 0 || clusterPort > 65535) {
      problems.add("cluster-port must be within 0..65535, was " + clusterPort);
    }
    List<String> members = c.clusterMembers() == null ? List.of() : c.clusterMembers();
    for (String m : members) {
      if (!m.matches("[^:\\s]+(:\\d{1,5})?")) {
        problems.add("cluster member must be HOST or HOST:PORT, was '" + m + "'");
      }
    }
    MqttNodeOptions defaults = new MqttNodeOptions();
    TenantMqConfig.MqttLimits limits = new TenantMqConfig.MqttLimits(
        check(problems, "maxPacketSize", c.maxPacketSize(), defaults.getMaxPacketSize(), 1024, 268_435_455),
        check(problems, "maxClientIdLength", c.maxClientIdLength(), defaults.getMaxClientIdLength(), 23, 65535),
        check(problems, "maxInflight", c.maxInflight(), defaults.getMaxInflight(), 1, 65535),
        check(problems, "maxQueuedMessages", c.maxQueuedMessages(), defaults.getMaxQueuedMessages(), 0, 10_000_000),
        c.maxSessionExpirySeconds() == null ? defaults.getMaxSessionExpirySeconds() : c.maxSessionExpirySeconds());
    if (limits.maxSessionExpirySeconds() < 0) {
      problems.add("maxSessionExpirySeconds must be >= 0");
    }
    String nodeName = c.nodeName() == null ? defaultNodeName(clusterPort) : c.nodeName();
    if (nodeName.isBlank() || nodeName.length() > 128) {
      problems.add("node-name must be 1..128 characters");
    }
    String clusterName = c.clusterName() == null ? DEFAULT_CLUSTER_NAME : c.clusterName();
    if (clusterName.isBlank()) {
      problems.add("cluster-name must not be blank");
    }
    if (c.adminToken() != null) {
      try {
        new GatewayOptions().setAdminToken(c.adminToken().value());
      } catch (IllegalArgumentException e) {
        problems.add("admin-token: " + e.getMessage());
      }
    }
    String kubernetesDns = kubernetesServiceDns(problems, c.join());
    int failureDetection = check(problems, "failure-detection-seconds", c.failureDetectionSeconds(),
        ClusterMemberOptions.DEFAULT_FAILURE_DETECTION_SECONDS, ClusterMemberOptions.MIN_FAILURE_DETECTION_SECONDS,
        300);
    TenantMqConfig.SecretKey secretKey = secretKey(problems, c.secretEncryptionKey());
    int eventRetentionHours = check(problems, "event-retention-hours", c.eventRetentionHours(),
        (int) EventRetention.DEFAULT_MAX_AGE.toHours(), 1, MAX_EVENT_RETENTION_HOURS);
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new TenantMqConfig(role, c.host() == null ? "0.0.0.0" : c.host(), mqttPort, wsPort, httpPort, tlsPort,
        wssPort, Path.of(c.dataDir() == null ? DEFAULT_DATA_DIR : c.dataDir()).toAbsolutePath(), nodeName, clusterName,
        clusterPort, members, c.jdbcUrl(), limits, c.adminToken(), secretKey, eventRetentionHours, kubernetesDns,
        failureDetection, tls);
  }

  /** The certificate files (both or neither, readable) and the SNI domain (a DNS name). */
  private static TenantMqConfig.Tls tls(List<String> problems, ConfigFile c) {
    if ((c.tlsCert() == null) != (c.tlsKey() == null)) {
      problems.add("tls-cert and tls-key go together: give both PEM files, or neither for a self-signed certificate");
    }
    Path cert = readable(problems, "tls-cert", c.tlsCert());
    Path key = readable(problems, "tls-key", c.tlsKey());
    String domain = null;
    if (c.sniDomain() != null) {
      try {
        domain = SniDomain.normalize(c.sniDomain());
      } catch (IllegalArgumentException e) {
        problems.add("sni-domain: " + e.getMessage());
      }
    }
    return new TenantMqConfig.Tls(cert == null || key == null ? null : cert, cert == null || key == null ? null : key,
        domain);
  }

  private static Path readable(List<String> problems, String name, String file) {
    if (file == null) {
      return null;
    }
    Path path = Path.of(file).toAbsolutePath();
    if (!Files.isReadable(path)) {
      problems.add(name + " " + path + " is not a readable file");
    }
    return path;
  }

  /** {@code tcp} (or nothing): null; {@code kubernetes:<service-dns>}: the DNS name. */
  private static String kubernetesServiceDns(List<String> problems, String join) {
    if (join == null || join.equals("tcp")) {
      return null;
    }
    if (join.startsWith(KUBERNETES_JOIN) && join.length() > KUBERNETES_JOIN.length()
        && join.substring(KUBERNETES_JOIN.length()).matches("[A-Za-z0-9.-]+")) {
      return join.substring(KUBERNETES_JOIN.length());
    }
    problems.add("join must be tcp or kubernetes:<service-dns> (a headless service's DNS name), was '" + join + "'");
    return null;
  }

  private static TenantMqConfig.SecretKey secretKey(List<String> problems, Secret base64) {
    if (base64 == null) {
      return null;
    }
    try {
      return new TenantMqConfig.SecretKey(Base64.getDecoder().decode(base64.value().trim()));
    } catch (IllegalArgumentException e) {
      // the message never echoes the value
      problems.add("secretEncryptionKey must be the Base64 of 32 random bytes (e.g. `openssl rand -base64 32`)");
      return null;
    }
  }

  /** EMQX names its nodes {@code emqx@host}; ours carry the cluster port too so that one host can run several. */
  private static String defaultNodeName(int clusterPort) {
    return "tenantmq@127.0.0.1" + (clusterPort == 0 ? "" : ":" + clusterPort);
  }

  private static int port(List<String> problems, String name, Integer value, int defaultValue) {
    int v = value == null ? defaultValue : value;
    if (v < -1 || v > 65535) {
      problems.add(name + " must be within 0..65535 (or -1 for off), was " + v);
    }
    return v;
  }

  private static int check(List<String> problems, String name, Integer value, int defaultValue, int min, int max) {
    int v = value == null ? defaultValue : value;
    if (v < min || v > max) {
      problems.add(name + " must be within " + min + ".." + max + ", was " + v);
    }
    return v;
  }
}

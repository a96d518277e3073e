package io.tenantmq.deploy;

import io.tenantmq.deploy.admin.CredentialCommand;
import io.tenantmq.deploy.admin.InstanceCommand;
import io.tenantmq.deploy.admin.TenantCommand;
import io.tenantmq.deploy.admin.UserCommand;
import io.tenantmq.deploy.config.ConfigFile;
import io.tenantmq.deploy.config.ConfigLoader;
import io.tenantmq.deploy.config.Secret;
import io.tenantmq.deploy.config.TenantMqConfig;
import io.tenantmq.deploy.demo.DemoTenant;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar tenantmq.jar [flags]}: starts a node (the all-in-one node with no flags) until SIGTERM.
 * {@code tenantmq tenant|instance|credential|user …}: operator subcommands, clients of a running node's admin API.
 */
@Command(name = "tenantmq", mixinStandardHelpOptions = true, version = "TenantMQ 0.1.0",
    description = "Self-hostable multi-tenant MQTT cloud service. With no arguments: the all-in-one node.",
    subcommands = {TenantCommand.class, InstanceCommand.class, CredentialCommand.class, UserCommand.class})
public final class Launcher implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", description = "JSON configuration file; flags override it.")
  Path config;
  @Option(names = "--role", description = "all | mqtt | gateway (default: all)")
  String role;
  @Option(names = "--host", description = "Interface the listeners bind to (default 0.0.0.0).")
  String host;
  @Option(names = "--mqtt-port", description = "MQTT over TCP (default 1883; 0 = any free port; -1 = off).")
  Integer mqttPort;
  @Option(names = "--ws-port", description = "MQTT over WebSocket, path /mqtt (default 8083).")
  Integer wsPort;
  @Option(names = "--http-port", description = "HTTP gateway: /healthz, /metrics, APIs (default 8080).")
  Integer httpPort;
  @Option(names = "--tls-port", description = "MQTT over TLS (off by default; 8883 is the usual port; 0 = any free"
      + " port).")
  Integer tlsPort;
  @Option(names = "--wss-port", description = "MQTT over WebSocket over TLS, path /mqtt (off by default; 8084 is the"
      + " usual port).")
  Integer wssPort;
  @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate chain (leaf first) of the TLS"
      + " listeners; with --tls-key. Default: a self-signed certificate generated into DATA_DIR/tls at first start.")
  String tlsCert;
  @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key of --tls-cert.")
  String tlsKey;
  @Option(names = "--sni-domain", paramLabel = "NAME", description = "A TLS client asking for <instanceId>.NAME"
      + " (SNI) belongs to that instance; the self-signed certificate then also names *.NAME.")
  String sniDomain;
  @Option(names = "--data-dir", description = "Where ports.json and demo-credentials.json go (default ./data).")
  String dataDir;
  @Option(names = "--node-name", description = "This node's name in the cluster and in every API.")
  String nodeName;
  @Option(names = "--cluster-name", description = "Nodes with the same cluster name and members form one cluster.")
  String clusterName;
  @Option(names = "--cluster-port", description = "Hazelcast member port (default: first free from 5701).")
  Integer clusterPort;
  @Option(names = "--cluster-members", paramLabel = "HOST:PORT,...", description = "TCP join list; no multicast.")
  String clusterMembers;
  @Option(names = "--join", paramLabel = "tcp|kubernetes:SERVICE_DNS", description = "How members find each other:"
      + " tcp (default: --cluster-members) or kubernetes:<headless service DNS name> (Hazelcast's DNS lookup; every"
      + " member on the same --cluster-port).")
  String join;
  @Option(names = "--failure-detection-seconds", paramLabel = "S", description = "A member silent this long is"
      + " declared dead; its clients are marked offline within about S + 2 s (default 6, at least 2).")
  Integer failureDetectionSeconds;
  @Option(names = "--jdbc-url", description = "Durable store: jdbc:postgresql://HOST:PORT/DB?user=…&password=… for"
      + " a cluster (every member the same); default: an H2 file, DATA_DIR/tenantmq.mv.db.")
  String jdbcUrl;
  @Option(names = "--event-retention-hours", paramLabel = "HOURS",
      description = "How long the event streams keep their events in the durable store (default 72).")
  Integer eventRetentionHours;
  @Option(names = "--admin-token", paramLabel = "TOKEN",
      description = "Operator token of the admin API (default: generated once per cluster, in demo-credentials.json).")
  String adminToken;

  public static void main(String[] args) {
    JvmDefaults.apply();
    System.exit(new CommandLine(new Launcher()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    TenantMqConfig resolved;
    try {
      ConfigFile file = config == null ? ConfigFile.EMPTY : ConfigLoader.readFile(config);
      ConfigFile flags = new ConfigFile(role, host, mqttPort, wsPort, httpPort, tlsPort, dataDir, nodeName, clusterName,
          clusterPort, clusterMembers == null ? null : splitMembers(clusterMembers), jdbcUrl,
          null, null, null, null, null).withAdminToken(Secret.of(adminToken))
          .withEventRetentionHours(eventRetentionHours).withJoin(join, failureDetectionSeconds)
          .withTls(wssPort, tlsCert, tlsKey, sniDomain);
      resolved = ConfigLoader.resolve(file, flags);
    } catch (ConfigLoader.InvalidConfigException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    TenantMqNode node = new TenantMqNode(resolved);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.stop();
      stopped.countDown();
    }, "tenantmq-shutdown"));
    try {
      node.start();
    } catch (Exception e) {
      System.err.println("TenantMQ failed to start: " + e);
      return 1;
    }
    System.out.println("Demo tenant (also in " + resolved.dataDir().resolve(DemoTenant.FILE_NAME) + "):");
    System.out.println(DemoTenant.toJson(node.demo()));
    stopped.await();
    return 0;
  }

  /** {@code HOST:PORT,HOST:PORT} as a list; blanks around commas are ignored. */
  static List<String> splitMembers(String list) {
    return list.isBlank() ? List.of() : List.of(list.trim().split("\\s*,\\s*"));
  }
}

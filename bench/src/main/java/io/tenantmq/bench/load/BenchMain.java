package io.tenantmq.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line entry point: {@code java -jar bench/target/tenantmq-bench.jar [options]}. */
@Command(
    name = "tenantmq-bench",
    mixinStandardHelpOptions = true,
    description = "Runs one publisher -> one subscriber (MQTT 3.1.1) against TenantMQ and Mosquitto, each started as its own process, "
        + "and prints throughput, end-to-end latency and broker CPU per message side by side; or, with --scenario describe-client, "
        + "DescribeMQTTClient latency and throughput against TenantMQ in process as the client registry grows; or, with --scenario "
        + "emqx-clients, the EMQX API's client pages (first, last, cursor walk) and look-ups likewise; or, with --scenario "
        + "aliyun-route, Alibaba Cloud's /route/clientId/get likewise; or, with --scenario event-latency, the time from a client's "
        + "socket close to its tcpclean event at an SDK EventConsumer, at offered connect-and-close rates.")
public final class BenchMain implements Callable<Integer> {
  static final int EXIT_BENCH_FAILED = 2;

  @Option(names = "--rounds", defaultValue = "3", description = "Rounds; the broker order alternates per round (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds per broker and QoS (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--warmup-seconds", defaultValue = "5", description = "Warm-up seconds before each measured phase (default: ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(names = "--qos", split = ",", defaultValue = "0,1", description = "QoS levels, comma separated (default: ${DEFAULT-VALUE}).")
  List<Integer> qos;

  @Option(names = "--only", description = "Run a single broker: mosquitto or tenantmq.")
  String only;

  @Option(names = "--tenantmq-jar", defaultValue = "deploy/target/tenantmq.jar",
      description = "TenantMQ launcher jar; a relative path is resolved against the repository root (default: ${DEFAULT-VALUE}).")
  Path tenantMqJar;

  @Option(names = "--tenantmq-jvm-args", defaultValue = "", description = "Extra JVM arguments for TenantMQ, space separated, e.g. \"-Xmx1g\".")
  String tenantMqJvmArgs;

  @Option(names = "--mosquitto", defaultValue = "mosquitto", description = "mosquitto binary, a name on PATH or /usr/sbin, or a path (default: ${DEFAULT-VALUE}).")
  String mosquitto;

  @Option(names = "--window", defaultValue = "" + ScenarioOptions.DEFAULT_WINDOW_MESSAGES,
      description = "Most messages published but not yet received (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--inflight", defaultValue = "" + ScenarioOptions.DEFAULT_INFLIGHT_MESSAGES,
      description = "QoS 1: most messages published but not yet PUBACKed (default: ${DEFAULT-VALUE}).")
  int inflight;

  @Option(names = "--payload-bytes", defaultValue = "" + ScenarioOptions.DEFAULT_PAYLOAD_BYTES, description = "Payload size (default: ${DEFAULT-VALUE}).")
  int payloadBytes;

  @Option(names = "--scenario", defaultValue = "pubsub",
      description = "pubsub (TenantMQ vs Mosquitto, the default), describe-client (DescribeMQTTClient latency as the registry grows) "
          + "emqx-clients (GET /api/v5/clients pages and look-ups as the registry grows) "
          + "aliyun-route (GET /route/clientId/get as the registry grows) "
          + "or event-latency (socket close -> tcpclean at an EventConsumer, at --rates).")
  String scenario;

  @Option(names = "--clients", split = ",", defaultValue = "10000,100000",
      description = "describe-client, emqx-clients, aliyun-route: registered client counts, ascending (default: ${DEFAULT-VALUE}).")
  List<Integer> clients;

  @Option(names = "--instances", defaultValue = "10",
      description = "describe-client, emqx-clients, aliyun-route: tenants (one instance each) the clients are spread over (default: ${DEFAULT-VALUE}).")
  int instances;

  @Option(names = "--concurrency", defaultValue = "8",
      description = "describe-client, emqx-clients, aliyun-route: calls in flight (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--credentials-per-tenant", defaultValue = "40",
      description = "describe-client: credentials per tenant the calls rotate over, each limited to 20 calls/s (default: ${DEFAULT-VALUE}).")
  int credentialsPerTenant;

  @Option(names = "--live-clients", defaultValue = "4",
      description = "describe-client, emqx-clients, aliyun-route: real MQTT clients kept connected and publishing (default: ${DEFAULT-VALUE}).")
  int liveClients;

  @Option(names = "--rates", split = ",", defaultValue = "1000,10000",
      description = "event-latency: offered connect-and-close cycles per second, one phase each (default: ${DEFAULT-VALUE}).")
  List<Integer> rates;

  @Option(names = "--batch-size", defaultValue = "256",
      description = "event-latency: events per pull of the consumer, 1..1000 (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--loops", defaultValue = "2",
      description = "event-latency: event loops starting the connect-and-close cycles (default: ${DEFAULT-VALUE}).")
  int loops;

  @Option(names = "--max-pending", defaultValue = "2000",
      description = "event-latency: cycles under way at most; more are skipped and counted (default: ${DEFAULT-VALUE}).")
  int maxPending;

  @Option(names = "--start-timeout-seconds", defaultValue = "60", description = "How long a broker may take to start (default: ${DEFAULT-VALUE}).")
  int startTimeoutSeconds;

  public static void main(String[] args) {
    io.tenantmq.deploy.JvmDefaults.apply(); // the product runs in this JVM in some scenarios
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  @Override
  public Integer call() {
    if ("describe-client".equals(scenario) || "emqx-clients".equals(scenario) || "aliyun-route".equals(scenario)) {
      return registry();
    }
    if ("event-latency".equals(scenario)) {
      return eventLatency();
    }
    if (!"pubsub".equals(scenario)) {
      System.err.println("bad option: --scenario must be pubsub, describe-client, emqx-clients, aliyun-route or "
          + "event-latency, was " + scenario);
      return CommandLine.ExitCode.USAGE;
    }
    BenchOptions options;
    try {
      options = toOptions();
    } catch (IllegalArgumentException e) {
      System.err.println("bad option: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    try {
      return new BenchRun(options, System.out).run();
    } catch (BenchException e) {
      System.err.println("bench failed: " + e.getMessage());
      return EXIT_BENCH_FAILED;
    }
  }

  /** The scenarios that measure API calls as the client registry grows. */
  private Integer registry() {
    RegistryBenchOptions options;
    try {
      options = new RegistryBenchOptions(clients, instances, concurrency, credentialsPerTenant, liveClients, rounds,
          Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(seconds));
    } catch (IllegalArgumentException e) {
      System.err.println("bad option: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    try {
      RegistryWorkload workload = switch (scenario) {
        case "emqx-clients" -> new EmqxClientsWorkload(System.out);
        case "aliyun-route" -> new AliyunRouteWorkload(System.out);
        default -> new DescribeClientWorkload(credentialsPerTenant, System.out);
      };
      return new RegistryBench(options, workload, System.out).run();
    } catch (BenchException e) {
      System.err.println("bench failed: " + e.getMessage());
      return EXIT_BENCH_FAILED;
    }
  }

  /** Socket close to tcpclean delivery at an EventConsumer, per offered rate. */
  private Integer eventLatency() {
    EventLatencyOptions options;
    try {
      options = new EventLatencyOptions(rates, rounds, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(seconds),
          batchSize, loops, maxPending);
    } catch (IllegalArgumentException e) {
      System.err.println("bad option: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    try {
      return new EventLatencyBench(options, System.out).run();
    } catch (BenchException e) {
      System.err.println("bench failed: " + e.getMessage());
      return EXIT_BENCH_FAILED;
    }
  }

  private BenchOptions toOptions() {
    List<BrokerKind> brokers = only == null ? List.of(BrokerKind.values()) : List.of(BrokerKind.fromLabel(only));
    List<String> jvmArgs = new ArrayList<>(Arrays.asList(tenantMqJvmArgs.trim().split("\\s+")));
    jvmArgs.removeIf(String::isEmpty);
    return new BenchOptions(
        rounds,
        Duration.ofSeconds(warmupSeconds),
        Duration.ofSeconds(seconds),
        qos,
        brokers,
        new ScenarioOptions(window, inflight, payloadBytes),
        RepoRoot.resolve(tenantMqJar),
        jvmArgs,
        mosquitto,
        Duration.ofSeconds(startTimeoutSeconds));
  }
}

package io.tenantmq.bench.load;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

/**
 * TenantMQ from its launcher jar, every listener on port 0, a fresh data directory and a cluster name of its own,
 * so it never joins another Hazelcast member on this machine. It reports its ports in {@code <data-dir>/ports.json}.
 */
final class TenantMqProcess extends BrokerProcess {
  private static final String PORTS_FILE = "ports.json";

  private final Path jar;
  private final List<String> jvmArgs;
  private final Path dataDir;
  private final String clusterName;

  private TenantMqProcess(Path jar, List<String> jvmArgs, Path dataDir, Path logFile) {
    super(BrokerKind.TENANTMQ, logFile);
    this.jar = jar;
    this.jvmArgs = List.copyOf(jvmArgs);
    this.dataDir = dataDir;
    this.clusterName = "bench-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  }

  /** Fails with a message saying how to build the jar when it is missing. */
  static TenantMqProcess create(Path jar, List<String> jvmArgs, Path runDir) {
    if (!Files.isRegularFile(jar)) {
      throw new BenchException("TenantMQ jar not found at " + jar + ". Build it with "
          + "'mvn -B -pl deploy -am package -DskipTests', pass --tenantmq-jar <path>, or run with --only mosquitto.");
    }
    try {
      Path dataDir = Files.createDirectory(runDir.resolve("tenantmq-data"));
      return new TenantMqProcess(jar, jvmArgs, dataDir, runDir.resolve("tenantmq.log"));
    } catch (IOException e) {
      throw new BenchException("cannot create the TenantMQ data directory in " + runDir + ": " + e.getMessage(), e);
    }
  }

  @Override
  protected List<String> command() {
    List<String> command = new ArrayList<>();
    // the same JVM that runs the bench, so both sides use one Java version
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmArgs);
    command.addAll(List.of("-jar", jar.toString(),
        "--mqtt-port", "0", "--ws-port", "0", "--http-port", "0",
        "--data-dir", dataDir.toString(),
        "--cluster-name", clusterName));
    return command;
  }

  @Override
  protected Map<String, String> environment() {
    return Map.of("HZ_PHONE_HOME_ENABLED", "false");
  }

  @Override
  protected OptionalInt probeMqttPort() {
    Path ports = dataDir.resolve(PORTS_FILE);
    if (!Files.isRegularFile(ports)) {
      return OptionalInt.empty();
    }
    try {
      Integer mqtt = new JsonObject(Files.readString(ports, StandardCharsets.UTF_8)).getInteger("mqtt");
      return mqtt != null && mqtt > 0 ? OptionalInt.of(mqtt) : OptionalInt.empty();
    } catch (IOException | DecodeException | ClassCastException e) {
      // the file may be caught half written; the next poll reads it whole
      return OptionalInt.empty();
    }
  }
}

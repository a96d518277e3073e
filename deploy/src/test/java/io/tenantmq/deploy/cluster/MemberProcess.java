package io.tenantmq.deploy.cluster;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantmq.deploy.Launcher;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One cluster member as its own JVM, started as an operator starts the jar ({@link Launcher} with flags, every
 * listener on port 0, loopback), so that it can be killed with SIGKILL: nothing of it runs in the test's JVM.
 *
 * @param name    its node name
 * @param dataDir its data directory ({@code ports.json}, {@code demo-credentials.json}, {@code node.log})
 */
record MemberProcess(String name, Path dataDir, Process process) {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Starts the JVM; {@link #awaitServing} waits until it serves. */
  static MemberProcess launch(String name, Path dataDir, List<String> flags) throws IOException {
    Files.createDirectories(dataDir);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // the --add-opens Hazelcast wants, as this JVM got them; a small heap, several of these run at once
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-"))
        .forEach(command::add);
    command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(List.of("-cp", testClassPath(), Launcher.class.getName(), "--node-name", name,
        "--data-dir", dataDir.toString(), "--host", "127.0.0.1", "--mqtt-port", "0", "--ws-port", "0",
        "--http-port", "0"));
    command.addAll(flags);
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dataDir.resolve("node.log").toFile()).start();
    return new MemberProcess(name, dataDir, process);
  }

  /** Waits until {@code ports.json} is written and {@code /healthz} answers 200; fails with the node's log. */
  MemberProcess awaitServing(Duration timeout) throws IOException {
    Path portsFile = dataDir.resolve("ports.json");
    try {
      await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " exited with " + process.exitValue());
        }
        return Files.exists(portsFile) && healthy(ClusterApi.JSON.readTree(portsFile.toFile()).get("http").asInt());
      });
    } catch (RuntimeException e) {
      throw new AssertionError(name + " did not start; its log:\n" + log(), e);
    }
    return this;
  }

  JsonNode ports() throws IOException {
    return ClusterApi.JSON.readTree(dataDir.resolve("ports.json").toFile());
  }

  int mqttPort() throws IOException {
    return ports().get("mqtt").asInt();
  }

  ClusterApi api() throws IOException {
    return ClusterApi.of("127.0.0.1", dataDir);
  }

  /** SIGKILL: no shutdown hook runs, no socket is closed by the JVM, nothing leaves the cluster cleanly. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /** Kills what is still alive (for clean-up after any failure). */
  void destroy() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  String log() {
    try {
      return Files.readString(dataDir.resolve("node.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static boolean healthy(int httpPort) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/healthz"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The test class path surefire hands this JVM: every module of the product and its dependencies. */
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }
}

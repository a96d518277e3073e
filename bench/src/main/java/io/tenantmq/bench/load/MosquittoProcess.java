package io.tenantmq.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Mosquitto with no config file, which makes it listen on loopback only and accept anonymous clients (mosquitto 2.x "local only" mode). */
final class MosquittoProcess extends BrokerProcess {
  private static final int CONNECT_PROBE_MILLIS = 200;
  // Debian installs mosquitto in /usr/sbin, which is not on every user's PATH
  private static final List<Path> EXTRA_DIRS = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"), Path.of("/sbin"));

  private final Path binary;
  private final int port;

  private MosquittoProcess(Path binary, int port, Path logFile) {
    super(BrokerKind.MOSQUITTO, logFile);
    this.binary = binary;
    this.port = port;
  }

  /** Fails with a message saying how to install mosquitto when the binary cannot be found. */
  static MosquittoProcess create(String binary, Path runDir) {
    Path resolved = resolve(binary).orElseThrow(() -> new BenchException(
        "mosquitto not found (looked for '" + binary + "' on PATH and in /usr/sbin, /usr/local/sbin, /sbin). "
            + "Install it with 'apt-get install -y mosquitto', pass --mosquitto <path>, or run with --only tenantmq."));
    return new MosquittoProcess(resolved, freeLoopbackPort(), runDir.resolve("mosquitto.log"));
  }

  @Override
  protected List<String> command() {
    return List.of(binary.toString(), "-p", Integer.toString(port));
  }

  @Override
  protected OptionalInt probeMqttPort() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_PROBE_MILLIS);
      return OptionalInt.of(port);
    } catch (IOException e) {
      return OptionalInt.empty();
    }
  }

  static Optional<Path> resolve(String binary) {
    if (binary.contains("/")) {
      Path path = Path.of(binary);
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    List<Path> dirs = new ArrayList<>();
    String pathVariable = System.getenv("PATH");
    if (pathVariable != null) {
      for (String dir : pathVariable.split(":")) {
        if (!dir.isEmpty()) {
          dirs.add(Path.of(dir));
        }
      }
    }
    dirs.addAll(EXTRA_DIRS);
    return dirs.stream().map(dir -> dir.resolve(binary)).filter(Files::isExecutable).findFirst();
  }

  /**
   * Mosquitto cannot listen on port 0 and tell us the port, so pick one the kernel just handed out and release it.
   * Another process could take it in between; the start then fails with mosquitto's "address in use" in its log.
   */
  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}

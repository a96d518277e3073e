package io.tenantmq.control.persistence;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for a test class, from Debian's {@code postgresql} package
 * ({@code scripts/install-test-deps.sh} installs it): a fresh cluster in a temporary directory, trust authentication,
 * listening on a free loopback port. PostgreSQL refuses to run as root, so under root its programs run as the
 * {@code postgres} OS user. Missing binaries fail the test: PostgreSQL support must not go untested silently.
 */
public final class PostgresServer implements AutoCloseable {

  private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");

  private final Path bin;
  private final Path dataDir;
  private final int port;
  private final boolean asPostgresUser;

  private PostgresServer(Path bin, Path dataDir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dataDir = dataDir;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** initdb, then start; about two seconds. */
  public static PostgresServer start() throws Exception {
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dataDir = Files.createTempDirectory("tenantmq-pg-");
    if (root) {
      UserPrincipalLookupService users = dataDir.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(dataDir, users.lookupPrincipalByName("postgres"));
    }
    int port = freePort();
    PostgresServer server = new PostgresServer(bin, dataDir, port, root);
    server.run("initdb", "-D", dataDir.resolve("data").toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
        "--no-sync", "--no-instructions");
    // fsync off: the test's data needs to survive a JDBC reconnect, not a power cut
    server.run("pg_ctl", "-D", dataDir.resolve("data").toString(), "-l", dataDir.resolve("server.log").toString(),
        "-w", "-t", "60", "-o", "-h 127.0.0.1 -p " + port + " -k " + dataDir + " -c fsync=off", "start");
    return server;
  }

  /** A JDBC URL for a database of its own, created now, so that classes sharing a server do not see each other's rows. */
  public String newDatabaseUrl() throws Exception {
    String name = "t_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws Exception {
    try {
      run("pg_ctl", "-D", dataDir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    } finally {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void run(String program, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output + logTail());
    }
  }

  private String logTail() {
    try {
      Path log = dataDir.resolve("server.log");
      return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static Path binaries() throws IOException {
    if (Files.isDirectory(DEBIAN_BINARIES)) {
      try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
        // the newest major version installed
        var found = versions.map(v -> v.resolve("bin"))
            .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
            .max(Comparator.comparingInt(b -> majorVersion(b.getParent().getFileName().toString())));
        if (found.isPresent()) {
          return found.get();
        }
      }
    }
    throw new IllegalStateException("PostgreSQL server binaries not found under " + DEBIAN_BINARIES
        + "/*/bin (initdb, pg_ctl): run scripts/install-test-deps.sh (installs Debian's postgresql package)");
  }

  private static int majorVersion(String name) {
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}

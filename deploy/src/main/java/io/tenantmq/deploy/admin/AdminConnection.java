package io.tenantmq.deploy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantmq.deploy.PortsFile;
import io.tenantmq.deploy.config.ConfigLoader;
import io.tenantmq.deploy.demo.DemoCredentials;
import io.tenantmq.deploy.demo.DemoFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where and how an operator subcommand reaches the admin API: the options every subcommand shares (a picocli mixin),
 * the defaults taken from a local node's data directory, and the one place that turns failures into messages and exit
 * codes.
 */
public final class AdminConnection {

  /** The admin API refused the call; the server's message is printed. */
  public static final int EXIT_REFUSED = 1;
  /** No node to talk to, or no token to talk with. */
  public static final int EXIT_UNREACHABLE = 3;
  static final String TOKEN_ENV = "TENANTMQ_ADMIN_TOKEN";

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--url", paramLabel = "URL",
      description = "The node's HTTP address (default: http://127.0.0.1:<http port in <data-dir>/ports.json>).")
  String url;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "Operator token (default: $" + TOKEN_ENV + ", else admin.token of <data-dir>/demo-credentials.json).")
  String token;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "A local node's data directory (default ./data).")
  Path dataDir;

  @Option(names = "--json", description = "Print the API's JSON instead of text, for scripts.")
  boolean json;

  /** One call of a subcommand, given a connected client and where to print. */
  @FunctionalInterface
  interface Call {
    void run(AdminClient client, PrintWriter out) throws IOException, InterruptedException, AdminCallException;
  }

  /** Runs {@code call}; returns the exit code, having printed any failure to stderr. */
  int run(Call call) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      Path dir = dataDir != null ? dataDir : Path.of(ConfigLoader.DEFAULT_DATA_DIR);
      String resolvedUrl = url != null ? url : localUrl(dir);
      String resolvedToken = resolveToken(dir);
      PrintWriter out = spec.commandLine().getOut();
      call.run(new AdminClient(resolvedUrl, resolvedToken), out);
      out.flush();
      return 0;
    } catch (AdminCallException e) {
      err.println("error: " + e.getMessage() + " (" + e.code() + ", HTTP " + e.status() + ")");
      return EXIT_REFUSED;
    } catch (Unreachable e) {
      err.println("error: " + e.getMessage());
      return EXIT_UNREACHABLE;
    } catch (ConnectException | HttpTimeoutException e) {
      err.println("error: cannot reach the admin API" + (url == null ? "" : " at " + url) + ": " + e);
      return EXIT_UNREACHABLE;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return EXIT_UNREACHABLE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("error: interrupted");
      return EXIT_UNREACHABLE;
    } finally {
      err.flush();
    }
  }

  boolean json() {
    return json;
  }

  /** Prints {@code node} as one line of JSON. */
  static void printJson(PrintWriter out, JsonNode node) {
    out.println(node.toString());
  }

  private static String localUrl(Path dir) throws Unreachable {
    Path ports = dir.resolve(PortsFile.FILE_NAME);
    if (!Files.isRegularFile(ports)) {
      throw new Unreachable("no --url given and no " + ports + ": is a node running with --data-dir " + dir + "?");
    }
    try {
      JsonNode http = AdminClient.json().readTree(ports.toFile()).path("http");
      if (!http.canConvertToInt()) {
        throw new Unreachable(ports + " names no HTTP port (a node without the HTTP gateway?); pass --url");
      }
      return "http://127.0.0.1:" + http.asInt();
    } catch (IOException e) {
      throw new Unreachable("cannot read " + ports + ": " + e.getMessage());
    }
  }

  private String resolveToken(Path dir) throws Unreachable {
    if (token != null) {
      return token;
    }
    String fromEnv = System.getenv(TOKEN_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    DemoCredentials demo = DemoFile.read(dir);
    if (demo != null && demo.admin() != null) {
      return demo.admin().token();
    }
    throw new Unreachable("no operator token: pass --token, set " + TOKEN_ENV + ", or point --data-dir at a node's"
        + " data directory (its " + DemoFile.FILE_NAME + " holds admin.token)");
  }

  /** Nothing to call: no address or no token. */
  private static final class Unreachable extends Exception {
    Unreachable(String message) {
      super(message, null, false, false);
    }
  }
}

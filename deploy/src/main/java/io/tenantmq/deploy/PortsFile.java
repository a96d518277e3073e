package io.tenantmq.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code ports.json} in the data directory: the ports actually bound, {@code {"mqtt":…, "ws":…, "http":…, "tls":…,
 * "wss":…}}, null for a listener that is off. Written atomically once every listener is bound, so a script that sees the file can
 * connect.
 */
public final class PortsFile {

  public static final String FILE_NAME = "ports.json";

  private PortsFile() {
  }

  public static void write(Path dataDir, Integer mqtt, Integer ws, Integer http, Integer tls, Integer wss)
      throws IOException {
    ObjectNode json = new ObjectMapper().createObjectNode();
    json.put("mqtt", mqtt);
    json.put("ws", ws);
    json.put("http", http);
    json.put("tls", tls);
    json.put("wss", wss);
    Files.createDirectories(dataDir);
    Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
    Files.writeString(tmp, json.toString());
    Files.move(tmp, dataDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public static void delete(Path dataDir) {
    try {
      Files.deleteIfExists(dataDir.resolve(FILE_NAME));
    } catch (IOException ignored) {
      // best effort at shutdown
    }
  }
}

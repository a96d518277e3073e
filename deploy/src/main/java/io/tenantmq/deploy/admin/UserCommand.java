package io.tenantmq.deploy.admin;

import static io.tenantmq.deploy.admin.AdminClient.segment;
import static io.tenantmq.deploy.admin.TenantCommand.putIfSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tenantmq user create|list|delete}: the MQTT users of an instance. */
@Command(name = "user", mixinStandardHelpOptions = true,
    description = "Create, list and delete the MQTT users (username/password) of an instance.")
public final class UserCommand {

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an MQTT user.")
  int create(@Option(names = "--instance", required = true, paramLabel = "INSTANCE_ID") String instanceId,
             @Option(names = "--username", required = true) String username,
             @Option(names = "--password", required = true, interactive = true, arity = "0..1",
                 description = "The password; without a value it is asked for (not echoed).") char[] password,
             @Option(names = "--read", negatable = true, defaultValue = "true", fallbackValue = "true",
                 description = "May subscribe (default; --no-read to deny).") boolean read,
             @Option(names = "--write", negatable = true, defaultValue = "true", fallbackValue = "true",
                 description = "May publish (default; --no-write to deny).") boolean write,
             @Option(names = "--remark") String remark,
             @Mixin AdminConnection connection) {
    ObjectNode body = AdminClient.json().createObjectNode()
        .put("username", username)
        .put("password", new String(password))
        .put("permRead", read)
        .put("permWrite", write);
    putIfSet(body, "remark", remark);
    return connection.run((client, out) -> {
      JsonNode u = client.post("/instances/" + segment(instanceId) + "/users", body);
      if (connection.json()) {
        AdminConnection.printJson(out, u);
      } else {
        out.println("created MQTT user " + u.path("username").asText() + " of instance " + u.path("instanceId").asText()
            + " (" + permissions(u) + ")");
      }
    });
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the MQTT users of an instance.")
  int list(@Option(names = "--instance", required = true, paramLabel = "INSTANCE_ID") String instanceId,
           @Mixin AdminConnection connection) {
    return connection.run((client, out) -> {
      JsonNode answer = client.get("/instances/" + segment(instanceId) + "/users");
      if (connection.json()) {
        AdminConnection.printJson(out, answer);
        return;
      }
      Table table = new Table("USERNAME", "PERMISSIONS", "CREATED", "REMARK");
      answer.path("users").forEach(u -> table.row(u.path("username").asText(), permissions(u),
          Times.text(u.path("createdAtMillis")), u.path("remark").asText()));
      table.print(out);
    });
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an MQTT user.")
  int delete(@Option(names = "--instance", required = true, paramLabel = "INSTANCE_ID") String instanceId,
             @Parameters(paramLabel = "USERNAME") String username,
             @Mixin AdminConnection connection) {
    return connection.run((client, out) -> {
      client.delete("/instances/" + segment(instanceId) + "/users/" + segment(username));
      Deleted.print(connection, out, "username", username,
          "deleted MQTT user " + username + " of instance " + instanceId);
    });
  }

  private static String permissions(JsonNode u) {
    boolean read = u.path("permRead").asBoolean();
    boolean write = u.path("permWrite").asBoolean();
    return read && write ? "read+write" : read ? "read" : write ? "write" : "none";
  }
}

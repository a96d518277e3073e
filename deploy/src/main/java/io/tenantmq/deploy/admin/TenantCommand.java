package io.tenantmq.deploy.admin;

import static io.tenantmq.deploy.admin.AdminClient.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tenantmq tenant create|list|delete}. */
@Command(name = "tenant", mixinStandardHelpOptions = true, description = "Create, list and delete tenants.")
public final class TenantCommand {

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a tenant.")
  int create(@Option(names = "--id", paramLabel = "TENANT_ID",
                 description = "Lowercase DNS label (default: generated).") String id,
             @Option(names = "--name", description = "Display name (default: the id).") String name,
             @Mixin AdminConnection connection) {
    ObjectNode body = AdminClient.json().createObjectNode();
    putIfSet(body, "tenantId", id);
    putIfSet(body, "name", name);
    return connection.run((client, out) -> {
      JsonNode t = client.post("/tenants", body);
      if (connection.json()) {
        AdminConnection.printJson(out, t);
      } else {
        out.println("created tenant " + t.path("tenantId").asText() + " (name: " + t.path("name").asText() + ")");
      }
    });
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List every tenant.")
  int list(@Mixin AdminConnection connection) {
    return connection.run((client, out) -> {
      JsonNode answer = client.get("/tenants");
      if (connection.json()) {
        AdminConnection.printJson(out, answer);
        return;
      }
      Table table = new Table("TENANT", "NAME", "CREATED");
      answer.path("tenants").forEach(t -> table.row(t.path("tenantId").asText(), t.path("name").asText(),
          Times.text(t.path("createdAtMillis"))));
      table.print(out);
    });
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Delete a tenant with its instances, their MQTT users and topics, and its credentials.")
  int delete(@Parameters(paramLabel = "TENANT_ID") String tenantId, @Mixin AdminConnection connection) {
    return connection.run((client, out) -> {
      client.delete("/tenants/" + segment(tenantId));
      Deleted.print(connection, out, "tenantId", tenantId,
          "deleted tenant " + tenantId + " with its instances, users, topics and credentials");
    });
  }

  static void putIfSet(ObjectNode body, String field, String value) {
    if (value != null) {
      body.put(field, value);
    }
  }
}

package io.tenantmq.deploy.admin;

import static io.tenantmq.deploy.admin.AdminClient.segment;
import static io.tenantmq.deploy.admin.TenantCommand.putIfSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tenantmq instance create|list|delete}. */
@Command(name = "instance", mixinStandardHelpOptions = true, description = "Create, list and delete MQTT instances.")
public final class InstanceCommand {

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an instance of a tenant.")
  int create(@Option(names = "--tenant", required = true, paramLabel = "TENANT_ID") String tenantId,
             @Option(names = "--id", paramLabel = "INSTANCE_ID",
                 description = "Lowercase DNS label, unique in the cluster (default: generated).") String id,
             @Option(names = "--name", description = "Display name (default: the id).") String name,
             @Option(names = "--remark") String remark,
             @Option(names = "--anonymous-loopback",
                 description = "Let MQTT clients on loopback addresses connect without credentials.") boolean anonymous,
             @Mixin AdminConnection connection) {
    ObjectNode body = AdminClient.json().createObjectNode();
    putIfSet(body, "instanceId", id);
    putIfSet(body, "name", name);
    putIfSet(body, "remark", remark);
    if (anonymous) {
      body.put("anonymousLoopback", true);
    }
    return connection.run((client, out) -> {
      JsonNode i = client.post("/tenants/" + segment(tenantId) + "/instances", body);
      if (connection.json()) {
        AdminConnection.printJson(out, i);
      } else {
        out.println("created instance " + i.path("instanceId").asText() + " of tenant " + i.path("tenantId").asText()
            + " (name: " + i.path("name").asText() + ")");
      }
    });
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the instances of a tenant.")
  int list(@Option(names = "--tenant", required = true, paramLabel = "TENANT_ID") String tenantId,
           @Mixin AdminConnection connection) {
    return connection.run((client, out) -> {
      JsonNode answer = client.get("/tenants/" + segment(tenantId) + "/instances");
      if (connection.json()) {
        AdminConnection.printJson(out, answer);
        return;
      }
      Table table = new Table("INSTANCE", "NAME", "ANONYMOUS-LOOPBACK", "CREATED", "REMARK");
      answer.path("instances").forEach(i -> table.row(i.path("instanceId").asText(), i.path("name").asText(),
          i.path("anonymousLoopback").asBoolean(), Times.text(i.path("createdAtMillis")), i.path("remark").asText()));
      table.print(out);
    });
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Delete an instance with its MQTT users and topics.")
  int delete(@Parameters(paramLabel = "INSTANCE_ID") String instanceId, @Mixin AdminConnection connection) {
    return connection.run((client, out) -> {
      client.delete("/instances/" + segment(instanceId));
      Deleted.print(connection, out, "instanceId", instanceId,
          "deleted instance " + instanceId + " with its users and topics");
    });
  }
}

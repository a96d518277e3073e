package io.tenantmq.deploy.admin;

import static io.tenantmq.deploy.admin.AdminClient.segment;
import static io.tenantmq.deploy.admin.TenantCommand.putIfSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tenantmq credential create|list|revoke}. The secret is printed by {@code create}, once. */
@Command(name = "credential", mixinStandardHelpOptions = true,
    description = "Issue, list and revoke the API credentials of tenants.")
public final class CredentialCommand {

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Issue a credential; its secret is printed now and never again.")
  int create(@Option(names = "--tenant", required = true, paramLabel = "TENANT_ID") String tenantId,
             @Option(names = "--kind", defaultValue = "tencent",
                 description = "tencent (SecretId/SecretKey), aliyun (AccessKey) or emqx (API key); default tencent.")
             String kind,
             @Option(names = "--instance", paramLabel = "INSTANCE_ID",
                 description = "Limit the credential to one instance of the tenant (default: all).") String instanceId,
             @Option(names = "--remark") String remark,
             @Mixin AdminConnection connection) {
    ObjectNode body = AdminClient.json().createObjectNode().put("kind", kind);
    putIfSet(body, "instanceId", instanceId);
    putIfSet(body, "remark", remark);
    return connection.run((client, out) -> {
      JsonNode c = client.post("/tenants/" + segment(tenantId) + "/credentials", body);
      if (connection.json()) {
        AdminConnection.printJson(out, c);
      } else {
        printIssued(out, c);
      }
    });
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List a tenant's credentials (no secrets).")
  int list(@Option(names = "--tenant", required = true, paramLabel = "TENANT_ID") String tenantId,
           @Mixin AdminConnection connection) {
    return connection.run((client, out) -> {
      JsonNode answer = client.get("/tenants/" + segment(tenantId) + "/credentials");
      if (connection.json()) {
        AdminConnection.printJson(out, answer);
        return;
      }
      Table table = new Table("CREDENTIAL", "KIND", "INSTANCE", "CREATED", "REMARK");
      answer.path("credentials").forEach(c -> table.row(c.path("credentialId").asText(), c.path("kind").asText(),
          c.path("instanceId").isNull() ? "(all)" : c.path("instanceId").asText(), Times.text(c.path("createdAtMillis")),
          c.path("remark").asText()));
      table.print(out);
    });
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a credential at once.")
  int revoke(@Parameters(paramLabel = "CREDENTIAL_ID") String credentialId, @Mixin AdminConnection connection) {
    return connection.run((client, out) -> {
      client.delete("/credentials/" + segment(credentialId));
      Deleted.print(connection, out, "credentialId", credentialId, "revoked credential " + credentialId);
    });
  }

  /** The id and secret under the names the credential's dialect gives them, so they can be pasted into its SDK. */
  private static void printIssued(PrintWriter out, JsonNode c) {
    String kind = c.path("kind").asText();
    String[] names = switch (kind) {
      case "aliyun" -> new String[] {"AccessKeyId", "AccessKeySecret"};
      case "emqx" -> new String[] {"API key", "API secret"};
      default -> new String[] {"SecretId", "SecretKey"};
    };
    String scope = c.path("instanceId").isNull() ? "every instance" : "instance " + c.path("instanceId").asText();
    out.println("created " + kind + " credential for tenant " + c.path("tenantId").asText() + " (" + scope + ")");
    int width = Math.max(names[0].length(), names[1].length()) + 1;
    out.println(String.format("  %-" + width + "s %s", names[0] + ":", c.path("credentialId").asText()));
    out.println(String.format("  %-" + width + "s %s", names[1] + ":", c.path("secret").asText()));
    out.println("The secret is shown only this once: store it now.");
  }
}

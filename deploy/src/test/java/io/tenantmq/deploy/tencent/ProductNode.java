package io.tenantmq.deploy.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.deploy.PortsFile;
import io.tenantmq.deploy.TenantMqNode;
import io.tenantmq.deploy.config.ConfigFile;
import io.tenantmq.deploy.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The whole product in this JVM, started once for every Tencent API test class: a {@link TenantMqNode} on ephemeral
 * ports with a temporary data directory, as the launcher starts it.
 */
final class ProductNode {

  private static ProductNode shared;

  final TenantMqNode node;
  final int httpPort;
  final int mqttPort;
  final int wsPort;

  private ProductNode(TenantMqNode node, JsonNode ports) {
    this.node = node;
    this.httpPort = ports.get("http").asInt();
    this.mqttPort = ports.get("mqtt").asInt();
    this.wsPort = ports.get("ws").asInt();
  }

  static synchronized ProductNode shared() throws Exception {
    if (shared == null) {
      Path dataDir = Files.createTempDirectory("tenantmq-tencent-it");
      ConfigFile flags = new ConfigFile(null, "127.0.0.1", 0, 0, 0, null, dataDir.toString(), "node-tencent-it",
          "it-" + UUID.randomUUID(), null, List.of("127.0.0.1"), null, null, null, null, null, null);
      TenantMqNode node = new TenantMqNode(ConfigLoader.resolve(ConfigFile.EMPTY, flags)).start();
      shared = new ProductNode(node, new ObjectMapper().readTree(dataDir.resolve(PortsFile.FILE_NAME).toFile()));
      Runtime.getRuntime().addShutdownHook(new Thread(node::stop));
    }
    return shared;
  }

  ControlPlane control() {
    return node.control();
  }

  /** A new tenant with one instance. */
  void tenantWithInstance(String tenantId, String instanceId) {
    join(control().tenants().createTenantIfAbsent(new Tenant(tenantId, tenantId, System.currentTimeMillis())));
    join(control().tenants().createInstanceIfAbsent(new Instance(instanceId, tenantId, instanceId, false,
        System.currentTimeMillis())));
  }

  IssuedCredential credential(String tenantId) {
    return join(control().credentials().issue(tenantId, CredentialKind.TENCENT, null, "tencent-it"));
  }

  /** The official SDK's generic client, pointed at this node: the one change a tenant makes. */
  CommonClient sdk(String secretId, String secretKey, String version) {
    HttpProfile http = new HttpProfile();
    http.setEndpoint("127.0.0.1:" + httpPort);
    http.setProtocol(HttpProfile.REQ_HTTP);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    return new CommonClient("trocket", version, new Credential(secretId, secretKey), "ap-guangzhou", profile);
  }

  CommonClient sdk(IssuedCredential credential) {
    return sdk(credential.credential().credentialId(), credential.secret(), "2023-03-08");
  }

  static <T> T join(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.tenantmq.deploy.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.signing.tencent.Tc3Request;
import io.tenantmq.signing.tencent.Tc3Signer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The error paths of the Tencent API as the official SDK reports them: code, message and RequestId. */
class TencentApiErrorsSdkTest {

  static ProductNode product;
  static IssuedCredential credential;
  static CommonClient sdk;
  static String mine;
  static String theirs;

  @BeforeAll
  static void start() throws Exception {
    product = ProductNode.shared();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    mine = "mqtt-m" + suffix;
    theirs = "mqtt-t" + suffix;
    product.tenantWithInstance("tenant-m" + suffix, mine);
    product.tenantWithInstance("tenant-t" + suffix, theirs);
    credential = product.credential("tenant-m" + suffix);
    sdk = product.sdk(credential);
  }

  @Test
  void wrongSecretIsSignatureFailure() {
    CommonClient wrong = product.sdk(credential.credential().credentialId(), "not-the-secret-key", "2023-03-08");
    TencentCloudSDKException e = Sdk.error(wrong, "DescribeMQTTInstance", Map.of("InstanceId", mine));
    assertThat(e.getErrorCode()).isEqualTo("AuthFailure.SignatureFailure");
    assertThat(e.getRequestId()).matches("[0-9a-f-]{36}");
  }

  @Test
  void unknownSecretIdIsSecretIdNotFound() {
    CommonClient unknown = product.sdk("AKIDthisdoesnotexistanywhere0000", "x", "2023-03-08");
    assertThat(Sdk.error(unknown, "DescribeMQTTInstance", Map.of("InstanceId", mine)).getErrorCode())
        .isEqualTo("AuthFailure.SecretIdNotFound");
  }

  @Test
  void revokedCredentialIsSecretIdNotFound() {
    IssuedCredential revoked = product.credential(credential.credential().tenantId());
    CommonClient client = product.sdk(revoked);
    assertThat(Sdk.call(client, "DescribeMQTTInstance", Map.of("InstanceId", mine)).get("InstanceId").asText())
        .isEqualTo(mine);
    ProductNode.join(product.control().credentials().revoke(revoked.credential().credentialId()));
    assertThat(Sdk.error(client, "DescribeMQTTInstance", Map.of("InstanceId", mine)).getErrorCode())
        .isEqualTo("AuthFailure.SecretIdNotFound");
  }

  @Test
  void timestampSixMinutesOldIsSignatureExpire() throws Exception {
    long old = System.currentTimeMillis() / 1000 - 360;
    String host = "127.0.0.1:" + product.httpPort;
    String body = "{\"InstanceId\":\"" + mine + "\"}";
    String contentType = "application/json; charset=utf-8";
    String authorization = Tc3Signer.authorization(credential.credential().credentialId(), credential.secret(),
        "127", new Tc3Request("POST", "", Map.of("content-type", contentType, "host", host),
            body.getBytes(StandardCharsets.UTF_8), old), List.of("content-type", "host"));
    HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
        HttpRequest.newBuilder(URI.create("http://" + host + "/"))
            .header("Content-Type", contentType).header("Authorization", authorization)
            .header("X-TC-Action", "DescribeMQTTInstance").header("X-TC-Version", "2023-03-08")
            .header("X-TC-Timestamp", Long.toString(old)).header("X-TC-Region", "ap-guangzhou")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode r = Sdk.JSON.readTree(response.body()).get("Response");
    assertThat(r.at("/Error/Code").asText()).isEqualTo("AuthFailure.SignatureExpire");
    assertThat(r.get("RequestId").asText()).isNotBlank();
  }

  @Test
  void anotherTenantsInstanceIsIndistinguishableFromAMissingOne() {
    String missing = "mqtt-zz" + UUID.randomUUID().toString().substring(0, 6);
    for (String action : List.of("DescribeMQTTInstance", "DescribeMQTTTopicList", "DescribeMQTTUserList",
        "DescribeMQTTInsPublicEndpoints", "DeleteMQTTInstance")) {
      TencentCloudSDKException foreign = Sdk.error(sdk, action, Map.of("InstanceId", theirs));
      TencentCloudSDKException absent = Sdk.error(sdk, action, Map.of("InstanceId", missing));
      assertThat(foreign.getErrorCode()).as(action).isEqualTo("ResourceNotFound.Instance")
          .isEqualTo(absent.getErrorCode());
      assertThat(foreign.getMessage().replace(theirs, "ID")).as(action)
          .isEqualTo(absent.getMessage().replace(missing, "ID"));
    }
    TencentCloudSDKException client = Sdk.error(sdk, "DescribeMQTTClient",
        Map.of("InstanceId", theirs, "ClientId", "c"));
    assertThat(client.getErrorCode()).isEqualTo("ResourceNotFound.Instance");
    // and nothing of theirs changed
    assertThat(ProductNode.join(product.control().tenants().instance(theirs))).isPresent();
  }

  @Test
  void unknownActionIsInvalidAction() {
    TencentCloudSDKException e = Sdk.error(sdk, "DescribeMQTTEverything", Map.of());
    assertThat(e.getErrorCode()).isEqualTo("InvalidAction");
    assertThat(e.getMessage()).contains("DescribeMQTTEverything");
  }

  @Test
  void knownActionInAnotherVersionIsNoSuchVersion() {
    CommonClient otherVersion = product.sdk(credential.credential().credentialId(), credential.secret(), "2022-01-01");
    assertThat(Sdk.error(otherVersion, "DescribeMQTTInstance", Map.of("InstanceId", mine)).getErrorCode())
        .isEqualTo("NoSuchVersion");
  }

  @Test
  void badParametersAreReportedByName() {
    TencentCloudSDKException wrongType = Sdk.error(sdk, "DescribeMQTTInstance", Map.of("InstanceId", 42));
    assertThat(wrongType.getErrorCode()).isEqualTo("InvalidParameterValue");
    assertThat(wrongType.getMessage()).contains("`InstanceId`");
    TencentCloudSDKException badLimit = Sdk.error(sdk, "DescribeMQTTTopicList",
        Map.of("InstanceId", mine, "Limit", 0));
    assertThat(badLimit.getErrorCode()).isEqualTo("InvalidParameterValue");
    assertThat(badLimit.getMessage()).contains("`Limit`");
    assertThat(Sdk.error(sdk, "DescribeMQTTTopicList", Map.of("InstanceId", mine, "Limit", "ten")).getErrorCode())
        .isEqualTo("InvalidParameterValue");
    assertThat(Sdk.error(sdk, "CreateMQTTUser", Map.of("InstanceId", mine, "Username", "u", "PermRead", "yes",
        "PermWrite", true)).getErrorCode()).isEqualTo("InvalidParameterValue");
    assertThat(Sdk.error(sdk, "DescribeMQTTUserList", Map.of("InstanceId", mine, "Filters",
        List.of(Map.of("Name", "Colour", "Values", List.of("red"))))).getErrorCode()).isEqualTo("InvalidParameterValue");
    TencentCloudSDKException unknown = Sdk.error(sdk, "DescribeMQTTInstance",
        Map.of("InstanceId", mine, "Verbose", true));
    assertThat(unknown.getErrorCode()).isEqualTo("UnknownParameter");
    assertThat(unknown.getMessage()).contains("`Verbose`");
    TencentCloudSDKException missing = Sdk.error(sdk, "CreateMQTTTopic", Map.of("InstanceId", mine));
    assertThat(missing.getErrorCode()).isEqualTo("MissingParameter");
    assertThat(missing.getMessage()).contains("`Topic`");
    assertThat(Sdk.error(sdk, "DescribeMQTTInstance", "[\"not\",\"an\",\"object\"]").getErrorCode())
        .isEqualTo("InvalidParameter");
    // nothing was created by the refused calls
    assertThat(ProductNode.join(product.control().users().list(mine))).isEmpty();
    assertThat(ProductNode.join(product.control().topics().list(mine))).isEmpty();
  }

  @Test
  void burstAboveTwentyPerSecondIsRequestLimitExceeded() {
    // 100 calls from 16 threads: all could pass only if they took over 4 s
    IssuedCredential busy = product.credential(credential.credential().tenantId());
    CommonClient client = product.sdk(busy);
    List<CompletableFuture<String>> calls = new ArrayList<>();
    ExecutorService callers = Executors.newFixedThreadPool(16); // a real burst, not the common pool's one thread
    for (int i = 0; i < 100; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> {
        try {
          client.call("DescribeMQTTInstance", "{\"InstanceId\":\"" + mine + "\"}");
          return "ok";
        } catch (TencentCloudSDKException e) {
          return e.getErrorCode();
        }
      }, callers));
    }
    List<String> outcomes = calls.stream().map(CompletableFuture::join).toList();
    callers.shutdown();
    assertThat(outcomes).containsOnly("ok", "RequestLimitExceeded").contains("RequestLimitExceeded");
    assertThat(outcomes.stream().filter("ok"::equals).count()).isBetween(20L, 99L);
    // the limit is per credential: another one is served meanwhile
    assertThat(Sdk.call(sdk, "DescribeMQTTInstance", Map.of("InstanceId", mine)).get("InstanceId").asText())
        .isEqualTo(mine);
  }
}

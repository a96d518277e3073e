package io.tenantmq.sdk.tencent.it;

import static io.tenantmq.sdk.it.TenantMqUnderTest.await;
import static io.tenantmq.sdk.tencent.it.ApiErrors.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.sdk.it.TenantMqUnderTest;
import io.tenantmq.sdk.tencent.EmptyResponse;
import io.tenantmq.sdk.tencent.TencentApiException;
import io.tenantmq.sdk.tencent.TencentStyleClient;
import io.tenantmq.sdk.tencent.trocket.TrocketApi;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTClientRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTClientResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the API answers a client that gets something wrong, as TencentStyleClient reports it. */
class ErrorPathsTest {

  static TenantMqUnderTest product;
  static DescribeMQTTClientRequest anyClient;

  @BeforeAll
  static void start() throws Exception {
    product = TenantMqUnderTest.shared();
    anyClient = new DescribeMQTTClientRequest(product.instanceId(), "nobody");
  }

  static DescribeMQTTClientResponse describeWith(TencentStyleClient client) throws Exception {
    return await(client.trocket().describeMQTTClient(anyClient));
  }

  @Test
  void wrongSecretKeyIsSignatureFailure() {
    TencentStyleClient wrong = TencentStyleClient.create(product.client.options().setSecretKey("not-the-secret-key"));
    assertApiError(() -> describeWith(wrong), "AuthFailure.SignatureFailure");
  }

  @Test
  void unknownSecretIdIsSecretIdNotFound() {
    TencentStyleClient unknown = TencentStyleClient.create(product.client.options()
        .setSecretId("AKID" + UUID.randomUUID().toString().replace("-", "")));
    assertApiError(() -> describeWith(unknown), "AuthFailure.SecretIdNotFound");
  }

  @Test
  void clockMoreThanFiveMinutesOffIsSignatureExpire() {
    TencentStyleClient late = TencentStyleClient.create(product.client.options()
        .setClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6))));
    TencentStyleClient early = TencentStyleClient.create(product.client.options()
        .setClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6))));
    assertApiError(() -> describeWith(late), "AuthFailure.SignatureExpire");
    assertApiError(() -> describeWith(early), "AuthFailure.SignatureExpire");
  }

  @Test
  void unknownActionAndVersionAreInvalidActionAndNoSuchVersion() {
    assertApiError(() -> await(product.client.call("DescribeEverything", TrocketApi.VERSION, Map.of(),
        EmptyResponse.class)), "InvalidAction");
    assertApiError(() -> await(product.client.call("DescribeMQTTClient", "2001-01-01", anyClient,
        DescribeMQTTClientResponse.class)), "NoSuchVersion");
  }

  @Test
  void badParametersAreNamedByTheirCode() {
    assertApiError(() -> await(product.client.call("DescribeMQTTClient", TrocketApi.VERSION,
        Map.of("InstanceId", 42, "ClientId", true), DescribeMQTTClientResponse.class)), "InvalidParameterValue");
    assertApiError(() -> await(product.client.call("DescribeMQTTClient", TrocketApi.VERSION,
        Map.of("InstanceId", product.instanceId()), DescribeMQTTClientResponse.class)), "MissingParameter");
    assertApiError(() -> await(product.client.call("DescribeMQTTClient", TrocketApi.VERSION,
        Map.of("InstanceId", product.instanceId(), "ClientId", "c", "Colour", "blue"),
        DescribeMQTTClientResponse.class)), "UnknownParameter");
  }

  @Test
  void moreThanTwentyDescribeCallsInOneSecondAreRequestLimitExceeded() throws Exception {
    // a credential of its own, so the other tests' calls neither count nor get refused
    IssuedCredential fresh = await(product.control().credentials()
        .issue(product.node.demo().tenantId(), CredentialKind.TENCENT, null, "rate").toCompletableFuture());
    TencentStyleClient client = TencentStyleClient.create(product.client.options()
        .setSecretId(fresh.credential().credentialId()).setSecretKey(fresh.secret()));
    List<CompletableFuture<DescribeMQTTClientResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      calls.add(client.trocket().describeMQTTClient(anyClient));
    }

    List<String> codes = new ArrayList<>();
    for (CompletableFuture<DescribeMQTTClientResponse> call : calls) {
      try {
        call.join();
        codes.add("OK");
      } catch (CompletionException e) {
        codes.add(((TencentApiException) e.getCause()).code());
      }
    }
    // the bucket holds one second's worth (20) and refills while the 60 calls arrive, at 20 per second
    assertThat(codes).filteredOn("ResourceNotFound.Client"::equals).hasSizeGreaterThanOrEqualTo(20);
    assertThat(codes).filteredOn("RequestLimitExceeded"::equals).isNotEmpty();
    assertThat(codes).containsOnly("ResourceNotFound.Client", "RequestLimitExceeded");
  }
}

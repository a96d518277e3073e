package io.tenantmq.sdk.emqx.it;

import static io.tenantmq.sdk.emqx.it.EmqxErrors.assertApiError;
import static io.tenantmq.sdk.it.TenantMqUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantmq.sdk.emqx.ApiKey;
import io.tenantmq.sdk.emqx.ApiKeyRequest;
import io.tenantmq.sdk.emqx.ClientListQuery;
import io.tenantmq.sdk.emqx.EmqxStyleClient;
import io.tenantmq.sdk.it.TenantMqUnderTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code EmqxStyleClient.apiKeys()}: a key made through the API works at once and stops when disabled or deleted. */
class ApiKeysTest {

  static TenantMqUnderTest product;
  static EmqxStyleClient emqx;

  @BeforeAll
  static void start() throws Exception {
    product = TenantMqUnderTest.shared();
    emqx = product.emqxClient(product.node.demo().tenantId(), product.instanceId());
  }

  @Test
  void aCreatedKeyAuthenticatesUntilDisabledAndIsGoneOnceDeleted() throws Exception {
    String name = "sdk" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    ApiKey created = await(emqx.apiKeys().create(ApiKeyRequest.create(name, "made by the sdk test")));
    assertThat(created.name()).isEqualTo(name);
    assertThat(created.apiKey()).isNotBlank();
    assertThat(created.apiSecret()).isNotBlank();
    assertThat(created.enable()).isTrue();
    assertThat(created.expiredAt()).isEqualTo("infinity");
    assertThat(created.createdAt()).isBefore(OffsetDateTime.now().plusSeconds(5));

    EmqxStyleClient withNewKey = EmqxStyleClient.create(emqx.options().setApiKey(created.apiKey())
        .setApiSecret(created.apiSecret()));
    assertThat(await(withNewKey.clients().list(ClientListQuery.ALL, 1, 1)).meta().page()).isEqualTo(1);
    assertThat(await(emqx.apiKeys().list())).extracting(ApiKey::name).contains(name);
    ApiKey read = await(emqx.apiKeys().get(name));
    assertThat(read.apiKey()).isEqualTo(created.apiKey());
    assertThat(read.apiSecret()).isNull();
    assertThat(read.desc()).isEqualTo("made by the sdk test");

    OffsetDateTime expiry = OffsetDateTime.now().plusDays(1).withNano(0);
    ApiKey disabled = await(emqx.apiKeys().update(name, ApiKeyRequest.update(expiry, "off", false)));
    assertThat(disabled.enable()).isFalse();
    assertThat(disabled.desc()).isEqualTo("off");
    assertThat(OffsetDateTime.parse(disabled.expiredAt()).toInstant()).isEqualTo(expiry.toInstant());
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertApiError(
        () -> await(withNewKey.clients().list(ClientListQuery.ALL, 1, 1)), 401, "BAD_API_KEY_OR_SECRET"));

    await(emqx.apiKeys().delete(name));
    assertApiError(() -> await(emqx.apiKeys().get(name)), 404, "NOT_FOUND");
    assertApiError(() -> await(emqx.apiKeys().delete(name)), 404, "NOT_FOUND");
  }
}

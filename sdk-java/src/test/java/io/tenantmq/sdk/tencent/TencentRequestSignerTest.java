package io.tenantmq.sdk.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Vectors T2 and T3 of API-NOTES §5 through the client's own signer, and the options it derives them from. */
class TencentRequestSignerTest {

  static final byte[] BODY = TencentStyleClientTest.T2_BODY.getBytes(StandardCharsets.UTF_8);

  static TencentRequestSigner signer(String endpoint) {
    return new TencentRequestSigner(TencentStyleClientTest.options(endpoint));
  }

  @Test
  void localhostEndpointSignsForServiceWithThePort() {
    TencentRequestSigner signer = signer("http://localhost:18089");
    Map<String, String> headers = signer.headers("DescribeMQTTClient", "2023-03-08", BODY, 1795380133);
    assertThat(signer.service()).isEqualTo("localhost:18089");
    assertThat(headers.get("Host")).isEqualTo("localhost:18089");
    assertThat(headers.get("Authorization")).endsWith("/2026-11-22/localhost:18089/tc3_request, "
        + "SignedHeaders=content-type;host, Signature=fa4ebcce6f46e897535aa1bf4299ba3c42bc6837aa4e4cc232c49022c43e379d");
  }

  @Test
  void bareProductionHostIsHttpsAndSignsAsT3() {
    TencentRequestSigner signer = signer("trocket.tencentcloudapi.com");
    Map<String, String> headers = signer.headers("DescribeMQTTClient", "2023-03-08", BODY, 1711444795);
    assertThat(signer.service()).isEqualTo("trocket");
    assertThat(headers.get("Host")).isEqualTo("trocket.tencentcloudapi.com");
    assertThat(headers.get("Authorization"))
        .endsWith("Signature=f6daf2959a1d0b8116b6d54602821851200682f9d0f85ba819ced674d4ccb0ee");
  }

  @Test
  void defaultPortIsLeftOutOfHostAsHttpClientsSendIt() {
    assertThat(signer("https://trocket.tencentcloudapi.com:443").host()).isEqualTo("trocket.tencentcloudapi.com");
    assertThat(signer("http://127.0.0.1:80/").host()).isEqualTo("127.0.0.1");
    assertThat(signer("http://127.0.0.1:8080").host()).isEqualTo("127.0.0.1:8080");
  }

  @Test
  void regionAndLanguageHeadersOnlyWhenSet() {
    TencentClientOptions options = TencentStyleClientTest.options("http://127.0.0.1:1").setRegion(null);
    Map<String, String> bare = new TencentRequestSigner(options).headers("A", "v", BODY, 1);
    assertThat(bare).doesNotContainKeys("X-TC-Region", "X-TC-Language");
    Map<String, String> full = new TencentRequestSigner(options.setRegion("ap-beijing").setLanguage("en-US"))
        .headers("A", "v", BODY, 1);
    assertThat(full).containsEntry("X-TC-Region", "ap-beijing").containsEntry("X-TC-Language", "en-US");
  }

  @Test
  void optionsRejectWhatCannotWork() {
    TencentClientOptions options = new TencentClientOptions();
    assertThatThrownBy(() -> options.setEndpoint("ftp://x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> options.setEndpoint("http://x/api")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> options.setSecretKey(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> options.setLanguage("fr-FR")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TencentStyleClient.create(options.setEndpoint("http://x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secretId");
  }

  @Test
  void secretKeyNeverAppearsInToString() {
    assertThat(TencentStyleClientTest.options("http://x").toString())
        .contains(TencentStyleClientTest.SECRET_ID)
        .doesNotContain(TencentStyleClientTest.SECRET_KEY);
  }
}

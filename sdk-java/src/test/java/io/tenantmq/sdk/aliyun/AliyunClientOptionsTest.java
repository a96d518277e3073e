package io.tenantmq.sdk.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Endpoints as Alibaba Cloud users write them, the checks the setters make, and a toString without the secret. */
class AliyunClientOptionsTest {

  static AliyunClientOptions complete() {
    return new AliyunClientOptions().setEndpoint("http://127.0.0.1:8080").setAccessKeyId("LTAIexample")
        .setAccessKeySecret("s3cr3t-value");
  }

  @Test
  void oneEndpointServesAllThreeApisUnlessOverridden() {
    AliyunClientOptions options = complete();
    assertThat(options.getTokenServerEndpoint()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(options.getOpenApiEndpoint()).isEqualTo(URI.create("http://127.0.0.1:8080"));

    options.setTokenServerEndpoint("mqauth.aliyuncs.com").setOpenApiEndpoint("onsmqtt.cn-hangzhou.aliyuncs.com/");
    assertThat(options.getEndpoint()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(options.getTokenServerEndpoint()).isEqualTo(URI.create("https://mqauth.aliyuncs.com"));
    assertThat(options.getOpenApiEndpoint()).isEqualTo(URI.create("https://onsmqtt.cn-hangzhou.aliyuncs.com"));
  }

  @Test
  void endpointsWithAPathOrQueryAndMissingKeysAreRefused() {
    assertThatThrownBy(() -> new AliyunClientOptions().setEndpoint("http://h/api"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/api");
    assertThatThrownBy(() -> new AliyunClientOptions().setEndpoint("http://h/?a=1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
    assertThatThrownBy(() -> new AliyunClientOptions().setEndpoint("ftp://h"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https");
    assertThatThrownBy(() -> AliyunStyleClient.create(new AliyunClientOptions().setEndpoint("http://h")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accessKeySecret");
  }

  @Test
  void toStringShowsTheAccessKeyIdButNeverTheSecret() {
    AliyunStyleClient client = AliyunStyleClient.create(complete());

    assertThat(client.options().toString()).contains("LTAIexample").doesNotContain("s3cr3t-value");
  }
}

package io.tenantmq.sdk.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signature mode against vector T4 of API-NOTES; Token mode as the LMQ demo writes its passwords. */
class AliyunMqttCredentialsTest {

  @Test
  void signatureModeIsVectorT4() {
    AliyunMqttCredentials login = AliyunMqttCredentials.signature("YYYYY", "XXXXX", "mqtt-xxxxx", "GID_Test@@@0001");

    assertThat(login.username()).isEqualTo("Signature|YYYYY|mqtt-xxxxx");
    assertThat(login.password()).isEqualTo("vI009IZJZVGRwBwZvnbwjfuXxVM=");
    assertThat(login.passwordBytes()).isEqualTo("vI009IZJZVGRwBwZvnbwjfuXxVM=".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void signatureModePasswordHoldsForOneClientIdOnly() {
    assertThat(AliyunMqttCredentials.signature("YYYYY", "XXXXX", "mqtt-xxxxx", "GID_Test@@@0002").password())
        .isNotEqualTo("vI009IZJZVGRwBwZvnbwjfuXxVM=");
  }

  @Test
  void tokenModeJoinsTypeTokenPairsReadFirst() {
    AliyunMqttCredentials login = AliyunMqttCredentials.token("YYYYY", "mqtt-xxxxx", "r+/tok=", "w/tok=");

    assertThat(login.username()).isEqualTo("Token|YYYYY|mqtt-xxxxx");
    assertThat(login.password()).isEqualTo("R|r+/tok=|W|w/tok=");
    assertThat(AliyunMqttCredentials.token("YYYYY", "mqtt-xxxxx", null, "w").password()).isEqualTo("W|w");
    assertThat(AliyunMqttCredentials.token("YYYYY", "mqtt-xxxxx", Map.of(TokenType.RW, "rw", TokenType.R, "r"))
        .password()).isEqualTo("R|r|RW|rw");
  }

  @Test
  void malformedPartsAreRefusedBeforeAnyoneConnects() {
    assertThatThrownBy(() -> AliyunMqttCredentials.token("YYYYY", "mqtt-xxxxx", null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one token");
    assertThatThrownBy(() -> AliyunMqttCredentials.token("YYYYY", "mqtt-xxxxx", "a|b", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'|'");
    assertThatThrownBy(() -> AliyunMqttCredentials.signature("YY|YY", "XXXXX", "mqtt-xxxxx", "c"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'|'");
    assertThatThrownBy(() -> AliyunMqttCredentials.signature("YYYYY", "", "mqtt-xxxxx", "c"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accessKeySecret");
    assertThatThrownBy(() -> AliyunMqttCredentials.signature("YYYYY", "XXXXX", "mqtt-xxxxx", ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientId");
  }

  @Test
  void toStringNeverShowsThePassword() {
    AliyunMqttCredentials login = AliyunMqttCredentials.signature("YYYYY", "XXXXX", "mqtt-xxxxx", "GID_Test@@@0001");

    assertThat(login.toString()).contains("Signature|YYYYY|mqtt-xxxxx").doesNotContain(login.password());
  }
}

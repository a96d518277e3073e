package io.tenantmq.gateway.aliyun.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks of the common parameters that need no lookup, against a pinned clock. */
class RpcAuthenticatorTest {

  private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

  private static Map<String, String> common() {
    Map<String, String> params = new HashMap<>();
    params.put("Action", "QuerySessionByClientId");
    params.put("Version", "2020-04-20");
    params.put("AccessKeyId", "LTAItest");
    params.put("Signature", "c2lnbmF0dXJl");
    params.put("SignatureMethod", "HMAC-SHA1");
    params.put("SignatureVersion", "1.0");
    params.put("SignatureNonce", "0f8a3b5e6c2d4e1f9a7b8c6d5e4f3a2b");
    params.put("Timestamp", "2026-12-02T02:00:00Z");
    return params;
  }

  private static String codeOf(Map<String, String> params) {
    try {
      RpcAuthenticator.checkCommon(new RpcParams(params), NOW);
      return "OK";
    } catch (OnsMqttException e) {
      return e.code();
    }
  }

  @Test
  void timestampWithinFifteenMinutesEitherWayIsAccepted() {
    for (String at : new String[] {"2026-12-02T01:45:00Z", "2026-12-02T02:15:00Z", "2026-12-02T02:00:00.500Z"}) {
      Map<String, String> params = common();
      params.put("Timestamp", at);
      assertThat(codeOf(params)).as(at).isEqualTo("OK");
    }
  }

  @Test
  void timestampMoreThanFifteenMinutesAwayIsExpired() {
    for (String at : new String[] {"2026-12-02T01:44:59Z", "2026-12-02T02:15:01Z", "2020-01-01T00:00:00Z"}) {
      Map<String, String> params = common();
      params.put("Timestamp", at);
      assertThat(codeOf(params)).as(at).isEqualTo("InvalidTimeStamp.Expired");
    }
  }

  @Test
  void timestampThatIsNotIso8601IsBadlyFormatted() {
    for (String at : new String[] {"1795380132", "2026-12-02 02:00:00", "yesterday"}) {
      Map<String, String> params = common();
      params.put("Timestamp", at);
      assertThat(codeOf(params)).as(at).isEqualTo("InvalidTimeStamp.Format");
    }
  }

  @Test
  void eachMissingCommonParameterIsNamed() {
    for (String name : new String[] {"AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion",
        "SignatureNonce", "Timestamp"}) {
      Map<String, String> params = common();
      params.remove(name);
      assertThat(codeOf(params)).isEqualTo("Missing" + name);
      params.put(name, "");
      assertThat(codeOf(params)).isEqualTo("Missing" + name);
    }
  }

  @Test
  void onlyHmacSha1VersionOneIsAccepted() {
    Map<String, String> params = common();
    params.put("SignatureMethod", "HMAC-SHA256");
    assertThat(codeOf(params)).isEqualTo("InvalidSignatureMethod");
    params = common();
    params.put("SignatureVersion", "2.0");
    assertThat(codeOf(params)).isEqualTo("InvalidSignatureVersion");
  }

  @Test
  void overlongNonceIsRefused() {
    Map<String, String> params = common();
    params.put("SignatureNonce", "n".repeat(RpcAuthenticator.MAX_NONCE_LENGTH + 1));
    assertThat(codeOf(params)).isEqualTo("InvalidSignatureNonce");
  }

  @Test
  void checkReturnsTheTimestamp() {
    assertThat(RpcAuthenticator.checkCommon(new RpcParams(common()), NOW)).isEqualTo(NOW);
    assertThatThrownBy(() -> RpcAuthenticator.checkCommon(new RpcParams(Map.of()), NOW))
        .isInstanceOf(OnsMqttException.class);
  }
}

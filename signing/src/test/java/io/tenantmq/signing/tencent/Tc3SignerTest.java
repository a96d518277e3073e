package io.tenantmq.signing.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantmq.signing.common.Crypto;
import io.tenantmq.signing.common.SignatureCheck;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Test vectors T1–T3 of API-NOTES §5. */
class Tc3SignerTest {

  static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
  static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
  static final List<String> SIGNED = List.of("content-type", "host");
  static final String JSON = "application/json; charset=utf-8";

  static Tc3Request post(String host, String body, long ts) {
    return new Tc3Request("POST", null, Map.of("Content-Type", JSON, "Host", host, "X-TC-Timestamp", String.valueOf(ts)),
        body.getBytes(StandardCharsets.UTF_8), ts);
  }

  @Test
  void t1OfficialExample() {
    String body = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";
    assertThat(body).hasSize(86);
    Tc3Request request = post("cvm.tencentcloudapi.com", body, 1551113065);
    String canonical = Tc3Signer.canonicalRequest(request, SIGNED);
    assertThat(canonical).isEqualTo("POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\n"
        + "content-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
    assertThat(Crypto.hex(Crypto.sha256(canonical.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
    assertThat(Tc3Signer.credentialScope(1551113065, "cvm")).isEqualTo("2019-02-25/cvm/tc3_request");
    assertThat(Tc3Signer.authorization(SECRET_ID, SECRET_KEY, "cvm", request, SIGNED)).isEqualTo(
        "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
            + "SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
  }

  @Test
  void t2CapturedFromTheSdk() {
    String body1 = "{\"InstanceId\":\"mqtt-2vnk55xv\",\"ClientId\":\"sub_client2\"}";
    assertSigned(post("127.0.0.1:18089", body1, 1795380132), "127",
        "f3c58b783d0d731efbe2db7bd03acebb64126ff8344c89a6fdb2b54278f9d773",
        "4719f75e33a5a7ce3770cf722764611e6922f30129dea005c46649fc3c9970a4");
    assertSigned(post("localhost:18089", body1, 1795380133), "localhost:18089",
        "0d45b80729d4dd0595590b08a88614423a3b7d1aab06938439f52cf52cc8302c",
        "fa4ebcce6f46e897535aa1bf4299ba3c42bc6837aa4e4cc232c49022c43e379d");
    assertSigned(post("127.0.0.1:18089", "{\"InstanceId\":\"x\",\"ClientId\":\"nope\"}", 1795380132), "127",
        "cd64c662b37a6da812653f432707b286b09d4060483d181f24ae1415fb533262",
        "5a1ba6e7dd50bba477a8b2dd0b3d05ba60232917703af5bf9e28e67ba5284963");
  }

  @Test
  void t3ProductionHostName() {
    String body = "{\"InstanceId\":\"mqtt-2vnk55xv\",\"ClientId\":\"sub_client2\"}";
    assertSigned(post("trocket.tencentcloudapi.com", body, 1711444795), "trocket",
        "7951cbaea71a64795401c285f59657ccec570c8a42b23d82d1bfbc91fe32cc5f",
        "f6daf2959a1d0b8116b6d54602821851200682f9d0f85ba819ced674d4ccb0ee");
  }

  @Test
  void verifierAcceptsT2AndRejectsTamperingExpiryAndGarbage() {
    Tc3Request request = post("127.0.0.1:18089", "{\"InstanceId\":\"mqtt-2vnk55xv\",\"ClientId\":\"sub_client2\"}", 1795380132);
    String auth = Tc3Signer.authorization(SECRET_ID, SECRET_KEY, "127", request, SIGNED);
    var keys = (java.util.function.Function<String, Optional<String>>) id -> SECRET_ID.equals(id) ? Optional.of(SECRET_KEY) : Optional.empty();
    assertThat(Tc3Verifier.verify(auth, request, 1795380132 + 299, 300, keys).check()).isEqualTo(SignatureCheck.OK);
    assertThat(Tc3Verifier.verify(auth, request, 1795380132 + 301, 300, keys).check()).isEqualTo(SignatureCheck.EXPIRED);
    Tc3Request tampered = post("127.0.0.1:18089", "{\"InstanceId\":\"mqtt-2vnk55xv\",\"ClientId\":\"sub_client3\"}", 1795380132);
    assertThat(Tc3Verifier.verify(auth, tampered, 1795380132, 300, keys).check()).isEqualTo(SignatureCheck.MISMATCH);
    assertThat(Tc3Verifier.verify(auth.replace(", ", ","), request, 1795380132, 300, keys).check())
        .isEqualTo(SignatureCheck.MALFORMED);
    assertThat(Tc3Verifier.verify(auth, request, 1795380132, 300, id -> Optional.of("wrong")).check())
        .isEqualTo(SignatureCheck.MISMATCH);
  }

  private static void assertSigned(Tc3Request request, String service, String hashedCanonical, String signature) {
    String canonical = Tc3Signer.canonicalRequest(request, SIGNED);
    assertThat(Crypto.hex(Crypto.sha256(canonical.getBytes(StandardCharsets.UTF_8)))).isEqualTo(hashedCanonical);
    String toSign = Tc3Signer.stringToSign(request.timestampSeconds(), service, canonical);
    assertThat(Tc3Signer.signature(SECRET_KEY, request.timestampSeconds(), service, toSign)).isEqualTo(signature);
  }
}

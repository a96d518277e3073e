package io.tenantmq.signing.tencent;

import io.tenantmq.signing.common.Crypto;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** TC3-HMAC-SHA256 (API-NOTES §1.3–1.5): canonical request, string to sign, signature, Authorization header. */
public final class Tc3Signer {

  public static final String ALGORITHM = "TC3-HMAC-SHA256";
  static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
  private static final DateTimeFormatter UTC_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private Tc3Signer() {
  }

  /** The {@code yyyy-MM-dd} of a timestamp in UTC (never local time: T1's trap). */
  public static String utcDate(long timestampSeconds) {
    return UTC_DATE.format(Instant.ofEpochSecond(timestampSeconds));
  }

  public static String credentialScope(long timestampSeconds, String service) {
    return utcDate(timestampSeconds) + "/" + service + "/tc3_request";
  }

  /** §1.3; {@code signedHeaders} are lowercase names in the order the client listed them (sorted by the SDK). */
  public static String canonicalRequest(Tc3Request request, List<String> signedHeaders) {
    StringBuilder headers = new StringBuilder();
    for (String name : signedHeaders) {
      String value = request.header(name);
      headers.append(name).append(':').append(value == null ? "" : value.trim().toLowerCase(Locale.ROOT)).append('\n');
    }
    String payloadHash = UNSIGNED_PAYLOAD.equalsIgnoreCase(request.header("x-tc-content-sha256"))
        ? Crypto.hex(Crypto.sha256(UNSIGNED_PAYLOAD.getBytes(StandardCharsets.UTF_8)))
        : Crypto.hex(Crypto.sha256(request.body()));
    return request.method().toUpperCase(Locale.ROOT) + "\n/\n"
        + ("GET".equalsIgnoreCase(request.method()) ? request.rawQuery() : "") + "\n"
        + headers + "\n" + String.join(";", signedHeaders) + "\n" + payloadHash;
  }

  /** §1.4. */
  public static String stringToSign(long timestampSeconds, String service, String canonicalRequest) {
    return ALGORITHM + "\n" + timestampSeconds + "\n" + credentialScope(timestampSeconds, service) + "\n"
        + Crypto.hex(Crypto.sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
  }

  /** §1.5: the lowercase hex signature. */
  public static String signature(String secretKey, long timestampSeconds, String service, String stringToSign) {
    byte[] date = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), utcDate(timestampSeconds));
    byte[] serviceKey = hmac(date, service);
    byte[] signing = hmac(serviceKey, "tc3_request");
    return Crypto.hex(hmac(signing, stringToSign));
  }

  /** Signs a request the way the SDK does and returns the Authorization header value. */
  public static String authorization(String secretId, String secretKey, String service, Tc3Request request,
                                     List<String> signedHeaders) {
    String toSign = stringToSign(request.timestampSeconds(), service, canonicalRequest(request, signedHeaders));
    return ALGORITHM + " Credential=" + secretId + "/" + credentialScope(request.timestampSeconds(), service)
        + ", SignedHeaders=" + String.join(";", signedHeaders)
        + ", Signature=" + signature(secretKey, request.timestampSeconds(), service, toSign);
  }

  private static byte[] hmac(byte[] key, String data) {
    return Crypto.hmac("HmacSHA256", key, data.getBytes(StandardCharsets.UTF_8));
  }
}

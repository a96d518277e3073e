package io.tenantmq.signing.aliyun;

import io.tenantmq.signing.common.Crypto;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The HMAC-SHA1 signatures of Alibaba Cloud's MQTT service. Both sign UTF-8 text with the AccessKeySecret and write
 * the MAC as standard Base64 with padding; they differ in the text.
 */
public final class AliyunHmac {

  private AliyunHmac() {
  }

  /** The Signature-mode MQTT password: Base64(HmacSHA1(secret, clientId)). */
  public static String mqttPassword(String accessKeySecret, String clientId) {
    return sign(accessKeySecret, clientId);
  }

  /**
   * The text a parameter signature covers: each parameter as {@code key=value} (a multi-valued one with its values
   * sorted and comma-joined), the pairs sorted as whole strings in Java's {@code String} order, joined with {@code &}.
   * Values are raw, not URL-encoded.
   */
  public static String stringToSign(Map<String, List<String>> params) {
    List<String> pairs = new ArrayList<>(params.size());
    params.forEach((key, values) -> {
      List<String> sorted = new ArrayList<>(values);
      sorted.sort(null);
      pairs.add(key + "=" + String.join(",", sorted));
    });
    pairs.sort(null);
    return String.join("&", pairs);
  }

  /** The signature of {@code params} (token server, {@code /route/clientId/get}). */
  public static String paramSignature(String accessKeySecret, Map<String, List<String>> params) {
    return sign(accessKeySecret, stringToSign(params));
  }

  /** Whether {@code given} is {@code expected}, compared in constant time. */
  public static boolean matches(String expected, String given) {
    return given != null && Crypto.constantTimeEquals(expected.getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8));
  }

  private static String sign(String secret, String text) {
    return Base64.getEncoder().encodeToString(Crypto.hmac("HmacSHA1", secret.getBytes(StandardCharsets.UTF_8),
        text.getBytes(StandardCharsets.UTF_8)));
  }
}

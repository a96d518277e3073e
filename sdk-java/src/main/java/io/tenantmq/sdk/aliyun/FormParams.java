package io.tenantmq.sdk.aliyun;

import io.tenantmq.signing.aliyun.AliyunHmac;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The parameters of a token server or online-check call, in the order they are sent, signed as API-NOTES §3.3 says:
 * the signature covers the raw values of the parameters named, and everything is form-encoded only for transport.
 */
final class FormParams {

  private final Map<String, String> params = new LinkedHashMap<>();

  FormParams put(String name, String value) {
    params.put(name, value);
    return this;
  }

  /** Adds {@code signature}: HMAC-SHA1 with {@code secret} over the parameters added so far. */
  FormParams sign(String secret) {
    Map<String, List<String>> signed = new LinkedHashMap<>();
    params.forEach((name, value) -> signed.put(name, List.of(value)));
    return put("signature", AliyunHmac.paramSignature(secret, signed));
  }

  /** {@code a=1&b=2}, form-encoded as the LMQ demo's HTTP client encodes it ({@code @} as {@code %40}, space as +). */
  String encoded() {
    StringJoiner form = new StringJoiner("&");
    params.forEach((name, value) -> form.add(encode(name) + "=" + encode(value)));
    return form.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}

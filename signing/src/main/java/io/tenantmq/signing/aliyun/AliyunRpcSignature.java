package io.tenantmq.signing.aliyun;

import io.tenantmq.signing.common.Crypto;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The signature of Alibaba Cloud's RPC-style OpenAPI (SignatureMethod {@code HMAC-SHA1}, SignatureVersion {@code 1.0}),
 * as the official SDKs compute it:
 * <pre>
 * CanonicalizedQueryString = every parameter except Signature, sorted by name, as percentEncode(name)=percentEncode(value), joined by &amp;
 * StringToSign             = METHOD &amp; percentEncode("/") &amp; percentEncode(CanonicalizedQueryString)
 * Signature                = Base64(HmacSHA1(key = AccessKeySecret + "&amp;", StringToSign))
 * </pre>
 * The parameters are the decoded values of the query and, for a form POST, of the body. Pure functions.
 */
public final class AliyunRpcSignature {

  /** The parameter that carries the signature and is itself never signed. */
  public static final String SIGNATURE = "Signature";

  private AliyunRpcSignature() {
  }

  /**
   * RFC 3986 percent-encoding of UTF-8: unreserved characters ({@code A-Z a-z 0-9 - _ . ~}) stay, everything else is
   * {@code %XX} with upper-case hex, so a space is {@code %20} (not {@code +}) and {@code *} is {@code %2A}.
   */
  public static String percentEncode(String value) {
    // URLEncoder is form encoding; three substitutions turn it into RFC 3986
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  /** The parameters except {@link #SIGNATURE}, sorted by name in Java {@code String} order, encoded and joined. */
  public static String canonicalizedQuery(Map<String, String> params) {
    StringJoiner pairs = new StringJoiner("&");
    new TreeMap<>(params).forEach((name, value) -> {
      if (!SIGNATURE.equals(name)) {
        pairs.add(percentEncode(name) + "=" + percentEncode(value == null ? "" : value));
      }
    });
    return pairs.toString();
  }

  /** {@code method} is the HTTP method in upper case ({@code GET}, {@code POST}). */
  public static String stringToSign(String method, Map<String, String> params) {
    return method + "&" + percentEncode("/") + "&" + percentEncode(canonicalizedQuery(params));
  }

  /** The Base64 signature of {@link #stringToSign}. */
  public static String sign(String accessKeySecret, String method, Map<String, String> params) {
    byte[] mac = Crypto.hmac("HmacSHA1", (accessKeySecret + "&").getBytes(StandardCharsets.UTF_8),
        stringToSign(method, params).getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(mac);
  }

  /** Whether {@code params} carry the right {@link #SIGNATURE} for {@code accessKeySecret}, compared in constant time. */
  public static boolean verify(String accessKeySecret, String method, Map<String, String> params) {
    return AliyunHmac.matches(sign(accessKeySecret, method, params), params.get(SIGNATURE));
  }
}

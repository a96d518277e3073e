package io.tenantmq.sdk.tencent;

import io.tenantmq.signing.tencent.Tc3Request;
import io.tenantmq.signing.tencent.Tc3Signer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers of one signed call, made as the official SDK makes them (API-NOTES §1.2–1.5, §1.10): the signing
 * service is the first label of the endpoint's host, {@code content-type;host} are signed, the common parameters go
 * in {@code X-TC-*} headers. Usable on its own to sign a request sent by another HTTP client.
 */
public final class TencentRequestSigner {

  /** The Content-Type the SDK sends and signs; the server hashes the header as received, so it must be exactly this. */
  public static final String CONTENT_TYPE = "application/json; charset=utf-8";
  static final List<String> SIGNED_HEADERS = List.of("content-type", "host");

  private final TencentClientOptions options;
  private final String host;
  private final String service;

  public TencentRequestSigner(TencentClientOptions options) {
    this.options = options.validated();
    this.host = hostHeader(this.options.getEndpoint());
    // the SDK's endpoint.split("\\.")[0]: "127.0.0.1:18089" signs for "127", "localhost:18089" for "localhost:18089"
    this.service = host.split("\\.")[0];
  }

  /** The Host header value: what the JDK HttpClient (and okhttp) send, with the port unless it is the scheme's default. */
  static String hostHeader(URI endpoint) {
    int port = endpoint.getPort();
    boolean defaultPort = port == -1 || port == ("https".equals(endpoint.getScheme()) ? 443 : 80);
    return defaultPort ? endpoint.getHost() : endpoint.getHost() + ":" + port;
  }

  public String host() {
    return host;
  }

  public String service() {
    return service;
  }

  /**
   * Every header to send with {@code body} (Host included, which HTTP clients set themselves), in the SDK's order.
   *
   * @param timestampSeconds the {@code X-TC-Timestamp}; the server accepts ±300 s around its own clock
   */
  public Map<String, String> headers(String action, String version, byte[] body, long timestampSeconds) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", CONTENT_TYPE);
    headers.put("Host", host);
    headers.put("X-TC-Action", action);
    headers.put("X-TC-Timestamp", String.valueOf(timestampSeconds));
    headers.put("X-TC-Version", version);
    if (options.getRegion() != null) {
      headers.put("X-TC-Region", options.getRegion());
    }
    headers.put("X-TC-RequestClient", options.getRequestClient());
    if (options.getLanguage() != null) {
      headers.put("X-TC-Language", options.getLanguage());
    }
    Tc3Request signed = new Tc3Request("POST", null, headers, body, timestampSeconds);
    headers.put("Authorization",
        Tc3Signer.authorization(options.getSecretId(), options.getSecretKey(), service, signed, SIGNED_HEADERS));
    return headers;
  }
}

package io.tenantmq.sdk.emqx;

import io.tenantmq.sdk.http.TransportOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * Options of an {@link EmqxStyleClient}. Setters validate and throw {@link IllegalArgumentException}; the API secret
 * never appears in {@link #toString()}.
 */
public final class EmqxClientOptions extends TransportOptions<EmqxClientOptions> {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  /** Where EMQX serves the API under its dashboard listener. */
  public static final String BASE_PATH = "/api/v5";

  private URI baseUri;
  private String apiKey;
  private String apiSecret;

  public EmqxClientOptions() {
    super(DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  public EmqxClientOptions(EmqxClientOptions other) {
    super(other);
    this.baseUri = other.baseUri;
    this.apiKey = other.apiKey;
    this.apiSecret = other.apiSecret;
  }

  @Override
  protected EmqxClientOptions self() {
    return this;
  }

  /** Where the API lives, ending in {@value #BASE_PATH} (no trailing slash). */
  public URI getBaseUri() {
    return baseUri;
  }

  /**
   * The server: {@code http://127.0.0.1:18083} (the API is then under {@value #BASE_PATH}), or a URL that already ends
   * in {@value #BASE_PATH}, as EMQX Cloud's console shows it ({@code https://x.emqxsl.com:8443/api/v5}).
   */
  public EmqxClientOptions setEndpoint(String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalArgumentException("endpoint must not be blank");
    }
    URI uri = httpUrl(endpoint, endpoint);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("endpoint must not have a query or fragment: " + endpoint);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (!path.endsWith(BASE_PATH)) {
      path = path + BASE_PATH;
    }
    this.baseUri = URI.create(scheme + "://" + uri.getRawAuthority() + path);
    return this;
  }

  public String getApiKey() {
    return apiKey;
  }

  public EmqxClientOptions setApiKey(String apiKey) {
    String key = requireText(apiKey, "apiKey");
    if (key.indexOf(':') >= 0) {
      throw new IllegalArgumentException("apiKey must not contain ':' (Basic auth splits at the first colon)");
    }
    this.apiKey = key;
    return this;
  }

  public String getApiSecret() {
    return apiSecret;
  }

  public EmqxClientOptions setApiSecret(String apiSecret) {
    this.apiSecret = requireText(apiSecret, "apiSecret");
    return this;
  }

  /** The {@code Authorization} header value: {@code Basic base64(apiKey:apiSecret)}. */
  public String authorization() {
    return "Basic " + Base64.getEncoder().encodeToString(
        (requireText(apiKey, "apiKey") + ":" + requireText(apiSecret, "apiSecret")).getBytes(StandardCharsets.UTF_8));
  }

  /** Throws unless everything a call needs is set. */
  EmqxClientOptions validated() {
    if (baseUri == null || apiKey == null || apiSecret == null) {
      throw new IllegalArgumentException("endpoint, apiKey and apiSecret are required");
    }
    return new EmqxClientOptions(this);
  }

  @Override
  public String toString() {
    return "EmqxClientOptions[baseUri=" + baseUri + ", apiKey=" + apiKey + ", connectTimeout=" + getConnectTimeout()
        + ", requestTimeout=" + getRequestTimeout() + "]";
  }
}

package io.tenantmq.sdk.emqx;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Options of an {@link EmqxStyleClient}. Setters validate and throw {@link IllegalArgumentException}; the API secret
 * never appears in {@link #toString()}.
 */
public final class EmqxClientOptions {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  /** Where EMQX serves the API under its dashboard listener. */
  public static final String BASE_PATH = "/api/v5";

  private URI baseUri;
  private String apiKey;
  private String apiSecret;
  private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
  private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
  private InetSocketAddress proxy;

  public EmqxClientOptions() {
  }

  public EmqxClientOptions(EmqxClientOptions other) {
    this.baseUri = other.baseUri;
    this.apiKey = other.apiKey;
    this.apiSecret = other.apiSecret;
    this.connectTimeout = other.connectTimeout;
    this.requestTimeout = other.requestTimeout;
    this.proxy = other.proxy;
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
    URI uri;
    try {
      uri = URI.create(endpoint.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("endpoint is not a URL: " + endpoint, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("endpoint must be an http or https URL, was " + endpoint);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("endpoint has no host: " + endpoint);
    }
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

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public EmqxClientOptions setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
    return this;
  }

  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  /** How long one call may take from sending to the whole response. */
  public EmqxClientOptions setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = requirePositive(requestTimeout, "requestTimeout");
    return this;
  }

  public InetSocketAddress getProxy() {
    return proxy;
  }

  /** An HTTP proxy to send every request through; null (the default) connects directly. */
  public EmqxClientOptions setProxy(String host, int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("proxy port must be 1..65535, was " + port);
    }
    this.proxy = InetSocketAddress.createUnresolved(requireText(host, "proxy host"), port);
    return this;
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
    return "EmqxClientOptions[baseUri=" + baseUri + ", apiKey=" + apiKey + ", connectTimeout=" + connectTimeout
        + ", requestTimeout=" + requestTimeout + "]";
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  private static Duration requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }
}

package io.tenantmq.sdk.http;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;

/**
 * The HTTP side of a client's options: connect and request timeouts and an optional proxy. Each dialect's options
 * extend it with what it signs with; setters validate and throw {@link IllegalArgumentException}, and return the
 * dialect's options so that calls chain.
 *
 * @param <T> the dialect's options
 */
public abstract class TransportOptions<T extends TransportOptions<T>> {

  private Duration connectTimeout;
  private Duration requestTimeout;
  private InetSocketAddress proxy;

  protected TransportOptions(Duration defaultConnectTimeout, Duration defaultRequestTimeout) {
    this.connectTimeout = defaultConnectTimeout;
    this.requestTimeout = defaultRequestTimeout;
  }

  protected TransportOptions(TransportOptions<?> other) {
    this.connectTimeout = other.connectTimeout;
    this.requestTimeout = other.requestTimeout;
    this.proxy = other.proxy;
  }

  protected abstract T self();

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public T setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
    return self();
  }

  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  /** How long one call may take from sending to the whole response. */
  public T setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = requirePositive(requestTimeout, "requestTimeout");
    return self();
  }

  public InetSocketAddress getProxy() {
    return proxy;
  }

  /** An HTTP proxy to send every request through; null (the default) connects directly. */
  public T setProxy(String host, int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("proxy port must be 1..65535, was " + port);
    }
    this.proxy = InetSocketAddress.createUnresolved(requireText(host, "proxy host"), port);
    return self();
  }

  /** An HttpClient as the SDK's clients make their own: HTTP/1.1, these options' connect timeout and proxy. */
  public HttpClient newHttpClient() {
    // HTTP/1.1 as the clouds' own SDKs speak it to an http:// endpoint; no h2c upgrade dance
    HttpClient.Builder http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout);
    if (proxy != null) {
      http.proxy(ProxySelector.of(proxy));
    }
    return http.build();
  }

  /** {@code endpoint} as an http or https URL with a host. */
  protected static URI httpUrl(String endpoint, String given) {
    URI uri;
    try {
      uri = URI.create(endpoint.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("endpoint is not a URL: " + given, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("endpoint must be an http or https URL, was " + given);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("endpoint has no host: " + given);
    }
    return uri;
  }

  protected static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  protected static Duration requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }
}

package io.tenantmq.sdk.tencent;

import io.tenantmq.sdk.http.TransportOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Options of a {@link TencentStyleClient}. Setters validate and throw {@link IllegalArgumentException}; the secret key
 * never appears in {@link #toString()}.
 */
public final class TencentClientOptions extends TransportOptions<TencentClientOptions> {

  /** The SDK's default: {@code HttpProfile} connects and reads with 60 s timeouts. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
  /** Sent as {@code X-TC-RequestClient}, as the SDK sends {@code SDK_JAVA_<version>}. */
  public static final String DEFAULT_REQUEST_CLIENT = "TENANTMQ_SDK_JAVA";

  private URI endpoint;
  private String secretId;
  private String secretKey;
  private String region;
  private String language;
  private Clock clock = Clock.systemUTC();
  private String requestClient = DEFAULT_REQUEST_CLIENT;

  public TencentClientOptions() {
    super(DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  public TencentClientOptions(TencentClientOptions other) {
    super(other);
    this.endpoint = other.endpoint;
    this.secretId = other.secretId;
    this.secretKey = other.secretKey;
    this.region = other.region;
    this.language = other.language;
    this.clock = other.clock;
    this.requestClient = other.requestClient;
  }

  @Override
  protected TencentClientOptions self() {
    return this;
  }

  public URI getEndpoint() {
    return endpoint;
  }

  /**
   * Where requests go: a URL such as {@code http://127.0.0.1:8080} or a bare host as the SDK's
   * {@code HttpProfile.setEndpoint} takes it ({@code trocket.tencentcloudapi.com}, then HTTPS). The signing service is
   * the first DNS label of its host (port included when the host has no dot), as the SDK derives it.
   */
  public TencentClientOptions setEndpoint(String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalArgumentException("endpoint must not be blank");
    }
    String url = endpoint.contains("://") ? endpoint : "https://" + endpoint;
    URI uri = httpUrl(url, endpoint);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
      throw new IllegalArgumentException("the API lives at path /, endpoint has " + uri.getRawPath());
    }
    this.endpoint = URI.create(scheme + "://" + uri.getRawAuthority() + "/");
    return this;
  }

  public String getSecretId() {
    return secretId;
  }

  public TencentClientOptions setSecretId(String secretId) {
    this.secretId = requireText(secretId, "secretId");
    return this;
  }

  public String getSecretKey() {
    return secretKey;
  }

  public TencentClientOptions setSecretKey(String secretKey) {
    this.secretKey = requireText(secretKey, "secretKey");
    return this;
  }

  public String getRegion() {
    return region;
  }

  /** {@code X-TC-Region}; null (the default) sends no region header, as the SDK does for a null region. */
  public TencentClientOptions setRegion(String region) {
    this.region = region == null ? null : requireText(region, "region");
    return this;
  }

  public String getLanguage() {
    return language;
  }

  /** {@code X-TC-Language}, {@code zh-CN} or {@code en-US}; null sends none. */
  public TencentClientOptions setLanguage(String language) {
    if (language != null && !language.equals("zh-CN") && !language.equals("en-US")) {
      throw new IllegalArgumentException("language must be zh-CN or en-US, was " + language);
    }
    this.language = language;
    return this;
  }

  public Clock getClock() {
    return clock;
  }

  /** Where {@code X-TC-Timestamp} comes from; tests pin it to reproduce a signature. */
  public TencentClientOptions setClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  public String getRequestClient() {
    return requestClient;
  }

  public TencentClientOptions setRequestClient(String requestClient) {
    this.requestClient = requireText(requestClient, "requestClient");
    return this;
  }

  /** Throws unless everything a call needs is set. */
  TencentClientOptions validated() {
    if (endpoint == null || secretId == null || secretKey == null) {
      throw new IllegalArgumentException("endpoint, secretId and secretKey are required");
    }
    return new TencentClientOptions(this);
  }

  @Override
  public String toString() {
    return "TencentClientOptions[endpoint=" + endpoint + ", secretId=" + secretId + ", region=" + region
        + ", connectTimeout=" + getConnectTimeout() + ", requestTimeout=" + getRequestTimeout() + "]";
  }
}

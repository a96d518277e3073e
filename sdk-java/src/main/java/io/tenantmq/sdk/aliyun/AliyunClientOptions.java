package io.tenantmq.sdk.aliyun;

import io.tenantmq.sdk.http.TransportOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Options of an {@link AliyunStyleClient}. Setters validate and throw {@link IllegalArgumentException}; the
 * AccessKeySecret never appears in {@link #toString()}.
 *
 * <p>TenantMQ serves the token server, {@code /route/clientId/get} and the OnsMqtt OpenAPI on one HTTP port, so
 * {@link #setEndpoint} is all a client of TenantMQ needs. Alibaba Cloud serves them on three hosts (the token server
 * {@code mqauth.aliyuncs.com}, the instance's own endpoint, {@code onsmqtt.<region>.aliyuncs.com}):
 * {@link #setTokenServerEndpoint} and {@link #setOpenApiEndpoint} override the endpoint for theirs.
 */
public final class AliyunClientOptions extends TransportOptions<AliyunClientOptions> {

  /** As the Alibaba Cloud Java SDK: 5 s to connect, 10 s to read. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private URI endpoint;
  private URI tokenServerEndpoint;
  private URI openApiEndpoint;
  private String accessKeyId;
  private String accessKeySecret;
  private String regionId;
  private Clock clock = Clock.systemUTC();

  public AliyunClientOptions() {
    super(DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  public AliyunClientOptions(AliyunClientOptions other) {
    super(other);
    this.endpoint = other.endpoint;
    this.tokenServerEndpoint = other.tokenServerEndpoint;
    this.openApiEndpoint = other.openApiEndpoint;
    this.accessKeyId = other.accessKeyId;
    this.accessKeySecret = other.accessKeySecret;
    this.regionId = other.regionId;
    this.clock = other.clock;
  }

  @Override
  protected AliyunClientOptions self() {
    return this;
  }

  /** Where {@code /route/clientId/get} goes, and the token server and OpenAPI calls unless overridden. */
  public URI getEndpoint() {
    return endpoint;
  }

  /** The server, e.g. {@code http://127.0.0.1:8080}; a bare host name means HTTPS. */
  public AliyunClientOptions setEndpoint(String endpoint) {
    this.endpoint = root(endpoint);
    return this;
  }

  /** Where {@code /token/apply} and {@code /token/revoke} go. */
  public URI getTokenServerEndpoint() {
    return tokenServerEndpoint == null ? endpoint : tokenServerEndpoint;
  }

  /** The token server when it is not {@link #setEndpoint the endpoint} (Alibaba Cloud: {@code mqauth.aliyuncs.com}). */
  public AliyunClientOptions setTokenServerEndpoint(String endpoint) {
    this.tokenServerEndpoint = root(endpoint);
    return this;
  }

  /** Where the OnsMqtt actions go ({@code POST /?Action=...}). */
  public URI getOpenApiEndpoint() {
    return openApiEndpoint == null ? endpoint : openApiEndpoint;
  }

  /** The OpenAPI when not {@link #setEndpoint the endpoint} (Alibaba Cloud: {@code onsmqtt.<region>.aliyuncs.com}). */
  public AliyunClientOptions setOpenApiEndpoint(String endpoint) {
    this.openApiEndpoint = root(endpoint);
    return this;
  }

  public String getAccessKeyId() {
    return accessKeyId;
  }

  public AliyunClientOptions setAccessKeyId(String accessKeyId) {
    this.accessKeyId = requireText(accessKeyId, "accessKeyId");
    return this;
  }

  public String getAccessKeySecret() {
    return accessKeySecret;
  }

  public AliyunClientOptions setAccessKeySecret(String accessKeySecret) {
    this.accessKeySecret = requireText(accessKeySecret, "accessKeySecret");
    return this;
  }

  public String getRegionId() {
    return regionId;
  }

  /** The OpenAPI's {@code RegionId} parameter, e.g. {@code cn-hangzhou}; null (the default) sends none. */
  public AliyunClientOptions setRegionId(String regionId) {
    this.regionId = regionId == null ? null : requireText(regionId, "regionId");
    return this;
  }

  public Clock getClock() {
    return clock;
  }

  /** Where the {@code timestamp} of an online check and the OpenAPI's {@code Timestamp} come from. */
  public AliyunClientOptions setClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Throws unless everything a call needs is set. */
  AliyunClientOptions validated() {
    if (endpoint == null || accessKeyId == null || accessKeySecret == null) {
      throw new IllegalArgumentException("endpoint, accessKeyId and accessKeySecret are required");
    }
    return new AliyunClientOptions(this);
  }

  /** {@code endpoint} as {@code scheme://authority}, the root the API paths hang from. */
  private static URI root(String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalArgumentException("endpoint must not be blank");
    }
    String url = endpoint.contains("://") ? endpoint : "https://" + endpoint;
    URI uri = httpUrl(url, endpoint);
    if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
      throw new IllegalArgumentException("the APIs live at the root, endpoint has path " + uri.getRawPath());
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("endpoint must not have a query or fragment: " + endpoint);
    }
    return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority());
  }

  @Override
  public String toString() {
    return "AliyunClientOptions[endpoint=" + endpoint + ", tokenServerEndpoint=" + getTokenServerEndpoint()
        + ", openApiEndpoint=" + getOpenApiEndpoint() + ", accessKeyId=" + accessKeyId + ", regionId=" + regionId
        + ", connectTimeout=" + getConnectTimeout() + ", requestTimeout=" + getRequestTimeout() + "]";
  }
}

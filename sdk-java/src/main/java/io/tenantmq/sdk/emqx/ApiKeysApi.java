package io.tenantmq.sdk.emqx;

import com.fasterxml.jackson.databind.JavaType;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code /api_key}: the API keys of the key's instance, by name; an unknown name fails with 404 {@code NOT_FOUND}. */
public final class ApiKeysApi {

  private static final JavaType KEY = EmqxJson.MAPPER.constructType(ApiKey.class);
  private static final JavaType KEYS = EmqxJson.MAPPER.getTypeFactory().constructCollectionType(List.class, ApiKey.class);
  private static final JavaType NOTHING = EmqxJson.MAPPER.constructType(Void.class);

  private final EmqxStyleClient client;

  ApiKeysApi(EmqxStyleClient client) {
    this.client = client;
  }

  /** {@code GET /api_key}: every key, without secrets. */
  public CompletableFuture<List<ApiKey>> list() {
    return client.call("GET", "/api_key", null, KEYS);
  }

  /** {@code POST /api_key}: the new key with its secret, which no later answer repeats. */
  public CompletableFuture<ApiKey> create(ApiKeyRequest request) {
    if (request.name() == null) {
      throw new IllegalArgumentException("a new API key needs a name");
    }
    return client.call("POST", "/api_key", request, KEY);
  }

  /** {@code GET /api_key/{name}}. */
  public CompletableFuture<ApiKey> get(String name) {
    return client.call("GET", path(name), null, KEY);
  }

  /** {@code PUT /api_key/{name}}: see {@link ApiKeyRequest} for what a null field does; its name is ignored. */
  public CompletableFuture<ApiKey> update(String name, ApiKeyRequest request) {
    return client.call("PUT", path(name), new ApiKeyRequest(null, request.expiredAt(), request.desc(),
        request.enable()), KEY);
  }

  /** {@code DELETE /api_key/{name}}. */
  public CompletableFuture<Void> delete(String name) {
    return client.call("DELETE", path(name), null, NOTHING);
  }

  private static String path(String name) {
    return "/api_key/" + EmqxStyleClient.segment(name);
  }
}

package io.tenantmq.sdk.emqx;

import com.fasterxml.jackson.databind.JavaType;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /banned}: who may not connect to the key's instance. Creating a ban that exists fails with 400
 * {@code ALREADY_EXISTS}; deleting one that does not with 404 {@code NOT_FOUND}.
 */
public final class BannedApi {

  private static final JavaType BAN = EmqxJson.MAPPER.constructType(Ban.class);
  private static final JavaType PAGE = EmqxJson.MAPPER.getTypeFactory().constructParametricType(Page.class, Ban.class);
  private static final JavaType NOTHING = EmqxJson.MAPPER.constructType(Void.class);

  private final EmqxStyleClient client;

  BannedApi(EmqxStyleClient client) {
    this.client = client;
  }

  /** {@code GET /banned}. */
  public CompletableFuture<Page<Ban>> list(BanQuery query, int page, int limit) {
    if (page < 1) {
      throw new IllegalArgumentException("page must be at least 1, was " + page);
    }
    QueryString q = query.appendTo(new QueryString().add("page", page).add("limit", ClientsApi.checkLimit(limit)));
    return client.call("GET", "/banned" + q.encoded(), null, PAGE);
  }

  /** {@code POST /banned}: answers the ban as stored. */
  public CompletableFuture<Ban> create(BanRequest ban) {
    return client.call("POST", "/banned", ban, BAN);
  }

  /** {@code DELETE /banned/{as}/{who}}. */
  public CompletableFuture<Void> delete(BanKind as, String who) {
    return client.call("DELETE", "/banned/" + as.apiName() + "/" + EmqxStyleClient.segment(who), null, NOTHING);
  }
}

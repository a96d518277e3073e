package io.tenantmq.gateway.admin;

import io.vertx.core.json.JsonObject;

/** What an admin action answers: an HTTP status and a JSON body, or no body for 204. */
record AdminReply(int status, JsonObject body) {

  static AdminReply ok(JsonObject body) {
    return new AdminReply(200, body);
  }

  static AdminReply created(JsonObject body) {
    return new AdminReply(201, body);
  }

  static AdminReply deleted() {
    return new AdminReply(204, null);
  }
}

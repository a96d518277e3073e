package io.tenantmq.gateway.admin;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Lets a request through only with {@code Authorization: Bearer <operator token>}. Compares SHA-256 digests with
 * {@link MessageDigest#isEqual}, so the time taken says nothing about the token, not even its length. Without a
 * configured token every request is refused.
 */
final class OperatorTokenAuth implements Handler<RoutingContext> {

  private static final String SCHEME = "Bearer ";

  private final byte[] expectedDigest;

  OperatorTokenAuth(String token) {
    this.expectedDigest = token == null ? null : sha256(token);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (expectedDigest == null) {
      refuse(ctx, "the admin API is disabled: no operator token is configured");
      return;
    }
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      refuse(ctx, "missing header Authorization: Bearer <operator token>");
      return;
    }
    if (!MessageDigest.isEqual(expectedDigest, sha256(header.substring(SCHEME.length()).trim()))) {
      refuse(ctx, "the operator token is wrong");
      return;
    }
    ctx.next();
  }

  private static void refuse(RoutingContext ctx, String message) {
    ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"tenantmq-admin\"");
    ctx.fail(new AdminException(AdminError.UNAUTHORIZED, message));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}

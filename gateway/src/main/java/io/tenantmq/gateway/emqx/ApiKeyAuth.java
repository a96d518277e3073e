package io.tenantmq.gateway.emqx;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.Credential;
import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.gateway.common.Stages;
import io.tenantmq.signing.common.Crypto;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * EMQX's API-key authentication: {@code Authorization: Basic base64(api_key:api_secret)} with a key of kind
 * {@link CredentialKind#EMQX}, which belongs to one instance. Puts the request's {@link EmqxScope} on the context.
 *
 * <p>Stored secrets are PBKDF2 hashes, deliberately slow to check. A secret that checked out is remembered for a few
 * minutes as its SHA-256 digest, tied to the stored hash, so that a back end polling the API pays the hash once; a
 * revoked, disabled or re-keyed credential stops matching at once because the credential is read on every request.
 */
public final class ApiKeyAuth implements Handler<RoutingContext> {

  private static final String BASIC = "Basic ";
  private static final long REMEMBER_MILLIS = 5 * 60_000;
  private static final int MAX_REMEMBERED = 10_000;

  private final ControlPlane control;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  public ApiKeyAuth(ControlPlane control) {
    this.control = control;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      ctx.fail(EmqxException.authorizationHeader());
      return;
    }
    Optional<String[]> pair = decode(header.substring(BASIC.length()).trim());
    if (pair.isEmpty()) {
      refuse(ctx);
      return;
    }
    String apiKey = pair.get()[0];
    String secret = pair.get()[1];
    Stages.on(ctx, control.credentials().get(apiKey))
        .compose(found -> found.isPresent() && usable(found.get())
            ? checkSecret(ctx, found.get(), secret).map(ok -> ok ? found : Optional.<Credential>empty())
            : Future.succeededFuture(Optional.<Credential>empty()))
        .compose(found -> found.isEmpty() ? Future.succeededFuture(Optional.<Credential>empty())
            : Stages.on(ctx, control.tenants().instance(found.get().instanceId()))
                // a key outlives nothing: one whose instance was deleted authenticates nothing
                .map(instance -> instance.isPresent() && instance.get().tenantId().equals(found.get().tenantId())
                    ? found : Optional.<Credential>empty()))
        .onSuccess(found -> {
          if (found.isEmpty()) {
            refuse(ctx);
          } else {
            Credential c = found.get();
            ctx.put(EmqxScope.KEY, new EmqxScope(c.tenantId(), c.instanceId(), c.credentialId()));
            ctx.next();
          }
        })
        .onFailure(ctx::fail);
  }

  private static boolean usable(Credential c) {
    return c.kind() == CredentialKind.EMQX && c.instanceId() != null && c.usableAt(System.currentTimeMillis());
  }

  private Future<Boolean> checkSecret(RoutingContext ctx, Credential credential, String secret) {
    byte[] digest = Crypto.sha256(secret.getBytes(StandardCharsets.UTF_8));
    Verified known = verified.get(credential.credentialId());
    long now = System.currentTimeMillis();
    if (known != null && known.untilMillis() > now && known.storedSecret().equals(credential.storedSecret())
        && Crypto.constantTimeEquals(known.secretDigest(), digest)) {
      return Future.succeededFuture(true);
    }
    return Stages.on(ctx, CompletableFuture.supplyAsync(
        () -> control.credentials().secretMatches(credential, secret), control.workerExecutor())).map(ok -> {
          if (ok) {
            if (verified.size() >= MAX_REMEMBERED) {
              verified.clear(); // crude but bounded; only costs a hash per key afterwards
            }
            verified.put(credential.credentialId(), new Verified(credential.storedSecret(), digest, now + REMEMBER_MILLIS));
          }
          return ok;
        });
  }

  private static void refuse(RoutingContext ctx) {
    ctx.response().putHeader("WWW-Authenticate", "Basic Realm=\"emqx-dashboard\"");
    ctx.fail(EmqxException.badApiKey());
  }

  /** {@code key:secret} of a Basic header's value; empty when it is not base64 or has no colon. */
  private static Optional<String[]> decode(String encoded) {
    try {
      String text = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = text.indexOf(':');
      return colon <= 0 ? Optional.empty() : Optional.of(new String[] {text.substring(0, colon), text.substring(colon + 1)});
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }


  /** A secret that matched {@code storedSecret}, as a digest, until {@code untilMillis}. */
  private record Verified(String storedSecret, byte[] secretDigest, long untilMillis) {
  }
}

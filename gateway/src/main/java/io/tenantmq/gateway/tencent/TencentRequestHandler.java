package io.tenantmq.gateway.tencent;

import io.tenantmq.control.credential.Credential;
import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.CredentialService;
import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.signing.tencent.Tc3Request;
import io.tenantmq.signing.tencent.Tc3Verifier;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One API 3.0 request, start to end: TC3 authentication against the credential store (API-NOTES §1.6), the tenant
 * scope, dispatch on {@code X-TC-Action}/{@code X-TC-Version}, the per-credential rate limit, parameter reading, the
 * action, and the envelope. Every answer is HTTP 200 with a fresh RequestId.
 */
final class TencentRequestHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(TencentRequestHandler.class);
  private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,12}");

  private final GatewayContext gateway;
  private final ActionTable actions;
  private final RateLimiter limiter;
  private final Clock clock;

  TencentRequestHandler(GatewayContext gateway, ActionTable actions, Clock clock) {
    this.gateway = gateway;
    this.actions = actions;
    this.limiter = new RateLimiter(gateway.options().getTencentRateLimit(),
        gateway.options().getTencentActionRateLimits(), System::nanoTime);
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext rc) {
    String requestId = UUID.randomUUID().toString();
    Future<JsonObject> result;
    try {
      result = serve(rc, requestId);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(ar -> respond(rc, requestId, ar));
  }

  /** Failures of the route before the handler (the body limit): still the envelope, still 200. */
  void failure(RoutingContext rc) {
    String requestId = UUID.randomUUID().toString();
    Throwable cause = rc.statusCode() == 413
        ? TencentErrors.requestSizeLimitExceeded(TencentApi.MAX_BODY_BYTES)
        : rc.failure() != null ? rc.failure() : new IllegalStateException("HTTP status " + rc.statusCode());
    respond(rc, requestId, Future.failedFuture(cause));
  }

  private Future<JsonObject> serve(RoutingContext rc, String requestId) {
    HttpServerRequest req = rc.request();
    boolean post = req.method() == HttpMethod.POST;
    if (!post && req.method() != HttpMethod.GET) {
      throw TencentErrors.unsupportedProtocol(req.method().name());
    }
    String authorization = req.getHeader(HttpHeaders.AUTHORIZATION);
    Tc3Verifier.Credential signer = Tc3Verifier.parse(authorization)
        .orElseThrow(TencentErrors::invalidAuthorization);
    String action = requiredHeader(req, "X-TC-Action");
    String version = requiredHeader(req, "X-TC-Version");
    String timestamp = requiredHeader(req, "X-TC-Timestamp");
    if (!TIMESTAMP.matcher(timestamp).matches()) {
      throw TencentErrors.invalidParameterValue("X-TC-Timestamp", "must be a UNIX time in seconds");
    }
    byte[] body = post && rc.body().buffer() != null ? rc.body().buffer().getBytes() : new byte[0];
    Tc3Request signed = new Tc3Request(req.method().name(), post ? "" : rawQuery(req), headers(req), body,
        Long.parseLong(timestamp));
    Context context = rc.vertx().getOrCreateContext();
    CredentialService credentials = gateway.control().credentials();
    return Future.fromCompletionStage(credentials.get(signer.secretId()), context)
        .map(found -> authenticate(found, authorization, signed))
        .compose(scope -> {
          TencentAction<?> resolved = actions.find(action, version);
          if (!limiter.tryAcquire(scope.secretId(), resolved.name())) {
            throw TencentErrors.requestLimitExceeded(resolved.name(), limiter.limitOf(resolved.name()));
          }
          Params params = post ? Params.json(jsonBody(body)) : Params.form(FormParams.toJson(rawQuery(req)));
          String host = req.authority() == null ? "localhost" : req.authority().host();
          return run(resolved, params, new ActionCall(gateway, scope, requestId, context, host));
        });
  }

  private TenantScope authenticate(Optional<Credential> found, String authorization, Tc3Request signed) {
    Optional<Credential> tencent = found.filter(c -> c.kind() == CredentialKind.TENCENT);
    Tc3Verifier.Verification verdict = Tc3Verifier.verify(authorization, signed, clock.instant().getEpochSecond(),
        Tc3Verifier.DEFAULT_WINDOW_SECONDS, id -> tencent.map(gateway.control().credentials()::secretOf));
    switch (verdict.check()) {
      case OK:
        Credential c = tencent.orElseThrow();
        return new TenantScope(c.tenantId(), c.instanceId(), c.credentialId());
      case EXPIRED:
        throw TencentErrors.signatureExpire();
      case MALFORMED:
        throw TencentErrors.invalidAuthorization();
      default:
        throw tencent.isEmpty() ? TencentErrors.secretIdNotFound() : TencentErrors.signatureFailure();
    }
  }

  private static <R> Future<JsonObject> run(TencentAction<R> action, Params params, ActionCall call) {
    R request = action.read(params);
    params.rejectUnread();
    return action.execute(call, request);
  }

  private void respond(RoutingContext rc, String requestId, AsyncResult<JsonObject> result) {
    JsonObject envelope;
    if (result.succeeded()) {
      envelope = Envelope.success(result.result(), requestId);
    } else if (result.cause() instanceof TencentException e) {
      envelope = Envelope.error(e, requestId);
    } else {
      LOG.error("Tencent API request {} (action {}) failed", requestId, printable(rc.request().getHeader("X-TC-Action")),
          result.cause());
      envelope = Envelope.error(TencentErrors.internalError(), requestId);
    }
    if (!rc.response().ended() && !rc.response().closed()) {
      rc.response().setStatusCode(200)
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
          .end(envelope.encode());
    }
  }

  private static String requiredHeader(HttpServerRequest req, String name) {
    String value = req.getHeader(name);
    if (value == null || value.isEmpty()) {
      throw TencentErrors.missingParameter(name);
    }
    return value;
  }

  /** The query exactly as received: TC3 signs it as the client wrote it, unsorted and still encoded. */
  private static String rawQuery(HttpServerRequest req) {
    String query = req.query();
    return query == null ? "" : query;
  }

  /** The first value of each header; HTTP/2 carries the signed host as the :authority pseudo-header. */
  private static Map<String, String> headers(HttpServerRequest req) {
    Map<String, String> first = new LinkedHashMap<>();
    req.headers().forEach(e -> first.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
    if (!first.containsKey("host") && req.authority() != null) {
      first.put("host", req.authority().toString());
    }
    return first;
  }

  /** The parameters of a POST: a JSON object; an empty body is an empty object. */
  private static JsonObject jsonBody(byte[] body) {
    if (body.length == 0) {
      return new JsonObject();
    }
    Object decoded;
    try {
      decoded = Json.decodeValue(Buffer.buffer(body));
    } catch (DecodeException e) {
      throw TencentErrors.invalidParameter("The request body is not valid JSON; it must be a JSON object.");
    }
    if (decoded instanceof JsonObject object) {
      return object;
    }
    throw TencentErrors.invalidParameter("The request body must be a JSON object.");
  }

  /** A client-chosen header, safe for one log line. */
  private static String printable(String value) {
    if (value == null) {
      return "-";
    }
    String clean = value.replaceAll("[^A-Za-z0-9._-]", "?");
    return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
  }
}

package io.tenantmq.gateway.aliyun.openapi;

import io.tenantmq.control.credential.AliyunAccessKeys;
import io.tenantmq.gateway.GatewayContext;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OnsMqtt RPC call, start to end: the parameters, the common-parameter and signature checks
 * ({@link RpcAuthenticator}), dispatch on {@code Action}/{@code Version}, the instance check, the action, and the
 * answer: HTTP 200 with the fields and a fresh {@code RequestId}, or Alibaba Cloud's error envelope
 * {@code {RequestId, HostId, Code, Message}} with the error's status. Requests that are not RPC calls pass on.
 */
final class OnsMqttRequestHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(OnsMqttRequestHandler.class);
  /** Marks a routing context this API answers, so its failures are rendered here and not by the next API on "/". */
  private static final String CLAIMED = "tenantmq.onsmqtt";

  private final GatewayContext gateway;
  private final Map<String, OnsMqttAction> actions;
  private final RpcAuthenticator authenticator;
  private final Clock clock;

  OnsMqttRequestHandler(GatewayContext gateway, Map<String, OnsMqttAction> actions, Clock clock) {
    this.gateway = gateway;
    this.actions = actions;
    this.authenticator = new RpcAuthenticator(gateway.control().aliyunKeys(), new NonceRegistry(gateway.vertx()));
    this.clock = clock;
  }

  /**
   * Whether {@code req} is an Alibaba Cloud RPC call: a GET or POST with no TC3 {@code Authorization} header (Tencent's
   * API 3.0 always sends one) that carries {@code AccessKeyId} or {@code SignatureVersion}, parameters no Tencent
   * request has. A call missing one of the other common parameters is still ours, and answered {@code Missing…}.
   */
  static boolean isRpcCall(HttpServerRequest req) {
    if (!mayBeRpcCall(req)) {
      return false;
    }
    MultiMap params = req.params();
    return params.contains("AccessKeyId") || params.contains("SignatureVersion");
  }

  /** Whether {@code req} could be an RPC call once its form body is read: what the body is read for. */
  static boolean mayBeRpcCall(HttpServerRequest req) {
    String authorization = req.getHeader(HttpHeaders.AUTHORIZATION);
    return (req.method() == HttpMethod.GET || req.method() == HttpMethod.POST)
        && (authorization == null || !authorization.startsWith("TC3-"));
  }

  @Override
  public void handle(RoutingContext rc) {
    if (!isRpcCall(rc.request())) {
      rc.next();
      return;
    }
    rc.put(CLAIMED, Boolean.TRUE);
    String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    MultiMap raw = rc.request().params();
    ReplyFormat format = ReplyFormat.of(raw.get("Format"));
    OnsMqttAction action = raw.get("Action") == null ? null : actions.get(raw.get("Action"));
    Future<JsonObject> result;
    try {
      if (format == null) {
        throw OnsMqttErrors.invalidFormat();
      }
      result = serve(rc, RpcParams.of(raw), action);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(ar -> respond(rc, requestId, format == null ? ReplyFormat.JSON : format, action, ar));
  }

  /** Failures of the route before the handler (the body limit); another API's failures pass on. */
  void failure(RoutingContext rc) {
    if (rc.get(CLAIMED) == null && !(rc.statusCode() == 413 && mayBeRpcCall(rc.request()))) {
      rc.next();
      return;
    }
    OnsMqttException error = rc.statusCode() == 413
        ? new OnsMqttException(413, "InvalidParameter.Body", "The request body is larger than "
            + OnsMqttApi.MAX_BODY_BYTES + " bytes.")
        : OnsMqttErrors.internal();
    respond(rc, UUID.randomUUID().toString().toUpperCase(Locale.ROOT), ReplyFormat.JSON, null,
        Future.failedFuture(error));
  }

  private Future<JsonObject> serve(RoutingContext rc, RpcParams params, OnsMqttAction action) {
    Instant now = clock.instant();
    String actionName = params.required("Action");
    String version = params.required("Version");
    Instant timestamp = RpcAuthenticator.checkCommon(params, now);
    if (action == null) {
      throw OnsMqttErrors.apiNotFound(printable(actionName), printable(version));
    }
    if (!OnsMqttActions.VERSION.equals(version)) {
      throw OnsMqttErrors.invalidCommon("Version");
    }
    Context context = rc.vertx().getOrCreateContext();
    AliyunAccessKeys keys = gateway.control().aliyunKeys();
    return authenticator.authenticate(params, rc.request().method().name(), timestamp, now, context)
        .compose(key -> Future.fromCompletionStage(keys.instanceFor(key, params.required("InstanceId")), context)
            .compose(instance -> action.execute(new OnsMqttCall(gateway.control(), key,
                instance.orElseThrow(OnsMqttErrors::instancePermission), params, context, now.toEpochMilli()))));
  }

  private void respond(RoutingContext rc, String requestId, ReplyFormat format, OnsMqttAction action,
                       AsyncResult<JsonObject> result) {
    int status;
    JsonObject body;
    String root;
    if (result.succeeded()) {
      status = 200;
      body = result.result().copy().put("RequestId", requestId);
      root = action.name() + "Response";
    } else {
      OnsMqttException error;
      if (result.cause() instanceof OnsMqttException e) {
        error = e;
      } else {
        LOG.error("OnsMqtt request {} (action {}) failed", requestId, action == null ? "-" : action.name(),
            result.cause());
        error = OnsMqttErrors.internal();
      }
      status = error.status();
      String host = rc.request().authority() == null ? "" : rc.request().authority().host();
      body = new JsonObject().put("RequestId", requestId).put("HostId", host).put("Code", error.code())
          .put("Message", error.getMessage());
      root = "Error";
    }
    if (!rc.response().ended() && !rc.response().closed()) {
      rc.response().setStatusCode(status)
          .putHeader(HttpHeaders.CONTENT_TYPE, format.contentType())
          .end(format.render(root, body));
    }
  }

  /** A client-chosen value, safe to echo in one message. */
  private static String printable(String value) {
    String clean = value.replaceAll("[^A-Za-z0-9._-]", "?");
    return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
  }
}

package io.tenantmq.gateway.tencent;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * One action of the Tencent API, in two steps: {@link #read} turns the parameters into the action's own request
 * record (synchronously; throwing {@link TencentException} for a missing or bad one), then {@link #execute} does the
 * work and completes with the response fields, without {@code RequestId}, which the framework adds. Every parameter
 * the body carries must be read (or {@linkplain Params#accept accepted}) in {@code read}: whatever is left is an
 * {@code UnknownParameter}.
 *
 * @param <R> the action's request record
 */
public interface TencentAction<R> {

  /** The {@code X-TC-Action} value; by convention the implementing class is named after it. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** The {@code X-TC-Version} value, e.g. {@code 2023-03-08}. */
  String version();

  R read(Params params);

  /** Runs on the request's event loop; never block: bridge control-plane stages with {@link ActionCall#await}. */
  Future<JsonObject> execute(ActionCall call, R request);
}

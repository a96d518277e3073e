package io.tenantmq.gateway.aliyun.openapi;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** One action of OnsMqtt 2020-04-20. Every action of this subset names an {@code InstanceId}. */
interface OnsMqttAction {

  /** The {@code Action} parameter that selects it. */
  String name();

  /**
   * The response fields without {@code RequestId}; fails with an {@link OnsMqttException} for an expected error. Reads
   * its parameters from {@link OnsMqttCall#params()}; never blocks.
   */
  Future<JsonObject> execute(OnsMqttCall call);
}

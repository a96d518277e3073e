package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.gateway.tencent.TencentAction;

/** An action of product {@code mqtt}, version 2024-05-16 (API-NOTES §2.6). */
interface MqttAction<R> extends TencentAction<R> {

  String VERSION = "2024-05-16";

  @Override
  default String version() {
    return VERSION;
  }
}

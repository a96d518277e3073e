package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.gateway.tencent.TencentAction;

/** An action of product trocket (TDMQ RocketMQ 5), version 2023-03-08: its MQTT actions (API-NOTES §2). */
interface TrocketAction<R> extends TencentAction<R> {

  String VERSION = "2023-03-08";

  @Override
  default String version() {
    return VERSION;
  }
}

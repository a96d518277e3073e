package io.tenantmq.gateway.aliyun.openapi;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The actions of OnsMqtt 2020-04-20 this gateway serves, by name. */
final class OnsMqttActions {

  /** The API version every action here belongs to. */
  static final String VERSION = "2020-04-20";

  private OnsMqttActions() {
  }

  static Map<String, OnsMqttAction> all() {
    return List.of(new QuerySessionByClientId(), new BatchQuerySessionByClientIds(), new CloseConnection(),
            new ApplyToken(), new QueryToken(), new RevokeToken(), new QueryMqttTraceDevice(),
            new ReceiveMqttClientEvents(), new AckMqttClientEvents())
        .stream().collect(Collectors.toUnmodifiableMap(OnsMqttAction::name, Function.identity()));
  }
}

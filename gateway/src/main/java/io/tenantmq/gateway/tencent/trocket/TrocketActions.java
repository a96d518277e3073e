package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.gateway.tencent.TencentAction;
import java.util.List;

/** The trocket 2023-03-08 actions TenantMQ serves. */
public final class TrocketActions {

  private TrocketActions() {
  }

  public static List<TencentAction<?>> all() {
    return List.of(
        new DescribeMQTTClient(),
        new DescribeMQTTInstance(),
        new DescribeMQTTInstanceList(),
        new CreateMQTTInstance(),
        new ModifyMQTTInstance(),
        new DeleteMQTTInstance(),
        new DescribeMQTTUserList(),
        new CreateMQTTUser(),
        new ModifyMQTTUser(),
        new DeleteMQTTUser(),
        new DescribeMQTTTopic(),
        new DescribeMQTTTopicList(),
        new CreateMQTTTopic(),
        new ModifyMQTTTopic(),
        new DeleteMQTTTopic(),
        new DescribeMQTTInsPublicEndpoints(),
        new ReceiveMQTTClientEvents(),
        new AckMQTTClientEvents());
  }
}

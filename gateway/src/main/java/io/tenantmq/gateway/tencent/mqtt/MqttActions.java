package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.gateway.tencent.TencentAction;
import java.util.List;

/** The mqtt 2024-05-16 actions TenantMQ serves. */
public final class MqttActions {

  private MqttActions() {
  }

  public static List<TencentAction<?>> all() {
    return List.of(
        new KickOutClient(),
        new DescribeClientList(),
        new PublishMessage(),
        new AddClientSubscription(),
        new DeleteClientSubscription(),
        new DescribeInstance(),
        new DescribeInstanceList(),
        new DescribeUserList(),
        new CreateUser(),
        new DeleteUser(),
        new DescribeTopicList(),
        new CreateTopic(),
        new DeleteTopic());
  }
}

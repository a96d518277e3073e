package io.tenantmq.gateway.tencent;

import io.tenantmq.gateway.tencent.mqtt.MqttActions;
import io.tenantmq.gateway.tencent.trocket.TrocketActions;
import java.util.ArrayList;
import java.util.List;

/** Every action of the Tencent API, of every version: the one list to add a product's actions to. */
public final class TencentActions {

  private TencentActions() {
  }

  public static ActionTable table() {
    List<TencentAction<?>> all = new ArrayList<>();
    all.addAll(TrocketActions.all());
    all.addAll(MqttActions.all());
    return new ActionTable(all);
  }
}

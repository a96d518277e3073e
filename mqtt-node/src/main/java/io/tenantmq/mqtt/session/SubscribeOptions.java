package io.tenantmq.mqtt.session;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.tenantmq.mqtt.subscription.SubscriptionOptions;
import io.tenantmq.mqtt.subscription.TopicFilter;
import io.vertx.mqtt.MqttTopicSubscription;
import io.vertx.mqtt.messages.MqttSubscribeMessage;
import java.util.List;

/** Reads the MQTT 5 subscription options and Subscription Identifier of a SUBSCRIBE [MQTT-3.8.2.1.2, 3.8.3.1]. */
final class SubscribeOptions {

  /** What {@link #identifier} returns for a SUBSCRIBE that breaks the rules. */
  static final int INVALID = -1;

  private SubscribeOptions() {
  }

  /**
   * The SUBSCRIBE's Subscription Identifier, 0 when it has none, or {@link #INVALID}: an identifier of 0, or more than
   * one, is a Protocol Error [MQTT-3.8.2.1.2].
   */
  static int identifier(MqttSubscribeMessage m) {
    MqttProperties props = m.properties();
    if (props == null || props.isEmpty()) {
      return 0;
    }
    List<? extends MqttProperties.MqttProperty> ids =
        props.getProperties(MqttProperties.MqttPropertyType.SUBSCRIPTION_IDENTIFIER.value());
    if (ids.isEmpty()) {
      return 0;
    }
    int id = (Integer) ids.get(0).value();
    return ids.size() > 1 || id <= 0 || id > SubscriptionOptions.MAX_IDENTIFIER ? INVALID : id;
  }

  /** The options of one filter of an MQTT 5 SUBSCRIBE carrying {@code identifier}. */
  static SubscriptionOptions of(MqttTopicSubscription ts, int identifier) {
    MqttSubscriptionOption o = ts.subscriptionOption();
    if (o == null) {
      return SubscriptionOptions.of(false, false, 0, identifier);
    }
    return SubscriptionOptions.of(o.isNoLocal(), o.isRetainAsPublished(), o.retainHandling().value(), identifier);
  }

  /**
   * Why an MQTT 5 SUBSCRIBE is a Protocol Error as a whole (checked before any of its filters takes effect), or null:
   * an {@link #INVALID} identifier, or No Local on a shared subscription [MQTT-3.8.3-4].
   */
  static String protocolError(MqttSubscribeMessage m, int identifier) {
    if (identifier == INVALID) {
      return "subscription identifier 0 or repeated";
    }
    for (MqttTopicSubscription ts : m.topicSubscriptions()) {
      if (ts.subscriptionOption() != null && ts.subscriptionOption().isNoLocal()
          && ts.topicName().startsWith(TopicFilter.SHARE_PREFIX)) {
        return "no local on the shared subscription " + ts.topicName();
      }
    }
    return null;
  }
}

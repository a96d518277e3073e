package io.tenantmq.mqtt.session;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttProperty;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import java.util.HashMap;
import java.util.Map;

/**
 * The Topic Aliases of one network connection, in both directions [MQTT-3.3.2.3.4]. Inbound: the client may set up
 * to the server's Topic Alias Maximum (announced in CONNACK) and then publish with an empty topic. Outbound: towards a
 * client that announced a Topic Alias Maximum, the first PUBLISH of a topic sets an alias and later ones send an empty
 * topic, up to that maximum; topics beyond it go unaliased. Aliases never outlive their connection [MQTT-3.3.2-7]: a
 * session makes a fresh instance for each connection.
 *
 * <p>Owned by: the connection's event loop.
 */
final class TopicAliases {

  /** Why an inbound PUBLISH's topic or alias broke the rules, and the DISCONNECT it gets. */
  enum Problem {
    /** [MQTT-3.3.2-8, -9] alias 0, or above the server's Topic Alias Maximum. */
    ALIAS_OUT_OF_RANGE(MqttDisconnectReasonCode.TOPIC_ALIAS_INVALID, "topic alias 0 or above the topic alias maximum"),
    /** [MQTT-3.3.4] an empty topic with an alias this connection never set: a Protocol Error. */
    UNKNOWN_ALIAS(MqttDisconnectReasonCode.PROTOCOL_ERROR, "empty topic name with a topic alias that is not set"),
    /** [MQTT-3.3.2.1] an empty topic without a topic alias: a Protocol Error. */
    EMPTY_TOPIC(MqttDisconnectReasonCode.PROTOCOL_ERROR, "empty topic name without a topic alias");

    private final MqttDisconnectReasonCode code;
    private final String reason;

    Problem(MqttDisconnectReasonCode code, String reason) {
      this.code = code;
      this.reason = reason;
    }

    MqttDisconnectReasonCode code() {
      return code;
    }

    String reason() {
      return reason;
    }
  }

  private static final int TOPIC_ALIAS_ID = MqttPropertyType.TOPIC_ALIAS.value();

  /** The server's Topic Alias Maximum for this connection; 0 for MQTT 3. */
  private final int inboundMaximum;
  /** The client's Topic Alias Maximum; 0: it takes no aliases. */
  private final int outboundMaximum;
  private String[] inbound;
  private Map<String, Integer> outbound;
  private Problem problem;

  TopicAliases(int inboundMaximum, int outboundMaximum) {
    this.inboundMaximum = inboundMaximum;
    this.outboundMaximum = outboundMaximum;
  }

  /** No aliases either way (MQTT 3, or a session without connection). */
  static TopicAliases none() {
    return new TopicAliases(0, 0);
  }

  int inboundMaximum() {
    return inboundMaximum;
  }

  /**
   * The topic an inbound PUBLISH is for: its topic name, or the one its Topic Alias stands for; sets or updates the
   * alias when both are given. Null when the packet breaks the alias rules: {@link #problem} says how.
   */
  String resolve(String topic, MqttProperties props, boolean mqtt5) {
    MqttProperty<?> p = !mqtt5 || props == null || props.isEmpty() ? null : props.getProperty(TOPIC_ALIAS_ID);
    if (p == null) {
      if (mqtt5 && topic.isEmpty()) {
        problem = Problem.EMPTY_TOPIC;
        return null;
      }
      return topic;
    }
    int alias = (Integer) p.value();
    if (alias <= 0 || alias > inboundMaximum) {
      problem = Problem.ALIAS_OUT_OF_RANGE;
      return null;
    }
    if (inbound == null) {
      inbound = new String[inboundMaximum + 1];
    }
    if (!topic.isEmpty()) {
      inbound[alias] = topic;
      return topic;
    }
    String known = inbound[alias];
    if (known == null) {
      problem = Problem.UNKNOWN_ALIAS;
    }
    return known;
  }

  Problem problem() {
    return problem;
  }

  /** Whether PUBLISHes to the client may carry a Topic Alias. */
  boolean outboundEnabled() {
    return outboundMaximum > 0;
  }

  /**
   * The Topic Alias for a PUBLISH of {@code topic} to the client: 0 for none (the client takes none, or all its aliases
   * are taken); {@code n > 0}: alias n is new, send it with the topic; {@code -n}: the client knows alias n, send an
   * empty topic. Never above the client's maximum [MQTT-3.3.2-11]. No lookup when the client takes no aliases.
   */
  int outbound(String topic) {
    if (outboundMaximum == 0) {
      return 0;
    }
    if (outbound == null) {
      outbound = new HashMap<>();
    }
    Integer known = outbound.get(topic);
    if (known != null) {
      return -known;
    }
    if (outbound.size() >= outboundMaximum) {
      return 0;
    }
    int alias = outbound.size() + 1;
    outbound.put(topic, alias);
    return alias;
  }

  /** {@code props} with Topic Alias {@code |alias|} added; a copy, since the message's properties are shared. */
  static MqttProperties withAlias(MqttProperties props, int alias) {
    MqttProperties out = new MqttProperties();
    if (props != null) {
      for (MqttProperty<?> p : props.listAll()) {
        out.add(p);
      }
    }
    out.add(new MqttProperties.IntegerProperty(TOPIC_ALIAS_ID, Math.abs(alias)));
    return out;
  }
}

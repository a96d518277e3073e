package io.tenantmq.mqtt.command;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.tenantmq.control.command.PublishCommand;
import io.tenantmq.control.command.PublishCommand.PublishProperties;
import io.tenantmq.mqtt.route.Message;
import io.tenantmq.mqtt.subscription.TopicName;
import io.vertx.core.buffer.Buffer;

/** Turns a {@link PublishCommand} into the {@link Message} a client's PUBLISH with the same content would be. */
final class CommandMessages {

  private static final long MAX_UNSIGNED_INT = 0xFFFF_FFFFL;

  private CommandMessages() {
  }

  /** @throws IllegalArgumentException when the topic is not one a client could publish to */
  static Message toMessage(PublishCommand command) {
    String invalid = TopicName.invalidReason(command.topic());
    if (invalid != null) {
      throw new IllegalArgumentException("invalid topic '" + command.topic() + "': " + invalid);
    }
    // no publishing client (No Local never skips it); its expiry runs from now
    return Message.published(command.instanceId(), command.topic(), Buffer.buffer(command.payload()), command.qos(),
        command.retain(), properties(command.properties()), null, System.currentTimeMillis());
  }

  /** The MQTT 5 PUBLISH properties; absent fields stay absent. */
  static MqttProperties properties(PublishProperties in) {
    if (in.equals(PublishProperties.NONE)) {
      return MqttProperties.NO_PROPERTIES;
    }
    MqttProperties out = new MqttProperties();
    if (in.payloadFormatIndicator() != null) {
      out.add(new MqttProperties.IntegerProperty(MqttPropertyType.PAYLOAD_FORMAT_INDICATOR.value(),
          in.payloadFormatIndicator()));
    }
    if (in.messageExpiryIntervalSeconds() != null) {
      // a four-byte integer on the wire, unsigned
      long seconds = Math.max(0, Math.min(MAX_UNSIGNED_INT, in.messageExpiryIntervalSeconds()));
      out.add(new MqttProperties.IntegerProperty(MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value(), (int) seconds));
    }
    if (in.contentType() != null) {
      out.add(new MqttProperties.StringProperty(MqttPropertyType.CONTENT_TYPE.value(), in.contentType()));
    }
    if (in.responseTopic() != null) {
      out.add(new MqttProperties.StringProperty(MqttPropertyType.RESPONSE_TOPIC.value(), in.responseTopic()));
    }
    if (in.correlationData() != null) {
      out.add(new MqttProperties.BinaryProperty(MqttPropertyType.CORRELATION_DATA.value(), in.correlationData()));
    }
    if (!in.userProperties().isEmpty()) {
      MqttProperties.UserProperties user = new MqttProperties.UserProperties();
      in.userProperties().forEach(p -> user.add(p.key(), p.value()));
      out.add(user);
    }
    return out.isEmpty() ? MqttProperties.NO_PROPERTIES : out;
  }
}

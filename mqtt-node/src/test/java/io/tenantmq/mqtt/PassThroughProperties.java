package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The PUBLISH properties a broker passes on unchanged [MQTT-3.3.2-4, -15, -17, -20] and the checks that they arrived:
 * Payload Format Indicator, Content Type, Response Topic, Correlation Data and User Properties (order and repeated
 * names kept [MQTT-3.3.2-18]).
 */
final class PassThroughProperties {

  static final byte[] CORRELATION = {0, 1, 2, (byte) 0xFE, (byte) 0xFF};
  static final Mqtt5UserProperties USER = Mqtt5UserProperties.builder()
      .add("z-first", "1").add("a-second", "2").add("z-first", "again").add("ünïcode", "välue").build();

  private PassThroughProperties() {
  }

  /** Publishes {@code payload} to {@code topic} with every pass-through property (replies go to {@code replyTo}). */
  static void publish(Mqtt5BlockingClient from, String topic, String payload, String replyTo, boolean retain) {
    from.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain).payload(utf8(payload))
        .payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8).contentType("application/json; charset=utf-8")
        .responseTopic(replyTo).correlationData(CORRELATION).userProperties(USER).send();
  }

  static void assertUnchanged(Mqtt5Publish p, String replyTo) {
    assertThat(p.getPayloadFormatIndicator()).contains(Mqtt5PayloadFormatIndicator.UTF_8);
    assertThat(p.getContentType().map(Object::toString)).contains("application/json; charset=utf-8");
    assertThat(p.getResponseTopic().map(Object::toString)).contains(replyTo);
    assertThat(p.getCorrelationData().map(PassThroughProperties::bytes)).hasValueSatisfying(
        b -> assertThat(b).isEqualTo(CORRELATION));
    assertThat(p.getUserProperties().asList()).extracting(u -> u.getName() + "=" + u.getValue())
        .containsExactly("z-first=1", "a-second=2", "z-first=again", "ünïcode=välue");
  }

  /** Answers a request as a responder does: to its Response Topic, echoing its Correlation Data. */
  static void reply(Mqtt5BlockingClient responder, Mqtt5Publish request, String payload) {
    responder.publishWith().topic(request.getResponseTopic().orElseThrow()).qos(MqttQos.AT_LEAST_ONCE)
        .payload(utf8(payload)).correlationData(request.getCorrelationData().orElseThrow()).send();
  }

  static byte[] bytes(ByteBuffer b) {
    ByteBuffer copy = b.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }

  static Optional<byte[]> correlation(Mqtt5Publish p) {
    return p.getCorrelationData().map(PassThroughProperties::bytes);
  }
}

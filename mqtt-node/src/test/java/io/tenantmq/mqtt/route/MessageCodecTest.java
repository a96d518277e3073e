package io.tenantmq.mqtt.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/**
 * The encoded message (event bus, stored sessions, retained messages) carries its publisher and expiry, reads what
 * older versions wrote, and the properties of a delivery carry the remaining expiry and the identifiers.
 */
class MessageCodecTest {

  private static MqttProperties expiring(int seconds) {
    MqttProperties p = new MqttProperties();
    p.add(new MqttProperties.IntegerProperty(MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value(), seconds));
    p.add(new MqttProperties.StringProperty(MqttPropertyType.CONTENT_TYPE.value(), "text/plain"));
    return p;
  }

  private static Message roundTrip(Message m) {
    Buffer b = Buffer.buffer();
    MessageCodec.encode(m, b);
    b.appendString("next"); // the codec reads only its own bytes
    int[] pos = {0};
    Message decoded = MessageCodec.decode(b, pos);
    assertThat(b.getString(pos[0], b.length())).isEqualTo("next");
    return decoded;
  }

  @Test
  void publisherAndExpirySurviveEncoding() {
    Message m = Message.published("i", "t/1", Buffer.buffer("p"), 1, true, expiring(30), "client-7", 1_000);
    Message decoded = roundTrip(m);
    assertThat(decoded.publisher()).isEqualTo("client-7");
    assertThat(decoded.expiresAtMillis()).isEqualTo(31_000);
    assertThat(decoded.retain()).isTrue();
    assertThat(decoded.payload().toString()).isEqualTo("p");
    assertThat(decoded.properties().getProperty(MqttPropertyType.CONTENT_TYPE.value()).value()).isEqualTo("text/plain");
  }

  @Test
  void aMessageWithoutPublisherOrExpiryEncodesAsBefore() {
    Message m = new Message("i", "t/1", Buffer.buffer("p"), 2, true, null);
    Buffer now = Buffer.buffer();
    MessageCodec.encode(m, now);
    // what versions before No Local and expiry wrote: retain byte 1, then the payload
    Buffer before = Buffer.buffer();
    MessageProperties.appendBytes(before, "i".getBytes());
    MessageProperties.appendBytes(before, "t/1".getBytes());
    before.appendByte((byte) 2).appendByte((byte) 1).appendInt(1).appendString("p").appendInt(0);
    assertThat(now.getBytes()).isEqualTo(before.getBytes());
    Message decoded = MessageCodec.decode(before, new int[] {0});
    assertThat(decoded.publisher()).isNull();
    assertThat(decoded.expiresAtMillis()).isZero();
    assertThat(decoded.retain()).isTrue();
  }

  @Test
  void aDeliveryCarriesTheRemainingExpiryAndItsIdentifiers() {
    Message m = Message.published("i", "t", Buffer.buffer(), 1, false, expiring(30), "c", 1_000);
    MqttProperties sent = MessageProperties.forDelivery(m, new int[] {4, 9}, 11_500);
    // 30 s published, 10.5 s waited: 19.5 s left, rounded up
    assertThat(sent.getProperty(MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value()).value()).isEqualTo(20);
    assertThat(sent.getProperties(MqttPropertyType.SUBSCRIPTION_IDENTIFIER.value()))
        .extracting(p -> p.value()).containsExactly(4, 9);
    assertThat(sent.getProperty(MqttPropertyType.CONTENT_TYPE.value()).value()).isEqualTo("text/plain");
    assertThat(m.expired(30_999)).isFalse();
    assertThat(m.expired(31_000)).isTrue();
  }

  @Test
  void aDeliveryWithoutExpiryOrIdentifiersReusesTheMessagesProperties() {
    Message m = new Message("i", "t", Buffer.buffer(), 1, false, null);
    assertThat(MessageProperties.forDelivery(m, new int[0], 5)).isSameAs(m.properties());
  }
}

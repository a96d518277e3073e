package io.tenantmq.mqtt.route;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttProperty;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The MQTT 5 PUBLISH properties that travel from publisher to subscriber unchanged [MQTT-3.3.2-4, -15, -17, -20]:
 * payload format indicator, message expiry, content type, response topic, correlation data and user properties.
 * Topic aliases and subscription identifiers are per connection and never forwarded. Also encodes them for the
 * event bus.
 */
public final class MessageProperties {

  private MessageProperties() {
  }

  /** The forwardable subset of {@code in}; the same object when it has nothing else. */
  public static MqttProperties forwardable(MqttProperties in) {
    if (in == null || in.isEmpty()) {
      return MqttProperties.NO_PROPERTIES;
    }
    MqttProperties out = null;
    for (MqttProperty<?> p : in.listAll()) {
      if (forwarded(p.propertyId())) {
        if (out == null) {
          out = new MqttProperties();
        }
        out.add(p);
      }
    }
    return out == null ? MqttProperties.NO_PROPERTIES : out;
  }

  private static boolean forwarded(int id) {
    return id == MqttPropertyType.PAYLOAD_FORMAT_INDICATOR.value()
        || id == MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value()
        || id == MqttPropertyType.CONTENT_TYPE.value()
        || id == MqttPropertyType.RESPONSE_TOPIC.value()
        || id == MqttPropertyType.CORRELATION_DATA.value()
        || id == MqttPropertyType.USER_PROPERTY.value();
  }

  /**
   * When a message published at {@code nowMillis} with {@code properties} expires: 0 when they have no Message Expiry
   * Interval (an unsigned number of seconds).
   */
  public static long expiresAt(MqttProperties properties, long nowMillis) {
    MqttProperty<?> p = properties.getProperty(MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value());
    return p == null ? 0 : nowMillis + Integer.toUnsignedLong((Integer) p.value()) * 1000;
  }

  /**
   * The properties of one PUBLISH of {@code m} to a client at {@code nowMillis}: the forwarded ones with the remaining
   * Message Expiry Interval [MQTT-3.3.2-6], and one Subscription Identifier per matching subscription [MQTT-3.3.4-3].
   * The message's own properties object when neither applies (no allocation in the common case).
   */
  public static MqttProperties forDelivery(Message m, int[] subscriptionIds, long nowMillis) {
    if (m.expiresAtMillis() == 0 && subscriptionIds.length == 0) {
      return m.properties();
    }
    MqttProperties out = new MqttProperties();
    for (MqttProperty<?> p : m.properties().listAll()) {
      // a message without a deadline (built by hand) keeps whatever interval it carries
      if (p.propertyId() != MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value() || m.expiresAtMillis() == 0) {
        out.add(p);
      }
    }
    if (m.expiresAtMillis() != 0) {
      out.add(new MqttProperties.IntegerProperty(MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value(),
          m.remainingExpirySeconds(nowMillis)));
    }
    for (int id : subscriptionIds) {
      out.add(new MqttProperties.IntegerProperty(MqttPropertyType.SUBSCRIPTION_IDENTIFIER.value(), id));
    }
    return out;
  }

  /** Appends {@code properties} (forwardable ones only) as: count, then per property id, kind and value. */
  public static void encode(MqttProperties properties, Buffer out) {
    List<MqttProperty<?>> list = new ArrayList<>();
    for (MqttProperty<?> p : properties.listAll()) {
      if (forwarded(p.propertyId())) {
        list.add(p);
      }
    }
    out.appendInt(list.size());
    for (MqttProperty<?> p : list) {
      out.appendInt(p.propertyId());
      if (p instanceof MqttProperties.IntegerProperty ip) {
        out.appendByte((byte) 0).appendInt(ip.value());
      } else if (p instanceof MqttProperties.StringProperty sp) {
        out.appendByte((byte) 1);
        appendBytes(out, sp.value().getBytes(StandardCharsets.UTF_8));
      } else if (p instanceof MqttProperties.BinaryProperty bp) {
        out.appendByte((byte) 2);
        appendBytes(out, bp.value());
      } else if (p instanceof MqttProperties.UserProperties up) {
        out.appendByte((byte) 3).appendInt(up.value().size());
        for (MqttProperties.StringPair pair : up.value()) {
          appendBytes(out, pair.key.getBytes(StandardCharsets.UTF_8));
          appendBytes(out, pair.value.getBytes(StandardCharsets.UTF_8));
        }
      } else {
        throw new IllegalStateException("unexpected property kind " + p.getClass().getName());
      }
    }
  }

  /** Reads what {@link #encode} wrote at {@code pos[0]}, advancing it. */
  public static MqttProperties decode(Buffer in, int[] pos) {
    int count = in.getInt(pos[0]);
    pos[0] += 4;
    if (count == 0) {
      return MqttProperties.NO_PROPERTIES;
    }
    MqttProperties props = new MqttProperties();
    for (int i = 0; i < count; i++) {
      int id = in.getInt(pos[0]);
      byte kind = in.getByte(pos[0] + 4);
      pos[0] += 5;
      switch (kind) {
        case 0 -> {
          props.add(new MqttProperties.IntegerProperty(id, in.getInt(pos[0])));
          pos[0] += 4;
        }
        case 1 -> props.add(new MqttProperties.StringProperty(id, new String(readBytes(in, pos), StandardCharsets.UTF_8)));
        case 2 -> props.add(new MqttProperties.BinaryProperty(id, readBytes(in, pos)));
        case 3 -> {
          int pairs = in.getInt(pos[0]);
          pos[0] += 4;
          MqttProperties.UserProperties user = new MqttProperties.UserProperties();
          for (int j = 0; j < pairs; j++) {
            String key = new String(readBytes(in, pos), StandardCharsets.UTF_8);
            String value = new String(readBytes(in, pos), StandardCharsets.UTF_8);
            user.add(key, value);
          }
          props.add(user);
        }
        default -> throw new IllegalArgumentException("unknown property kind " + kind);
      }
    }
    return props;
  }

  /** Appends a length-prefixed byte string. */
  public static void appendBytes(Buffer out, byte[] bytes) {
    out.appendInt(bytes.length).appendBytes(bytes);
  }

  /** Reads a byte string written by {@link #appendBytes} at {@code pos[0]}, advancing it. */
  public static byte[] readBytes(Buffer in, int[] pos) {
    int len = in.getInt(pos[0]);
    byte[] bytes = in.getBytes(pos[0] + 4, pos[0] + 4 + len);
    pos[0] += 4 + len;
    return bytes;
  }
}

package io.tenantmq.mqtt.route;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** Writes a {@link Message} into a buffer and reads it back, for the event bus and for session hand-over. */
public final class MessageCodec {

  private static final int RETAIN = 1;
  private static final int PUBLISHER = 2;
  private static final int EXPIRY = 4;

  private MessageCodec() {
  }

  public static void encode(Message m, Buffer out) {
    MessageProperties.appendBytes(out, m.instanceId().getBytes(StandardCharsets.UTF_8));
    MessageProperties.appendBytes(out, m.topic().getBytes(StandardCharsets.UTF_8));
    // flags: bit 0 retain; bits 1 and 2 say a publisher / an expiry follow (absent in what older versions stored)
    int flags = (m.retain() ? RETAIN : 0) | (m.publisher() != null ? PUBLISHER : 0) | (m.expiresAtMillis() != 0 ? EXPIRY : 0);
    out.appendByte((byte) m.qos()).appendByte((byte) flags);
    if (m.publisher() != null) {
      MessageProperties.appendBytes(out, m.publisher().getBytes(StandardCharsets.UTF_8));
    }
    if (m.expiresAtMillis() != 0) {
      out.appendLong(m.expiresAtMillis());
    }
    out.appendInt(m.payload().length()).appendBuffer(m.payload());
    MessageProperties.encode(m.properties(), out);
  }

  /** Reads a message at {@code pos[0]}, advancing it. */
  public static Message decode(Buffer in, int[] pos) {
    String instanceId = new String(MessageProperties.readBytes(in, pos), StandardCharsets.UTF_8);
    String topic = new String(MessageProperties.readBytes(in, pos), StandardCharsets.UTF_8);
    int qos = in.getByte(pos[0]);
    int flags = in.getByte(pos[0] + 1);
    pos[0] += 2;
    String publisher = (flags & PUBLISHER) == 0 ? null
        : new String(MessageProperties.readBytes(in, pos), StandardCharsets.UTF_8);
    long expiresAt = 0;
    if ((flags & EXPIRY) != 0) {
      expiresAt = in.getLong(pos[0]);
      pos[0] += 8;
    }
    int len = in.getInt(pos[0]);
    Buffer payload = in.getBuffer(pos[0] + 4, pos[0] + 4 + len);
    pos[0] += 4 + len;
    MqttProperties props = MessageProperties.decode(in, pos);
    return new Message(instanceId, topic, payload, qos, (flags & RETAIN) != 0, props, publisher, expiresAt);
  }
}

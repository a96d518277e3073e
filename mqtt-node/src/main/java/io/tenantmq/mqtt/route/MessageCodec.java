package io.tenantmq.mqtt.route;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** Writes a {@link Message} into a buffer and reads it back, for the event bus and for session hand-over. */
public final class MessageCodec {

  private MessageCodec() {
  }

  public static void encode(Message m, Buffer out) {
    MessageProperties.appendBytes(out, m.instanceId().getBytes(StandardCharsets.UTF_8));
    MessageProperties.appendBytes(out, m.topic().getBytes(StandardCharsets.UTF_8));
    out.appendByte((byte) m.qos()).appendByte((byte) (m.retain() ? 1 : 0));
    out.appendInt(m.payload().length()).appendBuffer(m.payload());
    MessageProperties.encode(m.properties(), out);
  }

  /** Reads a message at {@code pos[0]}, advancing it. */
  public static Message decode(Buffer in, int[] pos) {
    String instanceId = new String(MessageProperties.readBytes(in, pos), StandardCharsets.UTF_8);
    String topic = new String(MessageProperties.readBytes(in, pos), StandardCharsets.UTF_8);
    int qos = in.getByte(pos[0]);
    boolean retain = in.getByte(pos[0] + 1) == 1;
    pos[0] += 2;
    int len = in.getInt(pos[0]);
    Buffer payload = in.getBuffer(pos[0] + 4, pos[0] + 4 + len);
    pos[0] += 4 + len;
    MqttProperties props = MessageProperties.decode(in, pos);
    return new Message(instanceId, topic, payload, qos, retain, props);
  }
}

package io.tenantmq.mqtt.session;

import io.tenantmq.mqtt.qos.Inflight;
import io.tenantmq.mqtt.qos.Outbound;
import io.tenantmq.mqtt.route.MessageCodec;
import io.tenantmq.mqtt.route.MessageProperties;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a persistent session carries from one connection to the next, or from one node to another: subscriptions,
 * unacknowledged and queued outbound messages, and the packet ids of inbound QoS 2 messages not yet released.
 *
 * <p>Encoded form: the sections above, then the time each in-flight and queued message was taken in. That last section
 * came later; sessions stored without it decode with the session's creation time for their messages.
 */
public record SessionState(long createdAtMillis, Map<String, Integer> subscriptions, List<Inflight> inflight,
                           List<Outbound> pending, Set<Integer> qos2Received) {

  public SessionState {
    subscriptions = new LinkedHashMap<>(subscriptions);
    inflight = List.copyOf(inflight);
    pending = List.copyOf(pending);
    qos2Received = new LinkedHashSet<>(qos2Received);
  }

  public Buffer encode() {
    Buffer out = Buffer.buffer();
    out.appendLong(createdAtMillis);
    out.appendInt(subscriptions.size());
    subscriptions.forEach((filter, qos) -> {
      MessageProperties.appendBytes(out, filter.getBytes(StandardCharsets.UTF_8));
      out.appendByte((byte) (int) qos);
    });
    out.appendInt(inflight.size());
    for (Inflight i : inflight) {
      out.appendInt(i.packetId()).appendByte((byte) (i.released() ? 1 : 0));
      encode(i.outbound(), out);
    }
    out.appendInt(pending.size());
    for (Outbound o : pending) {
      encode(o, out);
    }
    out.appendInt(qos2Received.size());
    qos2Received.forEach(out::appendInt);
    inflight.forEach(i -> out.appendLong(i.outbound().insertedAtMillis()));
    pending.forEach(o -> out.appendLong(o.insertedAtMillis()));
    return out;
  }

  public static SessionState decode(Buffer in) {
    int[] pos = {0};
    long createdAt = in.getLong(0);
    pos[0] = 8;
    int subs = readInt(in, pos);
    Map<String, Integer> subscriptions = new LinkedHashMap<>();
    for (int i = 0; i < subs; i++) {
      String filter = new String(MessageProperties.readBytes(in, pos), StandardCharsets.UTF_8);
      subscriptions.put(filter, (int) in.getByte(pos[0]++));
    }
    int inflightCount = readInt(in, pos);
    List<Inflight> inflight = new ArrayList<>();
    for (int i = 0; i < inflightCount; i++) {
      int packetId = readInt(in, pos);
      boolean released = in.getByte(pos[0]++) == 1;
      inflight.add(new Inflight(packetId, decodeOutbound(in, pos), released));
    }
    int pendingCount = readInt(in, pos);
    List<Outbound> pending = new ArrayList<>();
    for (int i = 0; i < pendingCount; i++) {
      pending.add(decodeOutbound(in, pos));
    }
    int qos2 = readInt(in, pos);
    Set<Integer> qos2Received = new LinkedHashSet<>();
    for (int i = 0; i < qos2; i++) {
      qos2Received.add(readInt(in, pos));
    }
    boolean timed = in.length() - pos[0] >= 8L * (inflightCount + pendingCount);
    for (int i = 0; i < inflightCount; i++) {
      Inflight entry = inflight.get(i);
      inflight.set(i, new Inflight(entry.packetId(), timed(entry.outbound(), timed ? readLong(in, pos) : createdAt),
          entry.released()));
    }
    for (int i = 0; i < pendingCount; i++) {
      pending.set(i, timed(pending.get(i), timed ? readLong(in, pos) : createdAt));
    }
    return new SessionState(createdAt, subscriptions, inflight, pending, qos2Received);
  }

  private static void encode(Outbound o, Buffer out) {
    out.appendByte((byte) o.qos()).appendByte((byte) (o.retainFlag() ? 1 : 0));
    MessageCodec.encode(o.message(), out);
  }

  private static Outbound decodeOutbound(Buffer in, int[] pos) {
    int qos = in.getByte(pos[0]);
    boolean retain = in.getByte(pos[0] + 1) == 1;
    pos[0] += 2;
    return new Outbound(MessageCodec.decode(in, pos), qos, retain, 0);
  }

  private static Outbound timed(Outbound o, long insertedAtMillis) {
    return new Outbound(o.message(), o.qos(), o.retainFlag(), insertedAtMillis);
  }

  private static long readLong(Buffer in, int[] pos) {
    long v = in.getLong(pos[0]);
    pos[0] += 8;
    return v;
  }

  private static int readInt(Buffer in, int[] pos) {
    int v = in.getInt(pos[0]);
    pos[0] += 4;
    return v;
  }
}

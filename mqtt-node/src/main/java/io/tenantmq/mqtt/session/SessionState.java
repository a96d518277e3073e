package io.tenantmq.mqtt.session;

import io.tenantmq.mqtt.qos.Inflight;
import io.tenantmq.mqtt.qos.Outbound;
import io.tenantmq.mqtt.route.MessageCodec;
import io.tenantmq.mqtt.route.MessageProperties;
import io.tenantmq.mqtt.subscription.SubscriptionOptions;
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
 * <p>Encoded form: the sections above, then the time each in-flight and queued message was taken in, then (after
 * {@link #OPTIONS_MARK}) the MQTT 5 options of the subscriptions that have any and the Subscription Identifiers of each
 * in-flight and queued message. The last two sections came later: sessions stored without the times decode with the
 * session's creation time for their messages, those without options with default options and no identifiers.
 *
 * @param options the MQTT 5 options of the subscriptions that have other than the defaults, by filter
 */
public record SessionState(long createdAtMillis, Map<String, Integer> subscriptions, List<Inflight> inflight,
                           List<Outbound> pending, Set<Integer> qos2Received, Map<String, SubscriptionOptions> options) {

  /** Starts the options section; what older versions stored ends before it. */
  static final int OPTIONS_MARK = 0x4D513501;

  public SessionState {
    subscriptions = new LinkedHashMap<>(subscriptions);
    options = options == null ? Map.of() : new LinkedHashMap<>(options);
    inflight = List.copyOf(inflight);
    pending = List.copyOf(pending);
    qos2Received = new LinkedHashSet<>(qos2Received);
  }

  /** A state whose subscriptions all have default options. */
  public SessionState(long createdAtMillis, Map<String, Integer> subscriptions, List<Inflight> inflight,
                      List<Outbound> pending, Set<Integer> qos2Received) {
    this(createdAtMillis, subscriptions, inflight, pending, qos2Received, null);
  }

  /** The options of the subscription on {@code filter}. */
  public SubscriptionOptions options(String filter) {
    return options.getOrDefault(filter, SubscriptionOptions.DEFAULT);
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
    out.appendInt(OPTIONS_MARK).appendInt(options.size());
    options.forEach((filter, o) -> {
      MessageProperties.appendBytes(out, filter.getBytes(StandardCharsets.UTF_8));
      out.appendByte((byte) o.flags()).appendInt(o.identifier());
    });
    inflight.forEach(i -> appendIds(i.outbound().subscriptionIds(), out));
    pending.forEach(o -> appendIds(o.subscriptionIds(), out));
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
    Map<String, SubscriptionOptions> options = new LinkedHashMap<>();
    if (timed && in.length() - pos[0] >= 8 && in.getInt(pos[0]) == OPTIONS_MARK) {
      pos[0] += 4;
      int count = readInt(in, pos);
      for (int i = 0; i < count; i++) {
        String filter = new String(MessageProperties.readBytes(in, pos), StandardCharsets.UTF_8);
        int flags = in.getByte(pos[0]++);
        options.put(filter, SubscriptionOptions.fromFlags(flags, readInt(in, pos)));
      }
      for (int i = 0; i < inflightCount; i++) {
        Inflight entry = inflight.get(i);
        inflight.set(i, new Inflight(entry.packetId(), entry.outbound().withSubscriptionIds(readIds(in, pos)),
            entry.released()));
      }
      for (int i = 0; i < pendingCount; i++) {
        pending.set(i, pending.get(i).withSubscriptionIds(readIds(in, pos)));
      }
    }
    return new SessionState(createdAt, subscriptions, inflight, pending, qos2Received, options);
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
    return o.at(insertedAtMillis);
  }

  private static void appendIds(int[] ids, Buffer out) {
    out.appendInt(ids.length);
    for (int id : ids) {
      out.appendInt(id);
    }
  }

  private static int[] readIds(Buffer in, int[] pos) {
    int n = readInt(in, pos);
    if (n == 0) {
      return SubscriptionOptions.noIdentifiers();
    }
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = readInt(in, pos);
    }
    return ids;
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

package io.tenantmq.control.registry;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hazelcast Compact serialization of {@link ClientRecord}. Every read of the registry (a look-up, a page's
 * {@code getAll}) serializes records on the member that holds them and deserializes them on the caller; Java
 * serialization made that ~1.4 KB and ~30 µs a record, this ~0.3 KB and a few µs. Registered by
 * {@link io.tenantmq.control.cluster.ClusterMaps#configure}; the record stays {@link java.io.Serializable} for the
 * entry processors that carry it.
 */
public final class ClientRecordSerializer implements CompactSerializer<ClientRecord> {

  @Override
  public ClientRecord read(CompactReader in) {
    String[] filters = in.readArrayOfString("subscriptionFilters");
    int[] qos = in.readArrayOfInt32("subscriptionQos");
    Map<String, Integer> subscriptions = new LinkedHashMap<>();
    for (int i = 0; i < filters.length; i++) {
      subscriptions.put(filters[i], qos[i]);
    }
    return new ClientRecord(in.readString("instanceId"), in.readString("clientId"), in.readString("node"),
        in.readString("channelId"), in.readString("address"), in.readInt32("protocolVersion"),
        in.readInt32("keepAliveSeconds"), in.readBoolean("cleanStart"), in.readInt64("sessionExpirySeconds"),
        in.readString("username"), in.readString("groupId"), ClientState.valueOf(in.readString("state")),
        in.readInt64("createdAtMillis"), in.readInt64("connectedAtMillis"), in.readInt64("disconnectedAtMillis"),
        subscriptions, new TrafficCounters(in.readArrayOfInt64("received"), in.readArrayOfInt64("sent")));
  }

  @Override
  public void write(CompactWriter out, ClientRecord r) {
    out.writeString("instanceId", r.instanceId());
    out.writeString("clientId", r.clientId());
    out.writeString("node", r.node());
    out.writeString("channelId", r.channelId());
    out.writeString("address", r.address());
    out.writeInt32("protocolVersion", r.protocolVersion());
    out.writeInt32("keepAliveSeconds", r.keepAliveSeconds());
    out.writeBoolean("cleanStart", r.cleanStart());
    out.writeInt64("sessionExpirySeconds", r.sessionExpirySeconds());
    out.writeString("username", r.username());
    out.writeString("groupId", r.groupId());
    out.writeString("state", r.state().name());
    out.writeInt64("createdAtMillis", r.createdAtMillis());
    out.writeInt64("connectedAtMillis", r.connectedAtMillis());
    out.writeInt64("disconnectedAtMillis", r.disconnectedAtMillis());
    String[] filters = new String[r.subscriptions().size()];
    int[] qos = new int[filters.length];
    int i = 0;
    for (Map.Entry<String, Integer> s : r.subscriptions().entrySet()) {
      filters[i] = s.getKey();
      qos[i++] = s.getValue();
    }
    out.writeArrayOfString("subscriptionFilters", filters);
    out.writeArrayOfInt32("subscriptionQos", qos);
    out.writeArrayOfInt64("received", r.counters().received());
    out.writeArrayOfInt64("sent", r.counters().sent());
  }

  @Override
  public String getTypeName() {
    return "tenantmq.ClientRecord";
  }

  @Override
  public Class<ClientRecord> getCompactClass() {
    return ClientRecord.class;
  }
}

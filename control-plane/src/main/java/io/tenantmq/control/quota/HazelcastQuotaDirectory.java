package io.tenantmq.control.quota;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.tenantmq.control.cluster.MapNames;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** {@link QuotaDirectory} on the Hazelcast map {@link MapNames#QUOTAS}, by instance id. */
public final class HazelcastQuotaDirectory implements QuotaDirectory {

  private final IMap<String, InstanceQuotas> quotas;

  public HazelcastQuotaDirectory(HazelcastInstance hazelcast) {
    this.quotas = hazelcast.getMap(MapNames.QUOTAS);
  }

  @Override
  public CompletionStage<Optional<InstanceQuotas>> get(String instanceId) {
    return quotas.getAsync(instanceId).thenApply(Optional::ofNullable);
  }

  @Override
  public CompletionStage<Void> put(InstanceQuotas value) {
    return quotas.setAsync(value.instanceId(), value);
  }

  @Override
  public CompletionStage<Boolean> delete(String instanceId) {
    return quotas.removeAsync(instanceId).thenApply(previous -> previous != null);
  }

  @Override
  public Runnable watch(Consumer<InstanceQuotas> onChange) {
    // the listener first, then what exists: a change in between is never missed, and an event for a key wins over
    // the snapshot's (possibly older) value of it
    Mirror mirror = new Mirror(onChange);
    UUID id = quotas.addEntryListener(mirror, true);
    mirror.load(quotas.values());
    return () -> quotas.removeEntryListener(id);
  }

  @Override
  public Collection<InstanceQuotas> all() {
    return List.copyOf(quotas.values());
  }

  private static final class Mirror implements EntryAddedListener<String, InstanceQuotas>,
      EntryUpdatedListener<String, InstanceQuotas>, EntryRemovedListener<String, InstanceQuotas> {
    private final Consumer<InstanceQuotas> onChange;
    /** While the snapshot loads: the instances an event already spoke about; null once loaded. */
    private Set<String> seenWhileLoading = new HashSet<>();

    Mirror(Consumer<InstanceQuotas> onChange) {
      this.onChange = onChange;
    }

    synchronized void load(Collection<InstanceQuotas> existing) {
      for (InstanceQuotas q : existing) {
        if (!seenWhileLoading.contains(q.instanceId())) {
          onChange.accept(q);
        }
      }
      seenWhileLoading = null;
    }

    private void apply(String instanceId, InstanceQuotas value) {
      synchronized (this) {
        if (seenWhileLoading != null) {
          seenWhileLoading.add(instanceId);
        }
      }
      onChange.accept(value);
    }

    @Override
    public void entryAdded(EntryEvent<String, InstanceQuotas> event) {
      apply(event.getKey(), event.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<String, InstanceQuotas> event) {
      apply(event.getKey(), event.getValue());
    }

    @Override
    public void entryRemoved(EntryEvent<String, InstanceQuotas> event) {
      apply(event.getKey(), InstanceQuotas.none(event.getKey()));
    }
  }
}

package io.tenantmq.control.tenant;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.cluster.PutIfAbsent;
import io.tenantmq.control.cluster.ReplaceIfPresent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@link TenantDirectory} on two Hazelcast maps (durable when the cluster has a store). Queries, which Hazelcast runs
 * blocking, go to {@code queryExecutor}.
 */
public final class HazelcastTenantDirectory implements TenantDirectory {

  private final IMap<String, Tenant> tenants;
  private final IMap<String, Instance> instances;
  private final Executor queryExecutor;

  public HazelcastTenantDirectory(HazelcastInstance hazelcast, Executor queryExecutor) {
    this.tenants = hazelcast.getMap(MapNames.TENANTS);
    this.instances = hazelcast.getMap(MapNames.INSTANCES);
    this.queryExecutor = queryExecutor;
  }

  @Override
  public CompletionStage<Optional<Instance>> instance(String instanceId) {
    return instances.getAsync(instanceId).thenApply(Optional::ofNullable);
  }

  @Override
  public CompletionStage<Optional<Tenant>> tenant(String tenantId) {
    return tenants.getAsync(tenantId).thenApply(Optional::ofNullable);
  }

  @Override
  public CompletionStage<Tenant> createTenantIfAbsent(Tenant tenant) {
    return tenants.submitToKey(tenant.tenantId(), new PutIfAbsent<>(tenant));
  }

  @Override
  public CompletionStage<Instance> createInstanceIfAbsent(Instance instance) {
    return instances.submitToKey(instance.instanceId(), new PutIfAbsent<>(instance));
  }

  @Override
  public CompletionStage<List<Tenant>> tenants() {
    return CompletableFuture.supplyAsync(() -> {
      List<Tenant> all = new ArrayList<>(tenants.values());
      all.sort(Comparator.comparing(Tenant::tenantId));
      return List.copyOf(all);
    }, queryExecutor);
  }

  @Override
  public CompletionStage<List<Instance>> instances(String tenantId) {
    return CompletableFuture.supplyAsync(() -> {
      List<Instance> found = new ArrayList<>(instances.values(Predicates.equal("tenantId", tenantId)));
      found.sort(Comparator.comparing(Instance::instanceId));
      return List.copyOf(found);
    }, queryExecutor);
  }

  @Override
  public CompletionStage<Boolean> updateInstance(Instance instance) {
    return instances.submitToKey(instance.instanceId(), new ReplaceIfPresent<>(instance));
  }

  @Override
  public CompletionStage<Boolean> deleteInstance(String instanceId) {
    return instances.removeAsync(instanceId).thenApply(previous -> previous != null);
  }

  @Override
  public CompletionStage<Boolean> deleteTenant(String tenantId) {
    return tenants.removeAsync(tenantId).thenApply(previous -> previous != null);
  }
}

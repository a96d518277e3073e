package io.tenantmq.control.tenant;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.cluster.PutIfAbsent;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** {@link TenantDirectory} on two Hazelcast maps. Not yet durable: that comes with the JDBC map stores. */
public final class HazelcastTenantDirectory implements TenantDirectory {

  private final IMap<String, Tenant> tenants;
  private final IMap<String, Instance> instances;

  public HazelcastTenantDirectory(HazelcastInstance hazelcast) {
    this.tenants = hazelcast.getMap(MapNames.TENANTS);
    this.instances = hazelcast.getMap(MapNames.INSTANCES);
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
}

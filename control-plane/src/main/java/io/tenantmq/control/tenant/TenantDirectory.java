package io.tenantmq.control.tenant;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Tenants and instances, shared by the whole cluster. Stages complete off the caller's thread; a failed stage means
 * the cluster could not be reached.
 */
public interface TenantDirectory {

  CompletionStage<Optional<Instance>> instance(String instanceId);

  CompletionStage<Optional<Tenant>> tenant(String tenantId);

  /** Stores the tenant unless one with its id exists; returns the stored one. */
  CompletionStage<Tenant> createTenantIfAbsent(Tenant tenant);

  /** Stores the instance unless one with its id exists; returns the stored one. */
  CompletionStage<Instance> createInstanceIfAbsent(Instance instance);

  /** Every tenant, by id. */
  CompletionStage<List<Tenant>> tenants();

  /** The instances of one tenant, by id. Never reads another tenant's. */
  CompletionStage<List<Instance>> instances(String tenantId);

  /** Replaces an existing instance; false when there is none with its id. */
  CompletionStage<Boolean> updateInstance(Instance instance);

  /** Removes the instance; false when there was none. */
  CompletionStage<Boolean> deleteInstance(String instanceId);

  /** Removes the tenant; false when there was none. Its instances are the caller's to remove first. */
  CompletionStage<Boolean> deleteTenant(String tenantId);
}

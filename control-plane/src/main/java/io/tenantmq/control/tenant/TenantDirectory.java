package io.tenantmq.control.tenant;

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
}

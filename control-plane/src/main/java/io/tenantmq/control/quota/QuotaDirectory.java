package io.tenantmq.control.quota;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The quotas of every instance, shared by the cluster and durable. Stages complete off the caller's thread; a failed
 * stage means the cluster could not be reached.
 */
public interface QuotaDirectory {

  /** The instance's configured quotas; empty when none were ever set. */
  CompletionStage<Optional<InstanceQuotas>> get(String instanceId);

  /** Replaces the instance's quotas as a whole. */
  CompletionStage<Void> put(InstanceQuotas quotas);

  /** Removes the instance's quotas (the instance is being deleted); false when it had none. */
  CompletionStage<Boolean> delete(String instanceId);

  /**
   * Calls {@code onChange} with the quotas of every instance that has some, then with every later change (an
   * instance whose quotas were removed comes as {@link InstanceQuotas#none}); on Hazelcast's event threads, so it must
   * not block. Blocks while it reads the existing quotas: call it from a worker. Returns what stops the calls.
   */
  Runnable watch(Consumer<InstanceQuotas> onChange);

  /** Every instance's configured quotas (blocking: a worker's call). */
  Collection<InstanceQuotas> all();
}

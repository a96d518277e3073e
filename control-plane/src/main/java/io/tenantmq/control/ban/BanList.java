package io.tenantmq.control.ban;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** The bans of every instance, shared by the cluster and kept with the durable state. */
public interface BanList {

  /** Adds a ban; false, changing nothing, when one of the same instance, kind and who exists and is still active. */
  CompletionStage<Boolean> add(Ban ban);

  /** Removes a ban; false when there was none. */
  CompletionStage<Boolean> remove(BanKey key);

  /** The active bans of one instance, oldest first. */
  CompletionStage<List<Ban>> list(String instanceId);

  /**
   * The active ban that refuses a connection with these attributes, if any. Answers from this member's copy of the
   * bans, without blocking: brokers call it at every CONNECT.
   */
  Optional<Ban> check(String instanceId, String clientId, String username, String peerhost);

  /** Removes every ban of an instance (the instance is being deleted); returns how many. */
  CompletionStage<Integer> deleteAll(String instanceId);

  /** Calls {@code listener} (on a Hazelcast thread) with every ban added anywhere in the cluster from now on. */
  void onAdded(Consumer<Ban> listener);
}

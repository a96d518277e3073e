package io.tenantmq.control.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The cluster-wide registry of clients, one record per (instance, client id).
 *
 * <p>Every method returns without blocking; stages complete on a Hazelcast or worker thread, so callers on an event
 * loop hop back with {@code Future.fromCompletionStage(stage, context)}. Writes that come from a connection carry its
 * {@code channelId}: a write from a connection that was taken over finds a newer channel in the record and changes
 * nothing. A failed stage means the cluster could not be reached; the record is then unknown, not absent.
 */
public interface ClientRegistry {

  /** Makes {@code record} the client's record and returns the one it replaced, if any. */
  CompletionStage<Optional<ClientRecord>> connect(ClientRecord record);

  /**
   * Ends the connection {@code channelId} of the client: removes the record when {@code removeRecord} (no session
   * is kept), otherwise marks it {@link ClientState#DISCONNECTED}. Returns false, changing nothing, when the record
   * belongs to another channel.
   */
  CompletionStage<Boolean> disconnect(ClientKey key, String channelId, long atMillis, boolean removeRecord,
                                      TrafficCounters finalCounters);

  /** Replaces the subscriptions of the record of {@code channelId}; false when the record is another channel's. */
  CompletionStage<Boolean> updateSubscriptions(ClientKey key, String channelId, Map<String, Integer> subscriptions);

  /**
   * Sets when the session of the record of {@code channelId} was created, for a session resumed from another node (the
   * record is written before its age is known); false when the record is another channel's.
   */
  CompletionStage<Boolean> updateCreatedAt(ClientKey key, String channelId, long createdAtMillis);

  /** Replaces the counters of the record of {@code channelId}; false when the record is another channel's. */
  CompletionStage<Boolean> updateCounters(ClientKey key, String channelId, TrafficCounters counters);

  /**
   * Sets the keepalive of the record of {@code channelId}, after an operator changed the live connection's; false when
   * the record is another channel's.
   */
  CompletionStage<Boolean> updateKeepAlive(ClientKey key, String channelId, int keepAliveSeconds);

  /** Removes the record if it still belongs to {@code channelId} (a session that expired or was discarded). */
  CompletionStage<Boolean> remove(ClientKey key, String channelId);

  CompletionStage<Optional<ClientRecord>> get(ClientKey key);

  /** The records of one instance that match {@code query}, in client id order. Never reads other instances' records. */
  CompletionStage<List<ClientRecord>> list(String instanceId, ClientQuery query);

  /**
   * Page {@code page} (from 1) of the records of one instance that match {@code filter}, {@code limit} (1..10000) to a
   * page, in client id order, with the number of all matches. Reads only that instance's records (an index on the
   * instance id) and moves only the client ids of the matches and the records of the page.
   */
  CompletionStage<ClientPage> page(String instanceId, ClientFilter filter, int page, int limit);

  /**
   * The first {@code limit} records of one instance that match {@code filter} and whose client id sorts after
   * {@code afterClientId} (null: from the first). Following {@link ClientPage#lastClientId()} from page to page
   * visits every client present throughout exactly once, whoever connects or leaves meanwhile.
   */
  CompletionStage<ClientPage> pageAfter(String instanceId, ClientFilter filter, String afterClientId, int limit);

  /**
   * The subscriptions of the records of one instance that match {@code filter} and have any, in client id order. Reads
   * only that instance's records (its index) and moves only their client id, node and subscriptions.
   */
  CompletionStage<List<ClientSubscriptions>> subscriptions(String instanceId, ClientFilter filter);

  /**
   * Ends every connection that {@code node} owned, as survivors do when a member leaves: each CONNECTED record of the
   * node is marked {@link ClientState#DISCONNECTED} (node and channel kept), each DISCONNECTED one removed. Returns the
   * records it flipped from CONNECTED, as they were before: atomically per record, so a connect that replaced a record
   * first is not among them, and a record among them was flipped by this call alone.
   */
  CompletionStage<List<ClientRecord>> endNode(String node, long atMillis);
}

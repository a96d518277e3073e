package io.tenantmq.control.command;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.IExecutorService;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.control.registry.ClientRegistry;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@link NodeCommands} over a Hazelcast executor: a command for a client runs on the member named by the client's
 * registry record, where the node registered its {@link CommandHandler} with {@link #serve}. A publish runs on this
 * member when it hosts MQTT, otherwise on the first member that does.
 */
public final class HazelcastNodeCommands implements NodeCommands {

  public static final String EXECUTOR = "tenantmq.commands";
  static final String HANDLER_KEY = "tenantmq.command-handler";
  static final long TIMEOUT_SECONDS = 10;

  private final HazelcastInstance hazelcast;
  private final ClientRegistry registry;

  public HazelcastNodeCommands(HazelcastInstance hazelcast, ClientRegistry registry) {
    this.hazelcast = hazelcast;
    this.registry = registry;
  }

  /** Makes this member run commands with {@code handler}; a node that hosts MQTT sessions calls it at start. */
  public static void serve(HazelcastInstance hazelcast, CommandHandler handler) {
    hazelcast.getUserContext().put(HANDLER_KEY, handler);
  }

  /** This member no longer runs commands (the node is stopping). */
  public static void stopServing(HazelcastInstance hazelcast) {
    hazelcast.getUserContext().remove(HANDLER_KEY);
  }

  @Override
  public CompletionStage<Boolean> kick(ClientKey key) {
    return onOwner(key, true, new Task<>(h -> h.kick(key)));
  }

  @Override
  public CompletionStage<Boolean> subscribe(ClientKey key, String topicFilter, int qos) {
    return onOwner(key, false, new Task<>(h -> h.subscribe(key, topicFilter, qos)));
  }

  @Override
  public CompletionStage<Boolean> unsubscribe(ClientKey key, String topicFilter) {
    return onOwner(key, false, new Task<>(h -> h.unsubscribe(key, topicFilter)));
  }

  @Override
  public CompletionStage<Boolean> setKeepAlive(ClientKey key, int seconds) {
    return onOwner(key, true, new Task<>(h -> h.setKeepAlive(key, seconds)));
  }

  @Override
  public CompletionStage<Optional<List<QueuedMessage>>> messages(ClientKey key, boolean inflight, int limit) {
    return onOwner(key, false, new Task<>(h -> h.messages(key, inflight, limit)), Optional.empty());
  }

  @Override
  public CompletionStage<List<NodeReport>> reports(String instanceId) {
    List<CompletableFuture<NodeReport>> each = new ArrayList<>();
    for (Member member : hazelcast.getCluster().getMembers()) {
      each.add(submit(member, new Task<>(h -> h.report(instanceId))).toCompletableFuture());
    }
    return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(done -> each.stream()
        .map(CompletableFuture::join)
        .filter(Objects::nonNull) // members that host no MQTT sessions
        .sorted(Comparator.comparing(NodeReport::node))
        .toList());
  }

  @Override
  public CompletionStage<Integer> publish(PublishCommand command) {
    List<Member> candidates = new ArrayList<>();
    candidates.add(hazelcast.getCluster().getLocalMember());
    hazelcast.getCluster().getMembers().stream().filter(m -> !m.localMember()).forEach(candidates::add);
    return publishOn(candidates, 0, command);
  }

  private CompletionStage<Integer> publishOn(List<Member> members, int index, PublishCommand command) {
    if (index >= members.size()) {
      return CompletableFuture.failedFuture(new IllegalStateException("no member of the cluster hosts MQTT sessions"));
    }
    return submit(members.get(index), new Task<>(h -> h.publish(command)))
        .thenCompose(result -> result == null ? publishOn(members, index + 1, command) : CompletableFuture.completedFuture(result));
  }

  private CompletionStage<Boolean> onOwner(ClientKey key, boolean needsConnection, Task<Boolean> task) {
    return onOwner(key, needsConnection, task, false);
  }

  /** Runs {@code task} on the member that owns the client; {@code absent} when there is none or it runs no MQTT. */
  private <T> CompletionStage<T> onOwner(ClientKey key, boolean needsConnection, Task<T> task, T absent) {
    return registry.get(key).thenCompose(found -> {
      if (found.isEmpty() || (needsConnection && !found.get().connected())) {
        return CompletableFuture.completedFuture(absent);
      }
      Member owner = member(found.get());
      if (owner == null) {
        return CompletableFuture.completedFuture(absent); // its node is gone; the survivors end the record
      }
      return submit(owner, task).thenApply(result -> result == null ? absent : result);
    });
  }

  private Member member(ClientRecord record) {
    for (Member m : hazelcast.getCluster().getMembers()) {
      if (record.node().equals(m.getAttribute(MapNames.NODE_NAME_ATTRIBUTE))) {
        return m;
      }
    }
    return null;
  }

  private <T> CompletionStage<T> submit(Member member, Task<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      IExecutorService executor = hazelcast.getExecutorService(EXECUTOR);
      executor.submitToMember(task, member, new ExecutionCallback<T>() {
        @Override
        public void onResponse(T response) {
          result.complete(response);
        }

        @Override
        public void onFailure(Throwable t) {
          result.completeExceptionally(t);
        }
      });
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  /**
   * A command travelling to a member. Returns null there when the member hosts no MQTT sessions, so that the sender
   * can try another.
   */
  static final class Task<T> implements Callable<T>, Serializable, HazelcastInstanceAware {
    private final SerializableCommand<T> command;
    private transient HazelcastInstance local;

    Task(SerializableCommand<T> command) {
      this.command = command;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
      this.local = hazelcastInstance;
    }

    @Override
    public T call() throws Exception {
      Object handler = local.getUserContext().get(HANDLER_KEY);
      if (!(handler instanceof CommandHandler h)) {
        return null;
      }
      // a Hazelcast executor thread, never an event loop: waiting here is allowed
      return command.apply(h).toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** A lambda that survives serialization to another member. */
  interface SerializableCommand<T> extends Function<CommandHandler, CompletionStage<T>>, Serializable {
  }
}

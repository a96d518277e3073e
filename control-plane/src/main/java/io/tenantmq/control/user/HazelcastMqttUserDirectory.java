package io.tenantmq.control.user;

import com.hazelcast.core.HazelcastInstance;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.cluster.ScopedRecords;
import io.tenantmq.control.credential.PasswordHasher;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** {@link MqttUserDirectory} on the Hazelcast map {@link MapNames#MQTT_USERS}. */
public final class HazelcastMqttUserDirectory implements MqttUserDirectory {

  /** Checked against when the user does not exist; matches no password anyone knows. */
  private static final String UNKNOWN_USER_HASH = PasswordHasher.hash(UUID.randomUUID().toString());

  private final ScopedRecords<UserKey, MqttUser> users;
  private final Executor hashExecutor;

  public HazelcastMqttUserDirectory(HazelcastInstance hazelcast, Executor workerExecutor) {
    this.users = new ScopedRecords<>(hazelcast.getMap(MapNames.MQTT_USERS), workerExecutor,
        Comparator.comparing(MqttUser::username));
    this.hashExecutor = workerExecutor;
  }

  @Override
  public CompletionStage<Boolean> create(MqttUser user) {
    return users.createIfAbsent(user.key(), user);
  }

  @Override
  public CompletionStage<Optional<MqttUser>> get(UserKey key) {
    return users.get(key);
  }

  @Override
  public CompletionStage<List<MqttUser>> list(String instanceId) {
    return users.list(instanceId);
  }

  @Override
  public CompletionStage<Boolean> update(MqttUser user) {
    return users.replace(user.key(), user);
  }

  @Override
  public CompletionStage<Boolean> delete(UserKey key) {
    return users.delete(key);
  }

  @Override
  public CompletionStage<Integer> deleteAll(String instanceId) {
    return users.deleteAll(instanceId);
  }

  @Override
  public CompletionStage<Optional<MqttUser>> authenticate(String instanceId, String username, String password) {
    return users.get(new UserKey(instanceId, username)).thenApplyAsync(found -> {
      if (found.isEmpty()) {
        // as slow as a wrong password, so that timing does not tell which user names exist
        PasswordHasher.matches(password, UNKNOWN_USER_HASH);
      }
      return found.filter(u -> u.passwordMatches(password));
    }, hashExecutor);
  }
}

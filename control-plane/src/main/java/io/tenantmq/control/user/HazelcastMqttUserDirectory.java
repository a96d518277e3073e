package io.tenantmq.control.user;

import com.hazelcast.core.HazelcastInstance;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.cluster.ScopedRecords;
import io.tenantmq.control.credential.PasswordHasher;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** {@link MqttUserDirectory} on the Hazelcast map {@link MapNames#MQTT_USERS}, by user name. */
public final class HazelcastMqttUserDirectory extends ScopedRecords<UserKey, MqttUser> implements MqttUserDirectory {

  /** A hash no password matches, checked for unknown users so that they cost as much as a wrong password. */
  private static final String UNKNOWN_USER_HASH = PasswordHasher.hash(UUID.randomUUID().toString());

  private final Executor hashExecutor;

  public HazelcastMqttUserDirectory(HazelcastInstance hazelcast, Executor workerExecutor) {
    super(hazelcast.getMap(MapNames.MQTT_USERS), MqttUser::key, workerExecutor,
        Comparator.comparing(MqttUser::username));
    this.hashExecutor = workerExecutor;
  }

  @Override
  public CompletionStage<Optional<MqttUser>> authenticate(String instanceId, String username, String password) {
    return get(new UserKey(instanceId, username)).thenApplyAsync(found -> {
      if (found.isEmpty()) {
        // as slow as a wrong password, so that timing does not tell which user names exist
        PasswordHasher.matches(password, UNKNOWN_USER_HASH);
      }
      return found.filter(u -> u.passwordMatches(password));
    }, hashExecutor);
  }
}

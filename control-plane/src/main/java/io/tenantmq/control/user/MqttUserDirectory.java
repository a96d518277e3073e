package io.tenantmq.control.user;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The MQTT users of every instance, shared by the cluster. Stages complete off the caller's thread. */
public interface MqttUserDirectory {

  /** Stores a new user; false when the instance already has one of that name. */
  CompletionStage<Boolean> create(MqttUser user);

  CompletionStage<Optional<MqttUser>> get(UserKey key);

  /** The users of one instance, by name. */
  CompletionStage<List<MqttUser>> list(String instanceId);

  /** Replaces an existing user; false when there is none. */
  CompletionStage<Boolean> update(MqttUser user);

  CompletionStage<Boolean> delete(UserKey key);

  /** Removes every user of an instance (the instance is being deleted). */
  CompletionStage<Integer> deleteAll(String instanceId);

  /**
   * The user whose name and password these are, or empty. Runs the password hash on a worker thread.
   */
  CompletionStage<Optional<MqttUser>> authenticate(String instanceId, String username, String password);
}

package io.tenantmq.control.user;

import io.tenantmq.control.cluster.InstanceRecords;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The MQTT users of every instance, shared by the cluster. */
public interface MqttUserDirectory extends InstanceRecords<UserKey, MqttUser> {

  /**
   * The user whose name and password these are, or empty. Runs the password hash on a worker thread.
   */
  CompletionStage<Optional<MqttUser>> authenticate(String instanceId, String username, String password);
}

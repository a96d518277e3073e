package io.tenantmq.mqtt;

import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.user.MqttUser;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** MQTT users and instances created through a {@link TestNode}'s control plane, and clients that log in as them. */
public final class TestUsers {

  public static final String PASSWORD = "pa55-word";

  private TestUsers() {
  }

  /** Creates a user of {@code instanceId} with password {@link #PASSWORD} and returns its name. */
  public static String create(TestNode node, String instanceId, String username, boolean permRead, boolean permWrite)
      throws Exception {
    MqttUser user = MqttUser.create(instanceId, username, PASSWORD, permRead, permWrite, "", System.currentTimeMillis());
    if (!node.control.users().create(user).toCompletableFuture().get(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("user exists: " + username);
    }
    return username;
  }

  /** Creates an instance of the test tenant that admits no anonymous client, and returns its id. */
  public static String createInstance(TestNode node, String instanceId) throws Exception {
    node.control.tenants().createInstanceIfAbsent(new Instance(instanceId, "tenant-test", instanceId, false,
        System.currentTimeMillis())).toCompletableFuture().get(10, TimeUnit.SECONDS);
    return instanceId;
  }

  /** A HiveMQ MQTT 5 client (not connected) that logs in with {@code username} and {@code password}. */
  public static Mqtt5BlockingClient v5(int port, String clientId, String username, String password,
                                       Consumer<MqttClientDisconnectedContext> onDisconnect) {
    var builder = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port)
        .simpleAuth().username(username).password(TestClients.utf8(password)).applySimpleAuth();
    if (onDisconnect != null) {
      builder = builder.addDisconnectedListener(onDisconnect::accept);
    }
    return builder.buildBlocking();
  }

  /** A connected HiveMQ MQTT 5 client logged in as {@code username} with {@link #PASSWORD}. */
  public static Mqtt5BlockingClient v5Connected(int port, String clientId, String username) {
    Mqtt5BlockingClient c = v5(port, clientId, username, PASSWORD, null);
    c.connect();
    return c;
  }
}

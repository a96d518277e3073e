package io.tenantmq.mqtt.auth;

import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.TenantDirectory;
import io.tenantmq.mqtt.codes.ConnectRefusal;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import io.vertx.mqtt.MqttAuth;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Decides at CONNECT which instance a connection belongs to and whether it may connect.
 *
 * <p>Today: the listener's default instance, which accepts anonymous connections from loopback addresses only when
 * the instance allows it. Credentials (MQTT users, Aliyun signatures, {@code user@instanceId}) are not known yet, so a
 * CONNECT that carries any is refused as bad credentials rather than let in unchecked.
 */
public final class ConnectAuthenticator {

  private final TenantDirectory tenants;
  private final String defaultInstanceId;

  public ConnectAuthenticator(TenantDirectory tenants, String defaultInstanceId) {
    this.tenants = tenants;
    this.defaultInstanceId = defaultInstanceId;
  }

  public Future<AuthResult> authenticate(MqttAuth auth, SocketAddress remote, Context context) {
    if (defaultInstanceId == null) {
      return Future.succeededFuture(AuthResult.refused(ConnectRefusal.NOT_AUTHORIZED));
    }
    boolean anonymous = auth == null || (auth.getUsername() == null && auth.getPassword() == null);
    if (!anonymous) {
      return Future.succeededFuture(AuthResult.refused(ConnectRefusal.BAD_CREDENTIALS));
    }
    return Future.fromCompletionStage(tenants.instance(defaultInstanceId), context).map(found -> decide(found, remote));
  }

  private static AuthResult decide(Optional<Instance> found, SocketAddress remote) {
    if (found.isEmpty()) {
      return AuthResult.refused(ConnectRefusal.SERVER_UNAVAILABLE);
    }
    Instance instance = found.get();
    if (instance.anonymousLoopback() && isLoopback(remote)) {
      return AuthResult.accepted(instance, null);
    }
    return AuthResult.refused(ConnectRefusal.NOT_AUTHORIZED);
  }

  static boolean isLoopback(SocketAddress remote) {
    if (remote == null || remote.hostAddress() == null) {
      return false;
    }
    try {
      // an IP literal: no name lookup happens
      return InetAddress.getByName(remote.hostAddress()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}

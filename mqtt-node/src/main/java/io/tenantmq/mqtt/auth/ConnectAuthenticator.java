package io.tenantmq.mqtt.auth;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.acl.TopicAcl;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.TenantDirectory;
import io.tenantmq.control.user.MqttUserDirectory;
import io.tenantmq.mqtt.codes.ConnectRefusal;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import io.vertx.mqtt.MqttAuth;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Decides at CONNECT which instance a connection belongs to ({@link TenantResolver}: Aliyun username, TLS SNI host
 * name, {@code user@instanceId}, the listener's default) and whether it may connect.
 *
 * <p>An Aliyun-style username ({@code Signature|…}, {@code Token|…}) logs in with its AccessKey ({@link AliyunLogin}).
 * Any other username and password must be an MQTT user of the claimed instance; a wrong password, an unknown user and an
 * unknown instance all look the same to the client: "bad username or password". A client without credentials is let
 * in only from a loopback address and only when the instance allows it. The password hash runs on the control plane's
 * worker executor, never on the event loop; the returned future completes on {@code context}.
 */
public final class ConnectAuthenticator {

  private final TenantDirectory tenants;
  private final MqttUserDirectory users;
  private final TenantResolver resolver;
  private final AliyunLogin aliyun;
  private final TopicAcl acl;

  public ConnectAuthenticator(ControlPlane control, String defaultInstanceId) {
    this(control, defaultInstanceId, null);
  }

  /** @param sniDomain the domain of the instances' TLS host names ({@code <instanceId>.<domain>}); null: none */
  public ConnectAuthenticator(ControlPlane control, String defaultInstanceId, String sniDomain) {
    this.tenants = control.tenants();
    this.users = control.users();
    this.resolver = new TenantResolver(defaultInstanceId, sniDomain);
    this.aliyun = new AliyunLogin(control.aliyunKeys(), control.tokens());
    this.acl = control.acl();
  }

  /**
   * What an accepted connection may do: its login's permissions under its instance's topic ACL rules, bound to the
   * client id it ends up with (an assigned one included) and its user name.
   */
  public Permissions permissions(AuthResult auth, String clientId) {
    return auth.permissions().withAcl(acl.forClient(auth.instance().instanceId(), clientId, auth.username()));
  }

  /**
   * @param clientId the CONNECT's client id as sent (empty or null when the server is to assign one): a Signature-mode
   *                 password signs it
   */
  public Future<AuthResult> authenticate(MqttAuth auth, String clientId, SocketAddress remote, Context context) {
    return authenticate(auth, clientId, remote, null, context);
  }

  /**
   * @param serverName the TLS SNI host name the client asked for (null: plain connection or none sent); names the
   *                   instance when it is {@code <instanceId>.<domain>}
   */
  public Future<AuthResult> authenticate(MqttAuth auth, String clientId, SocketAddress remote, String serverName,
                                         Context context) {
    String username = auth == null ? null : auth.getUsername();
    String password = auth == null ? null : auth.getPassword();
    if (username == null) {
      // a password alone names no user (MQTT 5 allows sending one)
      return password == null ? anonymous(remote, serverName, context) : badCredentials(null);
    }
    Optional<InstanceClaim> claim = resolver.resolve(username, serverName);
    if (claim.isPresent() && claim.get().contradicted()) {
      // the host name and the credentials belong to different instances: neither is entered
      return badCredentials(claim.get().instanceId());
    }
    if (claim.isPresent() && claim.get().aliyun() != null) {
      return aliyun.login(claim.get().aliyun(), username, password, clientId, context);
    }
    if (password == null || claim.isEmpty() || claim.get().username().isEmpty()) {
      return badCredentials(claim.map(InstanceClaim::instanceId).orElse(null));
    }
    InstanceClaim c = claim.get();
    // the password first, hashed whether or not the user and instance exist: timing tells nothing about either
    return Future.fromCompletionStage(users.authenticate(c.instanceId(), c.username(), password), context)
        .compose(user -> {
          if (user.isEmpty()) {
            return badCredentials(c.instanceId());
          }
          return Future.fromCompletionStage(tenants.instance(c.instanceId()), context).map(instance -> instance
              .map(i -> AuthResult.accepted(i, user.get().username(), Permissions.of(user.get())))
              // users outliving their instance (a delete in progress) let nobody in
              .orElse(AuthResult.refused(ConnectRefusal.BAD_CREDENTIALS, c.instanceId())));
        });
  }

  private static Future<AuthResult> badCredentials(String claimedInstanceId) {
    return Future.succeededFuture(AuthResult.refused(ConnectRefusal.BAD_CREDENTIALS, claimedInstanceId));
  }

  private Future<AuthResult> anonymous(SocketAddress remote, String serverName, Context context) {
    Optional<InstanceClaim> claim = resolver.resolve(null, serverName);
    if (claim.isEmpty()) {
      return Future.succeededFuture(AuthResult.refused(ConnectRefusal.NOT_AUTHORIZED));
    }
    String instanceId = claim.get().instanceId();
    boolean namedBySni = resolver.sniInstance(serverName).isPresent();
    return Future.fromCompletionStage(tenants.instance(instanceId), context)
        .map(found -> decideAnonymous(instanceId, found, remote, namedBySni));
  }

  private static AuthResult decideAnonymous(String instanceId, Optional<Instance> found, SocketAddress remote,
                                            boolean namedBySni) {
    if (found.isEmpty()) {
      // a missing default instance is the server's fault; an unknown instance the client asked for is not
      return namedBySni ? AuthResult.refused(ConnectRefusal.NOT_AUTHORIZED, instanceId)
          : AuthResult.refused(ConnectRefusal.SERVER_UNAVAILABLE);
    }
    Instance instance = found.get();
    if (instance.anonymousLoopback() && isLoopback(remote)) {
      return AuthResult.accepted(instance, null, Permissions.ALL);
    }
    return AuthResult.refused(ConnectRefusal.NOT_AUTHORIZED, instanceId);
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

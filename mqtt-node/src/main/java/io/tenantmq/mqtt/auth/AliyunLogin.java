package io.tenantmq.mqtt.auth;

import io.tenantmq.control.credential.AliyunAccessKey;
import io.tenantmq.control.credential.AliyunAccessKeys;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.token.AccessToken;
import io.tenantmq.control.token.TokenAction;
import io.tenantmq.control.token.TokenService;
import io.tenantmq.mqtt.codes.ConnectRefusal;
import io.tenantmq.signing.aliyun.AliyunHmac;
import io.tenantmq.signing.aliyun.AliyunTokenPassword;
import io.tenantmq.signing.aliyun.AliyunTokenPassword.Entry;
import io.tenantmq.signing.aliyun.AliyunUsername;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Alibaba Cloud logins (API-NOTES §3.2): {@code Signature|AccessKeyId|InstanceId} with the password
 * Base64(HmacSHA1(AccessKeySecret, clientId)), and {@code Token|AccessKeyId|InstanceId} with {@code type|token} pairs.
 * Either way the AccessKey must be usable and may act on the instance ({@link AliyunAccessKeys}). A Signature login
 * may do everything on the instance; a Token login subscribes within its R token's resources and publishes within its
 * W token's (an RW token counts as both).
 *
 * <p>Every failure is the same "bad username or password": an unknown AccessKey, a wrong secret, another tenant's
 * instance, a malformed, unknown, expired, foreign or wrongly typed token. The returned future completes on
 * {@code context}.
 */
final class AliyunLogin {

  private final AliyunAccessKeys keys;
  private final TokenService tokens;

  AliyunLogin(AliyunAccessKeys keys, TokenService tokens) {
    this.keys = keys;
    this.tokens = tokens;
  }

  /**
   * @param username the user name as sent, recorded as the connection's user
   * @param clientId the CONNECT's client id as sent (what a Signature password signs)
   */
  Future<AuthResult> login(AliyunUsername name, String username, String password, String clientId, Context context) {
    AliyunTokenPassword tokenPassword = null;
    if (name.mode() == AliyunUsername.Mode.TOKEN) {
      tokenPassword = AliyunTokenPassword.parse(password).orElse(null);
      if (tokenPassword == null) {
        return refused(name);
      }
    } else if (password == null) {
      return refused(name);
    }
    AliyunTokenPassword presented = tokenPassword;
    long now = System.currentTimeMillis();
    return Future.fromCompletionStage(keys.find(name.accessKeyId(), now), context).compose(key -> {
      if (key.isEmpty()) {
        return refused(name);
      }
      return Future.fromCompletionStage(keys.instanceFor(key.get(), name.instanceId()), context).compose(instance -> {
        if (instance.isEmpty()) {
          return refused(name);
        }
        return presented == null
            ? Future.succeededFuture(signature(key.get(), instance.get(), username, password, clientId))
            : tokens(presented, key.get(), instance.get(), username, now, context);
      });
    });
  }

  private static AuthResult signature(AliyunAccessKey key, Instance instance, String username, String password,
                                      String clientId) {
    String expected = AliyunHmac.mqttPassword(key.secret(), clientId == null ? "" : clientId);
    return AliyunHmac.matches(expected, password)
        ? AuthResult.accepted(instance, username, Permissions.ALL)
        : AuthResult.refused(ConnectRefusal.BAD_CREDENTIALS, instance.instanceId());
  }

  private Future<AuthResult> tokens(AliyunTokenPassword presented, AliyunAccessKey key, Instance instance,
                                    String username, long now, Context context) {
    List<Future<Optional<AccessToken>>> lookups = new ArrayList<>();
    for (Entry e : presented.entries()) {
      lookups.add(Future.fromCompletionStage(tokens.find(e.token()), context));
    }
    return Future.all(lookups).map(all -> {
      Set<String> readResources = new TreeSet<>();
      Set<String> writeResources = new TreeSet<>();
      boolean read = false;
      boolean write = false;
      Set<String> digests = new HashSet<>();
      long expireAt = Long.MAX_VALUE;
      for (int i = 0; i < lookups.size(); i++) {
        Entry entry = presented.entries().get(i);
        AccessToken token = lookups.get(i).result().orElse(null);
        if (token == null || !token.activeAt(now) || !token.tenantId().equals(key.tenantId())
            || !token.instanceId().equals(instance.instanceId()) || !allowsType(token, entry.type())) {
          return AuthResult.refused(ConnectRefusal.BAD_CREDENTIALS, instance.instanceId());
        }
        if (entry.type() != AliyunTokenPassword.Type.W) {
          read = true;
          readResources.addAll(token.resources());
        }
        if (entry.type() != AliyunTokenPassword.Type.R) {
          write = true;
          writeResources.addAll(token.resources());
        }
        digests.add(token.digest());
        expireAt = Math.min(expireAt, token.expireAtMillis());
      }
      Permissions permissions = new Permissions(read ? TopicScope.of(readResources) : TopicScope.NONE,
          write ? TopicScope.of(writeResources) : TopicScope.NONE);
      return AuthResult.accepted(instance, username, permissions, new TokenGrant(digests, expireAt));
    });
  }

  /** A token is presented as R, W or RW; it must have been issued for every action that type stands for. */
  private static boolean allowsType(AccessToken token, AliyunTokenPassword.Type type) {
    return switch (type) {
      case R -> token.allows(TokenAction.R);
      case W -> token.allows(TokenAction.W);
      case RW -> token.allows(TokenAction.R) && token.allows(TokenAction.W);
    };
  }

  private static Future<AuthResult> refused(AliyunUsername name) {
    return Future.succeededFuture(AuthResult.refused(ConnectRefusal.BAD_CREDENTIALS, name.instanceId()));
  }
}

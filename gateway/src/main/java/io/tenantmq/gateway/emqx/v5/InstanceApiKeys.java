package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.Credential;
import io.tenantmq.control.credential.CredentialChange;
import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.gateway.common.Stages;
import io.tenantmq.gateway.emqx.EmqxException;
import io.tenantmq.gateway.emqx.EmqxScope;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The EMQX API keys of the caller's instance: credentials of kind {@link CredentialKind#EMQX} scoped to it, whose
 * remark is the key's EMQX {@code name}. Names are unique within an instance: of two keys created with one name at
 * the same moment, the later one is withdrawn, so the first always wins. Keys of other instances are never seen.
 */
final class InstanceApiKeys {

  /** EMQX's own cap on the number of API keys, here per instance. */
  static final int MAX_KEYS = 100;
  /** The first created wins a name. */
  private static final Comparator<Credential> AGE =
      Comparator.comparingLong(Credential::createdAtMillis).thenComparing(Credential::credentialId);

  private final ControlPlane control;

  InstanceApiKeys(ControlPlane control) {
    this.control = control;
  }

  /** The instance's keys, oldest first. */
  Future<List<Credential>> list(RoutingContext ctx) {
    EmqxScope scope = EmqxScope.of(ctx);
    return Stages.on(ctx, control.credentials().list(scope.tenantId())).map(all -> all.stream()
        .filter(c -> c.kind() == CredentialKind.EMQX && scope.instanceId().equals(c.instanceId()))
        .sorted(AGE).toList());
  }

  /** The key named {@code name}, or a 404 NOT_FOUND. */
  Future<Credential> named(RoutingContext ctx, String name) {
    return list(ctx).map(keys -> first(keys, name).orElseThrow(InstanceApiKeys::notFound));
  }

  /** A new key; 400 BAD_REQUEST when the name is taken or the instance has {@value #MAX_KEYS} keys. */
  Future<IssuedCredential> create(RoutingContext ctx, String name, CredentialChange settings) {
    EmqxScope scope = EmqxScope.of(ctx);
    return list(ctx).compose(keys -> {
      if (first(keys, name).isPresent()) {
        throw nameTaken();
      }
      if (keys.size() >= MAX_KEYS) {
        // EMQX prints the reason string as an Erlang term, quotes included
        throw EmqxException.badRequest("\"Maximum number of ApiKeys reached.\"");
      }
      return Stages.on(ctx, control.credentials().issue(scope.tenantId(), CredentialKind.EMQX, scope.instanceId(), name));
    }).compose(issued -> Stages.on(ctx, control.credentials().update(issued.credential().credentialId(), settings))
        .map(changed -> new IssuedCredential(changed.orElse(issued.credential()), issued.secret())))
        .compose(issued -> list(ctx).compose(keys -> {
          // another request may have taken the name between the check and the issue
          if (first(keys, name).map(winner -> winner.credentialId().equals(issued.credential().credentialId()))
              .orElse(true)) {
            return Future.succeededFuture(issued);
          }
          return Stages.on(ctx, control.credentials().revoke(issued.credential().credentialId())).map(revoked -> {
            throw nameTaken();
          });
        }));
  }

  /** The key named {@code name} changed; 404 NOT_FOUND when there is none (or it went meanwhile). */
  Future<Credential> update(RoutingContext ctx, String name, CredentialChange change) {
    return named(ctx, name).compose(key -> Stages.on(ctx, control.credentials().update(key.credentialId(), change)))
        .map(changed -> changed.orElseThrow(InstanceApiKeys::notFound));
  }

  /** Deletes the key named {@code name}; 404 NOT_FOUND when there is none. */
  Future<Void> delete(RoutingContext ctx, String name) {
    return named(ctx, name).compose(key -> Stages.on(ctx, control.credentials().revoke(key.credentialId())))
        .map(revoked -> {
          if (!revoked) {
            throw notFound();
          }
          return null;
        });
  }

  private static Optional<Credential> first(List<Credential> keysByAge, String name) {
    return keysByAge.stream().filter(c -> c.remark().equals(name)).findFirst();
  }

  static EmqxException notFound() {
    return EmqxException.notFound("NOT_FOUND", "Name NOT FOUND");
  }

  private static EmqxException nameTaken() {
    return EmqxException.badRequest("name_already_existed");
  }
}

package io.tenantmq.control.token;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A token as stored: never the token itself, only its digest ({@link TokenDigest}), so neither the store nor a log
 * ever holds a usable token.
 *
 * @param digest        {@link TokenDigest#of} the token; the key of the token map
 * @param tenantId      the tenant whose AccessKey applied for it
 * @param instanceId    the one instance it is valid on
 * @param accessKeyId   the AccessKeyId that applied for it
 * @param actions       R, W or both
 * @param resources     topic filters (MQTT wildcards allowed), sorted, 1..{@link TokenRequest#MAX_RESOURCES}
 * @param expireAtMillis when it stops working (epoch ms)
 */
public record AccessToken(String digest, String tenantId, String instanceId, String accessKeyId,
                          Set<TokenAction> actions, List<String> resources, long expireAtMillis,
                          long createdAtMillis) implements Serializable {
  public AccessToken {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(instanceId, "instanceId");
    actions = Set.copyOf(actions);
    resources = List.copyOf(resources);
  }

  /** Whether it still works at {@code nowMillis}. */
  public boolean activeAt(long nowMillis) {
    return nowMillis < expireAtMillis;
  }

  public boolean allows(TokenAction action) {
    return actions.contains(action);
  }
}

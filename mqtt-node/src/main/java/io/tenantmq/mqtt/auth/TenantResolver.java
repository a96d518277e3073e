package io.tenantmq.mqtt.auth;

import io.tenantmq.control.tenant.Instance;
import io.tenantmq.signing.aliyun.AliyunUsername;
import java.util.Optional;

/**
 * Which instance a CONNECT belongs to, in DESIGN.md's order: (1) an Aliyun-style username ({@code Signature|…},
 * {@code Token|…}), (2) the TLS SNI host name {@code <instanceId>.<domain>}, (3) a username {@code user@instanceId},
 * (4) the listener's default instance. (2) does not exist yet; it goes between (1) and (3) in {@link #resolve} when it
 * lands. Nothing here is verified: {@link ConnectAuthenticator} checks the claim.
 */
public final class TenantResolver {

  private final String defaultInstanceId;

  /** @param defaultInstanceId the listener's default instance, or null when every client must name its instance */
  public TenantResolver(String defaultInstanceId) {
    this.defaultInstanceId = defaultInstanceId;
  }

  /** The claim of a CONNECT with {@code username} (null: anonymous); empty when it names no instance at all. */
  public Optional<InstanceClaim> resolve(String username) {
    if (username != null) {
      Optional<AliyunUsername> aliyun = AliyunUsername.parse(username);
      if (aliyun.isPresent()) {
        // the AccessKey login decides; a malformed instance id claims it all the same and is refused there
        return Optional.of(new InstanceClaim(aliyun.get().instanceId(), username, aliyun.get()));
      }
      // the last '@' splits, so user names may hold '@' themselves; a suffix that cannot be an instance id (a dot, an
      // upper-case letter) leaves the whole name to the default instance, e.g. "alice@example.com"
      int at = username.lastIndexOf('@');
      if (at >= 0) {
        String instanceId = username.substring(at + 1);
        if (Instance.ID_PATTERN.matcher(instanceId).matches()) {
          return Optional.of(new InstanceClaim(instanceId, username.substring(0, at)));
        }
      }
    }
    return defaultInstanceId == null ? Optional.empty() : Optional.of(new InstanceClaim(defaultInstanceId, username));
  }
}

package io.tenantmq.mqtt.auth;

import io.tenantmq.control.tenant.Instance;
import io.tenantmq.mqtt.tls.SniDomain;
import io.tenantmq.signing.aliyun.AliyunUsername;
import java.util.Optional;

/**
 * Which instance a CONNECT belongs to, in DESIGN.md's order: (1) an Aliyun-style username ({@code Signature|…},
 * {@code Token|…}), (2) the TLS SNI host name {@code <instanceId>.<domain>} (with a domain configured), (3) a username
 * {@code user@instanceId}, (4) the listener's default instance. Nothing here is verified: {@link ConnectAuthenticator}
 * checks the claim.
 *
 * <p>When the SNI host name names an instance, a username that names another one ((1) or (3)) contradicts it and the
 * claim says so ({@link InstanceClaim#contradicted()}): such a client is refused, never let into either instance. A
 * username {@code user@instanceId} that agrees with the SNI name logs in as {@code user}.
 */
public final class TenantResolver {

  private final String defaultInstanceId;
  private final SniDomain sniDomain;

  /** @param defaultInstanceId the listener's default instance, or null when every client must name its instance */
  public TenantResolver(String defaultInstanceId) {
    this(defaultInstanceId, null);
  }

  /** @param sniDomain the domain of the instances' host names; null: SNI names no instance */
  public TenantResolver(String defaultInstanceId, String sniDomain) {
    this.defaultInstanceId = defaultInstanceId;
    this.sniDomain = sniDomain == null ? null : new SniDomain(sniDomain);
  }

  /** The claim of a CONNECT with {@code username} (null: anonymous); empty when it names no instance at all. */
  public Optional<InstanceClaim> resolve(String username) {
    return resolve(username, null);
  }

  /**
   * The claim of a CONNECT with {@code username} (null: anonymous) over a connection whose TLS client asked for
   * {@code serverName} (null: plain connection or no SNI); empty when it names no instance at all.
   */
  public Optional<InstanceClaim> resolve(String username, String serverName) {
    Optional<String> sni = sniInstance(serverName);
    if (username != null) {
      Optional<AliyunUsername> aliyun = AliyunUsername.parse(username);
      if (aliyun.isPresent()) {
        // the AccessKey login decides; a malformed instance id claims it all the same and is refused there
        String instanceId = aliyun.get().instanceId();
        return Optional.of(sni.isPresent() && !sni.get().equals(instanceId)
            ? InstanceClaim.contradicted(sni.get(), username)
            : new InstanceClaim(instanceId, username, aliyun.get()));
      }
      // the last '@' splits, so user names may hold '@' themselves; a suffix that cannot be an instance id (a dot, an
      // upper-case letter) leaves the whole name to the SNI or default instance, e.g. "alice@example.com"
      int at = username.lastIndexOf('@');
      if (at >= 0) {
        String instanceId = username.substring(at + 1);
        if (Instance.ID_PATTERN.matcher(instanceId).matches()) {
          String user = username.substring(0, at);
          return Optional.of(sni.isPresent() && !sni.get().equals(instanceId)
              ? InstanceClaim.contradicted(sni.get(), user)
              : new InstanceClaim(instanceId, user));
        }
      }
    }
    if (sni.isPresent()) {
      return Optional.of(new InstanceClaim(sni.get(), username));
    }
    return defaultInstanceId == null ? Optional.empty() : Optional.of(new InstanceClaim(defaultInstanceId, username));
  }

  /** The instance the SNI host name names, if a domain is configured and the name lies directly under it. */
  public Optional<String> sniInstance(String serverName) {
    return sniDomain == null ? Optional.empty() : sniDomain.instanceOf(serverName);
  }
}

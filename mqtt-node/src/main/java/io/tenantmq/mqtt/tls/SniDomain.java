package io.tenantmq.mqtt.tls;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The domain under which each instance has a host name of its own, {@code <instanceId>.<domain>}: a TLS client that
 * asks for that name (SNI) belongs to that instance. Host names compare case-insensitively (RFC 4343).
 */
public final class SniDomain {

  private static final Pattern DNS_NAME =
      Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

  private final String suffix;

  /** @param domain a DNS name such as {@code mqtt.example.com} */
  public SniDomain(String domain) {
    this.suffix = "." + normalize(domain);
  }

  /** The domain in lower case without a trailing dot; rejects anything that is not a DNS name. */
  public static String normalize(String domain) {
    String d = domain.trim().toLowerCase(Locale.ROOT);
    if (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    if (d.length() > 253 || !DNS_NAME.matcher(d).matches()) {
      throw new IllegalArgumentException("the SNI domain must be a DNS name such as mqtt.example.com, was '"
          + domain + "'");
    }
    return d;
  }

  /**
   * The instance a requested host name names: the single label before the domain ({@code inst-1} of
   * {@code inst-1.mqtt.example.com}); empty for the domain itself, a deeper name or a name outside the domain, which
   * name no instance. Whether that instance exists is decided at authentication.
   */
  public Optional<String> instanceOf(String serverName) {
    if (serverName == null) {
      return Optional.empty();
    }
    String name = serverName.toLowerCase(Locale.ROOT);
    if (!name.endsWith(suffix)) {
      return Optional.empty();
    }
    String label = name.substring(0, name.length() - suffix.length());
    return label.isEmpty() || label.contains(".") ? Optional.empty() : Optional.of(label);
  }
}

package io.tenantmq.control.ban;

import java.io.Serializable;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A ban: connections of {@code instanceId} whose client id, user name or source address {@code who} matches (as
 * {@code kind} says) are refused until {@code untilMillis}.
 *
 * @param by          who set it (EMQX's {@code by}; the API key's name or "api")
 * @param atMillis    when it was set
 * @param untilMillis when it ends; {@link Long#MAX_VALUE} for never
 */
public record Ban(String instanceId, BanKind kind, String who, String by, String reason, long atMillis,
                  long untilMillis) implements Serializable {

  public Ban {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(who, "who");
    by = by == null ? "" : by;
    reason = reason == null ? "" : reason;
    if (kind == BanKind.CLIENTID_RE || kind == BanKind.USERNAME_RE) {
      Pattern.compile(who); // throws PatternSyntaxException: callers report it as bad input
    }
    if (kind == BanKind.PEERHOST_NET) {
      Network.parse(who);
    }
  }

  public BanKey key() {
    return new BanKey(instanceId, kind, who);
  }

  public boolean activeAt(long nowMillis) {
    return untilMillis > nowMillis;
  }

  /**
   * Whether a connection with these attributes is banned by this (user name may be null; peerhost is the bare ip).
   * Compiles the ban each time: to match many connections, use one {@link BanMatcher}.
   */
  public boolean matches(String clientId, String username, String peerhost) {
    return BanMatcher.of(this).matches(clientId, username, peerhost);
  }

  static boolean sameAddress(String a, String b) {
    if (a.equalsIgnoreCase(b)) {
      return true;
    }
    try {
      return Network.literal(a).equals(Network.literal(b));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

  /** An address range in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}). */
  record Network(BigInteger base, int prefix, int bits) {
    static Network parse(String cidr) {
      int slash = cidr.indexOf('/');
      InetAddress address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
      int bits = address.getAddress().length * 8;
      int prefix;
      try {
        prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad network '" + cidr + "'");
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("bad prefix length in '" + cidr + "'");
      }
      return new Network(new BigInteger(1, address.getAddress()).shiftRight(bits - prefix), prefix, bits);
    }

    boolean contains(String ip) {
      InetAddress address;
      try {
        address = literal(ip);
      } catch (IllegalArgumentException e) {
        return false;
      }
      byte[] raw = address.getAddress();
      return raw.length * 8 == bits && new BigInteger(1, raw).shiftRight(bits - prefix).equals(base);
    }

    /**
     * Parses an ip literal without ever asking DNS: only a dotted quad or text with a colon (which the JDK parses as an
     * IPv6 literal) reaches {@link InetAddress#getByName}; hex-only text such as {@code cafe} would be a host name.
     */
    static InetAddress literal(String ip) {
      if (!IPV4.matcher(ip).matches() && !(ip.indexOf(':') >= 0 && IPV6_CHARS.matcher(ip).matches())) {
        throw new IllegalArgumentException("'" + ip + "' is not an ip address");
      }
      try {
        return InetAddress.getByName(ip);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("'" + ip + "' is not an ip address");
      }
    }
  }
}

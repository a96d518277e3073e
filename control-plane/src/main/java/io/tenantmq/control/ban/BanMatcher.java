package io.tenantmq.control.ban;

import java.util.regex.Pattern;

/**
 * A {@link Ban} prepared for matching: its regular expression compiled and its network parsed once, so that a check
 * at every CONNECT (and a sweep over every connection when a ban is added) costs no parsing.
 */
public final class BanMatcher {

  private final Ban ban;
  private final Pattern pattern;
  private final Ban.Network network;

  private BanMatcher(Ban ban) {
    this.ban = ban;
    this.pattern = ban.kind() == BanKind.CLIENTID_RE || ban.kind() == BanKind.USERNAME_RE ? Pattern.compile(ban.who())
        : null;
    this.network = ban.kind() == BanKind.PEERHOST_NET ? Ban.Network.parse(ban.who()) : null;
  }

  public static BanMatcher of(Ban ban) {
    return new BanMatcher(ban);
  }

  public Ban ban() {
    return ban;
  }

  /** Whether a connection with these attributes is banned by the ban (user name may be null; peerhost the bare ip). */
  public boolean matches(String clientId, String username, String peerhost) {
    String who = ban.who();
    return switch (ban.kind()) {
      case CLIENTID -> who.equals(clientId);
      case USERNAME -> who.equals(username);
      case PEERHOST -> peerhost != null && Ban.sameAddress(who, peerhost);
      case CLIENTID_RE -> clientId != null && pattern.matcher(clientId).find();
      case USERNAME_RE -> username != null && pattern.matcher(username).find();
      case PEERHOST_NET -> peerhost != null && network.contains(peerhost);
    };
  }
}

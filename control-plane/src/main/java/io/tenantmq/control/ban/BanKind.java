package io.tenantmq.control.ban;

import java.util.Locale;
import java.util.Optional;

/** What a ban matches, named as EMQX's {@code as} field names it. */
public enum BanKind {
  CLIENTID,
  USERNAME,
  PEERHOST,
  CLIENTID_RE,
  USERNAME_RE,
  PEERHOST_NET;

  /** The EMQX name: {@code clientid}, {@code peerhost_net}, … */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<BanKind> fromWireName(String name) {
    for (BanKind kind : values()) {
      if (kind.wireName().equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}

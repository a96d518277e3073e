package io.tenantmq.control.acl;

import java.util.Locale;

/** What a matching rule decides. */
public enum AclPermission {
  ALLOW, DENY;

  /** {@code allow} or {@code deny}, as EMQX spells it. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The permission named {@code text}; throws {@link IllegalArgumentException} naming the choices otherwise. */
  public static AclPermission parse(String text) {
    for (AclPermission p : values()) {
      if (p.wireName().equals(text)) {
        return p;
      }
    }
    throw new IllegalArgumentException("permission must be allow or deny, was " + AclRule.quoted(text));
  }
}

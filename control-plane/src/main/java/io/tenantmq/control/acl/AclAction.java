package io.tenantmq.control.acl;

import java.util.Locale;

/** What a rule is about; a check asks about {@link #PUBLISH} (wills included) or {@link #SUBSCRIBE}, never ALL. */
public enum AclAction {
  PUBLISH, SUBSCRIBE, ALL;

  /** {@code publish}, {@code subscribe} or {@code all}, as EMQX spells it. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a rule for this action applies to a check of {@code checked}. */
  boolean covers(AclAction checked) {
    return this == ALL || this == checked;
  }

  /** The action named {@code text}; throws {@link IllegalArgumentException} naming the choices otherwise. */
  public static AclAction parse(String text) {
    for (AclAction a : values()) {
      if (a.wireName().equals(text)) {
        return a;
      }
    }
    throw new IllegalArgumentException("action must be publish, subscribe or all, was " + AclRule.quoted(text));
  }
}

package io.tenantmq.sdk.aliyun;

/**
 * What a token lets its holder do: read (subscribe and receive), write (publish) or both. The name is the token's type
 * in a Token-mode MQTT password ({@code R|token}); {@link #actions()} is how the token server and {@code ApplyToken}
 * spell it.
 */
public enum TokenType {
  R("R"),
  W("W"),
  RW("R,W");

  private final String actions;

  TokenType(String actions) {
    this.actions = actions;
  }

  /** The {@code actions} parameter of an application: {@code R}, {@code W} or {@code R,W}. */
  public String actions() {
    return actions;
  }
}

package io.tenantmq.control.token;

/** What a token lets its holder do on its resources: Aliyun's {@code R} (subscribe) and {@code W} (publish). */
public enum TokenAction {
  /** Subscribe to the token's topic filters (and receive what they match). */
  R,
  /** Publish to topics the token's filters match. */
  W
}

package io.tenantmq.sdk.emqx;

/**
 * What a publish did: delivered to at least one subscriber (status 200, {@code id} set), or not, with the MQTT reason
 * code and message EMQX gives (status 202 with reason code 16 {@code no_matching_subscribers}; in a bulk answer also
 * 503 {@code failed_to_dispatch} or a 400's reason).
 */
public record PublishResult(String id, Integer reasonCode, String message) {

  /** MQTT 5's "No matching subscribers". */
  public static final int NO_MATCHING_SUBSCRIBERS = 16;

  /** True when the message reached at least one subscriber. */
  public boolean delivered() {
    return id != null;
  }
}

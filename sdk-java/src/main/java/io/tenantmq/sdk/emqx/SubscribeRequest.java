package io.tenantmq.sdk.emqx;

/**
 * One subscription to make on a client's behalf ({@code POST /clients/{clientid}/subscribe}); options left null take
 * EMQX's defaults (all 0).
 */
public record SubscribeRequest(String topic, Integer qos, Integer nl, Integer rap, Integer rh) {

  public SubscribeRequest {
    if (topic == null || topic.isEmpty()) {
      throw new IllegalArgumentException("topic must not be empty");
    }
    if (qos != null && (qos < 0 || qos > 2)) {
      throw new IllegalArgumentException("qos must be 0, 1 or 2, was " + qos);
    }
  }

  public static SubscribeRequest of(String topic, int qos) {
    return new SubscribeRequest(topic, qos, null, null, null);
  }
}

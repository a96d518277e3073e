package io.tenantmq.sdk.emqx;

/**
 * The filters of {@code GET /subscriptions}; null ones do not filter.
 *
 * @param topic       subscriptions to exactly this topic filter
 * @param matchTopic  subscriptions whose filter this filter matches, the subscribed filter's levels taken literally
 *                    ({@code a/#} keeps {@code a/b} and {@code a/+})
 * @param shareGroup  shared subscriptions of this group
 */
public record SubscriptionQuery(String clientId, Integer qos, String topic, String matchTopic, String shareGroup,
                                String node, Boolean durable) {

  public static final SubscriptionQuery ALL = new SubscriptionQuery(null, null, null, null, null, null, null);

  public SubscriptionQuery {
    if (qos != null && (qos < 0 || qos > 2)) {
      throw new IllegalArgumentException("qos must be 0, 1 or 2, was " + qos);
    }
  }

  public static SubscriptionQuery ofClient(String clientId) {
    return new SubscriptionQuery(clientId, null, null, null, null, null, null);
  }

  /** Subscriptions whose filter {@code filter} matches (EMQX's {@code match_topic}). */
  public static SubscriptionQuery matching(String filter) {
    return new SubscriptionQuery(null, null, null, filter, null, null, null);
  }

  QueryString appendTo(QueryString q) {
    return q.add("clientid", clientId).add("qos", qos).add("topic", topic).add("match_topic", matchTopic)
        .add("share_group", shareGroup).add("node", node).add("durable", durable);
  }
}

package io.tenantmq.sdk.emqx;

/**
 * The filters of {@code GET /subscriptions}; null ones do not filter.
 *
 * @param topic       subscriptions to exactly this topic filter
 * @param matchTopic  subscriptions whose filter matches this topic name or filter (wildcards allowed)
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

  public static SubscriptionQuery matching(String topic) {
    return new SubscriptionQuery(null, null, null, topic, null, null, null);
  }

  QueryString appendTo(QueryString q) {
    return q.add("clientid", clientId).add("qos", qos).add("topic", topic).add("match_topic", matchTopic)
        .add("share_group", shareGroup).add("node", node).add("durable", durable);
  }
}

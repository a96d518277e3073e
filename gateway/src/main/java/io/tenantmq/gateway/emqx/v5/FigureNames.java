package io.tenantmq.gateway.emqx.v5;

import java.util.List;

/**
 * The names of EMQX 5.8's {@code GET /stats} and {@code GET /metrics} figures (emqx_mgmt_api_stats {@code
 * aggregated_data}, emqx_metrics.hrl). Every one is in every answer, 0 where TenantMQ counts nothing of the kind, so a
 * dashboard built for EMQX finds each field it reads.
 */
final class FigureNames {

  /** The stats of {@code GET /stats}: a {@code .count} and a {@code .max} of each. */
  static final List<String> STATS = gauges("channels", "connections", "delayed", "live_connections",
      "cluster_sessions", "retained", "sessions", "suboptions", "subscribers", "subscriptions",
      "subscriptions.shared", "topics");

  /** The stat only the per-node form of {@code GET /stats} carries. */
  static final String DURABLE_SUBSCRIPTIONS = "durable_subscriptions.count";

  static final List<String> METRICS = List.of(
      "bytes.received", "bytes.sent",
      "packets.received", "packets.sent", "packets.connect.received", "packets.connack.sent",
      "packets.connack.error", "packets.connack.auth_error", "packets.publish.received", "packets.publish.sent",
      "packets.publish.inuse", "packets.publish.error", "packets.publish.auth_error", "packets.publish.dropped",
      "packets.puback.received", "packets.puback.sent", "packets.puback.inuse", "packets.puback.missed",
      "packets.pubrec.received", "packets.pubrec.sent", "packets.pubrec.inuse", "packets.pubrec.missed",
      "packets.pubrel.received", "packets.pubrel.sent", "packets.pubrel.missed", "packets.pubcomp.received",
      "packets.pubcomp.sent", "packets.pubcomp.inuse", "packets.pubcomp.missed", "packets.subscribe.received",
      "packets.subscribe.error", "packets.subscribe.auth_error", "packets.suback.sent",
      "packets.unsubscribe.received", "packets.unsubscribe.error", "packets.unsuback.sent",
      "packets.pingreq.received", "packets.pingresp.sent", "packets.disconnect.received", "packets.disconnect.sent",
      "packets.auth.received", "packets.auth.sent",
      "messages.received", "messages.sent", "messages.qos0.received", "messages.qos0.sent", "messages.qos1.received",
      "messages.qos1.sent", "messages.qos2.received", "messages.qos2.sent", "messages.publish", "messages.dropped",
      "messages.validation_failed", "messages.validation_succeeded", "messages.transformation_failed",
      "messages.transformation_succeeded", "messages.dropped.await_pubrel_timeout",
      "messages.dropped.no_subscribers", "messages.forward", "messages.delayed", "messages.delivered",
      "messages.acked", "messages.persisted",
      "delivery.dropped", "delivery.dropped.no_local", "delivery.dropped.too_large", "delivery.dropped.qos0_msg",
      "delivery.dropped.queue_full", "delivery.dropped.expired",
      "client.connect", "client.connack", "client.connected", "client.authenticate", "client.auth.anonymous",
      "client.authorize", "client.subscribe", "client.unsubscribe", "client.disconnected",
      "session.created", "session.resumed", "session.takenover", "session.discarded", "session.terminated",
      "authorization.allow", "authorization.deny", "authorization.cache_hit", "authorization.cache_miss",
      "authentication.success", "authentication.success.anonymous", "authentication.failure",
      "overload_protection.delay.ok", "overload_protection.delay.timeout", "overload_protection.hibernation",
      "overload_protection.gc", "overload_protection.new_conn");

  private FigureNames() {
  }

  private static List<String> gauges(String... names) {
    return java.util.Arrays.stream(names).flatMap(n -> java.util.stream.Stream.of(n + ".count", n + ".max")).toList();
  }
}

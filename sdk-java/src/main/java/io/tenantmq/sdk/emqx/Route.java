package io.tenantmq.sdk.emqx;

/**
 * A route of {@code GET /topics}: a topic filter someone subscribes to, and the node that routes it ({@code session}
 * is set instead for durable sessions).
 */
public record Route(String topic, String node, String session) {
}

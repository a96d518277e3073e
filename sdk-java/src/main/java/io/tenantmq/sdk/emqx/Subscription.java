package io.tenantmq.sdk.emqx;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A client's subscription, as {@code GET /clients/{clientid}/subscriptions}, {@code GET /subscriptions} and the
 * subscribe calls answer it. {@code nl}, {@code rap} and {@code rh} are MQTT 5's No Local, Retain As Published and
 * Retain Handling options.
 */
public record Subscription(String node, String topic, @JsonProperty("clientid") String clientId, Integer qos,
                           Integer nl, Integer rap, Integer rh, Boolean durable) {
}

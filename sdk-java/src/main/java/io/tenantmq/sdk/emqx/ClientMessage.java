package io.tenantmq.sdk.emqx;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A message waiting in a client's queue or in flight to it ({@code GET /clients/{clientid}/mqueue_messages} and
 * {@code /inflight_messages}).
 *
 * @param publishAt      when it was published, epoch milliseconds
 * @param payload        in the encoding the query asked for (base64 by default); null when it asked for none
 * @param insertedAt     the queue's own ordering stamp, as the server writes it
 * @param mqueuePriority the queue priority (a number or {@code "infinity"}); only for queued messages
 */
public record ClientMessage(String msgid, String topic, Integer qos, Long publishAt,
                            @JsonProperty("from_clientid") String fromClientId,
                            @JsonProperty("from_username") String fromUsername, String payload, String insertedAt,
                            String mqueuePriority) {
}

package io.tenantmq.sdk.emqx;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A client as {@code GET /clients} and {@code GET /clients/{clientid}} describe it. With a {@code fields} projection
 * only the requested fields are set; the others are null. Times are RFC 3339 with milliseconds and an offset;
 * {@code disconnectedAt} is set only while the client is disconnected. {@code subscriptionsMax} is a number or
 * {@code "infinity"}, hence text. Fields about Erlang processes ({@code mailboxLen}, {@code heapSize},
 * {@code reductions}) carry whatever the server reports (TenantMQ reports 0).
 */
public record Client(
    String node,
    @JsonProperty("clientid") String clientId,
    String username,
    String protoName,
    Integer protoVer,
    String ipAddress,
    Integer port,
    Boolean isBridge,
    Boolean connected,
    OffsetDateTime connectedAt,
    OffsetDateTime createdAt,
    OffsetDateTime disconnectedAt,
    Integer keepalive,
    Boolean cleanStart,
    Long expiryInterval,
    Integer subscriptionsCnt,
    String subscriptionsMax,
    Integer inflightCnt,
    Integer inflightMax,
    Integer mqueueLen,
    Integer mqueueMax,
    Long mqueueDropped,
    Integer awaitingRelCnt,
    Integer awaitingRelMax,
    Long recvOct,
    Long recvCnt,
    Long recvPkt,
    Long recvMsg,
    @JsonProperty("recv_msg.qos0") Long recvMsgQos0,
    @JsonProperty("recv_msg.qos1") Long recvMsgQos1,
    @JsonProperty("recv_msg.qos2") Long recvMsgQos2,
    @JsonProperty("recv_msg.dropped") Long recvMsgDropped,
    Long sendOct,
    Long sendCnt,
    Long sendPkt,
    Long sendMsg,
    @JsonProperty("send_msg.qos0") Long sendMsgQos0,
    @JsonProperty("send_msg.qos1") Long sendMsgQos1,
    @JsonProperty("send_msg.qos2") Long sendMsgQos2,
    @JsonProperty("send_msg.dropped") Long sendMsgDropped,
    @JsonProperty("send_msg.dropped.expired") Long sendMsgDroppedExpired,
    @JsonProperty("send_msg.dropped.queue_full") Long sendMsgDroppedQueueFull,
    @JsonProperty("send_msg.dropped.too_large") Long sendMsgDroppedTooLarge,
    Long mailboxLen,
    Long heapSize,
    Long reductions,
    String mountpoint,
    Boolean durable,
    Boolean isPersistent,
    Boolean isExpired,
    Integer nStreams,
    String listener,
    Boolean enableAuthn,
    Integer peerport,
    Map<String, String> clientAttrs) {
}

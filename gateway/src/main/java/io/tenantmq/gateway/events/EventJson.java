package io.tenantmq.gateway.events;

import io.tenantmq.control.event.ClientEvent;
import io.tenantmq.control.event.Delivery;
import io.tenantmq.control.event.PullResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The one writer of the event body ({@code clientId, time, eventType, channelId, clientIp, groupId, username, node,
 * reason, offset}), the same in every dialect's pull answer and in the SSE {@code data} line, and of the deliveries
 * around it, named as each dialect names fields.
 */
public final class EventJson {

  private EventJson() {
  }

  /** The event body; {@code groupId} and {@code username} are null when the client has none. */
  public static JsonObject body(ClientEvent event) {
    return new JsonObject()
        .put("clientId", event.clientId())
        .put("time", event.timeMillis())
        .put("eventType", event.type().tag())
        .put("channelId", event.channelId())
        .put("clientIp", event.clientIp())
        .put("groupId", event.groupId())
        .put("username", event.username())
        .put("node", event.node())
        .put("reason", event.reason())
        .put("offset", event.offset());
  }

  /** {@code {offset, tag, receipt_handle, delivery_count, body}} (or {@code Offset, Tag, ReceiptHandle, …}). */
  public static JsonObject delivery(Delivery delivery, FieldNames names) {
    ClientEvent event = delivery.event();
    return new JsonObject()
        .put(names.pick("offset", "Offset"), event.offset())
        .put(names.pick("tag", "Tag"), event.type().tag())
        .put(names.pick("receipt_handle", "ReceiptHandle"), delivery.receiptHandle())
        .put(names.pick("delivery_count", "DeliveryCount"), delivery.deliveryCount())
        .put(names.pick("body", "Body"), body(event));
  }

  /** The deliveries of a pull, oldest first, as a JSON array. */
  public static JsonArray deliveries(PullResult result, FieldNames names) {
    JsonArray array = new JsonArray();
    result.deliveries().forEach(d -> array.add(delivery(d, names)));
    return array;
  }

  /** One Server-Sent Event: {@code id: <offset>}, {@code event: <tag>}, {@code data: <body>} and a blank line. */
  public static String sse(ClientEvent event) {
    // the body's encoding has no line breaks: JSON escapes those inside strings
    return "id: " + event.offset() + "\nevent: " + event.type().tag() + "\ndata: " + body(event).encode() + "\n\n";
  }
}

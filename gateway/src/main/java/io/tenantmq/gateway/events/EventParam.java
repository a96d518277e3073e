package io.tenantmq.gateway.events;

/** Every parameter of a pull, an ack or an offsets query, with its name in each dialect. */
public enum EventParam {
  TOPIC("topic", "Topic"),
  CONSUMER_GROUP("consumer_group", "ConsumerGroup"),
  TAGS("tags", "Tags"),
  MAX("max", "MaxNumber"),
  WAIT_SECONDS("wait_seconds", "WaitSeconds"),
  MODE("mode", "Mode"),
  CONSUMER_ID("consumer_id", "ConsumerId"),
  FROM("from", "From"),
  INVISIBLE_SECONDS("invisible_seconds", "InvisibleSeconds"),
  RECEIPT_HANDLES("receipt_handles", "ReceiptHandles");

  private final String snake;
  private final String pascal;

  EventParam(String snake, String pascal) {
    this.snake = snake;
    this.pascal = pascal;
  }

  public String wireName(FieldNames names) {
    return names.pick(snake, pascal);
  }
}

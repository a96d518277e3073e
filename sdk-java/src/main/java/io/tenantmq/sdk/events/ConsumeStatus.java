package io.tenantmq.sdk.events;

/** What a {@link MessageListener} answers for a batch, as RocketMQ's {@code ConsumeConcurrentlyStatus}. */
public enum ConsumeStatus {
  /** The batch is done: its events are acknowledged and never delivered to this group again. */
  CONSUME_SUCCESS,
  /** The batch is not acknowledged: its events are delivered again once their invisible time is over. */
  RECONSUME_LATER
}

package io.tenantmq.control.command;

import java.io.Serializable;

/**
 * A message a session holds for its client: waiting in its queue, or sent and not yet acknowledged (in flight).
 *
 * @param packetId         the packet id it was sent with; 0 while it waits in the queue
 * @param insertedAtMillis when the session took it in
 */
public record QueuedMessage(String topic, byte[] payload, int qos, boolean retain, int packetId,
                            long insertedAtMillis) implements Serializable {
  public QueuedMessage {
    payload = payload == null ? new byte[0] : payload.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }
}

package io.tenantmq.bench.load;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Receives the publisher's messages, records end-to-end latency and releases the {@link FlowWindow}.
 * Owned by: its own event loop context. Only the measuring bounds are written from outside (volatile); the histogram and the
 * counters are read through {@link #snapshot()}, which runs on the owning context.
 */
final class Subscriber {
  private static final long HIGHEST_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final Context context;
  private final MqttClient client;
  private final FlowWindow window;
  private final Histogram latencies = new Histogram(HIGHEST_LATENCY_NANOS, 3);
  // latency is recorded for messages SENT inside [measureFrom, measureUntil), so queueing from the warm-up does not leak in
  private volatile long measureFromNanos = Long.MAX_VALUE;
  private volatile long measureUntilNanos = Long.MAX_VALUE;
  private final MqttQoS expectedQos;
  private long expectedSequence;
  private long outOfOrder;
  private long wrongQos;
  private volatile Throwable failure;

  /** What the subscriber saw, copied on its own context. */
  record Snapshot(Histogram latencies, long outOfOrder, long wrongQos) {
  }

  /** The subscription and the publisher both use {@code qos}, so every message must arrive at exactly that QoS. */
  Subscriber(Vertx vertx, String clientId, MqttQoS qos, FlowWindow window) {
    this.context = vertx.getOrCreateContext();
    this.expectedQos = qos;
    this.window = window;
    // QoS 1 PUBACKs go out automatically (autoAck defaults to true)
    this.client = MqttClient.create(vertx, new MqttClientOptions().setClientId(clientId).setCleanSession(true));
    client.publishHandler(this::onMessage);
    client.exceptionHandler(cause -> {
      if (failure == null) {
        failure = cause;
      }
    });
  }

  /** Connects and subscribes; the future completes on SUBACK, so no message published afterwards can be missed. */
  Future<Void> connectAndSubscribe(int port, String topic) {
    return Await.onContext(context, () -> {
      Promise<Void> subscribed = Promise.promise();
      client.subscribeCompletionHandler(ack -> {
        // a broker may grant less than asked [MQTT-3.9.3]; then this would not be the scenario we meant to measure
        if (!ack.grantedQoSLevels().equals(List.of(expectedQos.value()))) {
          subscribed.tryFail("broker granted " + ack.grantedQoSLevels() + " for " + topic + ", asked for QoS " + expectedQos.value());
        } else {
          subscribed.tryComplete();
        }
      });
      return client.connect(port, "127.0.0.1")
          .compose(connAck -> client.subscribe(topic, expectedQos.value()))
          .compose(packetId -> subscribed.future());
    });
  }

  void measureFrom(long nanos) {
    measureFromNanos = nanos;
  }

  void measureUntil(long nanos) {
    measureUntilNanos = nanos;
  }

  Future<Snapshot> snapshot() {
    return Await.onContext(context, () -> Future.succeededFuture(new Snapshot(latencies.copy(), outOfOrder, wrongQos)));
  }

  Future<Void> disconnect() {
    return Await.onContext(context, client::disconnect);
  }

  Throwable failure() {
    return failure;
  }

  private void onMessage(MqttPublishMessage message) {
    long receivedAt = System.nanoTime();
    Buffer payload = message.payload();
    long sentAt = Payload.sentAtNanos(payload);
    if (sentAt >= measureFromNanos && sentAt < measureUntilNanos) {
      latencies.recordValue(Math.min(receivedAt - sentAt, HIGHEST_LATENCY_NANOS));
    }
    if (message.qosLevel() != expectedQos) {
      wrongQos++;
    }
    long sequence = Payload.sequence(payload);
    if (sequence != expectedSequence) {
      outOfOrder++;
    }
    expectedSequence = sequence + 1;
    window.onReceived();
  }
}

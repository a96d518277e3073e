package io.tenantmq.bench.load;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;

/**
 * Publishes as fast as the {@link FlowWindow} and, at QoS 1, the in-flight limit allow.
 * Owned by: its own event loop context; every field except {@code failure} is touched only there.
 */
final class Publisher {
  private final Context context;
  private final MqttClient client;
  private final String topic;
  private final MqttQoS qos;
  private final int inflightLimit;
  private final FlowWindow window;
  // the client copies the payload inside publish(), so one buffer can be restamped for every message
  private final Buffer payload;
  private long unacked;
  private boolean stopped;
  private volatile Throwable failure;

  Publisher(Vertx vertx, String clientId, String topic, MqttQoS qos, ScenarioOptions options) {
    this.context = vertx.getOrCreateContext();
    this.topic = topic;
    this.qos = qos;
    this.inflightLimit = options.inflightMessages();
    this.payload = Payload.allocate(options.payloadBytes());
    this.window = new FlowWindow(options.windowMessages(), () -> context.runOnContext(v -> pump()));
    this.client = MqttClient.create(vertx, new MqttClientOptions()
        .setClientId(clientId)
        .setCleanSession(true)
        .setMaxInflightQueue(inflightLimit));
    client.publishCompletionHandler(packetId -> {
      unacked--;
      pump();
    });
    client.exceptionHandler(this::fail);
  }

  FlowWindow window() {
    return window;
  }

  Future<Void> connect(int port) {
    return Await.onContext(context, () -> client.connect(port, "127.0.0.1").mapEmpty());
  }

  void start() {
    context.runOnContext(v -> pump());
  }

  /** Stops publishing; the future carries the number of messages sent. */
  Future<Long> stop() {
    return Await.onContext(context, () -> {
      stopped = true;
      return Future.succeededFuture(window.sent());
    });
  }

  Future<Void> disconnect() {
    return Await.onContext(context, client::disconnect);
  }

  Throwable failure() {
    return failure;
  }

  private void pump() {
    while (!stopped) {
      if (qos == MqttQoS.AT_LEAST_ONCE && unacked >= inflightLimit) {
        return; // the next PUBACK pumps again
      }
      if (!window.hasRoom() && !window.parkOrResume()) {
        return; // the subscriber wakes us once the window drains
      }
      send();
    }
  }

  private void send() {
    Payload.stamp(payload, System.nanoTime(), window.sent());
    if (qos == MqttQoS.AT_LEAST_ONCE) {
      unacked++;
    }
    window.onSent();
    client.publish(topic, payload, qos, false, false).onFailure(this::fail);
  }

  private void fail(Throwable cause) {
    if (failure == null) {
      failure = cause;
    }
  }
}

package io.tenantmq.bench.load;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A few real MQTT 3.1.1 clients kept connected during the DescribeMQTTClient scenario: each subscribes to its own
 * topic (QoS 1) and publishes to it every {@link #PUBLISH_PERIOD}, so the broker updates their records' counters while
 * the registry is read. The publishes are QoS 0: on a loaded machine, PUBACKs late by seconds would otherwise hit the
 * Vert.x client's in-flight limit.
 */
final class LiveClients {
  static final Duration PUBLISH_PERIOD = Duration.ofMillis(200);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Vertx vertx;
  private final List<MqttClient> clients = new ArrayList<>();
  private final List<Long> timers = new CopyOnWriteArrayList<>();

  LiveClients(Vertx vertx) {
    this.vertx = vertx;
  }

  static String clientId(int i) {
    return "live-" + i;
  }

  static String topic(int i) {
    return "bench/live/" + i;
  }

  /** Connects {@code count} clients to {@code port} (the demo instance, anonymous from loopback) and starts them. */
  void start(int port, int count) {
    for (int i = 0; i < count; i++) {
      MqttClient client = MqttClient.create(vertx, new MqttClientOptions().setClientId(clientId(i)).setCleanSession(true));
      clients.add(client);
      String topic = topic(i);
      // the client, its timer and its callbacks all run on one event loop
      Context context = vertx.getOrCreateContext();
      Await.result(Await.onContext(context, () -> client.connect(port, "127.0.0.1")
              .compose(ack -> client.subscribe(topic, MqttQoS.AT_LEAST_ONCE.value()))
              .map(packetId -> timers.add(vertx.setPeriodic(PUBLISH_PERIOD.toMillis(),
                  t -> client.publish(topic, Buffer.buffer("tick"), MqttQoS.AT_MOST_ONCE, false, false))))),
          TIMEOUT, "live client " + i + " connecting and subscribing");
    }
  }

  void stop() {
    timers.forEach(vertx::cancelTimer);
    for (MqttClient client : clients) {
      if (client.isConnected()) {
        try {
          Await.result(client.disconnect(), TIMEOUT, "live client disconnecting");
        } catch (BenchException e) {
          // the product stops next either way
        }
      }
    }
  }
}

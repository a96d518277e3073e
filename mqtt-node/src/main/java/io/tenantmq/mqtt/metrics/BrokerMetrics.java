package io.tenantmq.mqtt.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tenantmq.mqtt.codes.ConnectRefusal;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** The broker's own meters, tagged by node (and a refusal by its reason). Thread-safe: Micrometer counters are. */
public final class BrokerMetrics {

  private final Counter messagesReceived;
  private final Counter messagesDelivered;
  private final Counter messagesDropped;
  private final Counter connectionsAccepted;
  private final Map<ConnectRefusal, Counter> connectionsRefused = new EnumMap<>(ConnectRefusal.class);
  private final Counter protocolErrors;
  private final Counter permissionDenials;
  private final AtomicLong connected = new AtomicLong();
  private final Counter messagesTooLarge;
  private final MeterRegistry registry;
  private final String node;
  private final Map<String, Counter> clientReasonCodes = new ConcurrentHashMap<>();

  public BrokerMetrics(MeterRegistry registry, String node) {
    this.messagesReceived = Counter.builder("tenantmq.messages.received").description("PUBLISH packets received from clients")
        .tag("node", node).register(registry);
    this.messagesDelivered = Counter.builder("tenantmq.messages.delivered").description("PUBLISH packets sent to clients")
        .tag("node", node).register(registry);
    this.messagesDropped = Counter.builder("tenantmq.messages.dropped")
        .description("messages not delivered: queue full or QoS 0 to an offline session").tag("node", node).register(registry);
    this.connectionsAccepted = Counter.builder("tenantmq.connections.accepted").tag("node", node).register(registry);
    for (ConnectRefusal reason : ConnectRefusal.values()) {
      connectionsRefused.put(reason, Counter.builder("tenantmq.connections.refused").tag("node", node)
          .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry));
    }
    this.protocolErrors = Counter.builder("tenantmq.connections.protocol.errors")
        .description("connections closed for a malformed or forbidden packet").tag("node", node).register(registry);
    this.permissionDenials = Counter.builder("tenantmq.packets.denied")
        .description("PUBLISH and SUBSCRIBE filters refused for lack of PermWrite / PermRead").tag("node", node)
        .register(registry);
    this.messagesTooLarge = Counter.builder("tenantmq.messages.dropped.too.large")
        .description("PUBLISH packets discarded as larger than the client's Maximum Packet Size").tag("node", node)
        .register(registry);
    this.registry = registry;
    this.node = node;
    Gauge.builder("tenantmq.connections.active", connected, AtomicLong::get).tag("node", node).register(registry);
  }

  public void messageReceived() {
    messagesReceived.increment();
  }

  public void messageDelivered() {
    messagesDelivered.increment();
  }

  public void messageDropped() {
    messagesDropped.increment();
  }

  public void connectionAccepted() {
    connectionsAccepted.increment();
    connected.incrementAndGet();
  }

  public void connectionClosed() {
    connected.decrementAndGet();
  }

  public void connectionRefused(ConnectRefusal reason) {
    connectionsRefused.get(reason).increment();
  }

  public void protocolError() {
    protocolErrors.increment();
  }

  public void permissionDenied() {
    permissionDenials.increment();
  }

  public void messageTooLarge() {
    messagesTooLarge.increment();
  }

  /** A reason code a client sent on {@code packet} (puback, pubrec, disconnect): a bounded pair of tags. */
  public void clientReasonCode(String packet, int code) {
    String hex = String.format("0x%02x", code & 0xFF);
    clientReasonCodes.computeIfAbsent(packet + hex, k -> Counter.builder("tenantmq.client.reason.codes")
        .description("failure reason codes clients sent, and DISCONNECTs other than 0x00").tag("node", node)
        .tag("packet", packet).tag("code", hex).register(registry)).increment();
  }

  /** A gauge of something the caller owns, e.g. the number of sessions. */
  public static void gauge(MeterRegistry registry, String name, String node, Supplier<Number> value) {
    Gauge.builder(name, value).tag("node", node).register(registry);
  }
}

package io.tenantmq.mqtt.session;

import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.mqtt.MqttTopicSubscription;
import io.tenantmq.control.command.QueuedMessage;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.PacketCounter;
import io.tenantmq.control.registry.TrafficCounters;
import io.tenantmq.mqtt.event.ChannelEvents;
import io.tenantmq.mqtt.event.CloseReason;
import io.tenantmq.mqtt.metrics.InstanceMetrics;
import io.tenantmq.mqtt.qos.Inflight;
import io.tenantmq.mqtt.qos.Outbound;
import io.tenantmq.mqtt.qos.OutboundQueue;
import io.tenantmq.mqtt.quota.ClientQuota;
import io.tenantmq.mqtt.route.Message;
import io.tenantmq.mqtt.route.MessageProperties;
import io.tenantmq.mqtt.subscription.Subscriber;
import io.tenantmq.mqtt.subscription.Subscription;
import io.tenantmq.mqtt.subscription.SubscriptionOptions;
import io.tenantmq.mqtt.subscription.TopicFilter;
import io.tenantmq.mqtt.subscription.TopicName;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttWill;
import io.vertx.mqtt.messages.MqttDisconnectMessage;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.MqttSubscribeMessage;
import io.vertx.mqtt.messages.MqttUnsubscribeMessage;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubAckReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubRecReasonCode;
import io.vertx.mqtt.messages.codes.MqttSubAckReasonCode;
import io.vertx.mqtt.messages.codes.MqttUnsubAckReasonCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session of one client on this node: its subscriptions, its outbound QoS 1/2 flow and inbound QoS 2 state, and
 * the connection currently attached (none while a persistent session waits offline).
 *
 * <p>Owned by: {@link #context()}, the event loop of the connection that created it. Every method except
 * {@link #deliver} must run there; {@code deliver} moves itself there.
 */
public final class Session implements Subscriber {

  private static final Logger LOG = LoggerFactory.getLogger(Session.class);
  private static final String NOT_AUTHORIZED_TO_PUBLISH = "not authorized to publish to this topic";

  private final ClientKey key;
  private final Context context;
  private final SessionServices services;
  private final OutboundQueue outbound;
  private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
  private final Set<Integer> qos2Received = new HashSet<>();
  private final InstanceMetrics instanceMetrics;
  private final ConnectionCounters counters;
  private final ConnectionInfo connection;
  private final SessionCheckpoint checkpoint;
  private final PacketLimits limits;
  private final TopicAliases aliases;
  private final ClientQuota quota;
  private long createdAtMillis;
  private long sessionExpirySeconds;
  private MqttEndpoint endpoint;
  private MqttWill will;
  /** The cluster's copy of {@link #will} (for a survivor should this node crash) is being written or is written. */
  private Future<Void> willStored;
  /** The live connection's events; null for a session adopted without connection. */
  private ChannelEvents events;
  /** {@link #events} are open and the CONNACK waits for their connect to be stored; no connection is attached yet. */
  private boolean announced;
  /** Why the server is closing the live connection (null: it was not the server). */
  private CloseReason closeReason;
  private boolean normalDisconnect;
  private boolean sentDisconnect;
  /** Set when another connection took the client over; deliveries go there, and this connection's close is not ours. */
  private Session successor;
  private boolean handedOver;
  private boolean terminated;
  private long expiryTimer = -1;
  private long flushTimer = -1;
  /** A will waiting for its Will Delay Interval [MQTT-3.1.3-9]; -1: none. */
  private long willTimer = -1;

  Session(ClientKey key, Context context, SessionServices services, ConnectionInfo connection, long sessionExpirySeconds,
          int windowSize) {
    this(key, context, services, connection, sessionExpirySeconds, windowSize, PacketLimits.NONE, TopicAliases.none());
  }

  Session(ClientKey key, Context context, SessionServices services, ConnectionInfo connection, long sessionExpirySeconds,
          int windowSize, PacketLimits limits, TopicAliases aliases) {
    this.limits = limits;
    this.aliases = aliases;
    this.key = key;
    this.context = context;
    this.services = services;
    this.connection = connection;
    this.sessionExpirySeconds = sessionExpirySeconds;
    this.createdAtMillis = connection.connectedAtMillis();
    this.instanceMetrics = services.instanceMetrics().of(key.instanceId());
    this.counters = new ConnectionCounters(instanceMetrics);
    this.quota = services.quotas().client(key.instanceId());
    this.outbound = new OutboundQueue(windowSize, quota.maxQueuedMessages());
    this.checkpoint = new SessionCheckpoint(this, services, sessionExpirySeconds > 0);
  }

  @Override
  public ClientKey key() {
    return key;
  }

  public Context context() {
    return context;
  }

  public ConnectionInfo connection() {
    return connection;
  }

  public long createdAtMillis() {
    return createdAtMillis;
  }

  public boolean connected() {
    return endpoint != null;
  }

  long sessionExpirySeconds() {
    return sessionExpirySeconds;
  }

  SessionCheckpoint checkpoint() {
    return checkpoint;
  }

  public Map<String, Integer> subscriptionQos() {
    Map<String, Integer> result = new LinkedHashMap<>();
    subscriptions.forEach((filter, s) -> result.put(filter, s.qos()));
    return result;
  }

  // ---- delivery to the client -------------------------------------------------------------------------------------

  @Override
  public void deliver(Message message, int qos, boolean retainFlag, int[] subscriptionIds) {
    if (Vertx.currentContext() == context) {
      deliverHere(message, qos, retainFlag, subscriptionIds);
    } else {
      context.runOnContext(v -> deliverHere(message, qos, retainFlag, subscriptionIds));
    }
  }

  private void deliverHere(Message message, int qos, boolean retainFlag, int[] subscriptionIds) {
    if (successor != null) {
      successor.deliver(message, qos, retainFlag, subscriptionIds);
      return;
    }
    if (terminated) {
      return;
    }
    if (message.expiresAtMillis() != 0 && message.expired(System.currentTimeMillis())) {
      return; // [MQTT-3.3.2-5] its interval passed before onward delivery started (a retained or routed message)
    }
    instanceMetrics.delivered();
    if (qos == 0) {
      if (endpoint != null) {
        write(message, 0, retainFlag, 0, false, subscriptionIds);
      } else {
        dropped();
      }
      return;
    }
    Outbound o = new Outbound(message, qos, retainFlag, System.currentTimeMillis(), subscriptionIds);
    if (endpoint != null && outbound.windowHasRoom() && !outbound.hasPending()) {
      Inflight sent = outbound.send(o);
      write(message, qos, retainFlag, sent.packetId(), false, subscriptionIds);
    } else if (!outbound.enqueue(o)) {
      dropped();
      quota.queueFull();
    } else if (endpoint == null) {
      checkpoint.changed(); // queued for an offline client: worth keeping
    }
  }

  private void dropped() {
    counters.dropped();
    services.metrics().messageDropped();
  }

  private void write(Message m, int qos, boolean retainFlag, int packetId, boolean dup, int[] subscriptionIds) {
    MqttEndpoint ep = endpoint;
    if (ep == null || !ep.isConnected()) {
      return;
    }
    // the clock is read only for a message that expires: a delivery without expiry or identifiers allocates nothing
    MqttProperties props = connection.mqtt5() ? MessageProperties.forDelivery(m, subscriptionIds,
        m.expiresAtMillis() == 0 ? 0 : System.currentTimeMillis()) : MqttProperties.NO_PROPERTIES;
    if (!limits.fitsPublish(m.topic(), m.payload().length(), qos, props, aliases.outboundEnabled())) {
      discardTooLarge(qos, packetId);
      return;
    }
    int alias = aliases.outbound(m.topic());
    props = alias == 0 ? props : TopicAliases.withAlias(props, alias);
    ep.publish(alias < 0 ? "" : m.topic(), m.payload(), MqttQoS.valueOf(qos), dup, retainFlag, packetId, props);
    counters.sent(PacketCounter.publish(qos),
        ConnectionCounters.publishSize(m.topic(), qos, m.payload().length(), connection.mqtt5()));
    services.metrics().messageDelivered();
  }

  /**
   * [MQTT-3.1.2-25] a PUBLISH larger than the client's Maximum Packet Size is discarded as if it had been sent: a QoS
   * 1/2 one leaves the window at once (no acknowledgement will come for it).
   */
  private void discardTooLarge(int qos, int packetId) {
    if (qos > 0) {
      outbound.complete(packetId);
    }
    counters.dropped();
    services.metrics().messageTooLarge();
  }

  /** Sends queued messages while the window has room. */
  private void drain() {
    while (endpoint != null && outbound.windowHasRoom() && outbound.hasPending()) {
      Outbound o = outbound.pollUnexpired(System.currentTimeMillis()); // [MQTT-3.3.2-5] expired while queued: deleted
      if (o == null) {
        return;
      }
      Inflight sent = outbound.send(o);
      write(o.message(), o.qos(), o.retainFlag(), sent.packetId(), false, o.subscriptionIds());
    }
  }

  void onPuback(int packetId) {
    counters.received(PacketCounter.PUBACK, 4);
    Inflight entry = outbound.get(packetId);
    if (entry != null && entry.outbound().qos() == 1) {
      outbound.complete(packetId);
      drain();
    }
  }

  /** PUBACK with its reason code: a failure (0x80 and up) ends the flow as success does; it is logged and counted. */
  void onPuback(int packetId, int reasonCode) {
    clientReason("puback", reasonCode);
    onPuback(packetId);
  }

  /** PUBREC with its reason code: a failure (0x80 and up) ends the QoS 2 flow without PUBREL [MQTT-4.3.3]. */
  void onPubrec(int packetId, int reasonCode) {
    if (reasonCode < 0x80) {
      onPubrec(packetId);
      return;
    }
    counters.received(PacketCounter.PUBREC, 5);
    clientReason("pubrec", reasonCode);
    Inflight entry = outbound.get(packetId);
    if (entry != null && !entry.released()) {
      outbound.complete(packetId);
      drain();
    }
  }

  /** A failure code the client sent: debug log and a count by packet and code (both bounded). */
  private void clientReason(String packet, int reasonCode) {
    if (reasonCode >= 0x80) {
      LOG.debug("{} ({}) sent {} 0x{}", key, connection.address(), packet, Integer.toHexString(reasonCode));
      services.metrics().clientReasonCode(packet, reasonCode);
    }
  }

  void onPubrec(int packetId) {
    counters.received(PacketCounter.PUBREC, 4);
    Inflight released = outbound.release(packetId);
    if (endpoint != null) {
      if (released == null && connection.mqtt5()) {
        packetIdNotFound(MqttMessageType.PUBREL, packetId); // [MQTT-3.6.2.1] no QoS 2 delivery has this id
      } else {
        endpoint.publishRelease(packetId);
      }
      counters.sent(PacketCounter.PUBREL, 4);
    }
  }

  void onPubcomp(int packetId) {
    counters.received(PacketCounter.PUBCOMP, 4);
    Inflight entry = outbound.get(packetId);
    if (entry != null && entry.released()) {
      outbound.complete(packetId);
      drain();
    }
  }

  // ---- from the client ---------------------------------------------------------------------------------------------

  void onPublish(MqttPublishMessage m) {
    int qos = m.qosLevel().value();
    int size = ConnectionCounters.publishSize(m.topicName(), qos, m.payload().length(), connection.mqtt5());
    counters.received(PacketCounter.publish(qos), size);
    services.metrics().messageReceived();
    switch (quota.onPublish(size, connection.mqtt5())) {
      case PACKET_TOO_LARGE -> {
        closeForProtocolError(MqttDisconnectReasonCode.PACKET_TOO_LARGE, "over the instance's maximum packet size");
        return;
      }
      case RATE_TOO_HIGH -> {
        closeForProtocolError(MqttDisconnectReasonCode.MESSAGE_RATE_TOO_HIGH, "over the client's message rate");
        return;
      }
      case THROTTLE -> ReadPause.pause(endpoint, quota.pauseMillis(), services.vertx());
      default -> {
      }
    }
    String topic = aliases.resolve(m.topicName(), m.properties(), connection.mqtt5());
    if (topic == null) {
      closeForProtocolError(aliases.problem().code(), aliases.problem().reason());
      return;
    }
    if (limits.receiveMaximumExceeded(qos, m.messageId(), qos2Received)) {
      closeForProtocolError(MqttDisconnectReasonCode.RECEIVE_MAXIMUM_EXCEEDED, "more unacknowledged QoS 1/2 PUBLISHes than the receive maximum");
      return;
    }
    String invalid = TopicName.invalidReason(topic);
    if (invalid != null) {
      closeForProtocolError(MqttDisconnectReasonCode.TOPIC_NAME_INVALID, invalid);
      return;
    }
    if (!connection.permissions().mayPublish(topic)) {
      denyPublish(m, qos);
      return;
    }
    Message message = Message.published(key.instanceId(), topic, m.payload(), qos, m.isRetain(), m.properties(),
        key.clientId(), System.currentTimeMillis());
    switch (qos) {
      case 0 -> route(message);
      case 1 -> {
        int routed = route(message);
        if (connection.mqtt5() && routed == 0) {
          endpoint.publishAcknowledge(m.messageId(), MqttPubAckReasonCode.NO_MATCHING_SUBSCRIBERS, MqttProperties.NO_PROPERTIES);
        } else {
          endpoint.publishAcknowledge(m.messageId());
        }
        counters.sent(PacketCounter.PUBACK, 4);
      }
      default -> {
        // [MQTT-4.3.3] route once; a resent PUBLISH with the same packet id before PUBREL is only acknowledged again
        if (qos2Received.add(m.messageId())) {
          route(message);
        }
        endpoint.publishReceived(m.messageId());
        counters.sent(PacketCounter.PUBREC, 4);
      }
    }
  }

  /**
   * Drops a PUBLISH the user may not send. MQTT 5 says why: PUBACK or PUBREC 0x87, which ends a QoS 2 flow
   * [MQTT-4.3.3] (DISCONNECT 0x87 should the PUBREC work-around be unavailable). MQTT 3.1.1 has no code for it, so the client gets the normal acknowledgement [MQTT-3.3.5-2] and a
   * QoS 2 flow runs to PUBCOMP, so that it is never left waiting.
   */
  private void denyPublish(MqttPublishMessage m, int qos) {
    services.metrics().permissionDenied();
    boolean mqtt5 = connection.mqtt5();
    if (qos == 1) {
      if (mqtt5) {
        endpoint.publishAcknowledge(m.messageId(), MqttPubAckReasonCode.NOT_AUTHORIZED, limits.ackReason(NOT_AUTHORIZED_TO_PUBLISH, 3));
      } else {
        endpoint.publishAcknowledge(m.messageId());
      }
      counters.sent(PacketCounter.PUBACK, 4);
    } else if (qos == 2) {
      if (!mqtt5) {
        endpoint.publishReceived(m.messageId());
      } else if (!PubRecWithReason.send(endpoint, m.messageId(), MqttPubRecReasonCode.NOT_AUTHORIZED,
          limits.ackReason(NOT_AUTHORIZED_TO_PUBLISH, 3))) {
        closeForProtocolError(MqttDisconnectReasonCode.NOT_AUTHORIZED, "QoS 2 PUBLISH not authorized");
        return;
      }
      counters.sent(PacketCounter.PUBREC, 4);
    }
  }

  void onPubrel(int packetId) {
    counters.received(PacketCounter.PUBREL, 4);
    if (!qos2Received.remove(packetId) && connection.mqtt5()) {
      packetIdNotFound(MqttMessageType.PUBCOMP, packetId); // [MQTT-3.7.2.1] no QoS 2 flow of the client has this id
    } else {
      endpoint.publishComplete(packetId);
    }
    counters.sent(PacketCounter.PUBCOMP, 4);
  }

  /** PUBREL or PUBCOMP 0x92 Packet Identifier not found (vertx-mqtt cannot send the code itself). */
  private void packetIdNotFound(MqttMessageType type, int packetId) {
    PubRecWithReason.sendReply(endpoint, type, packetId, (byte) 0x92, limits.ackReason("packet identifier not found", 3));
  }

  private int route(Message message) {
    int routed = services.publish(message);
    if (routed == 0) {
      instanceMetrics.noSubscribers();
    }
    return routed;
  }

  void onSubscribe(MqttSubscribeMessage m) {
    int identifier = connection.mqtt5() ? SubscribeOptions.identifier(m) : 0;
    String error = connection.mqtt5() ? SubscribeOptions.protocolError(m, identifier) : null;
    if (error != null) {
      closeForProtocolError(MqttDisconnectReasonCode.PROTOCOL_ERROR, error);
      return;
    }
    int bytes = 5;
    List<MqttSubAckReasonCode> codes = new ArrayList<>(m.topicSubscriptions().size());
    List<Future<?>> routeWrites = new ArrayList<>();
    List<Subscription> wantRetained = new ArrayList<>();
    for (MqttTopicSubscription ts : m.topicSubscriptions()) {
      bytes += 3 + ConnectionCounters.utf8Length(ts.topicName());
      TopicFilter filter;
      try {
        filter = TopicFilter.parse(ts.topicName());
      } catch (IllegalArgumentException e) {
        codes.add(connection.mqtt5() ? MqttSubAckReasonCode.TOPIC_FILTER_INVALID : MqttSubAckReasonCode.UNSPECIFIED_ERROR);
        continue;
      }
      if (!connection.permissions().maySubscribe(filter)) {
        // MQTT 3.1.1 has one failure code, 0x80
        codes.add(connection.mqtt5() ? MqttSubAckReasonCode.NOT_AUTHORIZED : MqttSubAckReasonCode.UNSPECIFIED_ERROR);
        services.metrics().permissionDenied();
        continue;
      }
      if (!subscriptions.containsKey(filter.text()) && !quota.maySubscribe(subscriptions.size())) {
        codes.add(connection.mqtt5() ? MqttSubAckReasonCode.QUOTA_EXCEEDED : MqttSubAckReasonCode.UNSPECIFIED_ERROR);
        continue;
      }
      SubscriptionOptions options = connection.mqtt5() ? SubscribeOptions.of(ts, identifier) : SubscriptionOptions.DEFAULT;
      int qos = Math.min(ts.qualityOfService().value(), 2);
      Subscription subscription = new Subscription(filter, qos, this, options);
      Subscription previous = subscriptions.put(filter.text(), subscription);
      routeWrites.add(Future.fromCompletionStage(services.subscriptions().add(key.instanceId(), subscription), context));
      codes.add(MqttSubAckReasonCode.qosGranted(MqttQoS.valueOf(qos)));
      int retainHandling = options.retainHandling();
      // shared subscriptions get no retained messages [MQTT-4.8.2-6 note]; retain handling 1: only if new, 2: never
      if (!filter.shared() && (retainHandling == 0 || (retainHandling == 1 && previous == null))) {
        wantRetained.add(subscription);
      }
    }
    counters.received(PacketCounter.SUBSCRIBE, bytes);
    routeWrites.add(checkpoint.flush()); // SUBACK once the subscriptions are stored
    Future.join(routeWrites).onComplete(done -> {
      if (endpoint == null) {
        return;
      }
      // counted first: a client that has its SUBACK may already ask for the figures
      counters.sent(PacketCounter.SUBACK, 4 + codes.size());
      endpoint.subscribeAcknowledge(m.messageId(), codes, limits.ackReason(ReasonStrings.suback(codes), 2 + codes.size()));
      wantRetained.forEach(this::sendRetained);
    });
    publishSubscriptions();
  }

  private void sendRetained(Subscription s) {
    services.retained().match(key.instanceId(), s.filter()).onSuccess(messages -> {
      for (Message r : messages) {
        // [MQTT-3.3.1-9] RETAIN 1 whatever Retain As Published says: sent because of the new subscription
        deliverHere(r, Math.min(r.qos(), s.qos()), true, s.identifiers());
      }
    });
  }

  void onUnsubscribe(MqttUnsubscribeMessage m) {
    int bytes = 4;
    List<MqttUnsubAckReasonCode> codes = new ArrayList<>();
    for (String topic : m.topics()) {
      bytes += 2 + ConnectionCounters.utf8Length(topic);
      codes.add(removeSubscription(topic) ? MqttUnsubAckReasonCode.SUCCESS : MqttUnsubAckReasonCode.NO_SUBSCRIPTION_EXISTED);
    }
    counters.received(PacketCounter.UNSUBSCRIBE, bytes);
    if (connection.mqtt5()) {
      endpoint.unsubscribeAcknowledge(m.messageId(), codes, MqttProperties.NO_PROPERTIES);
    } else {
      endpoint.unsubscribeAcknowledge(m.messageId());
    }
    counters.sent(PacketCounter.UNSUBACK, 4);
    publishSubscriptions();
    checkpoint.flush();
  }

  private boolean removeSubscription(String topicFilter) {
    Subscription s = subscriptions.remove(topicFilter);
    if (s == null) {
      return false;
    }
    services.subscriptions().remove(key.instanceId(), s);
    return true;
  }

  void onPing() {
    counters.received(PacketCounter.PINGREQ, 2);
    counters.sent(PacketCounter.PINGRESP, 2);
  }

  void onDisconnect(MqttDisconnectMessage m) {
    counters.received(PacketCounter.DISCONNECT, 2);
    long requestedExpiry = requestedExpiry(m);
    if (requestedExpiry > 0 && sessionExpirySeconds == 0) {
      // [MQTT-3.14.2-2] a session that ends with its connection cannot be made to outlive it now; the will is sent
      closeForProtocolError(MqttDisconnectReasonCode.PROTOCOL_ERROR, "session expiry interval set on DISCONNECT, was 0");
      return;
    }
    sentDisconnect = true;
    if (events != null) {
      events.disconnected();
    }
    // [MQTT-3.14.4-3] only DISCONNECT 0x00 discards the will: 0x04 asks for it, and so does an error code [MQTT-3.1.2-10]
    normalDisconnect = m == null || m.code() == MqttDisconnectReasonCode.NORMAL;
    if (m != null && m.code() != MqttDisconnectReasonCode.NORMAL) {
      LOG.debug("{} ({}) disconnected with 0x{}", key, connection.address(), Integer.toHexString(m.code().value() & 0xFF));
      services.metrics().clientReasonCode("disconnect", m.code().value());
    }
    if (requestedExpiry >= 0 && sessionExpirySeconds > 0) {
      sessionExpirySeconds = Math.min(requestedExpiry, services.options().getMaxSessionExpirySeconds());
    }
  }

  /** The Session Expiry Interval an MQTT 5 DISCONNECT sets [MQTT-3.14.2.2.2]; -1 when it sets none. */
  private long requestedExpiry(MqttDisconnectMessage m) {
    if (!connection.mqtt5() || m == null || m.properties() == null) {
      return -1;
    }
    MqttProperties.MqttProperty<?> expiry =
        m.properties().getProperty(MqttProperties.MqttPropertyType.SESSION_EXPIRY_INTERVAL.value());
    return expiry == null ? -1 : Integer.toUnsignedLong((Integer) expiry.value());
  }

  /** A packet broke the rules: tell an MQTT 5 client why, then close this one connection. */
  void closeForProtocolError(MqttDisconnectReasonCode reason, String why) {
    services.metrics().protocolError();
    LOG.debug("closing {} ({}): {}", key, connection.address(), why);
    MqttEndpoint ep = endpoint;
    if (ep == null) {
      return;
    }
    closeReason = CloseReason.PROTOCOL_ERROR;
    close(ep, reason, why);
  }

  /**
   * The client sent AUTH, but no authentication method is configured (and it sent none in CONNECT, which would have
   * been refused with CONNACK 0x8C): DISCONNECT 0x8C Bad authentication method, then close [MQTT-4.12].
   */
  void onAuth() {
    services.metrics().protocolError();
    MqttEndpoint ep = endpoint;
    if (ep == null || !ep.isConnected()) {
      return;
    }
    LOG.debug("closing {} ({}): AUTH without an authentication method", key, connection.address());
    closeReason = CloseReason.PROTOCOL_ERROR;
    if (connection.mqtt5()) {
      DisconnectWithCode.send(ep, DisconnectWithCode.BAD_AUTHENTICATION_METHOD,
          limits.disconnectReason("no authentication method is configured"));
    }
    ep.close();
  }

  /**
   * The one way a session closes its connection: an MQTT 5 client first gets DISCONNECT with {@code reason}. Vert.x's
   * {@code disconnect} closes the endpoint itself, and closing a closed endpoint throws, so each is called at most once.
   */
  private void close(MqttEndpoint ep, MqttDisconnectReasonCode reason) {
    close(ep, reason, null);
  }

  /** As {@link #close(MqttEndpoint, MqttDisconnectReasonCode)}, telling an MQTT 5 client {@code why} as Reason String. */
  private void close(MqttEndpoint ep, MqttDisconnectReasonCode reason, String why) {
    if (!ep.isConnected()) {
      return; // an accepted endpoint is only "not connected" once it is closed
    }
    if (connection.mqtt5()) {
      ep.disconnect(reason, limits.disconnectReason(why));
    } else {
      ep.close();
    }
  }

  /**
   * The decoder rejected a packet of this connection; Vert.x closes it right after. An MQTT 5 client first learns
   * why [MQTT-4.13.1]: 0x95 for a packet over the maximum size, 0x81 for anything else malformed.
   */
  void onDecoderFailure(Throwable cause) {
    MqttDisconnectReasonCode reason = cause instanceof TooLongFrameException
        ? MqttDisconnectReasonCode.PACKET_TOO_LARGE
        : MqttDisconnectReasonCode.MALFORMED_PACKET;
    closeForProtocolError(reason, String.valueOf(cause.getMessage()));
  }

  private void publishSubscriptions() {
    services.registry().updateSubscriptions(key, connection.channelId(), subscriptionQos());
  }

  // ---- life cycle ----------------------------------------------------------------------------------------------------

  /** Counts the CONNECT and CONNACK of the connection being attached. */
  void connectCounted(MqttEndpoint ep) {
    counters.received(PacketCounter.CONNECT, 12 + ConnectionCounters.utf8Length(key.clientId()));
    counters.sent(PacketCounter.CONNACK, 4);
  }

  /**
   * The new connection's events are open and its connect is being stored, and so is the cluster's copy of its will (for
   * a survivor, should this node crash); the CONNACK waits for both, so that a client told it is connected has its
   * connect in the stream and its will published even if this node dies right after. A takeover meanwhile ends the
   * channel as it would a connected one (its tcpclean), so that the successor's events follow it. Never fails.
   */
  Future<Void> announce(ChannelEvents events, MqttWill will) {
    this.events = events;
    this.announced = true;
    this.will = will != null && will.isWillFlag() && mayPublishWill(will) ? will : null;
    Future<Void> connect = Future.fromCompletionStage(events.connected(), context);
    if (this.will == null) {
      return connect;
    }
    willStored = services.wills().put(key, StoredWill.of(connection.channelId(), this.will, willDelaySeconds()), context);
    return Future.join(connect, willStored).<Void>mapEmpty().otherwiseEmpty();
  }

  /** Another connection took the client over (possibly before this one was accepted). */
  boolean handedOver() {
    return handedOver;
  }

  /** Attaches the accepted connection and resends what the previous connection left unacknowledged [MQTT-4.4.0-1]. */
  void attach(MqttEndpoint ep, boolean withWill, ChannelEvents events) {
    this.endpoint = ep;
    this.events = events;
    this.announced = false;
    if (!withWill) {
      will = null; // closed before its CONNACK: never accepted, so no will (the stored copy goes when it closes)
    }
    if (connection.keepAliveSeconds() != ep.keepAliveTimeSeconds()) {
      // Server Keep Alive: held to the keepalive CONNACK told the client, not the one it asked for [MQTT-3.2.2-21]
      KeepAlive.apply(ep, connection.keepAliveSeconds(), () -> context.runOnContext(v -> keepAliveExpired(ep)));
    } else if (connection.keepAliveSeconds() > 0) {
      // vertx-mqtt's keepalive closes the connection itself; this only learns why
      KeepAlive.observe(ep, () -> closeReason = closeReason == null ? CloseReason.KEEPALIVE_TIMEOUT : closeReason);
    }
    services.metrics().connectionAccepted();
    instanceMetrics.connectionOpened();
    for (Inflight entry : outbound.inflight()) {
      if (entry.released()) {
        ep.publishRelease(entry.packetId());
        counters.sent(PacketCounter.PUBREL, 4);
      } else {
        Outbound o = entry.outbound();
        write(o.message(), o.qos(), o.retainFlag(), entry.packetId(), true, o.subscriptionIds());
      }
    }
    drain();
    long flushMillis = services.options().getCounterFlushMillis();
    flushTimer = services.vertx().setPeriodic(flushMillis, flushMillis, id -> flushCounters());
  }

  /**
   * Takes over the state a previous connection or node left behind; completes when the routes of its subscriptions
   * are recorded.
   */
  Future<Void> adopt(SessionState state) {
    createdAtMillis = state.createdAtMillis();
    List<Future<?>> writes = new ArrayList<>();
    state.subscriptions().forEach((text, qos) -> {
      Subscription s = new Subscription(TopicFilter.parse(text), qos, this, state.options(text));
      subscriptions.put(text, s);
      writes.add(Future.fromCompletionStage(services.subscriptions().add(key.instanceId(), s), context));
    });
    state.inflight().forEach(outbound::restore);
    state.pending().forEach(outbound::enqueue);
    qos2Received.addAll(state.qos2Received());
    publishSubscriptions();
    return Future.join(writes).mapEmpty();
  }

  SessionState export() {
    Map<String, SubscriptionOptions> options = new LinkedHashMap<>();
    subscriptions.forEach((filter, s) -> {
      if (s.options() != SubscriptionOptions.DEFAULT) {
        options.put(filter, s.options());
      }
    });
    return new SessionState(createdAtMillis, subscriptionQos(), outbound.inflight(), outbound.pending(), qos2Received,
        options);
  }

  private void flushCounters() {
    if (counters.takeDirty()) {
      services.registry().updateCounters(key, connection.channelId(), counters.snapshot());
    }
  }

  /** The connection is gone (client closed it, keepalive, protocol error, server shutdown). */
  void onConnectionClosed() {
    if (handedOver || endpoint == null) {
      return; // the client lives on in another connection
    }
    endpoint = null;
    services.metrics().connectionClosed();
    instanceMetrics.connectionClosed();
    cancelTimer(flushTimer);
    boolean keep = sessionExpirySeconds > 0;
    if (normalDisconnect) {
      will = null;
    } else {
      willAfterConnectionLoss(keep);
    }
    if (will == null) {
      dropStoredWill(); // a delayed will keeps its cluster copy until it is sent or cancelled
    }
    long now = System.currentTimeMillis();
    TrafficCounters finalCounters = counters.snapshot();
    // the record changes only once the tcpclean is stored: a connection elsewhere that finds this one gone (record
    // removed or DISCONNECTED) may append its connect at once and still come after it in the stream
    Future.fromCompletionStage(recorded(closeReason), context).onComplete(v ->
        services.registry().disconnect(key, connection.channelId(), now, !keep, finalCounters));
    if (keep) {
      checkpoint.offline(now);
      expireIn(Math.max(1, sessionExpirySeconds) * 1000);
    } else {
      checkpoint.discard();
      terminate();
    }
  }

  private void expireIn(long millis) {
    expiryTimer = services.vertx().setTimer(millis, id -> {
      if (!handedOver && endpoint == null) {
        settleWill(true); // the session ends before the will's delay did
        checkpoint.discard();
        terminate();
        services.registry().remove(key, connection.channelId());
      }
    });
  }

  /** An adopted session (no connection yet) waits for its client, offline since then, until it expires. */
  void awaitClient(long offlineSinceMillis, long expiresAtMillis) {
    checkpoint.offlineSince(offlineSinceMillis);
    expireIn(Math.max(1, expiresAtMillis - System.currentTimeMillis()));
  }

  /**
   * The stored session belongs to another incarnation now (a connection elsewhere claimed it, or a clean start
   * removed it): a session waiting offline ends here; a connected one is being taken over anyway.
   */
  void superseded() {
    if (!handedOver && endpoint == null) {
      settleWill(false); // its client connected elsewhere, so within the will's delay
      checkpoint.stop();
      terminate();
    }
  }

  /**
   * Another connection takes the client over: closes this connection (MQTT 5: DISCONNECT 0x8E), sends its will, and
   * returns the session state if {@code wantState} and this session outlives its connection. With a local
   * {@code successor}, this session's subscriptions stay in the trie until the successor replaces them, and whatever
   * arrives meanwhile is passed on.
   */
  SessionState handOver(Session localSuccessor, boolean wantState) {
    // [MQTT-3.1.2-6] a clean session (MQTT 5: expiry 0) ends with its connection: there is nothing to resume
    boolean keepState = wantState && sessionExpirySeconds > 0;
    boolean wasConnected = endpoint != null;
    handedOver = true;
    checkpoint.stop(); // the successor stores the session from now on
    cancelTimer(expiryTimer);
    cancelTimer(flushTimer);
    // [MQTT-3.1.3-9] a will with a delay is not sent when a new connection resumes the session within it
    settleWill(!(keepState && willDelaySeconds() > 0));
    if (wasConnected) {
      MqttEndpoint ep = endpoint;
      endpoint = null;
      services.metrics().connectionClosed();
      instanceMetrics.connectionClosed();
      close(ep, MqttDisconnectReasonCode.SESSION_TAKEN_OVER, "another connection took the session over");
      recorded(wantState ? CloseReason.TAKENOVER : CloseReason.DISCARDED);
    } else if (announced) {
      // its connect is (being) stored, no CONNACK went out: the channel still ends before the successor's begins
      announced = false;
      events.closed(wantState ? CloseReason.TAKENOVER : CloseReason.DISCARDED);
    }
    SessionState state = keepState ? export() : null;
    instanceMetrics.sessionHandedOver(keepState);
    outbound.clear();
    if (keepState && localSuccessor != null) {
      successor = localSuccessor;
    } else {
      terminate();
    }
    return state;
  }

  /** Server shutdown: sends the will, ends the registry record and closes (MQTT 5: DISCONNECT 0x8B). */
  void shutdown() {
    closeByServer(MqttDisconnectReasonCode.SERVER_SHUTTING_DOWN, CloseReason.SHUTDOWN);
  }

  // ---- on behalf of an operator (NodeCommands); like every method here, on the session's context ----------------------

  /**
   * Closes the live connection (MQTT 5: DISCONNECT 0x98) and ends it as any close does: will sent, record updated, a
   * persistent session kept. False when no connection is attached.
   */
  public boolean kick() {
    return closeByServer(MqttDisconnectReasonCode.ADMINISTRATIVE_ACTION, CloseReason.KICKED);
  }

  /** Closes the live connection as {@link #kick} does, because a ban matches it. */
  boolean ban() {
    return closeByServer(MqttDisconnectReasonCode.ADMINISTRATIVE_ACTION, CloseReason.BANNED);
  }

  /**
   * Subscribes as if the client had sent SUBSCRIBE (retain handling 0: matching retained messages are delivered); the
   * user's PermRead does not apply to an operator. Completes when the route (and a persistent session) is stored; false
   * when the session ended.
   */
  public Future<Boolean> subscribeOnBehalf(TopicFilter filter, int qos) {
    if (terminated) {
      return Future.succeededFuture(false);
    }
    Subscription s = new Subscription(filter, qos, this);
    subscriptions.put(filter.text(), s);
    publishSubscriptions();
    Future<?> routed = Future.fromCompletionStage(services.subscriptions().add(key.instanceId(), s), context);
    return Future.all(routed, checkpoint.flush()).map(v -> {
      if (!filter.shared()) {
        sendRetained(s);
      }
      return true;
    });
  }

  /** Removes one subscription as if the client had sent UNSUBSCRIBE; false when there is none on that filter. */
  public boolean unsubscribeOnBehalf(String topicFilter) {
    if (!removeSubscription(topicFilter)) {
      return false;
    }
    publishSubscriptions();
    checkpoint.flush();
    return true;
  }

  /**
   * Up to {@code limit} of the messages this session holds for its client, oldest first: those sent and not yet
   * acknowledged ({@code inflight}, with their packet ids), or those waiting for room in the window (packet id 0).
   */
  public List<QueuedMessage> messages(boolean inflight, int limit) {
    List<QueuedMessage> result = new ArrayList<>();
    if (inflight) {
      for (Inflight i : outbound.inflight(limit)) {
        result.add(queued(i.outbound(), i.packetId()));
      }
    } else {
      for (Outbound o : outbound.pending(limit)) {
        result.add(queued(o, 0));
      }
    }
    return result;
  }

  private static QueuedMessage queued(Outbound o, int packetId) {
    Message m = o.message();
    return new QueuedMessage(m.topic(), m.payload().getBytes(), o.qos(), o.retainFlag(), packetId, o.insertedAtMillis());
  }

  /**
   * Enforces a keepalive of {@code seconds} (0: none) on the live connection from now on, and records it; false when
   * no connection is attached. Fails when this vertx-mqtt's pipeline cannot be changed.
   */
  public Future<Boolean> setKeepAlive(int seconds) {
    MqttEndpoint ep = endpoint;
    if (ep == null) {
      return Future.succeededFuture(false);
    }
    if (!KeepAlive.apply(ep, seconds, () -> context.runOnContext(v -> keepAliveExpired(ep)))) {
      return Future.failedFuture(new IllegalStateException("the keepalive of this connection cannot be changed"));
    }
    return Future.fromCompletionStage(services.registry().updateKeepAlive(key, connection.channelId(), seconds), context)
        .map(recorded -> true);
  }

  /** [MQTT-3.1.2-24] nothing arrived for 1.5 keepalive periods: MQTT 5 clients hear 0x8D; the will is sent. */
  private void keepAliveExpired(MqttEndpoint ep) {
    if (endpoint == ep) {
      closeByServer(MqttDisconnectReasonCode.KEEP_ALIVE_TIMEOUT, CloseReason.KEEPALIVE_TIMEOUT);
    }
  }

  /**
   * Closes the live connection (MQTT 5: DISCONNECT with {@code reason}) as the server does, except that its will is
   * not sent: what allowed it to publish is gone (its Aliyun token expired or was revoked). False when no connection is
   * attached.
   */
  boolean closeWithoutWill(MqttDisconnectReasonCode reason, CloseReason why) {
    will = null;
    return closeByServer(reason, why);
  }

  private boolean closeByServer(MqttDisconnectReasonCode reason, CloseReason why) {
    MqttEndpoint ep = endpoint;
    if (ep == null) {
      return false;
    }
    closeReason = why;
    close(ep, reason, why.wireName());
    onConnectionClosed();
    return true;
  }

  /**
   * Tells that the connection ended because of {@code why} (null: nobody on the server closed it): its tcpclean and
   * EMQX's {@code disconnected} message. Completes when the tcpclean is stored.
   */
  private CompletionStage<Void> recorded(CloseReason why) {
    if (events == null) {
      return CompletableFuture.completedFuture(null); // never announced: closed before CONNACK, or adopted
    }
    CloseReason reason = why != null ? why : sentDisconnect ? CloseReason.NORMAL : CloseReason.TCP_CLOSED;
    services.presence().disconnected(key, connection, reason, System.currentTimeMillis());
    return events.closed(reason);
  }

  /** A will is a publish: a user without PermWrite (or a token without its topic) has none sent. */
  private boolean mayPublishWill(MqttWill w) {
    return w.getWillTopic() != null && TopicName.invalidReason(w.getWillTopic()) == null
        && connection.permissions().mayPublish(w.getWillTopic());
  }

  /** The connection ended here: the cluster's copy of its will goes (the will was sent or discarded). */
  private void dropStoredWill() {
    Future<Void> stored = willStored;
    willStored = null;
    if (stored != null) {
      stored.onComplete(v -> services.wills().take(key, connection.channelId(), context));
    }
  }

  /** The will's Will Delay Interval in seconds; 0 without will or delay (MQTT 3.1.1 has none). */
  private long willDelaySeconds() {
    MqttWill w = will;
    if (w == null || w.getWillProperties() == null) {
      return 0;
    }
    MqttProperties.MqttProperty<?> p =
        w.getWillProperties().getProperty(MqttProperties.MqttPropertyType.WILL_DELAY_INTERVAL.value());
    return p == null ? 0 : Integer.toUnsignedLong((Integer) p.value());
  }

  /**
   * The connection ended without a normal DISCONNECT: the will goes out now, or, with a Will Delay Interval and a
   * session that outlives the connection, when the delay has passed or the session ends, whichever comes first, and not
   * at all if a new connection resumes the session meanwhile [MQTT-3.1.3-9] (see {@link #settleWill}).
   */
  private void willAfterConnectionLoss(boolean sessionLivesOn) {
    long delay = willDelaySeconds();
    if (delay == 0 || !sessionLivesOn) {
      publishWill();
      return;
    }
    willTimer = services.vertx().setTimer(delay * 1000, id -> {
      willTimer = -1;
      if (!handedOver && !terminated && endpoint == null) {
        settleWill(true);
      }
    });
  }

  /** Ends a will still held (delayed, or of the connection being taken over): sent if {@code publish}, else discarded. */
  private void settleWill(boolean publish) {
    cancelTimer(willTimer);
    willTimer = -1;
    if (publish) {
      publishWill();
    } else {
      will = null;
    }
    dropStoredWill();
  }

  private void publishWill() {
    MqttWill w = will;
    will = null;
    if (w == null || !mayPublishWill(w)) { // judged again when sent: an ACL rule may have changed since CONNECT
      return;
    }
    // a will is the client's message: No Local subscriptions of the same client id skip it; its expiry runs from now
    Message message = Message.published(key.instanceId(), w.getWillTopic(),
        w.getWillMessage() == null ? Buffer.buffer() : w.getWillMessage(), w.getWillQos(), w.isWillRetain(),
        w.getWillProperties(), key.clientId(), System.currentTimeMillis());
    route(message);
  }

  private void terminate() {
    if (terminated) {
      return;
    }
    terminated = true;
    instanceMetrics.sessionTerminated();
    checkpoint.stop();
    cancelTimer(expiryTimer);
    cancelTimer(flushTimer);
    cancelTimer(willTimer);
    for (Subscription s : subscriptions.values()) {
      services.subscriptions().remove(key.instanceId(), s);
    }
    subscriptions.clear();
    outbound.clear();
    services.sessions().remove(this);
  }

  private void cancelTimer(long id) {
    if (id >= 0) {
      services.vertx().cancelTimer(id);
    }
  }
}

package io.tenantmq.mqtt.session;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.tenantmq.control.ban.Ban;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.control.registry.ClientState;
import io.tenantmq.control.registry.PacketCounter;
import io.tenantmq.mqtt.auth.AuthResult;
import io.tenantmq.mqtt.auth.ConnectAuthenticator;
import io.tenantmq.mqtt.auth.Permissions;
import io.tenantmq.mqtt.auth.TokenLogins;
import io.tenantmq.mqtt.codes.ConnectRefusal;
import io.tenantmq.mqtt.event.ChannelEvents;
import io.tenantmq.mqtt.event.ClientChannels;
import io.tenantmq.mqtt.event.CloseReason;
import io.tenantmq.mqtt.metrics.InstanceMetrics;
import io.tenantmq.mqtt.quota.ConnectionSlot;
import io.tenantmq.mqtt.subscription.Subscription;
import io.tenantmq.mqtt.subscription.TopicFilter;
import io.tenantmq.mqtt.tls.ServerName;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CONNECT flow: authenticate, refuse a banned client, take the client over from an earlier connection on this node or another, register
 * the connection cluster-wide, resume or start the session, CONNACK, then wire the connection's packets to the
 * session. Runs on the connection's event loop; every async step comes back to it.
 */
public final class ConnectHandler implements Handler<MqttEndpoint> {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectHandler.class);
  /** How often a takeover is asked of a node the cluster still counts alive before it is taken for gone. */
  private static final int TAKEOVER_ATTEMPTS = 3;

  private final SessionServices services;
  private final ConnectAuthenticator authenticator;
  private final RemoteTakeover remoteTakeover;
  private final Predicate<String> nodeAlive;
  private final SessionRestore restore;
  private final BanEnforcement bans;
  private final TokenLogins tokenLogins;
  private final ClientChannels channels;
  private final NodeDown nodeDown;
  private volatile boolean stopping;

  public ConnectHandler(SessionServices services, ConnectAuthenticator authenticator, RemoteTakeover remoteTakeover,
                        Predicate<String> nodeAlive, BanEnforcement bans, TokenLogins tokenLogins,
                        ClientChannels channels, NodeDown nodeDown) {
    this.services = services;
    this.channels = channels;
    this.nodeDown = nodeDown;
    this.tokenLogins = tokenLogins;
    this.authenticator = authenticator;
    this.remoteTakeover = remoteTakeover;
    this.nodeAlive = nodeAlive;
    this.bans = bans;
    this.restore = new SessionRestore(services, remoteTakeover, nodeAlive);
  }

  /** From now on every CONNECT is refused as "server unavailable": the node is shutting down. */
  public void stopAccepting() {
    stopping = true;
  }

  @Override
  public void handle(MqttEndpoint ep) {
    if (stopping) {
      refuse(ep, ConnectRefusal.SERVER_UNAVAILABLE, null);
      return;
    }
    if (ep.protocolVersion() >= 5 && PacketLimits.stringProperty(ep.connectProperties(),
        MqttProperties.MqttPropertyType.AUTHENTICATION_METHOD) != null) {
      refuse(ep, ConnectRefusal.BAD_AUTHENTICATION_METHOD, null); // no enhanced authentication is configured
      return;
    }
    Context context = Vertx.currentContext();
    long now = System.currentTimeMillis();
    ep.publishAutoAck(false);
    ep.subscriptionAutoAck(false);
    ep.autoKeepAlive(true);
    boolean[] closedEarly = {false};
    ep.closeHandler(v -> closedEarly[0] = true);
    authenticator.authenticate(ep.auth(), ep.clientIdentifier(), ep.remoteAddress(), ServerName.of(ep), context).onComplete(ar -> {
      if (ar.failed()) {
        LOG.warn("authentication of a connection from {} failed: {}", ep.remoteAddress(), ar.cause().toString());
        refuse(ep, ConnectRefusal.SERVER_UNAVAILABLE, null);
      } else if (!ar.result().isAccepted()) {
        // counted for the claimed instance only if this node already serves it: a claim alone makes no entry
        refuse(ep, ar.result().refusal(), services.instanceMetrics().existing(ar.result().claimedInstanceId()));
      } else if (!closedEarly[0]) {
        connect(ep, context, ar.result(), now, closedEarly);
      }
    });
  }

  private void refuse(MqttEndpoint ep, ConnectRefusal refusal, InstanceMetrics instance) {
    services.metrics().connectionRefused(refusal);
    if (instance != null) {
      instance.connectRefused(refusal == ConnectRefusal.BAD_CREDENTIALS || refusal == ConnectRefusal.NOT_AUTHORIZED);
    }
    try {
      ep.reject(refusal.code(ep.protocolVersion()));
    } catch (IllegalStateException alreadyClosed) {
      // the client went away while we decided
    }
  }

  private void connect(MqttEndpoint ep, Context context, AuthResult auth, long now, boolean[] closedEarly) {
    boolean mqtt5 = ep.protocolVersion() >= 5;
    String clientId = ep.clientIdentifier();
    boolean assignedId = clientId == null || clientId.isEmpty();
    if (assignedId) {
      clientId = "tenantmq-" + UUID.randomUUID().toString().replace("-", "");
    }
    boolean cleanStart = ep.isCleanSession();
    ClientKey key = new ClientKey(auth.instance().instanceId(), clientId);
    ConnectionInfo info = new ConnectionInfo(UUID.randomUUID().toString().replace("-", ""), ep.remoteAddress().toString(),
        ep.remoteAddress().hostAddress(), ep.protocolVersion(), keepAlive(ep, mqtt5), cleanStart, auth.username(), now, authenticator.permissions(auth, clientId),
        ep.localAddress() == null ? 0 : ep.localAddress().port());
    Optional<Ban> ban = bans.check(key, info);
    if (ban.isPresent()) {
      // before anything changes: no takeover of the client's session, no registry write
      LOG.debug("refused {} ({}): banned by {}", key, info.address(), ban.get().kind().wireName());
      refuse(ep, ConnectRefusal.BANNED, services.instanceMetrics().of(key.instanceId()));
      return;
    }
    // the instance's connection quota, before anything changes; a takeover replaces a counted connection
    Session current = services.sessions().get(key);
    services.quotas().admit(key, current != null && current.connected(), context).onComplete(admitted -> {
      if (admitted.failed() || admitted.result() == null) {
        refuse(ep, ConnectRefusal.QUOTA_EXCEEDED, services.instanceMetrics().of(key.instanceId()));
      } else if (closedEarly[0]) {
        admitted.result().release();
      } else {
        connectAdmitted(ep, context, auth, now, closedEarly, key, info, assignedId, admitted.result());
      }
    });
  }

  private void connectAdmitted(MqttEndpoint ep, Context context, AuthResult auth, long now, boolean[] closedEarly,
                               ClientKey key, ConnectionInfo info, boolean assignedId, ConnectionSlot slot) {
    boolean mqtt5 = ep.protocolVersion() >= 5;
    boolean cleanStart = ep.isCleanSession();
    long expiry = sessionExpiry(ep, mqtt5, cleanStart);
    Session session = new Session(key, context, services, info, expiry, windowSize(ep, mqtt5),
        PacketLimits.of(ep, services.options()), topicAliases(ep, mqtt5));

    // what the new channel's events wait for besides this node's earlier channels: a dead node's tcpclean
    Future<?>[] predecessor = {null};
    Session previous = services.sessions().put(session);
    Future<SessionState> localState = previous == null
        ? Future.succeededFuture()
        : onContext(previous.context(), () -> previous.handOver(cleanStart ? null : session, !cleanStart), context);

    localState.compose(fromLocal -> {
      long createdAt = fromLocal != null ? fromLocal.createdAtMillis() : now;
      ClientRecord record = new ClientRecord(key.instanceId(), key.clientId(), services.node(), info.channelId(),
          info.address(), info.protocolVersion(), info.keepAliveSeconds(), cleanStart, expiry, auth.username(),
          ClientRecord.groupIdOf(key.clientId()), ClientState.CONNECTED, createdAt, now, 0, Map.of(), null);
      return Future.fromCompletionStage(services.registry().connect(record), context)
          .compose(before -> fromLocal != null ? Future.succeededFuture(fromLocal)
              : takeOverRemote(before, key, info.channelId(), cleanStart, context, predecessor));
    }).compose(known -> restore.resolve(session, known, cleanStart)).compose(state -> {
      if (cleanStart || state == null) {
        return Future.succeededFuture(false);
      }
      return session.adopt(within(state, info.permissions(), key.instanceId(), previous)).map(true);
    }).onComplete(ar -> {
      if (ar.failed() || closedEarly[0] || session.handedOver()) {
        slot.release();
      }
      if (ar.failed()) {
        LOG.warn("connect of {} failed: {}", key, ar.cause().toString());
        services.sessions().remove(session);
        refuse(ep, ConnectRefusal.SERVER_UNAVAILABLE, services.instanceMetrics().of(key.instanceId()));
        return;
      }
      if (closedEarly[0]) {
        session.attach(ep, false, null);
        session.onConnectionClosed();
        return;
      }
      if (session.handedOver()) {
        ep.close(); // a later CONNECT of the client won while this one was under way
        return;
      }
      // CONNACK only once the connect and the will are stored (Session.announce)
      ChannelEvents channel = channels.open(key, info.channelId(), info.address(), info.username(),
          predecessor[0] == null ? null : predecessor[0].toCompletionStage(), context);
      session.announce(channel, ep.will())
          .onComplete(stored -> {
            accept(ep, session, channel, auth, info, ar.result(), assignedId, expiry, closedEarly);
            slot.release(); // counted as live from attach on
          });
    });
  }

  private void accept(MqttEndpoint ep, Session session, ChannelEvents channel, AuthResult auth, ConnectionInfo info,
                      boolean sessionPresent, boolean assignedId, long expiry, boolean[] closedEarly) {
    ClientKey key = session.key();
    if (session.handedOver()) {
      ep.close(); // taken over while the connect was stored: the takeover appended this channel's tcpclean
      return;
    }
    // $SYS presence mirrors the stream: the connect is in it, so is its tcpclean below if the client already left
    services.presence().connected(key, info, expiry);
    if (closedEarly[0]) {
      session.attach(ep, false, channel);
      session.onConnectionClosed();
      return;
    }
    boolean mqtt5 = ep.protocolVersion() >= 5;
    Runnable releaseTokens = watchTokens(auth, session, session.context());
    ep.accept(sessionPresent, connackProperties(mqtt5, assignedId ? key.clientId() : null, ep, expiry, key.instanceId()));
    wire(ep, session, releaseTokens);
    session.connectCounted(ep);
    services.instanceMetrics().of(key.instanceId()).sessionStarted(sessionPresent);
    session.attach(ep, true, channel);
    if (bans.check(key, info).isPresent()) {
      // a ban added while this CONNECT was under way, too late for the node's ban listener to see the connection
      session.ban();
    }
  }

  /**
   * The record this CONNECT replaced names another node: that node closes the old connection and answers once its
   * tcpclean is stored. A node that is gone (or does not answer) cannot: if the record was CONNECTED this connect is
   * what ended it, so this node reports it as {@code node_down} and opens the new channel's events after that; if a
   * sweep had already ended it, the new channel waits for the sweep's report. See {@link NodeDown}.
   */
  private Future<SessionState> takeOverRemote(Optional<ClientRecord> before, ClientKey key, String channelId,
                                              boolean cleanStart, Context context, Future<?>[] predecessor) {
    if (before.isEmpty() || before.get().node().equals(services.node())) {
      return Future.succeededFuture();
    }
    ClientRecord old = before.get();
    if (!nodeAlive.test(old.node())) {
      predecessor[0] = old.connected() ? nodeDown.report(old, System.currentTimeMillis(), context)
          : nodeDown.awaitSwept(old.node(), old.disconnectedAtMillis(), context);
      return Future.succeededFuture();
    }
    return askWhileAlive(old.node(), key, !cleanStart, TAKEOVER_ATTEMPTS).recover(e -> {
      if (old.connected()) {
        predecessor[0] = nodeDown.report(old, System.currentTimeMillis(), context);
      }
      return Future.succeededFuture();
    }).onSuccess(state -> {
      if (state != null) {
        // the record was written with this connection's time, before the resumed session's age was known
        services.registry().updateCreatedAt(key, channelId, state.createdAtMillis());
      }
    });
  }

  /**
   * The resumed state without the subscriptions this login may not hold: the connection that made them may have had
   * wider rights (another token, a Signature login, a user's PermRead since withdrawn).
   */
  private SessionState within(SessionState state, Permissions permissions, String instanceId, Session previous) {
    Map<String, Integer> kept = new LinkedHashMap<>();
    state.subscriptions().forEach((text, qos) -> {
      TopicFilter filter = TopicFilter.parse(text);
      if (permissions.maySubscribe(filter)) {
        kept.put(text, qos);
      } else if (previous != null) {
        // a local predecessor's entries stay in the trie until its successor replaces them: this one it never will
        services.subscriptions().remove(instanceId, new Subscription(filter, qos, previous, state.options(text)));
      }
    });
    return kept.size() == state.subscriptions().size() ? state
        : new SessionState(state.createdAtMillis(), kept, state.inflight(), state.pending(), state.qos2Received(),
            state.options());
  }

  /**
   * Asks {@code node} to give the client up, again after a timeout while the cluster still counts it alive (a busy
   * node answers late; one that is gone never does). Reporting a live node's connection as {@code node_down} would
   * give it a second tcpclean, so the last attempt's failure means: gone, or silent for that long.
   */
  private Future<SessionState> askWhileAlive(String node, ClientKey key, boolean keepState, int attempts) {
    return remoteTakeover.ask(node, key, keepState).recover(e -> attempts > 1 && nodeAlive.test(node)
        ? askWhileAlive(node, key, keepState, attempts - 1) : Future.failedFuture(e));
  }

  /**
   * A Token-mode login lives as long as its tokens: closed at the first expiry (MQTT 5: DISCONNECT 0xA0 "maximum
   * connect time") or when one is revoked anywhere (0x87). Its will is not sent: the right to publish ended with the
   * token. Returns what to run when the connection closes.
   */
  private Runnable watchTokens(AuthResult auth, Session session, Context context) {
    if (auth.tokens() == null) {
      return null;
    }
    return tokenLogins.track(auth.tokens(), context,
        () -> session.closeWithoutWill(MqttDisconnectReasonCode.MAXIMUM_CONNECT_TIME, CloseReason.TOKEN_EXPIRED),
        () -> session.closeWithoutWill(MqttDisconnectReasonCode.NOT_AUTHORIZED, CloseReason.TOKEN_REVOKED))::release;
  }

  /** @param onClosed also run when the connection closes; may be null */
  private static void wire(MqttEndpoint ep, Session session, Runnable onClosed) {
    ep.publishHandler(session::onPublish);
    ep.publishReleaseHandler(session::onPubrel);
    ep.publishAcknowledgeMessageHandler(m -> session.onPuback(m.messageId(), m.code().value() & 0xFF));
    ep.publishReceivedMessageHandler(m -> session.onPubrec(m.messageId(), m.code().value() & 0xFF));
    ep.authenticationExchangeHandler(m -> session.onAuth());
    ep.publishCompletionHandler(session::onPubcomp);
    ep.subscribeHandler(session::onSubscribe);
    ep.unsubscribeHandler(session::onUnsubscribe);
    ep.pingHandler(v -> session.onPing());
    ep.disconnectMessageHandler(session::onDisconnect);
    ep.exceptionHandler(e -> {
      LOG.debug("connection of {} failed: {}", session.key(), e.toString());
      if (e instanceof DecoderException) {
        session.onDecoderFailure(e);
      }
    });
    ep.closeHandler(v -> {
      session.onConnectionClosed();
      if (onClosed != null) {
        onClosed.run();
      }
    });
  }

  private long sessionExpiry(MqttEndpoint ep, boolean mqtt5, boolean cleanStart) {
    long max = services.options().getMaxSessionExpirySeconds();
    if (!mqtt5) {
      return cleanStart ? 0 : max;
    }
    MqttProperties.MqttProperty<?> p = ep.connectProperties()
        .getProperty(MqttProperties.MqttPropertyType.SESSION_EXPIRY_INTERVAL.value());
    long requested = p == null ? 0 : Integer.toUnsignedLong((Integer) p.value());
    return Math.min(requested, max);
  }

  private int windowSize(MqttEndpoint ep, boolean mqtt5) {
    int max = services.options().getMaxInflight();
    if (mqtt5) {
      MqttProperties.MqttProperty<?> p = ep.connectProperties()
          .getProperty(MqttProperties.MqttPropertyType.RECEIVE_MAXIMUM.value());
      if (p != null) {
        return Math.min(max, (Integer) p.value());
      }
    }
    return max;
  }

  /** The keepalive the connection is held to: the client's, or the configured maximum (Server Keep Alive). */
  private int keepAlive(MqttEndpoint ep, boolean mqtt5) {
    return KeepAlive.negotiated(ep.keepAliveTimeSeconds(), mqtt5, services.options().getMaxKeepAliveSeconds());
  }

  /** Inbound up to the configured Topic Alias Maximum, outbound up to the client's (MQTT 5 only). */
  private TopicAliases topicAliases(MqttEndpoint ep, boolean mqtt5) {
    if (!mqtt5) {
      return TopicAliases.none();
    }
    return new TopicAliases(services.options().getTopicAliasMaximum(),
        PacketLimits.intProperty(ep.connectProperties(), MqttProperties.MqttPropertyType.TOPIC_ALIAS_MAXIMUM, 0));
  }

  private MqttProperties connackProperties(boolean mqtt5, String assignedClientId, MqttEndpoint ep, long expiry,
                                           String instanceId) {
    if (!mqtt5) {
      return MqttProperties.NO_PROPERTIES;
    }
    MqttProperties props = new MqttProperties();
    int receiveMaximum = services.options().getReceiveMaximum();
    if (receiveMaximum < 65535) {
      // absent means 65535 [MQTT-3.2.2.3.3]
      props.add(new MqttProperties.IntegerProperty(
          MqttProperties.MqttPropertyType.RECEIVE_MAXIMUM.value(), receiveMaximum));
    }
    if (services.options().getTopicAliasMaximum() > 0) {
      // absent means 0: the client may not send aliases [MQTT-3.2.2-17]
      props.add(new MqttProperties.IntegerProperty(
          MqttProperties.MqttPropertyType.TOPIC_ALIAS_MAXIMUM.value(), services.options().getTopicAliasMaximum()));
    }
    int keepAlive = keepAlive(ep, true);
    if (keepAlive != ep.keepAliveTimeSeconds()) {
      props.add(new MqttProperties.IntegerProperty(MqttProperties.MqttPropertyType.SERVER_KEEP_ALIVE.value(), keepAlive));
    }
    if (assignedClientId != null) {
      props.add(new MqttProperties.StringProperty(
          MqttProperties.MqttPropertyType.ASSIGNED_CLIENT_IDENTIFIER.value(), assignedClientId));
    }
    props.add(new MqttProperties.IntegerProperty(
        MqttProperties.MqttPropertyType.MAXIMUM_PACKET_SIZE.value(),
        services.quotas().of(instanceId).limits().maxPacketSize())); // the lower of the node's and the instance's
    MqttProperties.MqttProperty<?> requested = ep.connectProperties()
        .getProperty(MqttProperties.MqttPropertyType.SESSION_EXPIRY_INTERVAL.value());
    if (requested != null && Integer.toUnsignedLong((Integer) requested.value()) != expiry) {
      // [MQTT-3.2.2.3.2] tell the client the interval the server actually uses
      props.add(new MqttProperties.IntegerProperty(
          MqttProperties.MqttPropertyType.SESSION_EXPIRY_INTERVAL.value(), (int) expiry));
    }
    return props;
  }

  /** Runs {@code work} on {@code owner} and continues on {@code caller}. */
  private static <T> Future<T> onContext(Context owner, Supplier<T> work, Context caller) {
    CompletableFuture<T> result = new CompletableFuture<>();
    owner.runOnContext(v -> {
      try {
        result.complete(work.get());
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return Future.fromCompletionStage(result, caller);
  }
}

package io.tenantmq.mqtt;

import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.MeterRegistry;
import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.cluster.ClusterNodes;
import io.tenantmq.control.command.HazelcastNodeCommands;
import io.tenantmq.control.registry.ClientRegistry;
import io.tenantmq.mqtt.auth.ConnectAuthenticator;
import io.tenantmq.mqtt.auth.TokenLogins;
import io.tenantmq.mqtt.command.NodeCommandHandler;
import io.tenantmq.mqtt.event.ClientChannels;
import io.tenantmq.mqtt.listener.MqttListener;
import io.tenantmq.mqtt.listener.Transport;
import io.tenantmq.mqtt.metrics.BrokerMetrics;
import io.tenantmq.mqtt.metrics.InstanceMetricsTable;
import io.tenantmq.mqtt.metrics.NodeReports;
import io.tenantmq.mqtt.quota.NodeQuotas;
import io.tenantmq.mqtt.retain.HazelcastRetainStore;
import io.tenantmq.mqtt.retain.RetainStore;
import io.tenantmq.mqtt.route.RouteTable;
import io.tenantmq.mqtt.route.Router;
import io.tenantmq.mqtt.session.BanEnforcement;
import io.tenantmq.mqtt.session.ConnectHandler;
import io.tenantmq.mqtt.session.HazelcastSessionStore;
import io.tenantmq.mqtt.session.NodeDown;
import io.tenantmq.mqtt.session.NodeSessions;
import io.tenantmq.mqtt.session.OrphanAdoption;
import io.tenantmq.mqtt.session.RemoteTakeover;
import io.tenantmq.mqtt.session.SessionCheckpoint;
import io.tenantmq.mqtt.session.SessionServices;
import io.tenantmq.mqtt.session.SessionShutdown;
import io.tenantmq.mqtt.session.SessionStore;
import io.tenantmq.mqtt.session.SysPresence;
import io.tenantmq.mqtt.session.WillStore;
import io.tenantmq.mqtt.subscription.LocalSubscriptions;
import io.tenantmq.mqtt.tls.ServerCertificate;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker of one cluster member: MQTT listeners, the sessions connected here, and this node's part of routing.
 * {@link #start()} and {@link #stop()} return futures, as Vert.x servers do.
 */
public final class MqttNode {

  private static final Logger LOG = LoggerFactory.getLogger(MqttNode.class);

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final ClusterNodes nodes;
  private final ControlPlane control;
  private final ClientRegistry registry;
  private final MqttNodeOptions options;
  private final RouteTable routes;
  private final Router router;
  private final InstanceMetricsTable instanceMetrics = new InstanceMetricsTable();
  private final NodeSessions sessions = new NodeSessions(instanceMetrics);
  private final BanEnforcement bans;
  private final TokenLogins tokenLogins;
  private final RemoteTakeover remoteTakeover;
  private final ClientChannels channels;
  private final NodeDown nodeDown;
  private final ConnectHandler connectHandler;
  private final SessionStore sessionStore;
  private final OrphanAdoption adoption;
  private final NodeCommandHandler commandHandler;
  private final NodeQuotas quotas;
  private final List<MqttListener> listeners = new ArrayList<>();
  private MessageConsumer<Buffer> deliveries;

  public MqttNode(Vertx vertx, HazelcastInstance hazelcast, ClusterNodes nodes, ControlPlane control,
                  MeterRegistry meters, MqttNodeOptions options) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    this.nodes = nodes;
    this.control = control;
    this.registry = control.registry();
    Executor blockingExecutor = control.workerExecutor();
    this.options = new MqttNodeOptions(options);
    String node = nodes.localNode();
    this.routes = new RouteTable(hazelcast, node, blockingExecutor);
    LocalSubscriptions subscriptions = new LocalSubscriptions(routes, instanceMetrics);
    this.router = new Router(node, subscriptions, routes, vertx.eventBus());
    BrokerMetrics metrics = new BrokerMetrics(meters, node);
    BrokerMetrics.gauge(meters, "tenantmq.sessions", node, sessions::size);
    this.sessionStore = new HazelcastSessionStore(vertx, hazelcast);
    RetainStore retained = new HazelcastRetainStore(vertx, hazelcast);
    BrokerMetrics.gauge(meters, "tenantmq.session.store.writes", node, sessionStore::writes);
    this.quotas = new NodeQuotas(node, vertx, hazelcast, control.quotas(), registry, this.options, instanceMetrics,
        meters);
    SessionServices services = new SessionServices(node, vertx, this.options, router, subscriptions,
        retained, registry, sessions, metrics, instanceMetrics, sessionStore, new WillStore(hazelcast),
        new SysPresence(node, router), quotas);
    this.adoption = new OrphanAdoption(services, nodes::liveNodes);
    this.channels = new ClientChannels(control.events(), node);
    this.nodeDown = new NodeDown(services, channels, hazelcast);
    this.remoteTakeover = new RemoteTakeover(vertx, sessions, channels, this.options.getTakeoverTimeoutMillis());
    this.bans = new BanEnforcement(control.bans(), sessions);
    this.tokenLogins = new TokenLogins(vertx);
    BrokerMetrics.gauge(meters, "tenantmq.token.logins", node, tokenLogins::size);
    this.connectHandler = new ConnectHandler(services, new ConnectAuthenticator(control, this.options.getDefaultInstanceId(),
        this.options.getSniDomain()),
        remoteTakeover, nodes::isAlive, bans, tokenLogins, channels, nodeDown);
    NodeReports reports = new NodeReports(node, System.currentTimeMillis(), instanceMetrics);
    this.commandHandler = new NodeCommandHandler(sessions, router, retained, reports, vertx.getOrCreateContext());
  }

  public Future<Void> start() {
    String node = nodes.localNode();
    nodes.onNodeLeft(this::nodeLeft);
    return Future.fromCompletionStage(routes.start())
        .compose(v -> {
          deliveries = vertx.eventBus().consumer(Router.deliverAddress(node), m -> router.deliverRouted(m.body()));
          return deliveries.completion();
        })
        .compose(v -> remoteTakeover.serve(node))
        .compose(v -> quotas.start())
        // before listening: stored sessions of gone nodes (or of this node's previous run) route again
        .compose(v -> adoption.adopt(true).mapEmpty())
        .onSuccess(v -> {
          HazelcastNodeCommands.serve(hazelcast, commandHandler);
          bans.start();
          tokenLogins.start(control.tokens());
        })
        .compose(v -> serverCertificate())
        .compose(certificate -> listen(Transport.TCP, null)
            .compose(v -> listen(Transport.WEBSOCKET, null))
            .compose(v -> listen(Transport.TLS, certificate))
            .compose(v -> listen(Transport.WEBSOCKET_TLS, certificate)))
        .onSuccess(v -> LOG.info("MQTT node {} listening: mqtt={} ws={}{} tls={} wss={}{}", node,
            actualPort(Transport.TCP), actualPort(Transport.WEBSOCKET), MqttNodeOptions.WS_PATH,
            actualPort(Transport.TLS), actualPort(Transport.WEBSOCKET_TLS), MqttNodeOptions.WS_PATH));
  }

  /** The certificate of the TLS listeners (read or generated on a worker), or null when neither is enabled. */
  private Future<KeyCertOptions> serverCertificate() {
    if (options.getTlsPort() < 0 && options.getWssPort() < 0) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> ServerCertificate.of(options).keyCertOptions(), false);
  }

  private Future<Void> listen(Transport transport, KeyCertOptions certificate) {
    if (MqttListener.port(transport, options) < 0) {
      return Future.succeededFuture();
    }
    return MqttListener.start(vertx, transport, options, certificate, connectHandler).map(l -> {
      listeners.add(l);
      return null;
    });
  }

  /** The port a listener is bound to, or -1 when that transport is off. */
  public int actualPort(Transport transport) {
    return listeners.stream().filter(l -> l.transport() == transport).mapToInt(MqttListener::actualPort).findFirst().orElse(-1);
  }

  public NodeSessions sessions() {
    return sessions;
  }

  /** The connections here that logged in with Aliyun tokens. */
  public TokenLogins tokenLogins() {
    return tokenLogins;
  }

  /** This node's view of the instances' quotas. */
  public NodeQuotas quotas() {
    return quotas;
  }

  public RouteTable routes() {
    return routes;
  }

  public SessionStore sessionStore() {
    return sessionStore;
  }

  public String nodeName() {
    return nodes.localNode();
  }

  private void nodeLeft(String deadNode) {
    quotas.nodeLeft(deadNode);
    if (nodes.isOldest()) {
      routes.removeNode(deadNode).whenComplete((v, e) -> {
        if (e != null) {
          LOG.warn("routes of departed node {} not removed: {}", deadNode, e.toString());
        }
      });
      // its connections lived in its memory: each is reported once (tcpclean node_down, will) and ends in the registry
      nodeDown.sweep(deadNode, vertx.getOrCreateContext())
          .onFailure(e -> LOG.warn("clients of departed node {} not ended: {}", deadNode, e.toString()));
    }
    // every node races for the departed node's sessions; each goes to exactly one of them (OrphanAdoption)
    adoption.adopt(false).onFailure(e -> LOG.warn("sessions of departed node {} not adopted: {}", deadNode, e.toString()));
  }

  /**
   * Stops accepting connections, then closes every connection here: wills are sent, records ended (MQTT 5 clients get
   * DISCONNECT 0x8B), and this node's routes and sessions are removed from the cluster.
   */
  public Future<Void> stop() {
    // sessions first: closing a listener would drop its connections without DISCONNECT
    connectHandler.stopAccepting();
    HazelcastNodeCommands.stopServing(hazelcast);
    bans.stop();
    tokenLogins.stop();
    return SessionShutdown.closeAll(sessions)
        // persistent sessions stay stored; the oldest member adopts them once this node is gone
        .transform(v -> SessionCheckpoint.settleAll(sessions))
        .transform(v -> {
          List<Future<Void>> closing = new ArrayList<>();
          listeners.forEach(l -> closing.add(l.close()));
          return Future.join(closing).mapEmpty();
        })
        .transform(v -> remoteTakeover.stop())
        .transform(v -> {
          quotas.stop();
          return Future.succeededFuture();
        })
        .transform(v -> deliveries == null ? Future.succeededFuture() : deliveries.unregister())
        // every tcpclean (reason shutdown) stored before the records end here: after that no record names this node
        // as CONNECTED, so the survivors' sweep reports none of these connections a second time
        .transform(v -> Future.fromCompletionStage(channels.settledAll()))
        .transform(v -> Future.fromCompletionStage(registry.endNode(nodes.localNode(), System.currentTimeMillis())))
        .transform(v -> Future.fromCompletionStage(routes.removeNode(nodes.localNode())))
        .transform(v -> {
          routes.stop();
          return Future.succeededFuture();
        });
  }
}

package io.tenantmq.mqtt.listener;

import io.tenantmq.mqtt.MqttNodeOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.mqtt.MqttServerOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT listener: a Vert.x MQTT server for one transport, built from the node options. The transports differ only
 * in {@link #serverOptions}: WebSocket framing and TLS are layers of the same pipeline.
 */
public final class MqttListener {

  private static final Logger LOG = LoggerFactory.getLogger(MqttListener.class);

  private final Transport transport;
  private final MqttServer server;
  private final int port;

  private MqttListener(Transport transport, MqttServer server, int port) {
    this.transport = transport;
    this.server = server;
    this.port = port;
  }

  /** Starts listening; fails if the port cannot be bound. */
  public static Future<MqttListener> start(Vertx vertx, Transport transport, MqttNodeOptions options,
                                           Handler<MqttEndpoint> connectHandler) {
    return start(vertx, transport, options, null, connectHandler);
  }

  /**
   * Starts listening; fails if the port cannot be bound or, for a TLS transport, the certificate cannot be loaded.
   *
   * @param certificate what a TLS transport serves; ignored by the others
   */
  public static Future<MqttListener> start(Vertx vertx, Transport transport, MqttNodeOptions options,
                                           KeyCertOptions certificate, Handler<MqttEndpoint> connectHandler) {
    MqttServerOptions serverOptions = serverOptions(transport, options, certificate);
    MqttServer server = MqttServer.create(vertx, serverOptions);
    server.endpointHandler(connectHandler);
    // a client that is not TLS, or not MQTT, fails only its own connection; Vert.x closes it
    server.exceptionHandler(e -> LOG.debug("{} connection failed: {}", transport, e.toString()));
    return server.listen().map(s -> new MqttListener(transport, s, s.actualPort()));
  }

  static MqttServerOptions serverOptions(Transport transport, MqttNodeOptions options, KeyCertOptions certificate) {
    MqttServerOptions o = new MqttServerOptions()
        .setHost(options.getHost())
        .setPort(port(transport, options))
        .setMaxClientIdLength(options.getMaxClientIdLength())
        .setMaxMessageSize(options.getMaxPacketSize())
        // ids are assigned by the connect flow, which also tells MQTT 5 clients the assigned id
        .setAutoClientId(false)
        .setTimeoutOnConnect(options.getConnectTimeoutSeconds());
    o.setTcpNoDelay(true);
    if (transport.webSocket()) {
      o.setUseWebSocket(true);
      o.setWebSocketMaxFrameSize(options.getMaxPacketSize() + 16);
    }
    if (transport.tls()) {
      // the SNI host name the client sends is read from the session at CONNECT (ServerName); one certificate serves
      // every name, so Vert.x need not pick one per name
      o.setSsl(true).setKeyCertOptions(certificate);
      o.setSslHandshakeTimeout(options.getConnectTimeoutSeconds()).setSslHandshakeTimeoutUnit(TimeUnit.SECONDS);
    }
    return o;
  }

  /** The configured port of a transport: 0 any free one, -1 off. */
  public static int port(Transport transport, MqttNodeOptions options) {
    return switch (transport) {
      case TCP -> options.getMqttPort();
      case WEBSOCKET -> options.getWsPort();
      case TLS -> options.getTlsPort();
      case WEBSOCKET_TLS -> options.getWssPort();
    };
  }

  public Transport transport() {
    return transport;
  }

  public int actualPort() {
    return port;
  }

  public Future<Void> close() {
    return server.close();
  }
}

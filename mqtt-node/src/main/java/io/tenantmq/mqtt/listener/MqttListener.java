package io.tenantmq.mqtt.listener;

import io.tenantmq.mqtt.MqttNodeOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;

/**
 * One MQTT listener: a Vert.x MQTT server for one transport, built from the node options. The transports differ only
 * in {@link #serverOptions}.
 */
public final class MqttListener {

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
    MqttServerOptions serverOptions = serverOptions(transport, options);
    MqttServer server = MqttServer.create(vertx, serverOptions);
    server.endpointHandler(connectHandler);
    return server.listen().map(s -> new MqttListener(transport, s, s.actualPort()));
  }

  static MqttServerOptions serverOptions(Transport transport, MqttNodeOptions options) {
    MqttServerOptions o = new MqttServerOptions()
        .setHost(options.getHost())
        .setPort(transport == Transport.TCP ? options.getMqttPort() : options.getWsPort())
        .setMaxClientIdLength(options.getMaxClientIdLength())
        .setMaxMessageSize(options.getMaxPacketSize())
        // ids are assigned by the connect flow, which also tells MQTT 5 clients the assigned id
        .setAutoClientId(false)
        .setTimeoutOnConnect(options.getConnectTimeoutSeconds());
    o.setTcpNoDelay(true);
    if (transport == Transport.WEBSOCKET) {
      o.setUseWebSocket(true);
      o.setWebSocketMaxFrameSize(options.getMaxPacketSize() + 16);
    }
    return o;
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

package io.tenantmq.mqtt.session;

import io.netty.channel.ChannelConfig;
import io.vertx.core.Vertx;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.mqtt.MqttEndpoint;

/**
 * Slows a publisher down the way EMQX 5's rate limiter does: the server stops reading from its socket for a while, so
 * TCP flow control holds the client back and nothing it sent is lost. Packets already read are handled normally.
 *
 * <p>Owned by: the connection's event loop.
 */
final class ReadPause {

  private ReadPause() {
  }

  /** Stops reading from {@code ep}'s socket for {@code millis} unless it is paused already. */
  static void pause(MqttEndpoint ep, long millis, Vertx vertx) {
    NetSocketInternal connection = ep == null ? null : EndpointChannel.of(ep);
    if (connection == null) {
      return;
    }
    ChannelConfig config = connection.channelHandlerContext().channel().config();
    if (!config.isAutoRead()) {
      return;
    }
    config.setAutoRead(false);
    vertx.setTimer(millis, id -> config.setAutoRead(true));
  }
}

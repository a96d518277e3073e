package io.tenantmq.mqtt.session;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.mqtt.MqttEndpoint;
import java.util.concurrent.TimeUnit;

/**
 * Changes the keepalive the server enforces on a live connection. vertx-mqtt fixes it at CONNECT (a Netty
 * {@link IdleStateHandler} named {@value #VERTX_IDLE} and a closer named {@value #VERTX_CLOSER} before the pipeline's
 * {@value #ANCHOR} handler) and offers no way to change it; this replaces both with a watch of the new length, or with
 * none for 0. [MQTT-3.1.2-24] the connection ends after one and a half keepalive periods without a packet.
 *
 * <p>Owned by: the connection's event loop (the session's context), where pipeline changes take effect at once.
 */
final class KeepAlive {

  static final String VERTX_IDLE = "idle";
  static final String VERTX_CLOSER = "keepAliveHandler";
  static final String ANCHOR = "handler";
  static final String IDLE = "tenantmq.keepalive.idle";
  static final String CLOSER = "tenantmq.keepalive.closer";
  static final String VERTX_OBSERVED = "tenantmq.keepalive.observer";

  private KeepAlive() {
  }

  /**
   * The keepalive the server holds an MQTT 5 client to: {@code maxSeconds} when the client asks for more or for none
   * (0), which CONNACK then tells it as Server Keep Alive [MQTT-3.2.2-21]; otherwise the client's own [MQTT-3.2.2-22].
   * MQTT 3 clients cannot be told, so they keep theirs; so does everyone when no maximum is set (0).
   */
  static int negotiated(int clientSeconds, boolean mqtt5, int maxSeconds) {
    if (!mqtt5 || maxSeconds == 0) {
      return clientSeconds;
    }
    return clientSeconds == 0 || clientSeconds > maxSeconds ? maxSeconds : clientSeconds;
  }

  /**
   * Enforces {@code seconds} (0: no keepalive) from now on, calling {@code onTimeout} on the connection's event loop
   * when it runs out; false, changing nothing, when the connection's pipeline cannot be reached.
   */
  static boolean apply(MqttEndpoint ep, int seconds, Runnable onTimeout) {
    NetSocketInternal connection = EndpointChannel.of(ep);
    if (connection == null) {
      return false;
    }
    ChannelPipeline pipeline = connection.channelHandlerContext().pipeline();
    if (pipeline.get(ANCHOR) == null) {
      return false;
    }
    for (String name : new String[] {VERTX_IDLE, VERTX_OBSERVED, VERTX_CLOSER, IDLE, CLOSER}) {
      if (pipeline.get(name) != null) {
        pipeline.remove(name);
      }
    }
    if (seconds > 0) {
      // the period starts now, as it does at CONNECT
      pipeline.addBefore(ANCHOR, IDLE, new IdleStateHandler(seconds * 1500L, 0, 0, TimeUnit.MILLISECONDS));
      pipeline.addBefore(ANCHOR, CLOSER, new Closer(onTimeout));
    }
    return true;
  }

  /**
   * Leaves vertx-mqtt's own keepalive in place but calls {@code onTimeout} on the connection's event loop just before
   * it closes the connection, so that the session knows why it closed; false when there is no such keepalive.
   */
  static boolean observe(MqttEndpoint ep, Runnable onTimeout) {
    NetSocketInternal connection = EndpointChannel.of(ep);
    if (connection == null) {
      return false;
    }
    ChannelPipeline pipeline = connection.channelHandlerContext().pipeline();
    if (pipeline.get(VERTX_CLOSER) == null || pipeline.get(VERTX_OBSERVED) != null) {
      return false;
    }
    pipeline.addBefore(VERTX_CLOSER, VERTX_OBSERVED, new Observer(onTimeout));
    return true;
  }

  /** Sees the reader-idle event on its way to vertx-mqtt's closer. */
  private static final class Observer extends ChannelDuplexHandler {
    private final Runnable onTimeout;

    Observer(Runnable onTimeout) {
      this.onTimeout = onTimeout;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
      if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
        onTimeout.run();
      }
      super.userEventTriggered(ctx, event);
    }
  }

  /** Turns the reader-idle event into the session's timeout. */
  private static final class Closer extends ChannelDuplexHandler {
    private final Runnable onTimeout;

    Closer(Runnable onTimeout) {
      this.onTimeout = onTimeout;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
      if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
        onTimeout.run();
      } else {
        super.userEventTriggered(ctx, event);
      }
    }
  }
}

package io.tenantmq.bench.load;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that connect and close at a fixed rate (open loop): each cycle opens a TCP connection, sends an MQTT 3.1.1
 * CONNECT with a fresh client id, waits for the CONNACK and closes the socket without DISCONNECT, recording when
 * ({@link #closedAt}). The sockets close with SO_LINGER 0 (a reset, no TIME_WAIT), so thousands of cycles a second do
 * not run the loopback out of ports; the broker sees the connection drop, which is what a {@code tcpclean} reports.
 * Cycles are started from a timer on each of {@code loops} event loops; at most {@code maxPending} may be under way,
 * and a cycle that would exceed it is skipped and counted, so an overloaded machine shows a lower reached rate
 * instead of an ever-growing backlog.
 */
final class ConnectionChurn {

  private static final long TICK_MILLIS = 5;

  private final Vertx vertx;
  private final int port;
  private final String prefix;
  private final int maxPending;
  private final NetClient net;
  private final Map<String, Long> closedAt = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong closed = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final List<Context> contexts = new ArrayList<>();
  private final List<Long> timers = new ArrayList<>();

  ConnectionChurn(Vertx vertx, int port, String prefix, int loops, int maxPending) {
    this.vertx = vertx;
    this.port = port;
    this.prefix = prefix;
    this.maxPending = maxPending;
    this.net = vertx.createNetClient(new NetClientOptions().setSoLinger(0).setTcpNoDelay(true)
        .setConnectTimeout(10_000));
    for (int i = 0; i < loops; i++) {
      contexts.add(vertx.getOrCreateContext());
    }
  }

  /** Starts cycling at {@code perSecond} connections a second in all, spread over the event loops. */
  synchronized void start(double perSecond) {
    stop();
    double perLoop = perSecond / contexts.size();
    for (Context context : contexts) {
      context.runOnContext(v -> {
        long startNanos = System.nanoTime();
        long[] started = {0};
        long timer = vertx.setPeriodic(TICK_MILLIS, id -> {
          long due = (long) ((System.nanoTime() - startNanos) / 1e9 * perLoop);
          for (; started[0] < due; started[0]++) {
            if (pending.get() >= maxPending) {
              skipped.incrementAndGet();
            } else {
              cycle();
            }
          }
        });
        synchronized (this) {
          timers.add(timer);
        }
      });
    }
  }

  /** Starts one cycle now. */
  void once() {
    contexts.get(0).runOnContext(v -> cycle());
  }

  /** Stops starting cycles; those under way finish. */
  synchronized void stop() {
    timers.forEach(vertx::cancelTimer);
    timers.clear();
  }

  /** When each client's socket was closed (System.nanoTime), by client id; the consumer removes what it sees. */
  Map<String, Long> closedAt() {
    return closedAt;
  }

  boolean isOurs(String clientId) {
    return clientId.startsWith(prefix);
  }

  long closed() {
    return closed.get();
  }

  long skipped() {
    return skipped.get();
  }

  long failed() {
    return failed.get();
  }

  int pending() {
    return pending.get();
  }

  private void cycle() {
    String clientId = prefix + Long.toString(sequence.incrementAndGet(), 36);
    pending.incrementAndGet();
    net.connect(port, "127.0.0.1").onComplete(connected -> {
      if (connected.failed()) {
        failed.incrementAndGet();
        pending.decrementAndGet();
        return;
      }
      NetSocket socket = connected.result();
      boolean[] answered = {false};
      socket.handler(answer -> {
        answered[0] = true;
        // CONNACK: 0x20 0x02 <session present> <return code>
        if (answer.length() >= 4 && answer.getByte(0) == 0x20 && answer.getByte(3) == 0) {
          closedAt.put(clientId, System.nanoTime());
          closed.incrementAndGet();
        } else {
          failed.incrementAndGet();
        }
        socket.handler(null);
        socket.close();
        pending.decrementAndGet();
      });
      socket.closeHandler(v -> {
        if (!answered[0]) {
          // the broker closed it before a CONNACK
          answered[0] = true;
          failed.incrementAndGet();
          pending.decrementAndGet();
        }
      });
      socket.write(connect(clientId));
    });
  }

  /** An MQTT 3.1.1 CONNECT: clean session, keepalive 60 s, no user name. */
  static Buffer connect(String clientId) {
    byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
    int remaining = 10 + 2 + id.length;
    Buffer packet = Buffer.buffer(2 + remaining).appendByte((byte) 0x10).appendByte((byte) remaining)
        .appendShort((short) 4).appendString("MQTT").appendByte((byte) 4).appendByte((byte) 0x02)
        .appendShort((short) 60).appendShort((short) id.length).appendBytes(id);
    if (remaining > 127) {
      throw new IllegalArgumentException("client id too long for a one-byte remaining length: " + clientId);
    }
    return packet;
  }

  void close() {
    stop();
    net.close();
  }
}

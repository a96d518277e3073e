package io.tenantmq.gateway.events;

import io.tenantmq.control.event.ClientEvent;
import io.tenantmq.control.event.EventBatch;
import io.tenantmq.control.event.EventStream;
import io.tenantmq.control.event.EventSubscription;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription of one instance's stream as Server-Sent Events: {@code id: <offset>}, {@code event: <tag>},
 * {@code data: <event body>} per event, and a {@code : keepalive} comment at a fixed interval so that proxies keep an
 * idle stream open. There is no consumer group: a reader that reconnects sends {@code Last-Event-ID} and resumes
 * after that offset.
 *
 * <p>Each stream is a loop of {@link EventStream#follow} calls, each waiting (on the stream's partition, not on a
 * thread) for the next matching events; the loop runs on the request's event loop, waits for the connection to drain
 * when the reader is slow, and ends when the connection closes, so a reader that goes away leaves nothing running.
 */
public final class EventSse {

  /** EMQX-style proxies drop idle connections after 30 to 60 s; a comment every 15 s keeps them. */
  public static final Duration KEEPALIVE = Duration.ofSeconds(15);
  /** How long one read of the loop waits; the reader sees keepalives meanwhile. */
  static final Duration LONG_POLL = Duration.ofSeconds(30);
  static final int BATCH = 100;
  static final String LAST_EVENT_ID = "Last-Event-ID";

  private static final Logger LOG = LoggerFactory.getLogger(EventSse.class);

  private final EventStream stream;
  private final Duration keepalive;
  private final Duration longPoll;
  private final AtomicInteger open = new AtomicInteger();

  public EventSse(EventStream stream) {
    this(stream, KEEPALIVE, LONG_POLL);
  }

  /** With other intervals, for tests that cannot wait 15 s for a keepalive. */
  public EventSse(EventStream stream, Duration keepalive, Duration longPoll) {
    this.stream = stream;
    this.keepalive = keepalive;
    this.longPoll = longPoll;
  }

  /** How many streams are being served now. */
  public int openStreams() {
    return open.get();
  }

  /**
   * Checks the request ({@code topic}, {@code tags}, {@code from} = {@code first}, {@code last} (default) or an offset,
   * and the {@code Last-Event-ID} header, which wins over {@code from}), then streams. A bad request throws
   * {@link EventParamException} before anything is written.
   */
  public void serve(RoutingContext ctx, String instanceId, ParamSource params) {
    EventSubscription subscription = EventRequests.subscription(instanceId, params);
    long from = start(ctx.request().getHeader(LAST_EVENT_ID), params.text(EventParam.FROM));
    // "last" means after what is stored when the reader asked, not after whatever the first read happens to see
    Future<Long> first = from == Long.MAX_VALUE
        ? Future.fromCompletionStage(stream.nextOffset(instanceId), ctx.vertx().getOrCreateContext())
        : Future.succeededFuture(from);
    first.onSuccess(offset -> new Reader(ctx, subscription, offset).start()).onFailure(ctx::fail);
  }

  /** The first offset to read: after {@code Last-Event-ID}, else {@code from}; {@link Long#MAX_VALUE} for "last". */
  static long start(String lastEventId, Optional<String> from) {
    if (lastEventId != null && !lastEventId.isBlank()) {
      long id = offset(lastEventId.trim(), "the Last-Event-ID header must be an event's offset");
      return id == Long.MAX_VALUE ? id : id + 1;
    }
    String text = from.filter(f -> !f.isEmpty()).orElse("last").toLowerCase(Locale.ROOT);
    return switch (text) {
      case "first" -> 0L;
      case "last" -> Long.MAX_VALUE;
      default -> offset(text, "must be first, last or an offset");
    };
  }

  private static long offset(String text, String problem) {
    try {
      long value = Long.parseLong(text);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // the error below
    }
    throw EventParamException.invalid(EventParam.FROM, problem);
  }

  /** One open stream: its position, its keepalive timer, and whether its connection is gone. */
  private final class Reader {
    private final RoutingContext ctx;
    private final HttpServerResponse response;
    private final EventSubscription subscription;
    private long next;
    private long timer = -1;
    private boolean stopped;

    Reader(RoutingContext ctx, EventSubscription subscription, long next) {
      this.ctx = ctx;
      this.response = ctx.response();
      this.subscription = subscription;
      this.next = next;
    }

    void start() {
      if (response.closed() || response.ended()) {
        return;
      }
      open.incrementAndGet();
      response.closeHandler(v -> stop());
      response.exceptionHandler(e -> stop());
      response.setChunked(true)
          .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
          .putHeader("X-Accel-Buffering", "no"); // nginx: pass events through at once
      response.writeHead();
      timer = ctx.vertx().setPeriodic(keepalive.toMillis(), id -> {
        if (!stopped && !response.writeQueueFull()) {
          response.write(": keepalive\n\n");
        }
      });
      read();
    }

    private void read() {
      if (stopped) {
        return;
      }
      Future.fromCompletionStage(stream.follow(subscription, next, BATCH, longPoll), ctx.vertx().getOrCreateContext())
          .onSuccess(this::deliver)
          .onFailure(e -> {
            LOG.warn("event stream of {} for an SSE reader failed; closing it: {}", subscription.topic().name(),
                e.toString());
            end();
          });
    }

    private void deliver(EventBatch batch) {
      if (stopped) {
        return;
      }
      StringBuilder text = new StringBuilder();
      for (ClientEvent event : batch.events()) {
        text.append(EventJson.sse(event));
      }
      next = batch.nextOffset();
      if (!text.isEmpty()) {
        response.write(text.toString());
      }
      if (response.writeQueueFull()) {
        // a slow reader: read on when what was written has gone out
        response.drainHandler(v -> {
          response.drainHandler(null);
          read();
        });
      } else {
        read();
      }
    }

    private void end() {
      if (!stopped && !response.ended() && !response.closed()) {
        response.end();
      }
      stop();
    }

    private void stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      open.decrementAndGet();
      ctx.vertx().cancelTimer(timer);
    }
  }
}

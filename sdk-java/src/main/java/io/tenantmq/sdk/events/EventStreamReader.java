package io.tenantmq.sdk.events;

import io.tenantmq.sdk.emqx.EmqxClientOptions;
import io.tenantmq.sdk.emqx.EmqxStyleClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads a topic's Server-Sent Events ({@code GET /api/v5/event-streams/{topic}/sse}) on a background thread and hands
 * each event to a handler, in stream order. There is no consumer group: the reader remembers the offset of the last
 * event its handler returned from ({@link #lastEventId()}) and, when the connection drops or goes silent for longer
 * than {@link Builder#idleTimeout} (the server comments every 15 s), reconnects with {@code Last-Event-ID} and resumes
 * right after it. An event whose handler threw is read again after the reconnect. Persist {@link #lastEventId()} and
 * pass it to {@link Builder#resumeAfter(long)} to resume across restarts.
 */
public final class EventStreamReader implements AutoCloseable {

  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(45);

  private final EmqxClientOptions options;
  private final HttpClient http;
  private final String topic;
  private final String tags;
  private final String from;
  private final Duration idleTimeout;
  private final Duration maxBackoff;
  private final Consumer<Throwable> onError;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final ScheduledExecutorService watchdog;
  private volatile long lastEventId;
  private volatile long lastRead;
  private volatile InputStream body;
  private volatile boolean running;
  private Thread thread;

  private EventStreamReader(Builder builder) {
    if (builder.options.getBaseUri() == null || builder.topic == null) {
      throw new IllegalArgumentException("endpoint, apiKey, apiSecret and topic are required");
    }
    builder.options.authorization(); // throws when the key or secret is missing
    this.options = new EmqxClientOptions(builder.options);
    this.http = options.newHttpClient();
    this.topic = builder.topic;
    this.tags = builder.tags;
    this.from = builder.from;
    this.lastEventId = builder.lastEventId;
    this.idleTimeout = builder.idleTimeout;
    this.maxBackoff = builder.maxBackoff;
    this.onError = builder.onError;
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tenantmq-sse-watchdog-" + topic);
      t.setDaemon(true);
      return t;
    });
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts reading on a daemon thread; once. */
  public synchronized EventStreamReader start(Consumer<ClientStatusEvent> handler) {
    Objects.requireNonNull(handler, "handler");
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    running = true;
    lastRead = System.nanoTime();
    watchdog.scheduleWithFixedDelay(this::closeIfIdle, 1, 1, TimeUnit.SECONDS);
    thread = new Thread(() -> run(handler), "tenantmq-sse-" + topic);
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /** The offset of the last event the handler returned from; -1 before the first. */
  public long lastEventId() {
    return lastEventId;
  }

  /** Stops reading: closes the connection and waits for the thread (and the handler it is in) up to 10 s. */
  @Override
  public void close() {
    Thread worker;
    synchronized (this) {
      running = false;
      worker = thread;
    }
    stopped.countDown();
    watchdog.shutdownNow();
    closeBody();
    if (worker != null && worker != Thread.currentThread()) {
      try {
        worker.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run(Consumer<ClientStatusEvent> handler) {
    long backoff = 0;
    while (running) {
      try {
        if (read(handler)) {
          backoff = 0;
        }
      } catch (Exception e) {
        if (!running) {
          break;
        }
        onError.accept(e);
      }
      if (running) {
        backoff = backoff == 0 ? EventConsumer.MIN_BACKOFF.toMillis() : Math.min(backoff * 2, maxBackoff.toMillis());
        try {
          stopped.await(backoff, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** One connection, until it ends; whether it delivered any event. */
  private boolean read(Consumer<ClientStatusEvent> handler) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.getBaseUri() + "/event-streams/"
            + encode(topic) + "/sse?tags=" + encode(tags) + "&from=" + encode(from)))
        .header("Authorization", options.authorization())
        .header("Accept", "text/event-stream")
        .GET();
    if (lastEventId >= 0) {
      request.header("Last-Event-ID", Long.toString(lastEventId));
    }
    HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    body = response.body();
    if (!running) {
      closeBody();
    }
    if (response.statusCode() >= 300) {
      try (InputStream in = response.body()) {
        throw EmqxStyleClient.error(response.statusCode(), in.readAllBytes());
      }
    }
    boolean delivered = false;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String id = null;
      StringBuilder data = new StringBuilder();
      for (String line = lines.readLine(); line != null && running; line = lines.readLine()) {
        lastRead = System.nanoTime();
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            ClientStatusEvent event = ClientStatusEvent.fromJson(data.toString());
            handler.accept(event);
            lastEventId = id != null ? Long.parseLong(id) : event.offset();
            delivered = true;
          }
          id = null;
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          id = field(line);
        } else if (line.startsWith("data:")) {
          data.append(data.isEmpty() ? "" : "\n").append(field(line));
        }
        // "event:" repeats the body's eventType; ":" lines are keepalive comments
      }
    } catch (IOException e) {
      if (running) {
        throw e;
      }
    }
    return delivered;
  }

  private void closeIfIdle() {
    if (System.nanoTime() - lastRead > idleTimeout.toNanos()) {
      lastRead = System.nanoTime();
      closeBody();
    }
  }

  private void closeBody() {
    InputStream in = body;
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // closing is all we wanted
      }
    }
  }

  private static String field(String line) {
    String value = line.substring(line.indexOf(':') + 1);
    return value.startsWith(" ") ? value.substring(1) : value;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Options of an {@link EventStreamReader}. */
  public static final class Builder {

    private EmqxClientOptions options = new EmqxClientOptions();
    private String topic;
    private String tags = "*";
    private String from = "last";
    private long lastEventId = -1;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Duration maxBackoff = EventConsumer.DEFAULT_MAX_BACKOFF;
    private Consumer<Throwable> onError = e -> System.getLogger(EventStreamReader.class.getName())
        .log(System.Logger.Level.WARNING, "event stream reader: " + e + "; reconnecting");

    private Builder() {
    }

    public Builder endpoint(String endpoint) {
      options.setEndpoint(endpoint);
      return this;
    }

    public Builder apiKey(String apiKey) {
      options.setApiKey(apiKey);
      return this;
    }

    public Builder apiSecret(String apiSecret) {
      options.setApiSecret(apiSecret);
      return this;
    }

    /** Endpoint, key, secret and HTTP options at once (copied). */
    public Builder clientOptions(EmqxClientOptions options) {
      this.options = new EmqxClientOptions(options);
      return this;
    }

    /** The topic (the instance id or {@code <GroupID>_MQTT}) and a tag expression. */
    public Builder subscribe(String topic, String tagExpression) {
      this.topic = PullRequest.requireText(topic, "topic");
      this.tags = tagExpression == null || tagExpression.isBlank() ? "*" : tagExpression.trim();
      return this;
    }

    /** Where the first connection starts: {@link ConsumeFrom#LAST} (default) or the oldest stored event. */
    public Builder from(ConsumeFrom from) {
      this.from = from.wire();
      return this;
    }

    /** Resume right after this offset (a {@link #lastEventId()} saved before); wins over {@link #from}. */
    public Builder resumeAfter(long offset) {
      if (offset < 0) {
        throw new IllegalArgumentException("offset must be >= 0, was " + offset);
      }
      this.lastEventId = offset;
      return this;
    }

    /** How long a connection may stay silent (no event, no keepalive) before the reader reconnects (default 45 s). */
    public Builder idleTimeout(Duration idleTimeout) {
      if (idleTimeout == null || idleTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("idleTimeout must be at least 1 s, was " + idleTimeout);
      }
      this.idleTimeout = idleTimeout;
      return this;
    }

    /** Called on the reader's thread with each connection or handler error (default: a warning on System.Logger). */
    public Builder onError(Consumer<Throwable> onError) {
      this.onError = Objects.requireNonNull(onError, "onError");
      return this;
    }

    public EventStreamReader build() {
      return new EventStreamReader(this);
    }
  }
}

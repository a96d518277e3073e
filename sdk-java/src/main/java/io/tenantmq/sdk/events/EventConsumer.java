package io.tenantmq.sdk.events;

import io.tenantmq.sdk.emqx.EmqxClientOptions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A push consumer in the style of RocketMQ's {@code DefaultMQPushConsumer}, over the gateway's HTTP pull and ack: a
 * background thread long-polls the topic for the consumer group, hands each batch to the {@link MessageListener} and
 * acknowledges it when the listener answers {@link ConsumeStatus#CONSUME_SUCCESS}. Events of a batch that is not
 * acknowledged (the listener answered {@link ConsumeStatus#RECONSUME_LATER} or threw, the ack failed, the consumer was
 * shut down first) are delivered again once their invisible time is over, to this or another consumer of the group:
 * at least once. On an HTTP or transport error the thread reports it ({@link Builder#onError}) and retries after a
 * backoff that doubles from {@link #MIN_BACKOFF} up to {@link Builder#maxRetryBackoff}.
 *
 * <pre>{@code
 * EventConsumer consumer = EventConsumer.builder()
 *     .endpoint("http://127.0.0.1:8080").apiKey(key).apiSecret(secret)
 *     .consumerGroup("presence").subscribe(instanceId, "connect||tcpclean")
 *     .build();
 * consumer.registerListener(tracker.listener());
 * consumer.start();
 * }</pre>
 */
public final class EventConsumer implements AutoCloseable {

  public static final Duration MIN_BACKOFF = Duration.ofMillis(100);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

  private static final System.Logger LOG = System.getLogger(EventConsumer.class.getName());

  private final EventStreamClient client;
  private final PullRequest request;
  private final Consumer<Throwable> onError;
  private final Duration maxBackoff;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile MessageListener listener;
  private volatile boolean running;
  private volatile CompletableFuture<?> inFlightPull;
  private Thread thread;

  private EventConsumer(Builder builder) {
    this.client = builder.client != null ? builder.client : EventStreamClient.create(builder.options);
    String consumerId = builder.consumerId != null ? builder.consumerId
        : "consumer-" + UUID.randomUUID().toString().substring(0, 8);
    this.request = new PullRequest(builder.topic, builder.consumerGroup, builder.tags, builder.mode,
        consumerId, builder.from, builder.batchSize, builder.longPollSeconds, builder.invisibleSeconds);
    this.onError = builder.onError;
    this.maxBackoff = builder.maxBackoff;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Sets the listener; before {@link #start()}. */
  public synchronized EventConsumer registerListener(MessageListener listener) {
    if (thread != null) {
      throw new IllegalStateException("register the listener before start()");
    }
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** Starts the background thread (a daemon, named after the group and consumer id); once. */
  public synchronized EventConsumer start() {
    if (listener == null) {
      throw new IllegalStateException("registerListener before start()");
    }
    if (thread != null) {
      throw new IllegalStateException("already started; a consumer starts once (build another to restart)");
    }
    running = true;
    thread = new Thread(this::run, "tenantmq-events-" + request.consumerGroup() + "-" + request.consumerId());
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /**
   * Stops: a pull that is waiting is abandoned at once (what it may still lease is delivered again after the invisible
   * time); a batch the listener is consuming is finished and acknowledged. Waits for the thread up to
   * {@code timeout}; true when it ended.
   */
  public boolean shutdown(Duration timeout) {
    Thread worker;
    synchronized (this) {
      running = false;
      worker = thread;
    }
    stopped.countDown();
    CompletableFuture<?> pull = inFlightPull;
    if (pull != null) {
      pull.cancel(true);
    }
    if (worker == null || worker == Thread.currentThread()) {
      return true;
    }
    try {
      worker.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !worker.isAlive();
  }

  /** {@link #shutdown(Duration)} waiting up to 30 s for a batch in progress. */
  public void shutdown() {
    shutdown(Duration.ofSeconds(30));
  }

  @Override
  public void close() {
    shutdown();
  }

  public boolean isRunning() {
    return running;
  }

  /** What this consumer pulls with: topic, group, tags, mode, consumer id, batch size, long poll, invisible time. */
  public PullRequest request() {
    return request;
  }

  private void run() {
    long backoff = 0;
    while (running) {
      try {
        PullResult result = pull();
        backoff = 0;
        if (!result.messages().isEmpty()) {
          deliver(result.messages());
        }
      } catch (CancellationException e) {
        // shutdown abandoned the long poll
      } catch (Exception e) {
        if (!running) {
          break;
        }
        onError.accept(e instanceof ExecutionException ? e.getCause() : e);
        backoff = backoff == 0 ? MIN_BACKOFF.toMillis() : Math.min(backoff * 2, maxBackoff.toMillis());
        pause(backoff);
      }
    }
  }

  private PullResult pull() throws Exception {
    CompletableFuture<PullResult> pull = client.pull(request);
    inFlightPull = pull;
    if (!running) {
      // shutdown ran between the check and the assignment, and did not see this pull
      pull.cancel(true);
    }
    try {
      return pull.get();
    } finally {
      inFlightPull = null;
    }
  }

  private void deliver(List<ReceivedEvent> messages) throws Exception {
    List<ClientStatusEvent> events = messages.stream().map(ReceivedEvent::event).toList();
    ConsumeStatus status;
    try {
      status = listener.consume(events);
    } catch (RuntimeException e) {
      onError.accept(e);
      status = ConsumeStatus.RECONSUME_LATER;
    }
    if (status == ConsumeStatus.CONSUME_SUCCESS) {
      String consumerId = request.mode() == ConsumeMode.BROADCASTING ? request.consumerId() : null;
      client.ack(request.topic(), request.consumerGroup(), consumerId,
          messages.stream().map(ReceivedEvent::receiptHandle).toList()).get();
    }
  }

  private void pause(long millis) {
    try {
      stopped.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private static void log(Throwable error) {
    // EmqxApiException carries the status and EMQX's code and message, never the key or secret
    LOG.log(System.Logger.Level.WARNING, "event consumer: " + error + "; retrying");
  }

  /** Options of an {@link EventConsumer}; {@link #build()} validates them. */
  public static final class Builder {

    private EmqxClientOptions options = new EmqxClientOptions();
    private EventStreamClient client;
    private String consumerGroup;
    private String topic;
    private String tags = "*";
    private ConsumeMode mode = ConsumeMode.CLUSTERING;
    private String consumerId;
    private ConsumeFrom from = ConsumeFrom.LAST;
    private int batchSize = 32;
    private int longPollSeconds = 20;
    private int invisibleSeconds = 30;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Consumer<Throwable> onError = EventConsumer::log;

    private Builder() {
    }

    /** The node's HTTP address ({@code http://127.0.0.1:8080}) or a URL ending in {@code /api/v5}. */
    public Builder endpoint(String endpoint) {
      options.setEndpoint(endpoint);
      return this;
    }

    /** An EMQX API key of the instance whose events to consume. */
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

    /** One client shared by several consumers (its endpoint and key), instead of one of their own. */
    public Builder client(EventStreamClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** The consumer group: its committed offset survives the consumer, so a restart resumes there. */
    public Builder consumerGroup(String consumerGroup) {
      this.consumerGroup = PullRequest.requireText(consumerGroup, "consumerGroup");
      return this;
    }

    /**
     * The topic, the instance id (every client) or {@code <GroupID>_MQTT}, and a tag expression ({@code *},
     * {@code connect||tcpclean}).
     */
    public Builder subscribe(String topic, String tagExpression) {
      this.topic = PullRequest.requireText(topic, "topic");
      this.tags = tagExpression;
      return this;
    }

    /** {@link ConsumeMode#CLUSTERING} (the default) or {@link ConsumeMode#BROADCASTING}. */
    public Builder mode(ConsumeMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * This consumer's id within its group: required for broadcasting (it owns the offsets, so keep it across
     * restarts); a random one by default for clustering.
     */
    public Builder consumerId(String consumerId) {
      this.consumerId = PullRequest.requireText(consumerId, "consumerId");
      return this;
    }

    /** Where a group with no committed offset starts: {@link ConsumeFrom#LAST} (the default) or the first event. */
    public Builder consumeFrom(ConsumeFrom from) {
      this.from = Objects.requireNonNull(from, "from");
      return this;
    }

    /** Events per pull and per listener call, 1..1000 (default 32). */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** How long a pull waits for a first event, 0..30 (default 20). */
    public Builder longPollSeconds(int longPollSeconds) {
      this.longPollSeconds = longPollSeconds;
      return this;
    }

    /** How long delivered events stay leased before they come again unacknowledged, 1..43200 (default 30). */
    public Builder invisibleSeconds(int invisibleSeconds) {
      this.invisibleSeconds = invisibleSeconds;
      return this;
    }

    /** The longest pause between retries after errors (default 5 s). */
    public Builder maxRetryBackoff(Duration maxBackoff) {
      if (maxBackoff == null || maxBackoff.compareTo(MIN_BACKOFF) < 0) {
        throw new IllegalArgumentException("maxRetryBackoff must be at least " + MIN_BACKOFF + ", was " + maxBackoff);
      }
      this.maxBackoff = maxBackoff;
      return this;
    }

    /** Called on the consumer's thread with each pull, ack or listener error (default: a warning on System.Logger). */
    public Builder onError(Consumer<Throwable> onError) {
      this.onError = Objects.requireNonNull(onError, "onError");
      return this;
    }

    /** @throws IllegalArgumentException when the endpoint, key, secret, group or topic is missing, or a bad range */
    public EventConsumer build() {
      if (consumerGroup == null || topic == null) {
        throw new IllegalArgumentException("consumerGroup and subscribe(topic, tags) are required");
      }
      if (consumerId == null && mode == ConsumeMode.BROADCASTING) {
        throw new IllegalArgumentException("a broadcasting consumer needs a consumerId: it owns the offsets");
      }
      return new EventConsumer(this);
    }
  }
}

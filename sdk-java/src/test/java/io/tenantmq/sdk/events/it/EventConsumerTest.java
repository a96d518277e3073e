package io.tenantmq.sdk.events.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.tenantmq.sdk.emqx.EmqxApiException;
import io.tenantmq.sdk.emqx.EmqxClientOptions;
import io.tenantmq.sdk.events.ClientStatusEvent;
import io.tenantmq.sdk.events.ConsumeFrom;
import io.tenantmq.sdk.events.ConsumeMode;
import io.tenantmq.sdk.events.ConsumeStatus;
import io.tenantmq.sdk.events.EventConsumer;
import io.tenantmq.sdk.events.EventStreamClient;
import io.tenantmq.sdk.events.EventStreamReader;
import io.tenantmq.sdk.events.EventType;
import io.tenantmq.sdk.events.PresenceTracker;
import io.tenantmq.sdk.events.PullRequest;
import io.tenantmq.sdk.events.PullResult;
import io.tenantmq.sdk.it.TenantMqUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK's event consumption through the gateway's {@code /api/v5/event-streams} with an EMQX API key of the demo
 * instance, fed by real HiveMQ MQTT clients. Each test's clients are of a Group ID of its own
 * ({@code GID_<run>@@@<device>}) and its consumers subscribe to that Group ID's topic {@code GID_<run>_MQTT}, so the
 * tests see only their own events although the product is shared.
 */
class EventConsumerTest {

  static final Duration SOON = Duration.ofSeconds(20);

  static TenantMqUnderTest product;
  static EmqxClientOptions demoKey;
  final List<EventConsumer> consumers = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    product = TenantMqUnderTest.shared();
    demoKey = product.emqxClient(product.node.demo().tenantId(), product.instanceId()).options();
  }

  @AfterEach
  void stopConsumers() {
    consumers.forEach(c -> c.shutdown(Duration.ofSeconds(5)));
  }

  /** A Group ID of its own: its clients are {@code <group>@@@<device>}, its topic {@code <group>_MQTT}. */
  record Group(String id) {
    static Group fresh() {
      return new Group("GID_sdk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
    }

    String topic() {
      return id + "_MQTT";
    }

    String client(String device) {
      return id + "@@@" + device;
    }
  }

  EventConsumer.Builder consumer(Group group, String consumerGroup) {
    return EventConsumer.builder().clientOptions(demoKey).consumerGroup(consumerGroup)
        .subscribe(group.topic(), "connect||tcpclean").consumeFrom(ConsumeFrom.FIRST).longPollSeconds(5)
        .invisibleSeconds(3);
  }

  EventConsumer started(EventConsumer consumer, List<ClientStatusEvent> into) {
    consumers.add(consumer);
    return consumer.registerListener(events -> {
      into.addAll(events);
      return ConsumeStatus.CONSUME_SUCCESS;
    }).start();
  }

  /** Connects and disconnects each device once, one after the other. */
  static void cycle(Group group, int devices) {
    for (int i = 0; i < devices; i++) {
      Mqtt5BlockingClient mqtt = product.connect(group.client("d" + i), true, 0);
      mqtt.disconnect();
    }
  }

  static Set<String> keys(List<ClientStatusEvent> events) {
    return events.stream().map(e -> e.clientId() + "/" + e.eventType().tag()).collect(Collectors.toSet());
  }

  static Set<String> expectedKeys(Group group, int devices) {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < devices; i++) {
      keys.add(group.client("d" + i) + "/connect");
      keys.add(group.client("d" + i) + "/tcpclean");
    }
    return keys;
  }

  @Test
  void aRealClientsConnectAndCloseArriveInOrderOnItsChannel() {
    Group group = Group.fresh();
    List<ClientStatusEvent> seen = new CopyOnWriteArrayList<>();
    started(consumer(group, "order").build(), seen);
    Mqtt5BlockingClient mqtt = product.connect(group.client("dev1"), true, 0);
    mqtt.disconnect();

    await().atMost(SOON).until(() -> seen.size() >= 2);
    assertThat(seen).hasSize(2);
    ClientStatusEvent connect = seen.get(0);
    ClientStatusEvent tcpclean = seen.get(1);
    assertThat(connect.eventType()).isEqualTo(EventType.CONNECT);
    assertThat(tcpclean.eventType()).isEqualTo(EventType.TCPCLEAN);
    assertThat(connect.clientId()).isEqualTo(group.client("dev1"));
    assertThat(connect.groupId()).isEqualTo(group.id());
    assertThat(tcpclean.channelId()).isEqualTo(connect.channelId()).isNotBlank();
    assertThat(connect.clientIp()).startsWith("127.0.0.1:");
    assertThat(connect.node()).isNotBlank();
    assertThat(connect.reason()).isEmpty();
    assertThat(tcpclean.reason()).isNotEmpty();
    assertThat(tcpclean.offset()).isGreaterThan(connect.offset());
    assertThat(tcpclean.time()).isGreaterThanOrEqualTo(connect.time());
  }

  @Test
  void aPresenceTrackerFedByTheConsumerFollowsConnectTakeoverAndClose() {
    Group group = Group.fresh();
    String device = group.client("dev1");
    PresenceTracker tracker = PresenceTracker.create();
    List<ClientStatusEvent> seen = new CopyOnWriteArrayList<>();
    EventConsumer consumer = consumer(group, "presence").build();
    consumers.add(consumer);
    consumer.registerListener(events -> {
      seen.addAll(events);
      return tracker.listener().consume(events);
    }).start();

    Mqtt5BlockingClient first = product.connect(device, false, 600);
    await().atMost(SOON).until(() -> tracker.isOnline(device));

    // the same client id again: the second connection takes the session over, the first socket is closed
    Mqtt5BlockingClient second = product.connect(device, false, 600);
    await().atMost(SOON).until(() -> seen.stream().filter(e -> e.eventType() == EventType.TCPCLEAN).count() == 1);
    assertThat(tracker.isOnline(device)).isTrue();
    assertThat(tracker.onlineClients()).containsExactly(device);
    List<String> channels = seen.stream().filter(e -> e.eventType() == EventType.CONNECT)
        .map(ClientStatusEvent::channelId).toList();
    assertThat(channels).hasSize(2).doesNotHaveDuplicates();
    ClientStatusEvent takenOver = seen.stream().filter(e -> e.eventType() == EventType.TCPCLEAN).findFirst()
        .orElseThrow();
    assertThat(takenOver.channelId()).isEqualTo(channels.get(0));

    second.disconnect();
    await().atMost(SOON).until(() -> !tracker.isOnline(device));
    assertThat(tracker.onlineCount()).isZero();
    assertThat(first.getState().isConnected()).isFalse();
  }

  @Test
  void aConsumerShutDownMidStreamAndRestartedInItsGroupResumesWithoutLoss() throws Exception {
    Group group = Group.fresh();
    int devices = 12;
    cycle(group, devices);
    List<ClientStatusEvent> acked = new CopyOnWriteArrayList<>();
    List<ClientStatusEvent> unacked = new CopyOnWriteArrayList<>();
    CountDownLatch thirdBatch = new CountDownLatch(1);
    AtomicInteger batches = new AtomicInteger();
    EventConsumer first = consumer(group, "resume").batchSize(4).build();
    consumers.add(first);
    first.registerListener(events -> {
      if (batches.incrementAndGet() <= 2) {
        acked.addAll(events);
        return ConsumeStatus.CONSUME_SUCCESS;
      }
      // the process "crashes" while handling its third batch: nothing of it is acknowledged
      unacked.addAll(events);
      thirdBatch.countDown();
      return ConsumeStatus.RECONSUME_LATER;
    }).start();
    assertThat(thirdBatch.await(SOON.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(first.shutdown(Duration.ofSeconds(10))).isTrue();
    assertThat(acked).hasSize(8);

    List<ClientStatusEvent> afterRestart = new CopyOnWriteArrayList<>();
    started(consumer(group, "resume").batchSize(4).build(), afterRestart);
    Set<String> expected = expectedKeys(group, devices);
    await().atMost(SOON).until(() -> {
      Set<String> all = new HashSet<>(keys(acked));
      all.addAll(keys(afterRestart));
      return all.containsAll(expected);
    });
    // the unacknowledged batch came again; what was acknowledged did not
    assertThat(keys(afterRestart)).containsAll(keys(unacked)).doesNotContainAnyElementsOf(keys(acked));
    long committed = EventStreamClient.create(demoKey).committedOffset(group.topic(), "resume", null).get(10,
        TimeUnit.SECONDS);
    assertThat(committed).isGreaterThanOrEqualTo(acked.get(acked.size() - 1).offset());
  }

  @Test
  void twoConsumersOfOneClusteringGroupSplitTheEvents() {
    Group group = Group.fresh();
    List<ClientStatusEvent> a = new CopyOnWriteArrayList<>();
    List<ClientStatusEvent> b = new CopyOnWriteArrayList<>();
    started(consumer(group, "split").batchSize(1).consumerId("a").build(), a);
    started(consumer(group, "split").batchSize(1).consumerId("b").build(), b);
    int devices = 20;
    cycle(group, devices);

    Set<String> expected = expectedKeys(group, devices);
    await().atMost(SOON).until(() -> a.size() + b.size() >= expected.size());
    assertThat(a).isNotEmpty();
    assertThat(b).isNotEmpty();
    Set<String> union = new HashSet<>(keys(a));
    union.addAll(keys(b));
    assertThat(union).isEqualTo(expected);
    // each event went to one of them (acknowledged at once, so nothing was redelivered)
    assertThat(a.size() + b.size()).isEqualTo(expected.size());
  }

  @Test
  void broadcastingConsumersOfOneGroupEachSeeEveryEvent() {
    Group group = Group.fresh();
    List<ClientStatusEvent> a = new CopyOnWriteArrayList<>();
    List<ClientStatusEvent> b = new CopyOnWriteArrayList<>();
    started(consumer(group, "fanout").mode(ConsumeMode.BROADCASTING).consumerId("a").build(), a);
    started(consumer(group, "fanout").mode(ConsumeMode.BROADCASTING).consumerId("b").build(), b);
    cycle(group, 5);

    Set<String> expected = expectedKeys(group, 5);
    await().atMost(SOON).until(() -> keys(a).equals(expected) && keys(b).equals(expected));
  }

  @Test
  void anotherTenantsConsumerSeesNoneOfTheseEventsAndCannotReadThisInstance() throws Exception {
    Group group = Group.fresh();
    String otherInstance = product.otherTenantInstance("evt" + UUID.randomUUID().toString().substring(0, 8));
    EmqxClientOptions otherKey = product.emqxClient("tenant-" + otherInstance.substring("mqtt-".length()),
        otherInstance).options();
    List<ClientStatusEvent> ours = new CopyOnWriteArrayList<>();
    started(consumer(group, "mine").build(), ours);
    cycle(group, 3);
    await().atMost(SOON).until(() -> keys(ours).equals(expectedKeys(group, 3)));

    EventStreamClient other = EventStreamClient.create(otherKey);
    // its own instance topic, and the same Group ID's topic, which names its own instance's clients of that Group ID
    for (String topic : List.of(otherInstance, group.topic())) {
      PullResult theirs = other.pull(new PullRequest(topic, "spy", "*", ConsumeMode.CLUSTERING, null,
          ConsumeFrom.FIRST, 1000, 0, 30)).get(10, TimeUnit.SECONDS);
      assertThat(theirs.messages()).as(topic).isEmpty();
    }
    // and its key cannot name the demo instance's topic
    assertThatThrownBy(() -> other.pull(new PullRequest(product.instanceId(), "spy", "*", ConsumeMode.CLUSTERING,
        null, ConsumeFrom.FIRST, 10, 0, 30)).join())
        .isInstanceOf(CompletionException.class).cause().isInstanceOf(EmqxApiException.class)
        .satisfies(e -> assertThat(((EmqxApiException) e).status()).isEqualTo(400));
  }

  @Test
  void aBadTagExpressionIsRefusedInEmqxsEnvelope() {
    EventStreamClient client = EventStreamClient.create(demoKey);
    assertThatThrownBy(() -> client.pull(new PullRequest(product.instanceId(), "g", "connect||online",
        ConsumeMode.CLUSTERING, null, ConsumeFrom.LAST, 1, 0, 30)).join())
        .cause().isInstanceOf(EmqxApiException.class)
        .satisfies(e -> {
          EmqxApiException api = (EmqxApiException) e;
          assertThat(api.status()).isEqualTo(400);
          assertThat(api.code()).isEqualTo("BAD_REQUEST");
          assertThat(api.getMessage()).contains("online");
        });
  }

  @Test
  void anSseReaderSeesTheEventsAndResumesAfterTheLastOneItHandled() {
    Group group = Group.fresh();
    List<ClientStatusEvent> seen = new CopyOnWriteArrayList<>();
    long last;
    try (EventStreamReader reader = EventStreamReader.builder().clientOptions(demoKey)
        .subscribe(group.topic(), "connect||tcpclean").from(ConsumeFrom.FIRST).build().start(seen::add)) {
      Mqtt5BlockingClient mqtt = product.connect(group.client("sse1"), true, 0);
      mqtt.disconnect();
      await().atMost(SOON).until(() -> seen.size() == 2);
      assertThat(seen).extracting(ClientStatusEvent::eventType).containsExactly(EventType.CONNECT, EventType.TCPCLEAN);
      last = reader.lastEventId();
      assertThat(last).isEqualTo(seen.get(1).offset());
    }
    Mqtt5BlockingClient mqtt = product.connect(group.client("sse2"), true, 0);
    mqtt.disconnect();
    List<ClientStatusEvent> resumed = new CopyOnWriteArrayList<>();
    try (EventStreamReader reader = EventStreamReader.builder().clientOptions(demoKey)
        .subscribe(group.topic(), "*").resumeAfter(last).build().start(resumed::add)) {
      await().atMost(SOON).until(() -> resumed.stream().anyMatch(e -> e.eventType() == EventType.TCPCLEAN));
      // only what came after: sse2's connect, disconnect and tcpclean
      assertThat(resumed).extracting(ClientStatusEvent::clientId).containsOnly(group.client("sse2"));
      assertThat(resumed).extracting(ClientStatusEvent::eventType)
          .containsExactly(EventType.CONNECT, EventType.DISCONNECT, EventType.TCPCLEAN);
      assertThat(reader.lastEventId()).isGreaterThan(last);
    }
  }
}

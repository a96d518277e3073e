package io.tenantmq.control.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantmq.control.credential.SecretCipher;
import io.tenantmq.control.testing.EmbeddedMember;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Consumer groups on two real members: each consumer pulls through a different member. */
class HazelcastEventConsumersTest {

  static EmbeddedMember first;
  static EmbeddedMember second;
  static final AtomicInteger SEQ = new AtomicInteger();

  @BeforeAll
  static void start() {
    String cluster = "consumers-test-" + UUID.randomUUID();
    SecretCipher cipher = new SecretCipher(SecretCipher.newKey());
    first = new EmbeddedMember("consumers-1", cluster, null, cipher);
    second = new EmbeddedMember("consumers-2", cluster, null, cipher);
    await().atMost(Duration.ofSeconds(30)).until(() -> first.hazelcast.getCluster().getMembers().size() == 2);
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
  }

  static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  static String newInstance() {
    return "cons-i" + SEQ.incrementAndGet();
  }

  static List<Long> append(String instance, String clientId, ClientEventType type, int count) throws Exception {
    List<Long> offsets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      offsets.add(get(first.control.events().append(new ClientEvent(instance, clientId, System.currentTimeMillis(),
          type, "ch" + SEQ.incrementAndGet(), "127.0.0.1:1", groupOf(clientId), null, "n", "", -1))));
    }
    return offsets;
  }

  static String groupOf(String clientId) {
    int at = clientId.indexOf("@@@");
    return at < 0 ? null : clientId.substring(0, at);
  }

  static PullRequest request(String instance, String group, ConsumeMode mode, String consumerId, int max,
                             Duration wait, Duration invisible) {
    return new PullRequest(new EventSubscription(EventTopic.of(instance, instance), TagFilter.ALL), group, mode,
        consumerId, ConsumeFrom.FIRST, max, wait, invisible);
  }

  static PullRequest clustering(String instance, String group, int max) {
    return request(instance, group, ConsumeMode.CLUSTERING, null, max, Duration.ZERO, Duration.ofSeconds(30));
  }

  static List<Long> offsets(PullResult result) {
    return result.deliveries().stream().map(d -> d.event().offset()).toList();
  }

  static List<String> handles(PullResult result) {
    return result.deliveries().stream().map(Delivery::receiptHandle).toList();
  }

  static int ack(EventConsumers consumers, String instance, String group, String consumerId, List<String> handles)
      throws Exception {
    return get(consumers.ack(instance, group, consumerId, handles));
  }

  @Test
  void clusteringSpreadsATopicOverTwoConsumersAndDeliversNoAcknowledgedEventTwice() throws Exception {
    String instance = newInstance();
    List<Long> appended = append(instance, "dev", ClientEventType.CONNECT, 60);
    List<Long> seen = new ArrayList<>();
    List<Long> byFirst = new ArrayList<>();
    List<Long> bySecond = new ArrayList<>();
    // both consumers pull at the same time, each through its own member, and ack everything they get
    for (int round = 0; round < 20 && seen.size() < appended.size(); round++) {
      CompletableFuture<PullResult> a = first.control.consumers().pull(clustering(instance, "g", 4)).toCompletableFuture();
      CompletableFuture<PullResult> b = second.control.consumers().pull(clustering(instance, "g", 4)).toCompletableFuture();
      PullResult ra = get(a);
      PullResult rb = get(b);
      byFirst.addAll(offsets(ra));
      bySecond.addAll(offsets(rb));
      seen.addAll(offsets(ra));
      seen.addAll(offsets(rb));
      assertThat(ack(first.control.consumers(), instance, "g", null, handles(ra))).isEqualTo(ra.deliveries().size());
      assertThat(ack(second.control.consumers(), instance, "g", null, handles(rb))).isEqualTo(rb.deliveries().size());
    }
    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(appended);
    assertThat(byFirst).isNotEmpty();
    assertThat(bySecond).isNotEmpty();
    assertThat(get(first.control.consumers().committedOffset(instance, "g", null)))
        .isEqualTo(appended.get(appended.size() - 1) + 1);
    assertThat(get(second.control.consumers().pull(clustering(instance, "g", 10))).deliveries()).isEmpty();
  }

  @Test
  void broadcastingGivesEveryConsumerEveryEventWithItsOwnOffsets() throws Exception {
    String instance = newInstance();
    List<Long> appended = append(instance, "dev", ClientEventType.CONNECT, 5);
    PullRequest one = request(instance, "b", ConsumeMode.BROADCASTING, "one", 10, Duration.ZERO, Duration.ofSeconds(30));
    PullRequest two = request(instance, "b", ConsumeMode.BROADCASTING, "two", 10, Duration.ZERO, Duration.ofSeconds(30));
    PullResult got1 = get(first.control.consumers().pull(one));
    PullResult got2 = get(second.control.consumers().pull(two));
    assertThat(offsets(got1)).isEqualTo(appended);
    assertThat(offsets(got2)).isEqualTo(appended);
    // a broadcasting handle acknowledges only for its own consumer id
    assertThat(ack(first.control.consumers(), instance, "b", "two", handles(got1))).isZero();
    assertThat(ack(first.control.consumers(), instance, "b", null, handles(got1))).isZero();
    assertThat(ack(first.control.consumers(), instance, "b", "one", handles(got1))).isEqualTo(5);
    assertThat(get(second.control.consumers().committedOffset(instance, "b", "one"))).isEqualTo(appended.get(4) + 1);
    assertThat(get(second.control.consumers().committedOffset(instance, "b", "two"))).isEqualTo(appended.get(0));
    assertThat(get(second.control.consumers().committedOffset(instance, "b", "three"))).isEqualTo(-1);
  }

  @Test
  void anUnacknowledgedEventComesBackAfterItsInvisibleTimeAndItsOldHandleNoLongerAcks() throws Exception {
    String instance = newInstance();
    List<Long> appended = append(instance, "dev", ClientEventType.CONNECT, 2);
    PullRequest pull = request(instance, "g", ConsumeMode.CLUSTERING, null, 10, Duration.ZERO, Duration.ofSeconds(1));
    PullResult firstTime = get(first.control.consumers().pull(pull));
    assertThat(firstTime.deliveries()).extracting(Delivery::deliveryCount).containsExactly(1, 1);
    ack(first.control.consumers(), instance, "g", null, List.of(firstTime.deliveries().get(0).receiptHandle()));
    // while leased, no other pull gets it
    assertThat(get(second.control.consumers().pull(pull)).deliveries()).isEmpty();
    PullResult[] again = new PullResult[1];
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
      again[0] = get(second.control.consumers().pull(pull));
      return !again[0].deliveries().isEmpty();
    });
    assertThat(again[0].deliveries()).singleElement().satisfies(d -> {
      assertThat(d.event().offset()).isEqualTo(appended.get(1));
      assertThat(d.deliveryCount()).isEqualTo(2);
    });
    String old = firstTime.deliveries().get(1).receiptHandle();
    assertThat(again[0].deliveries().get(0).receiptHandle()).isNotEqualTo(old);
    assertThat(ack(first.control.consumers(), instance, "g", null, List.of(old))).isZero();
    assertThat(ack(first.control.consumers(), instance, "g", null, handles(again[0]))).isEqualTo(1);
    assertThat(get(first.control.consumers().committedOffset(instance, "g", null))).isEqualTo(appended.get(1) + 1);
  }

  @Test
  void theCommittedOffsetAdvancesOnlyPastAcknowledgedEvents() throws Exception {
    String instance = newInstance();
    List<Long> appended = append(instance, "dev", ClientEventType.CONNECT, 4);
    assertThat(get(first.control.consumers().committedOffset(instance, "g", null))).isEqualTo(-1);
    PullResult got = get(first.control.consumers().pull(clustering(instance, "g", 10)));
    assertThat(got.committedOffset()).isEqualTo(appended.get(0));
    List<String> h = handles(got);
    ack(second.control.consumers(), instance, "g", null, List.of(h.get(1), h.get(2)));
    assertThat(get(second.control.consumers().committedOffset(instance, "g", null))).isEqualTo(appended.get(0));
    ack(second.control.consumers(), instance, "g", null, List.of(h.get(0)));
    assertThat(get(second.control.consumers().committedOffset(instance, "g", null))).isEqualTo(appended.get(3));
    // acknowledging twice counts once
    assertThat(ack(second.control.consumers(), instance, "g", null, h)).isEqualTo(1);
    assertThat(get(second.control.consumers().committedOffset(instance, "g", null))).isEqualTo(appended.get(3) + 1);
  }

  @Test
  void aConsumerThatCrashesMidStreamIsReplacedWithoutLoss() throws Exception {
    String instance = newInstance();
    List<Long> appended = append(instance, "dev", ClientEventType.CONNECT, 10);
    PullRequest pull = request(instance, "g", ConsumeMode.CLUSTERING, null, 6, Duration.ZERO, Duration.ofSeconds(1));
    PullResult crashed = get(first.control.consumers().pull(pull));
    assertThat(crashed.deliveries()).hasSize(6);
    ack(first.control.consumers(), instance, "g", null, handles(crashed).subList(0, 3));
    // the crashed consumer never comes back; a new one pulls through the other member until it has everything
    Set<Long> got = new HashSet<>(offsets(crashed).subList(0, 3));
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
      PullResult r = get(second.control.consumers().pull(pull));
      got.addAll(offsets(r));
      ack(second.control.consumers(), instance, "g", null, handles(r));
      return got.size() == appended.size();
    });
    assertThat(got).containsExactlyInAnyOrderElementsOf(appended);
    assertThat(get(first.control.consumers().committedOffset(instance, "g", null))).isEqualTo(appended.get(9) + 1);
  }

  @Test
  void tagFiltersAndGroupIdTopicsDeliverOnlyTheirEventsAndCommitPastTheRest() throws Exception {
    String instance = newInstance();
    append(instance, "GID_a@@@d1", ClientEventType.CONNECT, 1);
    long clean = append(instance, "GID_a@@@d1", ClientEventType.TCPCLEAN, 1).get(0);
    append(instance, "GID_b@@@d2", ClientEventType.TCPCLEAN, 1);
    long last = append(instance, "GID_a@@@d1", ClientEventType.CONNECT, 1).get(0);
    EventSubscription cleansOfA = new EventSubscription(EventTopic.of(instance, "GID_a_MQTT"), TagFilter.parse("tcpclean"));
    PullRequest pull = new PullRequest(cleansOfA, "GID_consumer", ConsumeMode.CLUSTERING, null, ConsumeFrom.FIRST, 10,
        Duration.ZERO, Duration.ofSeconds(30));
    PullResult got = get(second.control.consumers().pull(pull));
    assertThat(offsets(got)).containsExactly(clean);
    assertThat(got.deliveries().get(0).event().clientId()).isEqualTo("GID_a@@@d1");
    ack(first.control.consumers(), instance, "GID_consumer", null, handles(got));
    assertThat(get(first.control.consumers().committedOffset(instance, "GID_consumer", null))).isEqualTo(last + 1);
  }

  @Test
  void aLongPollAnswersWhenAMatchingEventArrives() throws Exception {
    String instance = newInstance();
    PullRequest waiting = new PullRequest(new EventSubscription(EventTopic.of(instance, instance),
        TagFilter.parse("tcpclean")), "g", ConsumeMode.CLUSTERING, null, ConsumeFrom.LAST, 10, Duration.ofSeconds(20),
        Duration.ofSeconds(30));
    CompletableFuture<PullResult> pull = second.control.consumers().pull(waiting).toCompletableFuture();
    // the group exists once the pull has opened it at the end of the stream
    await().atMost(Duration.ofSeconds(10))
        .until(() -> get(first.control.consumers().committedOffset(instance, "g", null)) >= 0);
    append(instance, "dev", ClientEventType.CONNECT, 1);
    assertThat(pull).isNotDone();
    long clean = append(instance, "dev", ClientEventType.TCPCLEAN, 1).get(0);
    PullResult got = pull.get(10, TimeUnit.SECONDS);
    assertThat(offsets(got)).containsExactly(clean);
  }

  @Test
  void aLongPollWithNothingToDeliverAnswersEmptyWhenTheWaitIsOver() throws Exception {
    String instance = newInstance();
    append(instance, "dev", ClientEventType.CONNECT, 1);
    PullRequest waiting = new PullRequest(new EventSubscription(EventTopic.of(instance, instance), TagFilter.ALL),
        "g", ConsumeMode.CLUSTERING, null, ConsumeFrom.LAST, 10, Duration.ofMillis(500), Duration.ofSeconds(30));
    long before = System.nanoTime();
    PullResult got = get(first.control.consumers().pull(waiting));
    assertThat(got.deliveries()).isEmpty();
    assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(Duration.ofMillis(500).toNanos());
    assertThat(got.committedOffset()).isEqualTo(1);
  }

  @Test
  void aNewGroupFromLastSeesOnlyEventsAppendedAfterItsFirstPull() throws Exception {
    String instance = newInstance();
    append(instance, "dev", ClientEventType.CONNECT, 3);
    PullRequest fromLast = new PullRequest(new EventSubscription(EventTopic.of(instance, instance), TagFilter.ALL),
        "late", ConsumeMode.CLUSTERING, null, ConsumeFrom.LAST, 10, Duration.ZERO, Duration.ofSeconds(30));
    assertThat(get(first.control.consumers().pull(fromLast)).deliveries()).isEmpty();
    List<Long> later = append(instance, "dev", ClientEventType.TCPCLEAN, 2);
    assertThat(offsets(get(second.control.consumers().pull(fromLast)))).isEqualTo(later);
  }

  @Test
  void handlesActOnlyInTheNamedInstanceAndGarbageAcksNothing() throws Exception {
    String mine = newInstance();
    String other = newInstance();
    append(mine, "dev", ClientEventType.CONNECT, 2);
    append(other, "dev", ClientEventType.CONNECT, 2);
    PullResult got = get(first.control.consumers().pull(clustering(mine, "g", 10)));
    get(first.control.consumers().pull(clustering(other, "g", 10)));
    assertThat(ack(first.control.consumers(), other, "g", null, handles(got))).isZero();
    assertThat(ack(first.control.consumers(), mine, "g", null, List.of("", "x", "c1.2.3.4", "b..", "czz.zz.zz"))).isZero();
    assertThat(ack(first.control.consumers(), mine, "g", null, handles(got))).isEqualTo(2);
  }

  @Test
  void aGroupHoldsNoMoreUnacknowledgedEventsThanItsLimit() throws Exception {
    String instance = newInstance();
    List<Long> appended = append(instance, "dev", ClientEventType.CONNECT, 5);
    EventConsumers capped = new HazelcastEventConsumers(first.hazelcast, first.control.events(),
        first.control.workerExecutor(), 3);
    PullResult full = get(capped.pull(clustering(instance, "g", 10)));
    assertThat(offsets(full)).isEqualTo(appended.subList(0, 3));
    assertThat(get(capped.pull(clustering(instance, "g", 10))).deliveries()).isEmpty();
    ack(capped, instance, "g", null, handles(full).subList(0, 1));
    assertThat(offsets(get(capped.pull(clustering(instance, "g", 10))))).isEqualTo(appended.subList(3, 4));
  }

  @Test
  void deletingAnInstanceDropsItsConsumerGroups() throws Exception {
    String instance = newInstance();
    append(instance, "dev", ClientEventType.CONNECT, 1);
    get(first.control.consumers().pull(clustering(instance, "g", 10)));
    assertThat(get(second.control.consumers().committedOffset(instance, "g", null))).isZero();
    get(second.control.consumers().delete(instance));
    assertThat(get(first.control.consumers().committedOffset(instance, "g", null))).isEqualTo(-1);
  }
}

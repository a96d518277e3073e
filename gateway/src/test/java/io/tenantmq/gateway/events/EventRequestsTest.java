package io.tenantmq.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tenantmq.control.event.ClientEventType;
import io.tenantmq.control.event.ConsumeFrom;
import io.tenantmq.control.event.ConsumeMode;
import io.tenantmq.control.event.PullRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shared checks of pull, ack and offsets parameters: the contract's defaults, ranges and refusals. */
class EventRequestsTest {

  static final String INSTANCE = "mqtt-1";

  static ParamSource params(String... namesAndValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return p -> Optional.ofNullable(values.get(p.wireName(FieldNames.SNAKE)));
  }

  static EventParamException refused(ParamSource params) {
    EventParamException e = catchThrowableOfType(EventParamException.class, () -> EventRequests.pull(INSTANCE, params));
    assertThat(e).as("the pull must be refused").isNotNull();
    return e;
  }

  @Test
  void aPullWithOnlyTopicAndGroupGetsTheContractsDefaults() {
    PullRequest pull = EventRequests.pull(INSTANCE, params("topic", INSTANCE, "consumer_group", "GID_app"));
    assertThat(pull.instanceId()).isEqualTo(INSTANCE);
    assertThat(pull.subscription().topic().groupId()).isNull();
    assertThat(pull.subscription().tags().types()).containsExactlyInAnyOrder(ClientEventType.values());
    assertThat(pull.maxEvents()).isEqualTo(32);
    assertThat(pull.longPoll()).isEqualTo(Duration.ZERO);
    assertThat(pull.mode()).isEqualTo(ConsumeMode.CLUSTERING);
    assertThat(pull.from()).isEqualTo(ConsumeFrom.LAST);
    assertThat(pull.invisibleTime()).isEqualTo(Duration.ofSeconds(30));
    assertThat(pull.consumerId()).isNull();
  }

  @Test
  void everyParameterIsRead() {
    PullRequest pull = EventRequests.pull(INSTANCE, params("topic", "GID_x_MQTT", "consumer_group", "g1",
        "tags", "connect||tcpclean", "max", "1000", "wait_seconds", "30", "mode", "BROADCASTING", "consumer_id",
        "host@42", "from", "first", "invisible_seconds", "43200"));
    assertThat(pull.subscription().topic().groupId()).isEqualTo("GID_x");
    assertThat(pull.subscription().tags().expression()).isEqualTo("connect||tcpclean");
    assertThat(pull.maxEvents()).isEqualTo(1000);
    assertThat(pull.longPoll()).isEqualTo(Duration.ofSeconds(30));
    assertThat(pull.mode()).isEqualTo(ConsumeMode.BROADCASTING);
    assertThat(pull.consumerId()).isEqualTo("host@42");
    assertThat(pull.from()).isEqualTo(ConsumeFrom.FIRST);
    assertThat(pull.invisibleTime()).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void badValuesAreRefusedNamingTheParameter() {
    assertThat(refused(params("topic", INSTANCE)).param()).isEqualTo(EventParam.CONSUMER_GROUP);
    assertThat(refused(params("topic", INSTANCE)).missing()).isTrue();
    assertThat(refused(params("consumer_group", "g")).param()).isEqualTo(EventParam.TOPIC);
    assertThat(refused(params("topic", "orders", "consumer_group", "g")).param()).isEqualTo(EventParam.TOPIC);
    assertThat(refused(params("topic", INSTANCE, "consumer_group", "g", "tags", "online")).param())
        .isEqualTo(EventParam.TAGS);
    assertThat(refused(params("topic", INSTANCE, "consumer_group", "g", "max", "0")).param()).isEqualTo(EventParam.MAX);
    assertThat(refused(params("topic", INSTANCE, "consumer_group", "g", "max", "1001")).param()).isEqualTo(EventParam.MAX);
    assertThat(refused(params("topic", INSTANCE, "consumer_group", "g", "wait_seconds", "31")).param())
        .isEqualTo(EventParam.WAIT_SECONDS);
    assertThat(refused(params("topic", INSTANCE, "consumer_group", "g", "wait_seconds", "-1")).param())
        .isEqualTo(EventParam.WAIT_SECONDS);
    assertThat(refused(params("topic", INSTANCE, "consumer_group", "g", "invisible_seconds", "0")).param())
        .isEqualTo(EventParam.INVISIBLE_SECONDS);
    assertThat(refused(params("topic", INSTANCE, "consumer_group", "g", "invisible_seconds", "43201")).param())
        .isEqualTo(EventParam.INVISIBLE_SECONDS);
    assertThat(refused(params("topic", INSTANCE, "consumer_group", "g", "max", "ten")).message(FieldNames.PASCAL))
        .startsWith("MaxNumber: must be an integer");
    assertThat(refused(params("topic", INSTANCE, "consumer_group", "g", "mode", "fanout")).param())
        .isEqualTo(EventParam.MODE);
    assertThat(refused(params("topic", INSTANCE, "consumer_group", "g", "from", "middle")).param())
        .isEqualTo(EventParam.FROM);
    assertThat(refused(params("topic", INSTANCE, "consumer_group", "a b")).param()).isEqualTo(EventParam.CONSUMER_GROUP);
  }

  @Test
  void broadcastingWithoutAConsumerIdIsRefused() {
    EventParamException e = refused(params("topic", INSTANCE, "consumer_group", "g", "mode", "broadcasting"));
    assertThat(e.param()).isEqualTo(EventParam.CONSUMER_ID);
    assertThat(e.missing()).isTrue();
    assertThat(e.getMessage()).isEqualTo("consumer_id: required in broadcasting mode");
  }

  @Test
  void ackNeedsAGroupAndOneToAThousandNonEmptyHandles() {
    ConsumerRef consumer = EventRequests.consumer(INSTANCE, params("consumer_group", "g", "consumer_id", "c1"));
    assertThat(consumer).isEqualTo(new ConsumerRef(INSTANCE, "g", "c1"));
    assertThat(EventRequests.consumer(INSTANCE, params("topic", "GID_a_MQTT", "consumer_group", "g")).consumerId())
        .isNull();
    assertThat(catchThrowableOfType(EventParamException.class,
        () -> EventRequests.consumer(INSTANCE, params("topic", "GID a", "consumer_group", "g"))).param())
        .isEqualTo(EventParam.TOPIC);
    assertThat(catchThrowableOfType(EventParamException.class,
        () -> EventRequests.consumer(INSTANCE, params())).param()).isEqualTo(EventParam.CONSUMER_GROUP);
    assertThat(EventRequests.receiptHandles(List.of("h1", "h2"))).containsExactly("h1", "h2");
    assertThat(catchThrowableOfType(EventParamException.class, () -> EventRequests.receiptHandles(null)).missing())
        .isTrue();
    assertThat(catchThrowableOfType(EventParamException.class, () -> EventRequests.receiptHandles(List.of())).missing())
        .isFalse();
    assertThat(catchThrowableOfType(EventParamException.class, () -> EventRequests.receiptHandles(List.of("h", "")))
        .param()).isEqualTo(EventParam.RECEIPT_HANDLES);
    assertThat(catchThrowableOfType(EventParamException.class,
        () -> EventRequests.receiptHandles(java.util.Collections.nCopies(1001, "h"))).param())
        .isEqualTo(EventParam.RECEIPT_HANDLES);
  }

  @Test
  void sseStartsAfterLastEventIdElseAtFrom() {
    assertThat(EventSse.start("41", Optional.of("first"))).isEqualTo(42);
    assertThat(EventSse.start(null, Optional.of("first"))).isZero();
    assertThat(EventSse.start(null, Optional.of("7"))).isEqualTo(7);
    assertThat(EventSse.start(null, Optional.empty())).isEqualTo(Long.MAX_VALUE);
    assertThat(EventSse.start(" ", Optional.of("LAST"))).isEqualTo(Long.MAX_VALUE);
    assertThat(catchThrowableOfType(EventParamException.class, () -> EventSse.start("x", Optional.empty())))
        .isNotNull();
    assertThat(catchThrowableOfType(EventParamException.class, () -> EventSse.start(null, Optional.of("-1"))))
        .isNotNull();
  }
}

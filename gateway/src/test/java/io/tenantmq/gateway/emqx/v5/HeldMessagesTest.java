package io.tenantmq.gateway.emqx.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantmq.control.command.QueuedMessage;
import io.tenantmq.gateway.emqx.EmqxException;
import io.tenantmq.gateway.emqx.QueryParams;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeldMessagesTest {

  /** Three messages taken in within one millisecond, then one a millisecond later. */
  static final List<QueuedMessage> HELD = List.of(
      message("t/1", "one", 1000), message("t/2", "two", 1000), message("t/3", "three", 1000),
      message("t/4", "four", 1001));

  static QueuedMessage message(String topic, String payload, long insertedAtMillis) {
    return new QueuedMessage(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false, 0, insertedAtMillis);
  }

  static HeldMessages.Request request(boolean inflight, String query) {
    MultiMap params = MultiMap.caseInsensitiveMultiMap();
    for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
      String[] kv = pair.split("=", 2);
      params.add(kv[0], kv[1]);
    }
    return HeldMessages.Request.from(new QueryParams(params), inflight);
  }

  static List<String> topics(JsonObject page) {
    return page.getJsonArray("data").stream().map(o -> ((JsonObject) o).getString("topic")).toList();
  }

  @Test
  void positionsWalkEveryMessageOnceEvenWithinOneMillisecond() {
    List<String> seen = new ArrayList<>();
    String position = "none";
    for (int pages = 0; pages < 10; pages++) {
      JsonObject page = HeldMessages.page(request(false, "limit=2&position=" + position), HELD);
      assertThat(page.getJsonObject("meta").getString("start")).isEqualTo("1000000000_0");
      if (page.getJsonArray("data").isEmpty()) {
        assertThat(page.getJsonObject("meta").getString("position")).isEqualTo(position);
        break;
      }
      seen.addAll(topics(page));
      position = page.getJsonObject("meta").getString("position");
    }
    assertThat(seen).containsExactly("t/1", "t/2", "t/3", "t/4");
  }

  @Test
  void messagesCarryEmqxFieldsWithBase64PayloadsByDefault() {
    JsonObject page = HeldMessages.page(request(false, ""), HELD.subList(0, 1));
    JsonObject m = page.getJsonArray("data").getJsonObject(0);
    assertThat(m.fieldNames()).containsExactlyInAnyOrder("msgid", "topic", "qos", "publish_at", "from_clientid",
        "from_username", "payload", "inserted_at", "mqueue_priority");
    assertThat(m.getString("payload")).isEqualTo("b25l");
    assertThat(m.getString("inserted_at")).isEqualTo("1000000000");
    assertThat(m.getLong("publish_at")).isEqualTo(1000L);
    assertThat(m.getString("msgid")).matches("[0-9A-F]{32}");
    assertThat(page.getJsonObject("meta")).isEqualTo(new JsonObject().put("start", "1000000000_0")
        .put("position", "1000000000_0"));

    JsonObject inflight = HeldMessages.page(request(true, "payload=plain"), HELD).getJsonArray("data")
        .getJsonObject(1);
    assertThat(inflight.getString("payload")).isEqualTo("two");
    assertThat(inflight.getString("inserted_at")).isEqualTo("1000000001");
    assertThat(inflight.containsKey("mqueue_priority")).isFalse();
    JsonObject none = HeldMessages.page(request(true, "payload=none"), HELD).getJsonArray("data").getJsonObject(0);
    assertThat(none.containsKey("payload")).isFalse();
  }

  @Test
  void anEmptySessionAnswersNoneNone() {
    assertThat(HeldMessages.page(request(true, ""), List.of())).isEqualTo(new JsonObject().put("data", new JsonArray())
        .put("meta", new JsonObject().put("start", "none").put("position", "none")));
  }

  @Test
  void maxPayloadBytesStopsThePageButAlwaysReturnsTheFirstMessage() {
    // base64 of "one" and "two" is 4 bytes each
    assertThat(topics(HeldMessages.page(request(false, "max_payload_bytes=8"), HELD))).containsExactly("t/1", "t/2");
    assertThat(topics(HeldMessages.page(request(false, "max_payload_bytes=1"), HELD))).containsExactly("t/1");
    JsonObject page = HeldMessages.page(request(false, "max_payload_bytes=1"), HELD);
    // the next page starts at the first message left out
    assertThat(topics(HeldMessages.page(request(false, "position=" + page.getJsonObject("meta").getString("position")),
        HELD))).startsWith("t/2");
    assertThat(topics(HeldMessages.page(request(false, "payload=none&max_payload_bytes=1"), HELD))).hasSize(4);
  }

  @Test
  void byteSizesReadLikeEmqxs() {
    assertThat(HeldMessages.byteSize("1024")).isEqualTo(1024);
    assertThat(HeldMessages.byteSize("64KB")).isEqualTo(64 * 1024);
    assertThat(HeldMessages.byteSize("1mb")).isEqualTo(1024 * 1024);
    assertThatThrownBy(() -> HeldMessages.byteSize("0")).isInstanceOf(EmqxException.class);
    assertThatThrownBy(() -> HeldMessages.byteSize("1TB")).isInstanceOf(EmqxException.class);
  }

  @Test
  void malformedPositionsAndPlainBinaryPayloadsAreInvalidParameter() {
    for (String bad : List.of("abc", "12", "12_x", "_0")) {
      assertThatThrownBy(() -> request(false, "position=" + bad)).isInstanceOfSatisfying(EmqxException.class,
          e -> assertThat(e.code()).isEqualTo("INVALID_PARAMETER"));
    }
    assertThatThrownBy(() -> request(true, "position=12_0")).isInstanceOf(EmqxException.class);
    assertThat(request(false, "position=12_infinity").position()).isEqualTo(12L);
    QueuedMessage binary = new QueuedMessage("b", new byte[] {(byte) 0xff, 0}, 0, false, 0, 5);
    assertThatThrownBy(() -> HeldMessages.page(request(true, "payload=plain"), List.of(binary)))
        .isInstanceOfSatisfying(EmqxException.class, e -> assertThat(e.code()).isEqualTo("INVALID_PARAMETER"));
  }
}

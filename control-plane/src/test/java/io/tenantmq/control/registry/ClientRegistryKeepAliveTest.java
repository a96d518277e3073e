package io.tenantmq.control.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantmq.control.testing.EmbeddedMember;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link ClientRegistry#updateKeepAlive}: changes the record of the channel that asks, and only that one. */
class ClientRegistryKeepAliveTest {

  static EmbeddedMember member;
  static ClientRegistry registry;

  @BeforeAll
  static void start() {
    member = new EmbeddedMember("keepalive-test");
    registry = member.control.registry();
  }

  @AfterAll
  static void stop() {
    member.close();
  }

  static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static ClientRecord record(String channelId) {
    return new ClientRecord("ka-i", "dev-1", "node-a", channelId, "10.0.0.1:5000", 5, 60, true, 0, null, null,
        ClientState.CONNECTED, 1, 1, 0, null, null);
  }

  @Test
  void theOwningChannelChangesTheKeepAliveAndAnOlderChannelCannot() throws Exception {
    ClientKey key = new ClientKey("ka-i", "dev-1");
    await(registry.connect(record("ch-old")));
    await(registry.connect(record("ch-new")));

    assertThat(await(registry.updateKeepAlive(key, "ch-old", 5))).isFalse();
    assertThat(await(registry.get(key)).orElseThrow().keepAliveSeconds()).isEqualTo(60);
    assertThat(await(registry.updateKeepAlive(key, "ch-new", 0))).isTrue();
    ClientRecord now = await(registry.get(key)).orElseThrow();
    assertThat(now.keepAliveSeconds()).isZero();
    assertThat(now.channelId()).isEqualTo("ch-new");
    assertThat(now.connected()).isTrue();
    assertThat(await(registry.updateKeepAlive(new ClientKey("ka-i", "nobody"), "ch-new", 5))).isFalse();
  }
}

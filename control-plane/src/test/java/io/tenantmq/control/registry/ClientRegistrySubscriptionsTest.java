package io.tenantmq.control.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantmq.control.testing.EmbeddedMember;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry's subscription listing: only records of the instance that match and have subscriptions, by client id. */
class ClientRegistrySubscriptionsTest {

  static EmbeddedMember member;
  static ClientRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    member = new EmbeddedMember("subscriptions-test");
    registry = member.control.registry();
    await(registry.connect(record("subs", "b", "node-a", Map.of("x/#", 1, "a/b", 0))));
    await(registry.connect(record("subs", "a", "node-b", Map.of("$share/g/t", 2))));
    await(registry.connect(record("subs", "c", "node-a", Map.of())));
    await(registry.connect(record("other", "a", "node-a", Map.of("secret/topic", 1))));
  }

  @AfterAll
  static void stop() {
    member.close();
  }

  static ClientRecord record(String instance, String clientId, String node, Map<String, Integer> subscriptions) {
    return new ClientRecord(instance, clientId, node, "ch-" + clientId, "10.0.0.1:5000", 5, 60, true, 0, null, null,
        ClientState.CONNECTED, 1, 1, 0, subscriptions, null);
  }

  static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void listsTheInstancesSubscribedClientsInClientIdOrder() throws Exception {
    assertThat(await(registry.subscriptions("subs", ClientFilter.ALL))).containsExactly(
        new ClientSubscriptions("a", "node-b", Map.of("$share/g/t", 2)),
        new ClientSubscriptions("b", "node-a", Map.of("a/b", 0, "x/#", 1)));
    List<ClientSubscriptions> b = await(registry.subscriptions("subs", ClientFilter.ALL));
    assertThat(b.get(1).subscriptions().keySet()).containsExactly("a/b", "x/#");
  }

  @Test
  void filtersApplyAndOtherInstancesStayOut() throws Exception {
    ClientFilter onNodeA = new ClientFilter("node-a", null, null, null, null, null, null, null, null, null, null, null,
        null);
    assertThat(await(registry.subscriptions("subs", onNodeA))).extracting(ClientSubscriptions::clientId)
        .containsExactly("b");
    assertThat(await(registry.subscriptions("other", ClientFilter.ALL))).extracting(ClientSubscriptions::clientId)
        .containsExactly("a");
    assertThat(await(registry.subscriptions("none", ClientFilter.ALL))).isEmpty();
  }
}

package io.tenantmq.control.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantmq.control.testing.EmbeddedMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry's pages of one instance: numbered pages, pages after a client id, filters, and instance isolation. */
class ClientRegistryPagingTest {

  static EmbeddedMember member;
  static ClientRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    member = new EmbeddedMember("paging-test");
    registry = member.control.registry();
    // instance "paged": c000..c249, even ones user "even", every tenth disconnected; instance "other": the same ids
    for (int i = 0; i < 250; i++) {
      String id = String.format("c%03d", i);
      ClientRecord r = record("paged", id, i % 2 == 0 ? "even" : "odd", i % 10 == 0 ? ClientState.DISCONNECTED
          : ClientState.CONNECTED, 1_000L + i);
      await(registry.connect(r));
      await(registry.connect(record("other", id, "even", ClientState.CONNECTED, 1_000L + i)));
    }
  }

  @AfterAll
  static void stop() {
    member.close();
  }

  static ClientRecord record(String instance, String clientId, String username, ClientState state, long connectedAt) {
    return new ClientRecord(instance, clientId, "node-a", "ch-" + clientId, "10.0.0." + (clientId.hashCode() & 7)
        + ":5" + clientId.substring(1), 4, 60, true, 0, username, null, state, connectedAt, connectedAt,
        state == ClientState.CONNECTED ? 0 : connectedAt + 1, null, null);
  }

  static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  static List<String> ids(ClientPage page) {
    return page.records().stream().map(ClientRecord::clientId).toList();
  }

  @Test
  void numberedPagesCoverTheInstanceInClientIdOrderWithTheCount() throws Exception {
    ClientPage first = await(registry.page("paged", ClientFilter.ALL, 1, 100));
    assertThat(first.count()).isEqualTo(250);
    assertThat(first.hasNext()).isTrue();
    assertThat(ids(first)).hasSize(100).startsWith("c000", "c001").endsWith("c099");
    ClientPage last = await(registry.page("paged", ClientFilter.ALL, 3, 100));
    assertThat(ids(last)).hasSize(50).startsWith("c200").endsWith("c249");
    assertThat(last.hasNext()).isFalse();
    assertThat(await(registry.page("paged", ClientFilter.ALL, 4, 100)).records()).isEmpty();
    assertThat(last.records()).allSatisfy(r -> assertThat(r.instanceId()).isEqualTo("paged"));
  }

  @Test
  void pagesAfterAClientIdVisitEveryRecordOnce() throws Exception {
    List<String> seen = new ArrayList<>();
    String after = null;
    ClientPage page;
    do {
      page = await(registry.pageAfter("paged", ClientFilter.ALL, after, 64));
      seen.addAll(ids(page));
      after = page.lastClientId();
    } while (page.hasNext());
    assertThat(seen).hasSize(250).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void filtersApplyBeforePaging() throws Exception {
    ClientFilter evenConnected = new ClientFilter(null, null, Set.of("even"), null, ClientState.CONNECTED, null, null,
        null, null, null, null, null, null);
    ClientPage page = await(registry.page("paged", evenConnected, 1, 10));
    assertThat(page.count()).isEqualTo(100); // 125 even ids, of which 25 are multiples of ten
    assertThat(page.records()).allSatisfy(r -> {
      assertThat(r.username()).isEqualTo("even");
      assertThat(r.connected()).isTrue();
    });
    ClientFilter contains = new ClientFilter(null, null, null, null, null, null, null, "24", null, 1_240L, 1_249L,
        null, null);
    assertThat(ids(await(registry.page("paged", contains, 1, 100)))).containsExactly("c240", "c241", "c242", "c243",
        "c244", "c245", "c246", "c247", "c248", "c249");
    ClientFilter exact = new ClientFilter(null, Set.of("c007", "c100", "nope"), null, null, null, null, null, null, null,
        null, null, null, null);
    assertThat(ids(await(registry.page("paged", exact, 1, 100)))).containsExactly("c007", "c100");
  }

  @Test
  void anotherInstanceWithTheSameClientIdsStaysApart() throws Exception {
    ClientPage other = await(registry.page("other", ClientFilter.ofState(ClientState.DISCONNECTED), 1, 100));
    assertThat(other.count()).isZero();
    assertThat(await(registry.page("nobody", ClientFilter.ALL, 1, 100)).count()).isZero();
  }

  @Test
  void pagesFollowClientsThatComeAndGo() throws Exception {
    assertThat(await(registry.page("moving", ClientFilter.ALL, 1, 10)).count()).isZero();
    ClientRecord r = record("moving", "m1", "u", ClientState.CONNECTED, 1);
    await(registry.connect(r));
    ClientFilter byId = new ClientFilter(null, Set.of("m1"), null, null, null, null, null, null, null, null, null, null,
        null);
    // asked for by id: seen at once
    assertThat(ids(await(registry.page("moving", byId, 1, 10)))).containsExactly("m1");
    org.awaitility.Awaitility.await().until(() -> ids(await(registry.page("moving", ClientFilter.ALL, 1, 10))),
        l -> l.equals(List.of("m1")));
    await(registry.remove(r.key(), r.channelId()));
    org.awaitility.Awaitility.await().until(() -> await(registry.page("moving", ClientFilter.ALL, 1, 10)).count() == 0);
    assertThat(await(registry.page("moving", byId, 1, 10)).records()).isEmpty();
  }

  @Test
  void limitsOutsideTheRangeAreRefused() {
    assertThatThrownBy(() -> registry.page("paged", ClientFilter.ALL, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> registry.page("paged", ClientFilter.ALL, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> registry.pageAfter("paged", ClientFilter.ALL, null, 10_001))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ipOfAnAddressDropsThePort() {
    assertThat(ClientFilter.ipOf("127.0.0.1:1883")).isEqualTo("127.0.0.1");
    assertThat(ClientFilter.ipOf("[::1]:1883")).isEqualTo("::1");
    assertThat(ClientFilter.ipOf("::1")).isEqualTo("::1");
  }
}

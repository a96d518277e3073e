package io.tenantmq.control.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantmq.control.credential.SecretCipher;
import io.tenantmq.control.testing.EmbeddedMember;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens on two real members: issued on one, found and revoked on the other, the store never keyed by the token. */
class HazelcastTokenServiceTest {

  static EmbeddedMember first;
  static EmbeddedMember second;
  static final List<AccessToken> revokedSeenBySecond = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    String cluster = "token-test-" + UUID.randomUUID();
    SecretCipher cipher = new SecretCipher(SecretCipher.newKey());
    first = new EmbeddedMember("token-1", cluster, null, cipher);
    second = new EmbeddedMember("token-2", cluster, null, cipher);
    await().atMost(Duration.ofSeconds(30)).until(() -> first.hazelcast.getCluster().getMembers().size() == 2);
    second.control.tokens().onRevoked(revokedSeenBySecond::add);
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
  }

  static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static TokenRequest request(String instanceId) {
    return new TokenRequest("t1", instanceId, "LTAIx", Set.of(TokenAction.R), List.of("a/+"),
        System.currentTimeMillis() + 3_600_000);
  }

  @Test
  void issuedOnOneMemberIsFoundOnTheOtherAndStoredOnlyAsDigest() throws Exception {
    IssuedToken issued = get(first.control.tokens().apply(request("i-find")));
    assertThat(issued.token()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(issued.toString()).doesNotContain(issued.token());
    AccessToken found = get(second.control.tokens().find(issued.token())).orElseThrow();
    assertThat(found).isEqualTo(issued.stored());
    assertThat(found.digest()).isEqualTo(TokenDigest.of(issued.token())).isNotEqualTo(issued.token());
    assertThat(first.hazelcast.getMap("tenantmq.tokens").containsKey(issued.token())).isFalse();
    assertThat(get(second.control.tokens().find(issued.token() + "x"))).isEmpty();
  }

  @Test
  void revokeRemovesItAndTellsEveryMember() throws Exception {
    IssuedToken issued = get(first.control.tokens().apply(request("i-revoke")));
    assertThat(get(first.control.tokens().revoke(issued.token()))).isTrue();
    assertThat(get(second.control.tokens().find(issued.token()))).isEmpty();
    assertThat(get(first.control.tokens().revoke(issued.token()))).isFalse();
    await().atMost(Duration.ofSeconds(10))
        .until(() -> revokedSeenBySecond.stream().anyMatch(t -> t.digest().equals(issued.stored().digest())));
  }

  @Test
  void deleteAllRemovesOnlyThatInstancesTokens() throws Exception {
    IssuedToken gone = get(first.control.tokens().apply(request("i-gone")));
    IssuedToken kept = get(first.control.tokens().apply(request("i-kept")));
    assertThat(get(second.control.tokens().deleteAll("i-gone"))).isEqualTo(1);
    assertThat(get(first.control.tokens().find(gone.token()))).isEmpty();
    assertThat(get(first.control.tokens().find(kept.token()))).isPresent();
  }
}

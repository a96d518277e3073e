package io.tenantmq.mqtt.auth;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantmq.control.token.IssuedToken;
import io.tenantmq.control.token.TokenAction;
import io.tenantmq.control.token.TokenRequest;
import io.tenantmq.mqtt.TestNode;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The node-local watch over token logins, against the real token service: a revoke reaches the logins of that token
 * only, even one revoked while its CONNECT was still being set up, and a released login is forgotten.
 */
class TokenLoginsTest {

  static TestNode node;
  static TokenLogins logins;
  static Context context;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.shared();
    logins = new TokenLogins(node.member.vertx());
    logins.start(node.control.tokens());
    context = node.member.vertx().getOrCreateContext();
  }

  private static IssuedToken issue() throws Exception {
    return node.control.tokens().apply(new TokenRequest("tenant-test", TestNode.INSTANCE_ID, "LTAItest",
        Set.of(TokenAction.R), List.of(unique("t") + "/#"), System.currentTimeMillis() + 3_600_000))
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static TokenGrant grant(IssuedToken... tokens) {
    Set<String> digests = new java.util.HashSet<>();
    for (IssuedToken t : tokens) {
      digests.add(t.stored().digest());
    }
    return new TokenGrant(digests, System.currentTimeMillis() + 3_600_000);
  }

  @Test
  void aRevokeClosesTheLoginsOfThatTokenOnly() throws Exception {
    IssuedToken revoked = issue();
    IssuedToken kept = issue();
    AtomicInteger closedA = new AtomicInteger();
    AtomicInteger closedB = new AtomicInteger();
    TokenLogins.Login a = logins.track(grant(revoked, kept), context, () -> { }, closedA::incrementAndGet);
    TokenLogins.Login b = logins.track(grant(kept), context, () -> { }, closedB::incrementAndGet);
    try {
      node.control.tokens().revoke(revoked.token()).toCompletableFuture().get(5, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> closedA.get() == 1);
      assertThat(closedB.get()).isZero();
    } finally {
      a.release();
      b.release();
    }
  }

  @Test
  void aTokenRevokedBeforeItsLoginIsTrackedStillClosesIt() throws Exception {
    IssuedToken token = issue();
    AtomicInteger seen = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();
    // the revoke lands between the CONNECT's token lookup and the tracking of its connection
    node.control.tokens().onRevoked(t -> seen.incrementAndGet());
    node.control.tokens().revoke(token.token()).toCompletableFuture().get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> seen.get() >= 1);
    TokenLogins.Login login = logins.track(grant(token), context, () -> { }, closed::incrementAndGet);
    await().atMost(Duration.ofSeconds(10)).until(() -> closed.get() == 1);
    login.release();
  }

  @Test
  void aReleasedLoginIsForgottenAndNotClosedLater() throws Exception {
    IssuedToken token = issue();
    AtomicInteger closed = new AtomicInteger();
    int before = logins.size();
    TokenLogins.Login login = logins.track(grant(token), context, () -> { }, closed::incrementAndGet);
    assertThat(logins.size()).isEqualTo(before + 1);
    login.release();
    login.release(); // a second release (the connection closing twice) counts nothing
    assertThat(logins.size()).isEqualTo(before);
    // a second login that is still tracked shows when the revoke has been handled here
    AtomicInteger witness = new AtomicInteger();
    TokenLogins.Login other = logins.track(grant(token), context, () -> { }, witness::incrementAndGet);
    node.control.tokens().revoke(token.token()).toCompletableFuture().get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> witness.get() == 1);
    other.release();
    assertThat(closed.get()).isZero();
  }

  @Test
  void theFirstExpiryClosesTheLogin() {
    AtomicInteger expired = new AtomicInteger();
    TokenLogins.Login login = logins.track(new TokenGrant(Set.of(unique("digest")),
        System.currentTimeMillis() + 200), context, expired::incrementAndGet, () -> { });
    await().atMost(Duration.ofSeconds(10)).until(() -> expired.get() == 1);
    login.release();
  }
}

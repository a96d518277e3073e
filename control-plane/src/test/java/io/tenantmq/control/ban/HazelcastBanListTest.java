package io.tenantmq.control.ban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tenantmq.control.credential.SecretCipher;
import io.tenantmq.control.testing.EmbeddedMember;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link HazelcastBanList} on two real members of one cluster: what a ban matches, expiry, add / remove / list per
 * instance, and the member-local copy that answers {@code check} on the other member.
 */
class HazelcastBanListTest {

  static String cluster;
  static SecretCipher cipher;
  static EmbeddedMember first;
  static EmbeddedMember second;
  static BanList one;
  static BanList two;
  static final List<Ban> addedOnSecond = new CopyOnWriteArrayList<>();
  static final AtomicInteger SEQ = new AtomicInteger();

  @BeforeAll
  static void start() {
    cluster = "ban-test-" + UUID.randomUUID();
    cipher = new SecretCipher(SecretCipher.newKey());
    first = new EmbeddedMember("ban-1", cluster, null, cipher);
    second = new EmbeddedMember("ban-2", cluster, null, cipher);
    await().atMost(Duration.ofSeconds(30)).until(() -> first.hazelcast.getCluster().getMembers().size() == 2);
    one = first.control.bans();
    two = second.control.bans();
    two.onAdded(addedOnSecond::add);
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
  }

  static String instance() {
    return "ban-i" + SEQ.incrementAndGet();
  }

  static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static Ban ban(String instanceId, BanKind kind, String who, long atMillis, long untilMillis) {
    return new Ban(instanceId, kind, who, "api", "test", atMillis, untilMillis);
  }

  static Ban forever(String instanceId, BanKind kind, String who) {
    return ban(instanceId, kind, who, System.currentTimeMillis(), Long.MAX_VALUE);
  }

  @Test
  void eachKindMatchesWhatItNames() {
    assertThat(forever("i", BanKind.CLIENTID, "dev-1").matches("dev-1", null, "10.0.0.1")).isTrue();
    assertThat(forever("i", BanKind.CLIENTID, "dev-1").matches("dev-10", null, "10.0.0.1")).isFalse();
    assertThat(forever("i", BanKind.USERNAME, "alice").matches("c", "alice", null)).isTrue();
    assertThat(forever("i", BanKind.USERNAME, "alice").matches("c", null, null)).isFalse();
    assertThat(forever("i", BanKind.PEERHOST, "10.0.0.1").matches("c", null, "10.0.0.1")).isTrue();
    assertThat(forever("i", BanKind.PEERHOST, "::1").matches("c", null, "0:0:0:0:0:0:0:1")).isTrue();
    assertThat(forever("i", BanKind.PEERHOST, "10.0.0.1").matches("c", null, "10.0.0.2")).isFalse();
    // a regular expression finds its match anywhere unless anchored
    assertThat(forever("i", BanKind.CLIENTID_RE, "^GID_[a-z]+@@@").matches("GID_car@@@d1", null, null)).isTrue();
    assertThat(forever("i", BanKind.CLIENTID_RE, "^GID_[a-z]+@@@").matches("x-GID_car@@@d1", null, null)).isFalse();
    assertThat(forever("i", BanKind.USERNAME_RE, "bot").matches("c", "my-bot-7", null)).isTrue();
    assertThat(forever("i", BanKind.USERNAME_RE, "bot").matches("c", null, null)).isFalse();
  }

  @Test
  void aNetworkBanMatchesAddressesInsideItsPrefixOnly() {
    Ban net = forever("i", BanKind.PEERHOST_NET, "192.168.4.0/22");
    assertThat(net.matches("c", null, "192.168.4.1")).isTrue();
    assertThat(net.matches("c", null, "192.168.7.255")).isTrue();
    assertThat(net.matches("c", null, "192.168.8.0")).isFalse();
    assertThat(net.matches("c", null, "192.168.3.255")).isFalse();
    assertThat(net.matches("c", null, "fd00::1")).as("another family").isFalse();
    assertThat(net.matches("c", null, "not-an-ip")).isFalse();
    Ban v6 = forever("i", BanKind.PEERHOST_NET, "fd00::/8");
    assertThat(v6.matches("c", null, "fd12:3456::1")).isTrue();
    assertThat(v6.matches("c", null, "fe80::1")).isFalse();
    assertThat(forever("i", BanKind.PEERHOST_NET, "0.0.0.0/0").matches("c", null, "8.8.8.8")).isTrue();
  }

  @Test
  void malformedPatternsAndNetworksAreRejectedAtConstruction() {
    assertThatThrownBy(() -> forever("i", BanKind.CLIENTID_RE, "([a-z")).isInstanceOf(PatternSyntaxException.class);
    assertThatThrownBy(() -> forever("i", BanKind.PEERHOST_NET, "10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> forever("i", BanKind.PEERHOST_NET, "example.com/8"))
        .isInstanceOf(IllegalArgumentException.class);
    // hex-only text is a host name to the JDK: refused without a DNS lookup
    assertThatThrownBy(() -> forever("i", BanKind.PEERHOST_NET, "cafe/8")).isInstanceOf(IllegalArgumentException.class);
    assertThat(forever("i", BanKind.PEERHOST_NET, "fd00::/8").matches("c", null, "fd12::1")).isTrue();
    assertThat(forever("i", BanKind.PEERHOST, "::1").matches("c", null, "0:0:0:0:0:0:0:1")).isTrue();
  }

  @Test
  void aBanAddedOnOneMemberIsCheckedOnTheOtherAndHeardThere() throws Exception {
    String instanceId = instance();
    Ban ban = forever(instanceId, BanKind.CLIENTID_RE, "^car-\\d+$");
    assertThat(get(one.add(ban))).isTrue();

    await().atMost(Duration.ofSeconds(10)).until(() -> two.check(instanceId, "car-7", null, "1.2.3.4").isPresent());
    assertThat(two.check(instanceId, "car-7", null, "1.2.3.4")).contains(ban);
    assertThat(two.check(instanceId, "truck-7", null, "1.2.3.4")).isEmpty();
    // another instance with a client of the same id is not banned
    assertThat(two.check(instance(), "car-7", null, "1.2.3.4")).isEmpty();
    await().atMost(Duration.ofSeconds(10)).until(() -> addedOnSecond.contains(ban));

    assertThat(get(two.remove(ban.key()))).isTrue();
    assertThat(get(two.remove(ban.key()))).isFalse();
    await().atMost(Duration.ofSeconds(10)).until(() -> one.check(instanceId, "car-7", null, null).isEmpty());
  }

  @Test
  void anActiveBanIsNotReplacedButAnExpiredOneIs() throws Exception {
    String instanceId = instance();
    long now = System.currentTimeMillis();
    Ban active = ban(instanceId, BanKind.USERNAME, "mallory", now, now + 3_600_000);
    assertThat(get(one.add(active))).isTrue();
    assertThat(get(two.add(ban(instanceId, BanKind.USERNAME, "mallory", now + 1, Long.MAX_VALUE)))).isFalse();
    assertThat(get(one.list(instanceId))).containsExactly(active);

    String other = instance();
    Ban expired = ban(other, BanKind.CLIENTID, "old", now - 10_000, now - 1);
    assertThat(get(one.add(expired))).isTrue();
    assertThat(get(one.list(other))).as("expired bans are not listed").isEmpty();
    assertThat(one.check(other, "old", null, null)).as("nor applied").isEmpty();
    Ban renewed = ban(other, BanKind.CLIENTID, "old", now, Long.MAX_VALUE);
    assertThat(get(two.add(renewed))).isTrue();
    assertThat(get(one.list(other))).containsExactly(renewed);
    await().atMost(Duration.ofSeconds(10)).until(() -> one.check(other, "old", null, null).isPresent());
  }

  @Test
  void aBanThatRunsOutStopsApplyingWithoutBeingRemoved() throws Exception {
    String instanceId = instance();
    long now = System.currentTimeMillis();
    Ban brief = ban(instanceId, BanKind.PEERHOST, "10.1.1.1", now, now + 1_500);
    get(one.add(brief));
    await().atMost(Duration.ofSeconds(5)).until(() -> two.check(instanceId, "c", null, "10.1.1.1").isPresent());
    await().atMost(Duration.ofSeconds(5)).until(() -> two.check(instanceId, "c", null, "10.1.1.1").isEmpty());
    assertThat(get(one.list(instanceId))).isEmpty();
  }

  @Test
  void listIsPerInstanceOldestFirstAndDeleteAllClearsOneInstance() throws Exception {
    String instanceId = instance();
    String other = instance();
    long now = System.currentTimeMillis();
    Ban older = ban(instanceId, BanKind.CLIENTID, "b", now - 2_000, Long.MAX_VALUE);
    Ban newer = ban(instanceId, BanKind.PEERHOST_NET, "10.0.0.0/8", now - 1_000, Long.MAX_VALUE);
    Ban elsewhere = forever(other, BanKind.CLIENTID, "b");
    get(one.add(newer));
    get(two.add(older));
    get(one.add(elsewhere));

    assertThat(get(two.list(instanceId))).containsExactly(older, newer);
    assertThat(get(one.deleteAll(instanceId))).isEqualTo(2);
    assertThat(get(one.list(instanceId))).isEmpty();
    assertThat(get(two.list(other))).containsExactly(elsewhere);
    await().atMost(Duration.ofSeconds(10)).until(() -> two.check(instanceId, "b", null, "10.2.3.4").isEmpty());
    assertThat(two.check(other, "b", null, null)).isPresent();
  }

  @Test
  void aMemberThatJoinsLaterChecksTheBansThatExistButNotRemovedOnes() throws Exception {
    String instanceId = instance();
    Ban kept = forever(instanceId, BanKind.CLIENTID, "kept");
    Ban removed = forever(instanceId, BanKind.CLIENTID, "removed");
    get(one.add(kept));
    get(one.add(removed));
    get(one.remove(removed.key()));
    try (EmbeddedMember third = new EmbeddedMember("ban-3", cluster, null, cipher)) {
      BanList late = third.control.bans();
      assertThat(late.check(instanceId, "kept", null, null)).contains(kept);
      assertThat(late.check(instanceId, "removed", null, null)).isEmpty();
    }
  }
}

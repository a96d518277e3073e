package io.tenantmq.control.acl;

import static io.tenantmq.control.acl.AclAction.PUBLISH;
import static io.tenantmq.control.acl.AclAction.SUBSCRIBE;
import static io.tenantmq.control.acl.AclPermission.ALLOW;
import static io.tenantmq.control.acl.AclPermission.DENY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantmq.control.credential.SecretCipher;
import io.tenantmq.control.persistence.DurableStore;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.control.testing.EmbeddedMember;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HazelcastTopicAcl} on two real members of one cluster: edits on one member reach the other's local copy
 * that answers checks; instances never see each other's rules; deleting an instance deletes its rules; rules outlive
 * a crash of every member through the durable store.
 */
class HazelcastTopicAclTest {

  static EmbeddedMember first;
  static EmbeddedMember second;
  static TopicAcl one;
  static TopicAcl two;
  static final AtomicInteger SEQ = new AtomicInteger();

  @TempDir
  static Path dataDir;

  @BeforeAll
  static void start() {
    String cluster = "acl-test-" + UUID.randomUUID();
    SecretCipher cipher = new SecretCipher(SecretCipher.newKey());
    first = new EmbeddedMember("acl-1", cluster, null, cipher);
    second = new EmbeddedMember("acl-2", cluster, null, cipher);
    await().atMost(Duration.ofSeconds(30)).until(() -> first.hazelcast.getCluster().getMembers().size() == 2);
    one = first.control.acl();
    two = second.control.acl();
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
  }

  static String instance() {
    return "acl-i" + SEQ.incrementAndGet();
  }

  static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aReplacementOnOneMemberReachesTheOtherMembersChecks() throws Exception {
    String id = instance();
    ClientAcl onSecond = two.forClient(id, "c1", "u1");
    assertThat(onSecond.decide(PUBLISH, "t/x")).isEqualTo(AclDecision.NO_MATCH);

    get(one.replace(id, List.of(AclRule.forAll(DENY, PUBLISH, "t/#"))));
    await().atMost(Duration.ofSeconds(10)).until(() -> onSecond.decide(PUBLISH, "t/x") == AclDecision.DENY);
    assertThat(get(two.rules(id))).containsExactly(AclRule.forAll(DENY, PUBLISH, "t/#"));

    get(one.replace(id, List.of()));
    await().atMost(Duration.ofSeconds(10)).until(() -> onSecond.decide(PUBLISH, "t/x") == AclDecision.NO_MATCH);
    assertThat(get(two.rules(id))).isEmpty();
  }

  @Test
  void singleRulesAreInsertedAndRemovedByPosition() throws Exception {
    String id = instance();
    AclRule a = AclRule.forAll(ALLOW, PUBLISH, "a");
    AclRule b = AclRule.forAll(DENY, SUBSCRIBE, "b");
    AclRule c = new AclRule(DENY, PUBLISH, "c", "bob", null);
    assertThat(get(one.add(id, a, null)).rules()).containsExactly(a);
    assertThat(get(two.add(id, c, null)).rules()).containsExactly(a, c);
    assertThat(get(one.add(id, b, 1)).rules()).containsExactly(a, b, c);
    AclChange beyond = get(one.add(id, b, 4));
    assertThat(beyond.done()).isFalse();
    assertThat(beyond.refusal()).isEqualTo("position must be 0 to 3, was 4");
    assertThat(get(one.remove(id, 0)).rules()).containsExactly(b, c);
    assertThat(get(one.remove(id, 2)).refusal()).contains("no rule at position 2");
    assertThat(get(two.rules(id))).containsExactly(b, c);
  }

  @Test
  void aGroupIsReplacedInPlaceAndANewGroupGoesWhereEmqxWouldCheckIt() throws Exception {
    String id = instance();
    AclRule all = AclRule.forAll(DENY, PUBLISH, "a");
    AclRule u1 = new AclRule(ALLOW, PUBLISH, "u1", "bob", null);
    AclRule u2 = new AclRule(ALLOW, PUBLISH, "u2", "bob", null);
    AclRule u3 = new AclRule(DENY, SUBSCRIBE, "u3", "bob", null);
    AclRule c1 = new AclRule(ALLOW, PUBLISH, "c1", null, "dev-1");
    AclRule c2 = new AclRule(DENY, PUBLISH, "c2", null, "dev-1");
    AclRule all2 = AclRule.forAll(ALLOW, SUBSCRIBE, "b");
    get(one.replace(id, List.of(all)));
    assertThat(get(one.replaceGroup(id, "bob", null, List.of(u1))).rules()).containsExactly(u1, all);
    assertThat(get(one.replaceGroup(id, null, "dev-1", List.of(c1, c2))).rules()).containsExactly(c1, c2, u1, all);
    assertThat(get(one.replaceGroup(id, "bob", null, List.of(u2, u3))).rules()).containsExactly(c1, c2, u2, u3, all);
    assertThat(get(one.replaceGroup(id, null, null, List.of(all2))).rules()).containsExactly(c1, c2, u2, u3, all2);
    assertThat(get(one.replaceGroup(id, null, "dev-1", List.of())).rules()).containsExactly(u2, u3, all2);
    assertThat(get(two.rules(id))).containsExactly(u2, u3, all2);
  }

  @Test
  void anInstanceNeverSeesAnotherInstancesRules() throws Exception {
    String mine = instance();
    String other = instance();
    get(one.replace(other, List.of(AclRule.forAll(DENY, PUBLISH, "#"))));
    ClientAcl otherClient = one.forClient(other, "c", "u");
    await().atMost(Duration.ofSeconds(10)).until(() -> otherClient.decide(PUBLISH, "t") == AclDecision.DENY);
    assertThat(one.forClient(mine, "c", "u").decide(PUBLISH, "t")).isEqualTo(AclDecision.NO_MATCH);
    assertThat(get(one.rules(mine))).isEmpty();
  }

  @Test
  void theMostRulesAnInstanceMayHaveIsEnforced() throws Exception {
    String id = instance();
    List<AclRule> full = java.util.stream.IntStream.range(0, InstanceAcl.MAX_RULES)
        .mapToObj(i -> AclRule.forAll(ALLOW, PUBLISH, "t/" + i)).toList();
    get(one.replace(id, full));
    assertThat(get(one.add(id, AclRule.forAll(DENY, PUBLISH, "x"), 0)).refusal()).contains("already has 100 rules");
    assertThat(get(one.rules(id))).hasSize(InstanceAcl.MAX_RULES);
  }

  @Test
  void deletingAnInstanceDeletesItsRules() throws Exception {
    String tenant = "acl-t" + SEQ.incrementAndGet();
    String id = instance();
    get(first.control.tenants().createTenantIfAbsent(new Tenant(tenant, "T", 1)));
    get(first.control.tenants().createInstanceIfAbsent(new Instance(id, tenant, "i", false, 2)));
    get(one.replace(id, List.of(AclRule.forAll(DENY, PUBLISH, "#"))));
    ClientAcl client = two.forClient(id, "c", "u");
    await().atMost(Duration.ofSeconds(10)).until(() -> client.decide(PUBLISH, "t") == AclDecision.DENY);

    assertThat(get(first.control.deleteInstance(id))).isTrue();
    assertThat(get(two.rules(id))).isEmpty();
    await().atMost(Duration.ofSeconds(10)).until(() -> client.decide(PUBLISH, "t") == AclDecision.NO_MATCH);
  }

  @Test
  void rulesSurviveACrashOfEveryMemberThroughTheDurableStore() throws Exception {
    String url = DurableStore.h2Url(dataDir.resolve(UUID.randomUUID().toString()));
    SecretCipher cipher = new SecretCipher(SecretCipher.newKey());
    List<AclRule> rules = List.of(
        new AclRule(ALLOW, SUBSCRIBE, "devices/${clientid}/#", null, "c1"),
        AclRule.forAll(DENY, AclAction.ALL, "eq #"));
    try (DurableStore store = DurableStore.open(url)) {
      EmbeddedMember member = new EmbeddedMember("acl-durable-1", store, cipher);
      get(member.control.acl().replace("mqtt-d1", rules));
      get(member.control.acl().add("mqtt-d2", AclRule.forAll(DENY, PUBLISH, "x"), null));
      get(member.control.acl().remove("mqtt-d2", 0));
      member.crash();
    }
    try (DurableStore store = DurableStore.open(url);
         EmbeddedMember again = new EmbeddedMember("acl-durable-2", store, cipher)) {
      assertThat(get(again.control.acl().rules("mqtt-d1"))).isEqualTo(rules);
      assertThat(get(again.control.acl().rules("mqtt-d2"))).isEmpty();
      // the new member's local copy was loaded from the store: checks answer without any change event
      ClientAcl c1 = again.control.acl().forClient("mqtt-d1", "c1", null);
      assertThat(c1.decide(SUBSCRIBE, "devices/c1/+")).isEqualTo(AclDecision.ALLOW);
      assertThat(c1.decide(SUBSCRIBE, "#")).isEqualTo(AclDecision.DENY);
    }
  }
}

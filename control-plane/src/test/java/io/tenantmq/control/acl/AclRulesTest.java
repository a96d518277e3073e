package io.tenantmq.control.acl;

import static io.tenantmq.control.acl.AclAction.ALL;
import static io.tenantmq.control.acl.AclAction.PUBLISH;
import static io.tenantmq.control.acl.AclAction.SUBSCRIBE;
import static io.tenantmq.control.acl.AclPermission.ALLOW;
import static io.tenantmq.control.acl.AclPermission.DENY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching and validation of rules, pure: what EMQX 5's built-in database authorization would decide. */
class AclRulesTest {

  private static AclDecision decide(List<AclRule> rules, AclAction action, String subject, String clientId,
                                    String username) {
    return AclRules.of(new InstanceAcl("i", rules, 0)).decide(action, subject, clientId, username);
  }

  private static AclDecision decide(AclRule rule, AclAction action, String subject) {
    return decide(List.of(rule), action, subject, "c1", "u1");
  }

  @Test
  void publishTopicsMatchLikeMqttFilters() {
    AclRule rule = AclRule.forAll(DENY, PUBLISH, "a/+/c/#");
    assertThat(decide(rule, PUBLISH, "a/b/c")).isEqualTo(AclDecision.DENY);
    assertThat(decide(rule, PUBLISH, "a/b/c/d/e")).isEqualTo(AclDecision.DENY);
    assertThat(decide(rule, PUBLISH, "a/b")).isEqualTo(AclDecision.NO_MATCH);
    assertThat(decide(rule, PUBLISH, "x/b/c")).isEqualTo(AclDecision.NO_MATCH);
  }

  @Test
  void subscribedWildcardsAreLiteralLevelsThatOnlyRuleWildcardsMatch() {
    assertThat(decide(AclRule.forAll(DENY, SUBSCRIBE, "a/#"), SUBSCRIBE, "a/+")).isEqualTo(AclDecision.DENY);
    assertThat(decide(AclRule.forAll(DENY, SUBSCRIBE, "a/+"), SUBSCRIBE, "a/+")).isEqualTo(AclDecision.DENY);
    // the subscription reaches more than a/b: a rule about a/b alone says nothing about it
    assertThat(decide(AclRule.forAll(DENY, SUBSCRIBE, "a/b"), SUBSCRIBE, "a/+")).isEqualTo(AclDecision.NO_MATCH);
    assertThat(decide(AclRule.forAll(DENY, SUBSCRIBE, "a/b"), SUBSCRIBE, "#")).isEqualTo(AclDecision.NO_MATCH);
    // EMQX's emqx_topic:match on words: a rule's + matches any one level, a subscribed # included
    assertThat(decide(AclRule.forAll(ALLOW, SUBSCRIBE, "a/+"), SUBSCRIBE, "a/#")).isEqualTo(AclDecision.ALLOW);
    assertThat(decide(AclRule.forAll(DENY, SUBSCRIBE, "#"), SUBSCRIBE, "$SYS/#")).isEqualTo(AclDecision.DENY);
  }

  @Test
  void eqMatchesOnlyTheExactFilter() {
    AclRule rule = AclRule.forAll(DENY, SUBSCRIBE, "eq a/#");
    assertThat(decide(rule, SUBSCRIBE, "a/#")).isEqualTo(AclDecision.DENY);
    assertThat(decide(rule, SUBSCRIBE, "a/b")).isEqualTo(AclDecision.NO_MATCH);
    assertThat(decide(rule, SUBSCRIBE, "a/+")).isEqualTo(AclDecision.NO_MATCH);
    assertThat(decide(AclRule.forAll(DENY, SUBSCRIBE, "eq t/${clientid}"), SUBSCRIBE, "t/${clientid}"))
        .isEqualTo(AclDecision.DENY);
    assertThat(decide(AclRule.forAll(DENY, SUBSCRIBE, "eq t/${clientid}"), SUBSCRIBE, "t/c1"))
        .isEqualTo(AclDecision.NO_MATCH);
  }

  @Test
  void placeholdersAreTheConnectionsNames() {
    AclRule own = AclRule.forAll(ALLOW, ALL, "devices/${clientid}/${username}-in/#");
    assertThat(decide(List.of(own), PUBLISH, "devices/c1/u1-in/x", "c1", "u1")).isEqualTo(AclDecision.ALLOW);
    assertThat(decide(List.of(own), SUBSCRIBE, "devices/c1/u1-in/+", "c1", "u1")).isEqualTo(AclDecision.ALLOW);
    assertThat(decide(List.of(own), PUBLISH, "devices/c2/u1-in/x", "c1", "u1")).isEqualTo(AclDecision.NO_MATCH);
    assertThat(decide(List.of(own), PUBLISH, "devices/c1/u2-in/x", "c1", "u1")).isEqualTo(AclDecision.NO_MATCH);
  }

  @Test
  void aPlaceholderWithoutAUsableValueNeverMatches() {
    AclRule byUser = AclRule.forAll(DENY, PUBLISH, "u/${username}");
    assertThat(decide(List.of(byUser), PUBLISH, "u/${username}", "c1", null)).isEqualTo(AclDecision.NO_MATCH);
    assertThat(decide(List.of(byUser), PUBLISH, "u/", "c1", "")).isEqualTo(AclDecision.NO_MATCH);
    // a client id must not turn a rule into a wildcard
    AclRule own = AclRule.forAll(ALLOW, SUBSCRIBE, "d/${clientid}/#");
    assertThat(decide(List.of(own), SUBSCRIBE, "d/+/#", "+", "u")).isEqualTo(AclDecision.NO_MATCH);
    assertThat(decide(List.of(own), SUBSCRIBE, "d/a/b/x", "a/b", "u")).isEqualTo(AclDecision.NO_MATCH);
    // a client id that looks like a placeholder is substituted once, literally
    assertThat(decide(List.of(AclRule.forAll(ALLOW, PUBLISH, "t/${clientid}${username}")), PUBLISH,
        "t/${username}u", "${username}", "u")).isEqualTo(AclDecision.ALLOW);
  }

  @Test
  void firstMatchingRuleWinsAndOthersAreNotReached() {
    List<AclRule> rules = List.of(
        AclRule.forAll(ALLOW, PUBLISH, "a/open"),
        AclRule.forAll(DENY, PUBLISH, "a/#"),
        AclRule.forAll(ALLOW, ALL, "#"));
    assertThat(decide(rules, PUBLISH, "a/open", "c", "u")).isEqualTo(AclDecision.ALLOW);
    assertThat(decide(rules, PUBLISH, "a/closed", "c", "u")).isEqualTo(AclDecision.DENY);
    assertThat(decide(rules, PUBLISH, "b", "c", "u")).isEqualTo(AclDecision.ALLOW);
    assertThat(decide(rules, SUBSCRIBE, "a/closed", "c", "u")).isEqualTo(AclDecision.ALLOW);
  }

  @Test
  void rulesForOneUserOrClientSkipEveryoneElse() {
    List<AclRule> rules = List.of(
        new AclRule(DENY, PUBLISH, "t", "bob", null),
        new AclRule(DENY, SUBSCRIBE, "t", null, "c9"));
    assertThat(decide(rules, PUBLISH, "t", "c1", "bob")).isEqualTo(AclDecision.DENY);
    assertThat(decide(rules, PUBLISH, "t", "c1", "alice")).isEqualTo(AclDecision.NO_MATCH);
    assertThat(decide(rules, PUBLISH, "t", "c1", null)).isEqualTo(AclDecision.NO_MATCH);
    assertThat(decide(rules, SUBSCRIBE, "t", "c9", null)).isEqualTo(AclDecision.DENY);
    assertThat(decide(rules, SUBSCRIBE, "t", "c1", "bob")).isEqualTo(AclDecision.NO_MATCH);
  }

  @Test
  void badRulesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> AclRule.forAll(ALLOW, PUBLISH, "a/#/b")).hasMessageContaining("'#' only as a whole last");
    assertThatThrownBy(() -> AclRule.forAll(ALLOW, PUBLISH, "a/b+")).hasMessageContaining("'+' only as a whole level");
    assertThatThrownBy(() -> AclRule.forAll(ALLOW, PUBLISH, "")).hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> AclRule.forAll(ALLOW, PUBLISH, "t/${peerhost}"))
        .hasMessageContaining("unknown placeholder '${peerhost}'");
    assertThatThrownBy(() -> AclRule.forAll(ALLOW, PUBLISH, "t/${clientid}+")).hasMessageContaining("'+'");
    assertThatThrownBy(() -> AclRule.forAll(ALLOW, PUBLISH, "$share/g/t")).hasMessageContaining("shared");
    assertThatThrownBy(() -> AclRule.forAll(ALLOW, PUBLISH, "eq a/#/b")).hasMessageContaining("not a valid topic");
    assertThatThrownBy(() -> new AclRule(ALLOW, PUBLISH, "t", "u", "c")).hasMessageContaining("not both");
    assertThatThrownBy(() -> new AclRule(ALLOW, null, "t", null, null)).hasMessageContaining("action is required");
    assertThatThrownBy(() -> AclAction.parse("pubsub")).hasMessage("action must be publish, subscribe or all, was 'pubsub'");
    assertThatThrownBy(() -> AclPermission.parse("maybe")).hasMessageContaining("allow or deny");
  }
}

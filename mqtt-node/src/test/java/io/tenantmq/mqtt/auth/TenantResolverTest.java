package io.tenantmq.mqtt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantmq.signing.aliyun.AliyunUsername;
import org.junit.jupiter.api.Test;

/** Which instance a username claims; nothing is verified here. */
class TenantResolverTest {

  private final TenantResolver withDefault = new TenantResolver("default-1");
  private final TenantResolver withoutDefault = new TenantResolver(null);

  @Test
  void userAtInstanceIdClaimsThatInstanceOnAnyListener() {
    assertThat(withDefault.resolve("bob@mqtt-2vnk55xv")).contains(new InstanceClaim("mqtt-2vnk55xv", "bob"));
    assertThat(withoutDefault.resolve("bob@mqtt-2vnk55xv")).contains(new InstanceClaim("mqtt-2vnk55xv", "bob"));
  }

  @Test
  void theLastAtSignSplitsSoUserNamesMayHoldOne() {
    assertThat(withDefault.resolve("a@b@inst-1")).contains(new InstanceClaim("inst-1", "a@b"));
  }

  @Test
  void aSuffixThatCannotBeAnInstanceIdLeavesTheWholeNameToTheDefaultInstance() {
    assertThat(withDefault.resolve("alice@example.com")).contains(new InstanceClaim("default-1", "alice@example.com"));
    assertThat(withDefault.resolve("alice@Upper")).contains(new InstanceClaim("default-1", "alice@Upper"));
    assertThat(withDefault.resolve("trailing@")).contains(new InstanceClaim("default-1", "trailing@"));
  }

  @Test
  void plainAndAnonymousClientsClaimTheListenersDefaultInstance() {
    assertThat(withDefault.resolve("carol")).contains(new InstanceClaim("default-1", "carol"));
    assertThat(withDefault.resolve(null)).contains(new InstanceClaim("default-1", null));
  }

  @Test
  void withoutADefaultInstanceOnlyUserAtInstanceIdClaimsOne() {
    assertThat(withoutDefault.resolve("carol")).isEmpty();
    assertThat(withoutDefault.resolve(null)).isEmpty();
  }

  @Test
  void anEmptyUserPartStillClaimsTheInstanceAndIsRefusedLater() {
    assertThat(withDefault.resolve("@inst-1")).contains(new InstanceClaim("inst-1", ""));
  }

  @Test
  void aliyunUsernamesClaimTheirInstanceBeforeAnyOtherRule() {
    assertThat(withoutDefault.resolve("Signature|LTAIabc|mqtt-cn-x1")).contains(new InstanceClaim("mqtt-cn-x1",
        "Signature|LTAIabc|mqtt-cn-x1", new AliyunUsername(AliyunUsername.Mode.SIGNATURE, "LTAIabc", "mqtt-cn-x1")));
    // an '@' in it does not make it user@instance
    assertThat(withDefault.resolve("Token|LTAIabc|inst@other")).contains(new InstanceClaim("inst@other",
        "Token|LTAIabc|inst@other", new AliyunUsername(AliyunUsername.Mode.TOKEN, "LTAIabc", "inst@other")));
  }

  @Test
  void aNameThatOnlyLooksAliyunIsAnOrdinaryUserName() {
    assertThat(withDefault.resolve("Signature|LTAIabc")).contains(new InstanceClaim("default-1", "Signature|LTAIabc"));
    assertThat(withDefault.resolve("signature|a|b")).contains(new InstanceClaim("default-1", "signature|a|b"));
  }

  // ---- the TLS SNI host name <instanceId>.<domain> -------------------------------------------------------------------

  private final TenantResolver withSni = new TenantResolver("default-1", "mqtt.example.com");

  @Test
  void sniHostNameOfAnInstanceClaimsItBeforeUserAtInstanceAndTheDefault() {
    assertThat(withSni.resolve("carol", "inst-1.mqtt.example.com")).contains(new InstanceClaim("inst-1", "carol"));
    assertThat(withSni.resolve(null, "inst-1.mqtt.example.com")).contains(new InstanceClaim("inst-1", null));
    assertThat(withSni.resolve("alice@example.com", "INST-1.Mqtt.Example.Com"))
        .contains(new InstanceClaim("inst-1", "alice@example.com"));
  }

  @Test
  void userAtTheSameInstanceAsTheSniNameLogsInAsTheUser() {
    assertThat(withSni.resolve("bob@inst-1", "inst-1.mqtt.example.com")).contains(new InstanceClaim("inst-1", "bob"));
  }

  @Test
  void aUsernameNamingAnotherInstanceThanTheSniNameIsContradicted() {
    assertThat(withSni.resolve("bob@inst-2", "inst-1.mqtt.example.com"))
        .contains(new InstanceClaim("inst-1", "bob", null, true));
    assertThat(withSni.resolve("Signature|LTAIabc|inst-2", "inst-1.mqtt.example.com"))
        .contains(new InstanceClaim("inst-1", "Signature|LTAIabc|inst-2", null, true));
    assertThat(withSni.resolve("Signature|LTAIabc|inst-1", "inst-1.mqtt.example.com").orElseThrow().contradicted())
        .isFalse();
  }

  @Test
  void namesOutsideTheDomainDeeperNamesAndTheDomainItselfNameNoInstance() {
    assertThat(withSni.resolve("carol", "inst-1.other.com")).contains(new InstanceClaim("default-1", "carol"));
    assertThat(withSni.resolve("carol", "a.inst-1.mqtt.example.com")).contains(new InstanceClaim("default-1", "carol"));
    assertThat(withSni.resolve("carol", "mqtt.example.com")).contains(new InstanceClaim("default-1", "carol"));
    assertThat(withSni.resolve("carol", "xmqtt.example.com")).contains(new InstanceClaim("default-1", "carol"));
    assertThat(withSni.resolve("bob@inst-2", "localhost")).contains(new InstanceClaim("inst-2", "bob"));
  }

  @Test
  void withoutAConfiguredDomainTheSniNameIsIgnored() {
    assertThat(withDefault.resolve("carol", "inst-1.mqtt.example.com"))
        .contains(new InstanceClaim("default-1", "carol"));
  }
}

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
}

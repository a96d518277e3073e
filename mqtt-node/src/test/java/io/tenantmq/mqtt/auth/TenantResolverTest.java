package io.tenantmq.mqtt.auth;

import static org.assertj.core.api.Assertions.assertThat;

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
}

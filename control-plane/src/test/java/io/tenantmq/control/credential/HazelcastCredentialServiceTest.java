package io.tenantmq.control.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.map.IMap;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.testing.EmbeddedMember;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HazelcastCredentialServiceTest {

  static EmbeddedMember member;
  static CredentialService credentials;

  @BeforeAll
  static void start() {
    member = new EmbeddedMember("cred-test");
    credentials = member.control.credentials();
  }

  @AfterAll
  static void stop() {
    member.close();
  }

  @Test
  void issuedTencentCredentialIsStoredSealedAndOpensToItsSecret() throws Exception {
    IssuedCredential issued = credentials.issue("tenant-a", CredentialKind.TENCENT, null, "ci").toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    assertThat(issued.credential().credentialId()).startsWith("AKID").hasSize(36);
    assertThat(issued.secret()).hasSize(32);
    IMap<String, Credential> raw = member.hazelcast.getMap(MapNames.CREDENTIALS);
    Credential stored = raw.get(issued.credential().credentialId());
    assertThat(stored.storedSecret()).doesNotContain(issued.secret());
    assertThat(stored.toString()).doesNotContain(stored.storedSecret());
    assertThat(credentials.secretOf(stored)).isEqualTo(issued.secret());
    assertThat(credentials.secretMatches(stored, issued.secret())).isTrue();
    assertThat(credentials.secretMatches(stored, issued.secret() + "x")).isFalse();
  }

  @Test
  void emqxSecretIsKeptAsAHashOnly() throws Exception {
    IssuedCredential issued = credentials.issue("tenant-e", CredentialKind.EMQX, "mqtt-e1", null).toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    Credential stored = credentials.get(issued.credential().credentialId()).toCompletableFuture().get().orElseThrow();
    assertThat(stored.storedSecret()).startsWith("pbkdf2-sha256$");
    assertThat(stored.covers("tenant-e", "mqtt-e1")).isTrue();
    assertThat(stored.covers("tenant-e", "mqtt-other")).isFalse();
    assertThat(credentials.secretMatches(stored, issued.secret())).isTrue();
  }

  @Test
  void importedIdIsNotOverwrittenAndListIsPerTenant() throws Exception {
    assertThat(credentials.importCredential("AKIDimport1", "secret-1", "tenant-i", CredentialKind.TENCENT, null, null)
        .toCompletableFuture().get()).isTrue();
    assertThat(credentials.importCredential("AKIDimport1", "secret-2", "tenant-other", CredentialKind.TENCENT, null, null)
        .toCompletableFuture().get()).isFalse();
    Credential kept = credentials.get("AKIDimport1").toCompletableFuture().get().orElseThrow();
    assertThat(kept.tenantId()).isEqualTo("tenant-i");
    assertThat(credentials.secretOf(kept)).isEqualTo("secret-1");
    assertThat(credentials.list("tenant-i").toCompletableFuture().get()).extracting(Credential::credentialId)
        .containsExactly("AKIDimport1");
    assertThat(credentials.list("tenant-other").toCompletableFuture().get()).isEmpty();
  }

  @Test
  void revokedCredentialIsGone() throws Exception {
    IssuedCredential issued = credentials.issue("tenant-r", CredentialKind.ALIYUN, null, null).toCompletableFuture().get();
    assertThat(issued.credential().credentialId()).startsWith("LTAI");
    assertThat(credentials.revoke(issued.credential().credentialId()).toCompletableFuture().get()).isTrue();
    assertThat(credentials.get(issued.credential().credentialId()).toCompletableFuture().get()).isEmpty();
    assertThat(credentials.revoke(issued.credential().credentialId()).toCompletableFuture().get()).isFalse();
  }

  @Test
  void updateChangesOnlyTheGivenFieldsAndKeepsTheSecret() throws Exception {
    IssuedCredential issued = credentials.issue("tenant-u", CredentialKind.EMQX, "mqtt-u1", "key-u").toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    String id = issued.credential().credentialId();
    Credential changed = credentials.update(id, new CredentialChange("for the billing job", 4_102_444_800_000L, true))
        .toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow();
    assertThat(changed.description()).isEqualTo("for the billing job");
    assertThat(changed.expiresAtMillis()).isEqualTo(4_102_444_800_000L);
    assertThat(changed.disabled()).isTrue();
    assertThat(changed.usableAt(System.currentTimeMillis())).isFalse();

    Credential reEnabled = credentials.update(id, new CredentialChange(null, null, false)).toCompletableFuture().get()
        .orElseThrow();
    Credential stored = credentials.get(id).toCompletableFuture().get().orElseThrow();
    assertThat(stored).isEqualTo(reEnabled);
    assertThat(stored.disabled()).isFalse();
    assertThat(stored.description()).isEqualTo("for the billing job");
    assertThat(stored.expiresAtMillis()).isEqualTo(4_102_444_800_000L);
    assertThat(stored.remark()).isEqualTo("key-u");
    assertThat(stored.instanceId()).isEqualTo("mqtt-u1");
    assertThat(stored.createdAtMillis()).isEqualTo(issued.credential().createdAtMillis());
    assertThat(credentials.secretMatches(stored, issued.secret())).isTrue();
    assertThat(stored.usableAt(System.currentTimeMillis())).isTrue();
  }

  @Test
  void updateOfAnUnknownCredentialCreatesNothing() throws Exception {
    assertThat(credentials.update("no-such-key", new CredentialChange("x", 0L, false)).toCompletableFuture().get())
        .isEmpty();
    assertThat(credentials.get("no-such-key").toCompletableFuture().get()).isEmpty();
  }
}

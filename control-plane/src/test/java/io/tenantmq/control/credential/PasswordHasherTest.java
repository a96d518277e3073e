package io.tenantmq.control.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  @Test
  void hashMatchesItsPasswordOnly() {
    String hash = PasswordHasher.hash("s3cret");
    assertThat(hash).startsWith("pbkdf2-sha256$10000$").doesNotContain("s3cret");
    assertThat(PasswordHasher.matches("s3cret", hash)).isTrue();
    assertThat(PasswordHasher.matches("s3creT", hash)).isFalse();
    assertThat(PasswordHasher.matches("", hash)).isFalse();
  }

  @Test
  void saltMakesEveryHashDifferent() {
    assertThat(PasswordHasher.hash("same")).isNotEqualTo(PasswordHasher.hash("same"));
  }

  @Test
  void malformedStoredHashNeverMatches() {
    assertThat(PasswordHasher.matches("x", "plain-text")).isFalse();
    assertThat(PasswordHasher.matches("x", "pbkdf2-sha256$abc$AAAA$AAAA")).isFalse();
    assertThat(PasswordHasher.matches("x", null)).isFalse();
  }
}

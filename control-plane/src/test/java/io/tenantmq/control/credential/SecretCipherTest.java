package io.tenantmq.control.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

  @Test
  void sealedSecretOpensWithTheSameKeyOnly() {
    SecretCipher cipher = new SecretCipher(SecretCipher.newKey());
    String sealed = cipher.seal("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE");
    assertThat(sealed).startsWith("v1:").doesNotContain("Gu5t9x");
    assertThat(cipher.open(sealed)).isEqualTo("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE");
    assertThatThrownBy(() -> new SecretCipher(SecretCipher.newKey()).open(sealed))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sealingTwiceGivesDifferentCiphertexts() {
    SecretCipher cipher = new SecretCipher(SecretCipher.newKey());
    assertThat(cipher.seal("same")).isNotEqualTo(cipher.seal("same"));
  }

  @Test
  void keyMustBe32Bytes() {
    assertThatThrownBy(() -> new SecretCipher(new byte[16])).hasMessageContaining("32 bytes");
  }
}

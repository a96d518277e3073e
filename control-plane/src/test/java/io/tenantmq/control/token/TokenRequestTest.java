package io.tenantmq.control.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of applying for a token, shared by the token server and the OnsMqtt ApplyToken action. */
class TokenRequestTest {

  static final long NOW = 1_700_000_000_000L;

  static TokenRequest parse(String actions, String resources, String expireTime) {
    return TokenRequest.parse("t1", "i1", "LTAIx", actions, resources, expireTime, NOW);
  }

  @Test
  void readWriteOnSortedResources() {
    TokenRequest request = parse("R,W", "b/+,a/#", String.valueOf(NOW + 3_600_000));
    assertThat(request.actions()).isEqualTo(Set.of(TokenAction.R, TokenAction.W));
    assertThat(request.resources()).containsExactly("a/#", "b/+");
    assertThat(request.expireAtMillis()).isEqualTo(NOW + 3_600_000);
  }

  @Test
  void expiryBeyondThirtyDaysIsCutToThirtyDays() {
    TokenRequest request = parse("R", "a", String.valueOf(NOW + 40L * 24 * 3600 * 1000));
    assertThat(request.expireAtMillis()).isEqualTo(NOW + TokenRequest.MAX_LIFETIME_MILLIS);
  }

  @Test
  void badInputNamesTheParameter() {
    assertThatThrownBy(() -> parse("X", "a", String.valueOf(NOW + 120_000))).hasMessageContaining("actions");
    assertThatThrownBy(() -> parse("", "a", String.valueOf(NOW + 120_000))).hasMessageContaining("actions");
    assertThatThrownBy(() -> parse("R", "", String.valueOf(NOW + 120_000))).hasMessageContaining("resources");
    assertThatThrownBy(() -> parse("R", "a,,b", String.valueOf(NOW + 120_000))).hasMessageContaining("resources");
    assertThatThrownBy(() -> parse("R", "a/#/b", String.valueOf(NOW + 120_000))).hasMessageContaining("resources");
    assertThatThrownBy(() -> parse("R", "a", String.valueOf(NOW + 59_000))).hasMessageContaining("60 seconds");
    assertThatThrownBy(() -> parse("R", "a", "soon")).hasMessageContaining("expireTime");
    String many = String.join(",", java.util.stream.IntStream.range(0, 101).mapToObj(i -> "t" + i).toList());
    assertThatThrownBy(() -> parse("R", many, String.valueOf(NOW + 120_000))).hasMessageContaining("at most 100");
  }
}

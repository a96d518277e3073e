package io.tenantmq.gateway.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token buckets on a clock the test moves. */
class RateLimiterTest {

  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final RateLimiter limiter = new RateLimiter(20, Map.of("Slow", 2), now::get);

  @Test
  void aSecondsWorthPassesThenCallsWaitForTheRefill() {
    for (int i = 0; i < 20; i++) {
      assertThat(limiter.tryAcquire("AKID1", "DescribeMQTTClient")).isTrue();
    }
    assertThat(limiter.tryAcquire("AKID1", "DescribeMQTTClient")).isFalse();
    now.addAndGet(49_000_000L); // 49 ms: less than one token back
    assertThat(limiter.tryAcquire("AKID1", "DescribeMQTTClient")).isFalse();
    now.addAndGet(2_000_000L); // 51 ms in all: one token
    assertThat(limiter.tryAcquire("AKID1", "DescribeMQTTClient")).isTrue();
    assertThat(limiter.tryAcquire("AKID1", "DescribeMQTTClient")).isFalse();
  }

  @Test
  void bucketsArePerCredentialAndPerAction() {
    for (int i = 0; i < 20; i++) {
      limiter.tryAcquire("AKID2", "DescribeMQTTClient");
    }
    assertThat(limiter.tryAcquire("AKID2", "DescribeMQTTClient")).isFalse();
    assertThat(limiter.tryAcquire("AKID3", "DescribeMQTTClient")).isTrue();
    assertThat(limiter.tryAcquire("AKID2", "DescribeMQTTInstance")).isTrue();
  }

  @Test
  void perActionLimitOverridesTheDefaultAndIdleTimeDoesNotBankMoreThanOneSecond() {
    assertThat(limiter.limitOf("Slow")).isEqualTo(2);
    assertThat(limiter.limitOf("Other")).isEqualTo(20);
    now.addAndGet(60_000_000_000L);
    assertThat(limiter.tryAcquire("AKID4", "Slow")).isTrue();
    assertThat(limiter.tryAcquire("AKID4", "Slow")).isTrue();
    assertThat(limiter.tryAcquire("AKID4", "Slow")).isFalse();
  }
}

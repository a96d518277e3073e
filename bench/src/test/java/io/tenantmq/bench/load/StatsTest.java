package io.tenantmq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void medianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
    assertThat(Stats.median(0.9, 0.4, 1.3)).isEqualTo(0.9);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    assertThat(Stats.median(4, 1, 3, 2)).isEqualTo(2.5);
  }

  @Test
  void medianLeavesTheCallersArrayUnsorted() {
    double[] values = {3, 1, 2};

    Stats.median(values);

    assertThat(values).containsExactly(3, 1, 2);
  }

  @Test
  void medianOfNothingIsAnError() {
    assertThatThrownBy(Stats::median).isInstanceOf(IllegalArgumentException.class);
  }
}

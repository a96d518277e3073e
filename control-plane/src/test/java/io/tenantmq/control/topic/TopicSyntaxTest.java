package io.tenantmq.control.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicSyntaxTest {

  @Test
  void matchingTakesTheTopicsLevelsLiterally() {
    assertThat(TopicSyntax.matches("a/#", "a/b")).isTrue();
    assertThat(TopicSyntax.matches("a/#", "a")).isTrue();
    assertThat(TopicSyntax.matches("a/#", "a/+")).isTrue();
    assertThat(TopicSyntax.matches("a/+", "a/+")).isTrue();
    assertThat(TopicSyntax.matches("a/+", "a/b/c")).isFalse();
    assertThat(TopicSyntax.matches("a/b", "a/+")).isFalse();
    assertThat(TopicSyntax.matches("+/b", "a/b")).isTrue();
    assertThat(TopicSyntax.matches("a/b", "a/b/")).isFalse();
    assertThat(TopicSyntax.matches("#", "$SYS/x")).isFalse();
    assertThat(TopicSyntax.matches("+/x", "$SYS/x")).isFalse();
    assertThat(TopicSyntax.matches("$SYS/#", "$SYS/x")).isTrue();
  }

  @Test
  void sharedSubscriptionsSplitIntoGroupAndFilter() {
    assertThat(TopicSyntax.shareGroup("$share/g1/a/+")).isEqualTo("g1");
    assertThat(TopicSyntax.unshared("$share/g1/a/+")).isEqualTo("a/+");
    assertThat(TopicSyntax.shareGroup("a/b")).isNull();
    assertThat(TopicSyntax.unshared("a/b")).isEqualTo("a/b");
    assertThat(TopicSyntax.isShared("$share/")).isFalse();
    assertThat(TopicSyntax.filterProblem("$share/g")).isNotNull();
  }
}

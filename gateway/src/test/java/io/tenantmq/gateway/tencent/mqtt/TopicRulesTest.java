package io.tenantmq.gateway.tencent.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicRulesTest {

  @Test
  void topicNamesWithoutWildcardsAreAccepted() {
    assertThat(TopicRules.nameProblem("a/b/c")).isNull();
    assertThat(TopicRules.nameProblem("/")).isNull();
    assertThat(TopicRules.nameProblem("$SYS-like/x")).isNull();
  }

  @Test
  void topicNamesWithWildcardsNulOrNothingAreRefused() {
    assertThat(TopicRules.nameProblem("a/+")).contains("wildcards");
    assertThat(TopicRules.nameProblem("a/#")).contains("wildcards");
    assertThat(TopicRules.nameProblem("")).contains("empty");
    assertThat(TopicRules.nameProblem("a\u0000b")).contains("U+0000");
    assertThat(TopicRules.nameProblem("a\uFFFDb")).contains("U+FFFD");
  }

  @Test
  void wildcardsMustOccupyWholeLevelsAndHashMustBeLast() {
    assertThat(TopicRules.filterProblem("a/+/c")).isNull();
    assertThat(TopicRules.filterProblem("a/#")).isNull();
    assertThat(TopicRules.filterProblem("#")).isNull();
    assertThat(TopicRules.filterProblem("a/#/c")).contains("'#'");
    assertThat(TopicRules.filterProblem("a/b#")).contains("'#'");
    assertThat(TopicRules.filterProblem("a/b+")).contains("'+'");
  }

  @Test
  void sharedFiltersNeedAGroupWithoutWildcardsAndAFilter() {
    assertThat(TopicRules.filterProblem("$share/g/a/+")).isNull();
    assertThat(TopicRules.filterProblem("$share//a")).contains("$share/{group}/{filter}");
    assertThat(TopicRules.filterProblem("$share/g/")).contains("$share/{group}/{filter}");
    assertThat(TopicRules.filterProblem("$share/g")).contains("$share/{group}/{filter}");
    assertThat(TopicRules.filterProblem("$share/g+/a")).contains("share group");
    assertThat(TopicRules.filterProblem("$share/g/a/#/b")).contains("'#'");
  }
}

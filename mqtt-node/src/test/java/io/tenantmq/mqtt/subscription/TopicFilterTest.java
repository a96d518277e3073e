package io.tenantmq.mqtt.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link TopicFilter#covers}: whether one filter reaches every topic another one does. */
class TopicFilterTest {

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
      "a/b, a/b, true",
      "a/b, a/c, false",
      "a/b, a, false",
      "a/b, a/b/c, false",
      "a/+, a/b, true",
      "a/+, a/, true",
      "a/+, a, false",
      "a/+/c, a/x/c, true",
      "a/+/c, a/x/d, false",
      "a/#, a, true",
      "a/#, a/b/c, true",
      "a/#, ab, false",
      "#, a/b, true",
      "#, $SYS/x, false",
      "+/x, $SYS/x, false",
      "$SYS/#, $SYS/x, true",
      "/a, /a, true",
      "+/a, /a, true",
      "a//b, a//b, true",
      "ab/c, a/c, false",
  })
  void matchesATopicName(String filter, String topic, boolean expected) {
    TopicFilter f = TopicFilter.parse(filter);
    assertThat(f.matches(topic)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} covers {1}")
  @CsvSource({
      "a/b, a/b",
      "a/+, a/b",
      "a/+, a/+",
      "a/#, a/b/+",
      "a/#, a/#",
      "a/#, a",
      "a/#, a/b/c",
      "#, a/#",
      "#, +/+",
      "+/+, a/+",
      "+/b/#, x/b/c/#",
      "a/+/c, a/+/c",
      "a/#, $share/g/a/b",
      "$SYS/#, $SYS/broker",
  })
  void covers(String wide, String narrow) {
    assertThat(TopicFilter.parse(wide).covers(TopicFilter.parse(narrow))).isTrue();
  }

  @ParameterizedTest(name = "{0} does not cover {1}")
  @CsvSource({
      "a/b, a/c",
      "a/b, a/+",
      "a/b, a/#",
      "a/+, a/#",
      "a/+, a",
      "a/+, a/b/c",
      "a/+/#, a/#",
      "a/+/#, a",
      "a/b/c, a/b",
      "a, a/b",
      "a/b, +/b",
      "+/b, #",
      "#, $SYS/broker",
      "+/broker, $SYS/broker",
      "a/#, $share/g/b/#",
  })
  void doesNotCover(String wide, String narrow) {
    assertThat(TopicFilter.parse(wide).covers(TopicFilter.parse(narrow))).isFalse();
  }
}

package io.tenantmq.mqtt.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link TopicFilter} parsing and {@link TopicTrie} matching, without a broker. */
class TopicTrieTest {

  /** A subscription in the trie: the client and what it subscribed to. */
  record Sub(String client, String filter) {
  }

  /** Collects ordinary matches as "client:filter" and share groups by their full filter. */
  static final class Collect implements TopicTrie.Visitor<Sub> {
    final List<String> values = new ArrayList<>();
    final List<String> groups = new ArrayList<>();

    @Override
    public void value(Sub s) {
      values.add(s.client() + ":" + s.filter());
    }

    @Override
    public void shared(TopicTrie.ShareGroup<Sub> group) {
      groups.add(group.shareFilter());
    }
  }

  private final TopicTrie<Sub> trie = new TopicTrie<>(Sub::client);

  private void subscribe(String client, String filter) {
    trie.add(TopicFilter.parse(filter), new Sub(client, filter));
  }

  private Collect match(String topic) {
    Collect c = new Collect();
    trie.match(TopicName.levels(topic), c);
    return c;
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/#/b", "#/a", "a#", "a/b#", "a+", "a/+b", "+a/b", "$share/g", "$share/g/", "$share//t",
      "$share/g+/t", "$share/#/t", "a/\u0000"})
  void invalidFiltersAreRejected(String text) {
    assertThatThrownBy(() -> TopicFilter.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"#", "+", "/", "a/+/c", "a/#", "+/+", "a//b", "$SYS/#", "$share/g/a/+", "$share/g/#"})
  void validFiltersParse(String text) {
    assertThat(TopicFilter.parse(text).text()).isEqualTo(text);
  }

  @Test
  void sharedFilterKnowsItsGroupAndFilter() {
    TopicFilter f = TopicFilter.parse("$share/grp/a/+/c");
    assertThat(f.shared()).isTrue();
    assertThat(f.group()).isEqualTo("grp");
    assertThat(f.filter()).isEqualTo("a/+/c");
    assertThat(f.levels()).containsExactly("a", "+", "c");
    assertThat(f.wildcard()).isTrue();
    assertThat(TopicFilter.parse("a/b").shared()).isFalse();
    assertThat(TopicFilter.parse("a/b").wildcard()).isFalse();
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
      "a/+, a/b, true", "a/+, a/b/c, false", "a/+, a, false", "a/+, a/, true",
      "+/+, /, true", "+, /, false", "a/+/c, a/x/c, true", "a/+/c, a/x/d, false",
      "#, a/b/c, true", "#, /, true", "a/#, a, true", "a/#, a/b/c, true", "a/#, ab, false",
      "+/#, a, true", "a/b, a/b, true", "a/b, a/B, false",
      "#, $SYS/x, false", "+/x, $SYS/x, false", "$SYS/#, $SYS/x, true", "$SYS/+, $SYS/x, true", "+/#, $SYS, false"})
  void trieAndFilterAgreeOnMatching(String filter, String topic, boolean matches) {
    subscribe("c1", filter);
    assertThat(match(topic).values).as("trie").isEqualTo(matches ? List.of("c1:" + filter) : List.of());
    assertThat(TopicFilter.parse(filter).matches(topic)).as("filter").isEqualTo(matches);
  }

  @Test
  void everyMatchingFilterIsVisitedOnce() {
    subscribe("c1", "a/#");
    subscribe("c2", "a/b");
    subscribe("c3", "+/b");
    subscribe("c4", "#");
    subscribe("c5", "a/c");
    assertThat(match("a/b").values).containsExactlyInAnyOrder("c1:a/#", "c2:a/b", "c3:+/b", "c4:#");
    assertThat(trie.filterCount()).isEqualTo(5);
  }

  @Test
  void addingTheSameSubscriberAgainReplacesIt() {
    assertThat(trie.add(TopicFilter.parse("a/b"), new Sub("c1", "a/b"))).isTrue();
    assertThat(trie.add(TopicFilter.parse("a/b"), new Sub("c1", "a/b"))).isFalse();
    assertThat(trie.countOf(TopicFilter.parse("a/b"))).isEqualTo(1);
  }

  @Test
  void removeForgetsTheSubscriberAndPrunesEmptyLevels() {
    subscribe("c1", "a/b/c");
    subscribe("c2", "a/b/c");
    assertThat(trie.remove(TopicFilter.parse("a/b/c"), "c1")).isTrue();
    assertThat(trie.remove(TopicFilter.parse("a/b/c"), "c1")).isFalse();
    assertThat(match("a/b/c").values).containsExactly("c2:a/b/c");
    assertThat(trie.remove(TopicFilter.parse("a/b/c"), "c2")).isTrue();
    assertThat(match("a/b/c").values).isEmpty();
    assertThat(trie.filterCount()).isZero();
    assertThat(trie.remove(TopicFilter.parse("x/y"), "c1")).isFalse();
  }

  @Test
  void shareGroupsAreVisitedOnceAndHandOutMembersInTurn() {
    subscribe("m1", "$share/g/s/+");
    subscribe("m2", "$share/g/s/+");
    subscribe("o1", "$share/other/s/#");
    subscribe("plain", "s/+");
    Collect c = match("s/x");
    assertThat(c.values).containsExactly("plain:s/+");
    assertThat(c.groups).containsExactlyInAnyOrder("$share/g/s/+", "$share/other/s/#");

    TopicTrie.ShareGroup<Sub> group = trie.shareGroup(TopicFilter.parse("$share/g/s/+"));
    assertThat(group.size()).isEqualTo(2);
    List<String> turns = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      turns.add(group.next().client());
    }
    assertThat(turns).containsExactly("m1", "m2", "m1", "m2");

    trie.remove(TopicFilter.parse("$share/g/s/+"), "m1");
    trie.remove(TopicFilter.parse("$share/g/s/+"), "m2");
    assertThat(trie.shareGroup(TopicFilter.parse("$share/g/s/+"))).isNull();
    assertThat(match("s/x").groups).containsExactly("$share/other/s/#");
  }
}

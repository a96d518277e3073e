package io.tenantmq.mqtt.subscription;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Topic filters of one instance, each with the values subscribed to it, matched against topic names.
 *
 * <p>Owned by: writers serialize on the trie's monitor; readers match without locks. Children are concurrent maps and
 * value arrays are replaced, never changed, so a reader sees either the old or the new state of a node.
 * Values are told apart by {@code identity}: adding a value with the identity of one already on the filter replaces it.
 *
 * @param <V> what is subscribed: a local subscription, or a node name in the route table
 */
public final class TopicTrie<V> {

  /** Receives the matches of one topic name. */
  public interface Visitor<V> {
    /** An ordinary subscription that matches. */
    void value(V value);

    /** A share group with a matching filter; the visitor picks one member (or one node). */
    void shared(ShareGroup<V> group);
  }

  /** Members of one share group on one filter, and a round-robin cursor over them. */
  public static final class ShareGroup<V> {
    private final String shareFilter;
    private volatile Object[] members;
    private final AtomicInteger cursor = new AtomicInteger();

    ShareGroup(String shareFilter, Object[] members) {
      this.shareFilter = shareFilter;
      this.members = members;
    }

    /** The full {@code $share/{group}/{filter}} text, the group's identity across nodes. */
    public String shareFilter() {
      return shareFilter;
    }

    public int size() {
      return members.length;
    }

    @SuppressWarnings("unchecked")
    public V member(int index) {
      return (V) members[index];
    }

    /** The next position in turn among {@code size} candidates. */
    public int nextIndex(int size) {
      return Math.floorMod(cursor.getAndIncrement(), size);
    }

    /** The next member in turn, or null when the group has none. */
    @SuppressWarnings("unchecked")
    public V next() {
      Object[] m = members;
      if (m.length == 0) {
        return null;
      }
      return (V) m[Math.floorMod(cursor.getAndIncrement(), m.length)];
    }
  }

  private static final Object[] EMPTY = new Object[0];

  private static final class Node<V> {
    final Map<String, Node<V>> children = new ConcurrentHashMap<>(4);
    volatile Object[] values = EMPTY;
    final Map<String, ShareGroup<V>> groups = new ConcurrentHashMap<>(1);

    boolean isEmpty() {
      return children.isEmpty() && values.length == 0 && groups.isEmpty();
    }
  }

  private final Node<V> root = new Node<>();
  private final Function<V, Object> identity;
  private final AtomicInteger filters = new AtomicInteger();
  private final AtomicInteger values = new AtomicInteger();
  private final AtomicInteger sharedValues = new AtomicInteger();

  public TopicTrie(Function<V, Object> identity) {
    this.identity = Objects.requireNonNull(identity);
  }

  /**
   * Whether some filter (ordinary or the filter of a share) starts with exactly {@code level}; may answer true for a
   * filter just removed. A cheap test before building a message nobody may want.
   */
  public boolean hasFirstLevel(String level) {
    return root.children.containsKey(level);
  }

  /** Adds or replaces (by identity) {@code value} on {@code filter}; true when the identity was not there before. */
  public synchronized boolean add(TopicFilter filter, V value) {
    Node<V> node = root;
    for (String level : filter.levels()) {
      node = node.children.computeIfAbsent(level, l -> new Node<>());
    }
    if (filter.shared()) {
      ShareGroup<V> group = node.groups.get(filter.group());
      if (group == null) {
        node.groups.put(filter.group(), new ShareGroup<>(filter.text(), new Object[] {value}));
        filters.incrementAndGet();
        counted(true, 1);
        return true;
      }
      Object[] updated = put(group.members, value);
      boolean added = updated.length > group.members.length;
      group.members = updated;
      counted(true, added ? 1 : 0);
      return added;
    }
    Object[] updated = put(node.values, value);
    boolean added = updated.length > node.values.length;
    if (added && node.values.length == 0) {
      filters.incrementAndGet();
    }
    node.values = updated;
    counted(false, added ? 1 : 0);
    return added;
  }

  /** Removes the value with {@code value}'s identity from {@code filter}; true when one was there. */
  public synchronized boolean remove(TopicFilter filter, Object valueIdentity) {
    Node<V>[] path = pathTo(filter);
    if (path == null) {
      return false;
    }
    Node<V> node = path[path.length - 1];
    boolean removed;
    if (filter.shared()) {
      ShareGroup<V> group = node.groups.get(filter.group());
      if (group == null) {
        return false;
      }
      Object[] updated = without(group.members, valueIdentity);
      removed = updated != group.members;
      group.members = updated;
      if (updated.length == 0) {
        node.groups.remove(filter.group());
        filters.decrementAndGet();
      }
    } else {
      Object[] updated = without(node.values, valueIdentity);
      removed = updated != node.values;
      node.values = updated;
      if (removed && updated.length == 0) {
        filters.decrementAndGet();
      }
    }
    prune(path, filter.levels());
    counted(filter.shared(), removed ? -1 : 0);
    return removed;
  }

  private void counted(boolean shared, int delta) {
    if (delta != 0) {
      values.addAndGet(delta);
      if (shared) {
        sharedValues.addAndGet(delta);
      }
    }
  }

  /** How many values are subscribed to exactly {@code filter} (not matching it). */
  public int countOf(TopicFilter filter) {
    return rawValuesOf(filter).length;
  }

  /** Whether {@code value} itself (by equality, not identity) is subscribed to exactly {@code filter}. */
  public boolean contains(TopicFilter filter, V value) {
    for (Object v : rawValuesOf(filter)) {
      if (v.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private Object[] rawValuesOf(TopicFilter filter) {
    Node<V>[] path = pathTo(filter);
    if (path == null) {
      return EMPTY;
    }
    Node<V> node = path[path.length - 1];
    if (filter.shared()) {
      ShareGroup<V> group = node.groups.get(filter.group());
      return group == null ? EMPTY : group.members;
    }
    return node.values;
  }

  /** The share group of exactly {@code filter}, or null. */
  public ShareGroup<V> shareGroup(TopicFilter filter) {
    Node<V>[] path = pathTo(filter);
    return path == null ? null : path[path.length - 1].groups.get(filter.group());
  }

  /** Number of distinct filters (share groups count once per group). */
  public int filterCount() {
    return filters.get();
  }

  /** Number of values on all filters, share group members included. */
  public int valueCount() {
    return values.get();
  }

  /** Number of values that are members of share groups. */
  public int sharedValueCount() {
    return sharedValues.get();
  }

  /** Visits every subscription whose filter matches {@code topicLevels} [MQTT-4.7]. */
  public void match(String[] topicLevels, Visitor<V> visitor) {
    // [MQTT-4.7.2-1] a leading wildcard never matches a topic that starts with '$'
    boolean dollar = topicLevels[0].startsWith("$");
    match(root, topicLevels, 0, dollar, visitor);
  }

  @SuppressWarnings("unchecked")
  private void match(Node<V> node, String[] levels, int depth, boolean dollar, Visitor<V> visitor) {
    if (depth == levels.length) {
      visit(node, visitor);
      Node<V> hash = node.children.get("#");
      if (hash != null) {
        visit(hash, visitor); // "a/#" also matches "a" [MQTT-4.7.1-2]
      }
      return;
    }
    if (!(dollar && depth == 0)) {
      Node<V> hash = node.children.get("#");
      if (hash != null) {
        visit(hash, visitor);
      }
      Node<V> plus = node.children.get("+");
      if (plus != null) {
        match(plus, levels, depth + 1, dollar, visitor);
      }
    }
    Node<V> exact = node.children.get(levels[depth]);
    if (exact != null) {
      match(exact, levels, depth + 1, dollar, visitor);
    }
  }

  @SuppressWarnings("unchecked")
  private void visit(Node<V> node, Visitor<V> visitor) {
    Object[] values = node.values;
    for (Object v : values) {
      visitor.value((V) v);
    }
    if (!node.groups.isEmpty()) {
      for (ShareGroup<V> group : node.groups.values()) {
        visitor.shared(group);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private Node<V>[] pathTo(TopicFilter filter) {
    String[] levels = filter.levels();
    Node<V>[] path = new Node[levels.length + 1];
    Node<V> node = root;
    path[0] = node;
    for (int i = 0; i < levels.length; i++) {
      node = node.children.get(levels[i]);
      if (node == null) {
        return null;
      }
      path[i + 1] = node;
    }
    return path;
  }

  private void prune(Node<V>[] path, String[] levels) {
    for (int i = levels.length; i > 0; i--) {
      if (!path[i].isEmpty()) {
        return;
      }
      path[i - 1].children.remove(levels[i - 1], path[i]);
    }
  }

  @SuppressWarnings("unchecked")
  private Object[] put(Object[] values, V value) {
    Object id = identity.apply(value);
    for (int i = 0; i < values.length; i++) {
      if (identity.apply((V) values[i]).equals(id)) {
        Object[] copy = values.clone();
        copy[i] = value;
        return copy;
      }
    }
    Object[] copy = java.util.Arrays.copyOf(values, values.length + 1);
    copy[values.length] = value;
    return copy;
  }

  /** The array without the value of that identity, or the same array when it has none. */
  @SuppressWarnings("unchecked")
  private Object[] without(Object[] values, Object valueIdentity) {
    for (int i = 0; i < values.length; i++) {
      if (identity.apply((V) values[i]).equals(valueIdentity)) {
        Object[] copy = new Object[values.length - 1];
        System.arraycopy(values, 0, copy, 0, i);
        System.arraycopy(values, i + 1, copy, i, values.length - i - 1);
        return copy;
      }
    }
    return values;
  }
}

package io.tenantmq.mqtt.route;

import io.tenantmq.mqtt.subscription.LocalSubscriptions;
import io.tenantmq.mqtt.subscription.Subscriber;
import io.tenantmq.mqtt.subscription.Subscription;
import io.tenantmq.mqtt.subscription.TopicFilter;
import io.tenantmq.mqtt.subscription.TopicName;
import io.tenantmq.mqtt.subscription.TopicTrie;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a published message to every matching subscription of its instance, on this node and on others.
 *
 * <p>Ordinary subscriptions: local sessions get the message directly; each other node with a matching route gets one
 * event-bus message and delivers to its own sessions. A client with several matching subscriptions gets the message
 * once, at the highest granted QoS, with every matching Subscription Identifier; No Local subscriptions of the
 * publishing client are skipped. Share groups: one node among those with members is chosen in turn, and one member
 * there.
 *
 * <p>Owned by: stateless apart from the round-robin cursors; called on any event loop.
 */
public final class Router {

  public static String deliverAddress(String node) {
    return "tenantmq.node." + node + ".deliver";
  }

  private final String localNode;
  private final LocalSubscriptions local;
  private final RouteTable routes;
  private final EventBus eventBus;

  public Router(String localNode, LocalSubscriptions local, RouteTable routes, EventBus eventBus) {
    this.localNode = localNode;
    this.local = local;
    this.routes = routes;
    this.eventBus = eventBus;
  }

  /**
   * Whether any node may have a subscriber of the instance to a filter whose first level is exactly {@code level}
   * (such as {@code $SYS}, which wildcards do not cover [MQTT-4.7.2-1]); two map lookups, no allocation.
   */
  public boolean mayHaveSubscribers(String instanceId, String level) {
    TopicTrie<Subscription> localTrie = local.trie(instanceId);
    if (localTrie != null && localTrie.hasFirstLevel(level)) {
      return true;
    }
    TopicTrie<String> remoteTrie = routes.remoteTrie(instanceId);
    return remoteTrie != null && remoteTrie.hasFirstLevel(level);
  }

  /** Routes {@code message}; returns how many sessions here and nodes elsewhere it went to (0: nobody subscribed). */
  public int publish(Message message) {
    String[] levels = TopicName.levels(message.topic());
    LocalMatches localMatches = new LocalMatches(message.publisher());
    TopicTrie<Subscription> localTrie = local.trie(message.instanceId());
    if (localTrie != null) {
      localTrie.match(levels, localMatches);
    }
    RemoteMatches remoteMatches = null;
    TopicTrie<String> remoteTrie = routes.remoteTrie(message.instanceId());
    if (remoteTrie != null) {
      remoteMatches = new RemoteMatches();
      remoteTrie.match(levels, remoteMatches);
    }
    int count = localMatches.deliver(message);
    Map<String, List<String>> sharesByNode = null;
    // share groups: candidates are this node (if it has members) and every remote node with members
    Map<String, TopicTrie.ShareGroup<Subscription>> localGroups = localMatches.groups;
    Map<String, TopicTrie.ShareGroup<String>> remoteGroups = remoteMatches == null ? null : remoteMatches.groups;
    if (localGroups != null || remoteGroups != null) {
      Map<String, Boolean> shareFilters = new HashMap<>();
      if (localGroups != null) {
        localGroups.keySet().forEach(f -> shareFilters.put(f, true));
      }
      if (remoteGroups != null) {
        remoteGroups.keySet().forEach(f -> shareFilters.putIfAbsent(f, false));
      }
      for (String shareFilter : shareFilters.keySet()) {
        TopicTrie.ShareGroup<Subscription> lg = localGroups == null ? null : localGroups.get(shareFilter);
        TopicTrie.ShareGroup<String> rg = remoteGroups == null ? null : remoteGroups.get(shareFilter);
        String node = pickNode(lg, rg);
        if (node == null) {
          continue;
        }
        if (node.equals(localNode)) {
          Subscription member = lg.next();
          if (member != null) {
            deliver(member, message);
            count++;
          }
        } else {
          if (sharesByNode == null) {
            sharesByNode = new HashMap<>();
          }
          sharesByNode.computeIfAbsent(node, n -> new ArrayList<>()).add(shareFilter);
        }
      }
    }
    if (remoteMatches != null) {
      for (String node : remoteMatches.nodes) {
        List<String> shares = sharesByNode == null ? null : sharesByNode.remove(node);
        send(node, message, true, shares);
        count++;
      }
    }
    if (sharesByNode != null) {
      for (Map.Entry<String, List<String>> e : sharesByNode.entrySet()) {
        send(e.getKey(), message, false, e.getValue());
        count++;
      }
    }
    return count;
  }

  /** Delivers a message another node routed here: to ordinary subscribers if asked, and to one member per share. */
  public void deliverRouted(Buffer body) {
    int[] pos = {0};
    boolean ordinary = body.getByte(0) == 1;
    int shareCount = body.getInt(1);
    pos[0] = 5;
    List<String> shares = new ArrayList<>(shareCount);
    for (int i = 0; i < shareCount; i++) {
      shares.add(new String(MessageProperties.readBytes(body, pos), StandardCharsets.UTF_8));
    }
    Message message = MessageCodec.decode(body, pos);
    TopicTrie<Subscription> trie = local.trie(message.instanceId());
    if (trie == null) {
      return;
    }
    if (ordinary) {
      LocalMatches matches = new LocalMatches(message.publisher());
      trie.match(TopicName.levels(message.topic()), matches);
      matches.deliver(message);
    }
    for (String share : shares) {
      TopicTrie.ShareGroup<Subscription> group = trie.shareGroup(TopicFilter.parse(share));
      Subscription member = group == null ? null : group.next();
      if (member != null) {
        deliver(member, message);
      }
    }
  }

  private String pickNode(TopicTrie.ShareGroup<Subscription> localGroup, TopicTrie.ShareGroup<String> remoteGroup) {
    boolean here = localGroup != null && localGroup.size() > 0;
    if (remoteGroup == null || remoteGroup.size() == 0) {
      return here ? localNode : null;
    }
    if (!here) {
      return remoteGroup.next();
    }
    // this node takes its turn among the remote ones: one slot in (remote members + 1)
    int remote = remoteGroup.size();
    int slot = remoteGroup.nextIndex(remote + 1);
    return slot == remote ? localNode : remoteGroup.member(slot);
  }

  private void send(String node, Message message, boolean ordinary, List<String> shares) {
    Buffer body = Buffer.buffer(64 + message.payload().length());
    body.appendByte((byte) (ordinary ? 1 : 0));
    body.appendInt(shares == null ? 0 : shares.size());
    if (shares != null) {
      for (String s : shares) {
        MessageProperties.appendBytes(body, s.getBytes(StandardCharsets.UTF_8));
      }
    }
    MessageCodec.encode(message, body);
    eventBus.send(deliverAddress(node), body);
  }

  private static void deliver(Subscription s, Message message) {
    s.subscriber().deliver(message, Math.min(message.qos(), s.qos()), s.retainFlag(message.retain()), s.identifiers());
  }

  /**
   * Collects local matches: ordinary ones merged per subscriber (one delivery at the highest QoS carrying every
   * Subscription Identifier [MQTT-3.3.4-3, -4]), skipping No Local subscriptions of the publisher [MQTT-3.8.3-3]; share
   * groups by filter. A single match, the common case, allocates nothing.
   */
  private static final class LocalMatches implements TopicTrie.Visitor<Subscription> {
    private final String publisher;
    private Subscription first;
    private Map<Subscriber, Merged> more;
    Map<String, TopicTrie.ShareGroup<Subscription>> groups;

    LocalMatches(String publisher) {
      this.publisher = publisher;
    }

    @Override
    public void value(Subscription s) {
      if (s.excludes(publisher)) {
        return;
      }
      if (first == null) {
        first = s;
        return;
      }
      if (more == null) {
        more = new IdentityHashMap<>();
        more.put(first.subscriber(), new Merged(first));
      }
      Merged merged = more.get(s.subscriber());
      if (merged == null) {
        more.put(s.subscriber(), new Merged(s));
      } else {
        merged.add(s);
      }
    }

    @Override
    public void shared(TopicTrie.ShareGroup<Subscription> group) {
      if (groups == null) {
        groups = new HashMap<>();
      }
      groups.put(group.shareFilter(), group);
    }

    int deliver(Message message) {
      if (more != null) {
        for (Map.Entry<Subscriber, Merged> e : more.entrySet()) {
          Merged m = e.getValue();
          e.getKey().deliver(message, Math.min(message.qos(), m.qos), message.retain() && m.retainAsPublished,
              m.identifiers);
        }
        return more.size();
      }
      if (first != null) {
        Router.deliver(first, message);
        return 1;
      }
      return 0;
    }
  }

  /**
   * The overlapping subscriptions of one subscriber that match one message: the highest QoS, every identifier, and the
   * RETAIN flag kept as published if any of them asks for it.
   */
  private static final class Merged {
    int qos;
    boolean retainAsPublished;
    int[] identifiers;

    Merged(Subscription s) {
      qos = s.qos();
      retainAsPublished = s.options().retainAsPublished();
      identifiers = s.identifiers();
    }

    void add(Subscription s) {
      qos = Math.max(qos, s.qos());
      retainAsPublished |= s.options().retainAsPublished();
      int id = s.options().identifier();
      if (id != 0) {
        int[] grown = java.util.Arrays.copyOf(identifiers, identifiers.length + 1);
        grown[identifiers.length] = id;
        identifiers = grown;
      }
    }
  }

  /** Collects the remote nodes with a matching ordinary route, and the matching remote share groups. */
  private static final class RemoteMatches implements TopicTrie.Visitor<String> {
    final java.util.Set<String> nodes = new java.util.HashSet<>(4);
    Map<String, TopicTrie.ShareGroup<String>> groups;

    @Override
    public void value(String node) {
      nodes.add(node);
    }

    @Override
    public void shared(TopicTrie.ShareGroup<String> group) {
      if (groups == null) {
        groups = new HashMap<>();
      }
      groups.put(group.shareFilter(), group);
    }
  }
}

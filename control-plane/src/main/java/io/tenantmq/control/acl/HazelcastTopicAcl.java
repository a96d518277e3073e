package io.tenantmq.control.acl;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import io.tenantmq.control.cluster.MapMirror;
import io.tenantmq.control.cluster.MapNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@link TopicAcl} on the Hazelcast map {@link MapNames#ACL}, one entry per instance holding its whole ordered list.
 * Single-rule edits are entry processors, atomic on the owning member. Every member keeps a compiled copy of every
 * instance's rules ({@link MapMirror}); rules are few, and a check must never wait for the network.
 */
public final class HazelcastTopicAcl implements TopicAcl {

  private final IMap<String, InstanceAcl> map;
  private final MapMirror<String, InstanceAcl, AclRules> mirror;

  public HazelcastTopicAcl(HazelcastInstance hazelcast) {
    this.map = hazelcast.getMap(MapNames.ACL);
    this.mirror = new MapMirror<>(map, AclRules::of);
  }

  @Override
  public CompletionStage<List<AclRule>> rules(String instanceId) {
    return map.getAsync(instanceId).thenApply(acl -> acl == null ? List.of() : acl.rules());
  }

  @Override
  public CompletionStage<Void> replace(String instanceId, List<AclRule> rules) {
    if (rules.isEmpty()) {
      return map.removeAsync(instanceId).thenApply(previous -> null);
    }
    return map.setAsync(instanceId, new InstanceAcl(instanceId, rules, System.currentTimeMillis()));
  }

  @Override
  public CompletionStage<AclChange> add(String instanceId, AclRule rule, Integer position) {
    return map.submitToKey(instanceId, new AddRule(instanceId, rule, position, System.currentTimeMillis()));
  }

  @Override
  public CompletionStage<AclChange> remove(String instanceId, int position) {
    return map.submitToKey(instanceId, new RemoveRule(instanceId, position, System.currentTimeMillis()));
  }

  @Override
  public CompletionStage<AclChange> replaceGroup(String instanceId, String username, String clientId,
                                                 List<AclRule> rules) {
    for (AclRule r : rules) {
      if (!r.isFor(username, clientId)) {
        throw new IllegalArgumentException("rule " + r + " is not of the group it replaces");
      }
    }
    return map.submitToKey(instanceId, new ReplaceGroup(instanceId, username, clientId, List.copyOf(rules),
        System.currentTimeMillis()));
  }

  @Override
  public CompletionStage<Boolean> deleteAll(String instanceId) {
    return map.removeAsync(instanceId).thenApply(previous -> previous != null);
  }

  @Override
  public ClientAcl forClient(String instanceId, String clientId, String username) {
    return (action, subject) -> {
      AclRules rules = mirror.get(instanceId);
      return rules == null ? AclDecision.NO_MATCH : rules.decide(action, subject, clientId, username);
    };
  }

  private static List<AclRule> current(Map.Entry<String, InstanceAcl> entry) {
    return entry.getValue() == null ? List.of() : entry.getValue().rules();
  }

  private record AddRule(String instanceId, AclRule rule, Integer position, long nowMillis)
      implements EntryProcessor<String, InstanceAcl, AclChange> {
    @Override
    public AclChange process(Map.Entry<String, InstanceAcl> entry) {
      List<AclRule> rules = new ArrayList<>(current(entry));
      if (rules.size() >= InstanceAcl.MAX_RULES) {
        return AclChange.refused("instance '" + instanceId + "' already has " + InstanceAcl.MAX_RULES
            + " rules, the most it may have");
      }
      int at = position == null ? rules.size() : position;
      if (at < 0 || at > rules.size()) {
        return AclChange.refused("position must be 0 to " + rules.size() + ", was " + at);
      }
      rules.add(at, rule);
      entry.setValue(new InstanceAcl(instanceId, rules, nowMillis));
      return AclChange.done(rules);
    }
  }

  private record RemoveRule(String instanceId, int position, long nowMillis)
      implements EntryProcessor<String, InstanceAcl, AclChange> {
    @Override
    public AclChange process(Map.Entry<String, InstanceAcl> entry) {
      List<AclRule> rules = new ArrayList<>(current(entry));
      if (position < 0 || position >= rules.size()) {
        return AclChange.refused("instance '" + instanceId + "' has no rule at position " + position + " (it has "
            + rules.size() + ")");
      }
      rules.remove(position);
      // no rules left: no entry, as after a replace with an empty list
      entry.setValue(rules.isEmpty() ? null : new InstanceAcl(instanceId, rules, nowMillis));
      return AclChange.done(rules);
    }
  }

  private record ReplaceGroup(String instanceId, String username, String clientId, List<AclRule> group,
                              long nowMillis) implements EntryProcessor<String, InstanceAcl, AclChange> {
    @Override
    public AclChange process(Map.Entry<String, InstanceAcl> entry) {
      List<AclRule> old = current(entry);
      int at = -1;
      List<AclRule> rules = new ArrayList<>();
      for (AclRule r : old) {
        if (r.isFor(username, clientId)) {
          at = at < 0 ? rules.size() : at;
        } else {
          rules.add(r);
        }
      }
      if (at < 0) {
        at = tierPosition(rules);
      }
      if (rules.size() + group.size() > InstanceAcl.MAX_RULES) {
        return AclChange.refused("instance '" + instanceId + "' may have at most " + InstanceAcl.MAX_RULES
            + " rules, this would make " + (rules.size() + group.size()));
      }
      rules.addAll(at, group);
      entry.setValue(rules.isEmpty() ? null : new InstanceAcl(instanceId, rules, nowMillis));
      return AclChange.done(rules);
    }

    /** Where EMQX would check a new group: after the client-id rules, after those the user-name ones, then the rest. */
    private int tierPosition(List<AclRule> rules) {
      int tier = tier(username, clientId);
      int i = 0;
      while (i < rules.size() && tier(rules.get(i).username(), rules.get(i).clientId()) <= tier) {
        i++;
      }
      return i;
    }

    private static int tier(String username, String clientId) {
      return clientId != null ? 0 : username != null ? 1 : 2;
    }
  }
}

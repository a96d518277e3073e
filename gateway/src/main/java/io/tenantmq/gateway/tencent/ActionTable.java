package io.tenantmq.gateway.tencent;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The actions the API serves, by name and version. */
public final class ActionTable {

  private final Map<String, Map<String, TencentAction<?>>> byName = new HashMap<>();

  public ActionTable(Collection<? extends TencentAction<?>> actions) {
    for (TencentAction<?> action : actions) {
      TencentAction<?> previous = byName.computeIfAbsent(action.name(), n -> new HashMap<>())
          .put(action.version(), action);
      if (previous != null) {
        throw new IllegalArgumentException("two actions " + action.name() + " in version " + action.version());
      }
    }
  }

  /** The action, or {@code InvalidAction} for an unknown name and {@code NoSuchVersion} for a known one in another version. */
  public TencentAction<?> find(String name, String version) {
    Map<String, TencentAction<?>> versions = byName.get(name);
    if (versions == null) {
      throw TencentErrors.invalidAction(name);
    }
    TencentAction<?> action = versions.get(version);
    if (action == null) {
      throw TencentErrors.noSuchVersion(name, version);
    }
    return action;
  }
}

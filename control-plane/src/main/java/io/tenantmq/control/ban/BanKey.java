package io.tenantmq.control.ban;

import java.io.Serializable;
import java.util.Objects;

/** One ban of one instance: at most one per (kind, who). The instance comes first, as in every key. */
public record BanKey(String instanceId, BanKind kind, String who) implements Serializable {
  public BanKey {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(who, "who");
  }

  @Override
  public String toString() {
    return instanceId + "/" + kind.wireName() + "/" + who;
  }
}

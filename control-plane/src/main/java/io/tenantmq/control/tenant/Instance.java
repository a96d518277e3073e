package io.tenantmq.control.tenant;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An isolated MQTT instance of a tenant: its own client ids, topics, users and retained messages. A value: a change
 * writes a new record.
 *
 * @param remark             free text of the tenant's, shown by the management APIs
 * @param anonymousLoopback  whether MQTT clients on loopback addresses may connect without credentials
 */
public record Instance(String instanceId, String tenantId, String name, String remark, boolean anonymousLoopback,
                       long createdAtMillis) implements Serializable {

  /** Instance ids are DNS labels, so that {@code <instanceId>.<domain>} SNI host names can carry them. */
  public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  public Instance {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(name, "name");
    remark = remark == null ? "" : remark;
    if (!ID_PATTERN.matcher(instanceId).matches()) {
      throw new IllegalArgumentException("instanceId must be a lowercase DNS label, was '" + instanceId + "'");
    }
  }

  public Instance(String instanceId, String tenantId, String name, boolean anonymousLoopback, long createdAtMillis) {
    this(instanceId, tenantId, name, "", anonymousLoopback, createdAtMillis);
  }

  public Instance withNameAndRemark(String newName, String newRemark) {
    return new Instance(instanceId, tenantId, newName, newRemark, anonymousLoopback, createdAtMillis);
  }
}

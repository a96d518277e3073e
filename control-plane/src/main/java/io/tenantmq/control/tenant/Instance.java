package io.tenantmq.control.tenant;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An isolated MQTT instance of a tenant: its own client ids, topics and retained messages.
 *
 * @param anonymousLoopback whether MQTT clients on loopback addresses may connect without credentials
 */
public record Instance(String instanceId, String tenantId, String name, boolean anonymousLoopback, long createdAtMillis)
    implements Serializable {

  /** Instance ids are DNS labels, so that {@code <instanceId>.<domain>} SNI host names can carry them. */
  public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  public Instance {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(name, "name");
    if (!ID_PATTERN.matcher(instanceId).matches()) {
      throw new IllegalArgumentException("instanceId must be a lowercase DNS label, was '" + instanceId + "'");
    }
  }
}

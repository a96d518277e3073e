package io.tenantmq.control.tenant;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/** A customer of the service. Owns instances and credentials. */
public record Tenant(String tenantId, String name, long createdAtMillis) implements Serializable {

  /** Tenant ids follow the instance id rule (lowercase DNS labels), so both read alike in URLs and logs. */
  public static final Pattern ID_PATTERN = Instance.ID_PATTERN;

  public Tenant {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(name, "name");
  }
}

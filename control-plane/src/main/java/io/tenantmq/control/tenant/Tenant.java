package io.tenantmq.control.tenant;

import java.io.Serializable;
import java.util.Objects;

/** A customer of the service. Owns instances and credentials. */
public record Tenant(String tenantId, String name, long createdAtMillis) implements Serializable {
  public Tenant {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(name, "name");
  }
}

package io.tenantmq.gateway.tencent;

import java.util.List;

/** {@code Offset} and {@code Limit} of a list action. */
public record Paging(long offset, long limit) {

  /** The page of {@code all}. */
  public <T> List<T> page(List<T> all) {
    if (offset >= all.size()) {
      return List.of();
    }
    return List.copyOf(all.subList((int) offset, (int) Math.min(all.size(), offset + limit)));
  }
}

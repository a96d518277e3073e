package io.tenantmq.sdk.emqx;

import java.util.List;

/** One page of a list by page number: {@code {"data": [...], "meta": {page, limit, count, hasnext}}}. */
public record Page<T>(List<T> data, Meta meta) {

  public Page {
    data = data == null ? List.of() : List.copyOf(data);
  }

  /** @param count how many items match in all; null when the server could not count without a full scan */
  public record Meta(Integer page, Integer limit, Long count, boolean hasnext) {
  }
}

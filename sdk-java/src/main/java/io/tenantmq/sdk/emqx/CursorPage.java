package io.tenantmq.sdk.emqx;

import java.util.List;

/**
 * One page of a list by cursor ({@code GET /clients_v2}): {@code {"data": [...], "meta": {count, hasnext, cursor}}}.
 * Pass {@code meta.cursor} to get the next page; it is null on the last one.
 */
public record CursorPage<T>(List<T> data, Meta meta) {

  public CursorPage {
    data = data == null ? List.of() : List.copyOf(data);
  }

  public record Meta(Long count, boolean hasnext, String cursor) {
  }
}

package io.tenantmq.gateway.tencent;

import java.util.List;
import java.util.Locale;

/** One entry of a list action's {@code Filters}: {@code {"Name": …, "Values": […]}}. */
public record Filter(String name, List<String> values) {
  public Filter {
    values = List.copyOf(values);
  }

  /** Whether {@code value} equals one of the values; a filter without values lets everything through. */
  public boolean matchesExactly(String value) {
    return values.isEmpty() || values.contains(value);
  }

  /**
   * Whether {@code value} contains one of the values, ignoring case (the APIs' "fuzzy" filters); a filter without
   * values lets everything through.
   */
  public boolean matchesFuzzy(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return values.isEmpty() || values.stream().anyMatch(f -> v.contains(f.toLowerCase(Locale.ROOT)));
  }
}

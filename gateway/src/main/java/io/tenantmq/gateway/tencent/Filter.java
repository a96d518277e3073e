package io.tenantmq.gateway.tencent;

import java.util.List;
import java.util.Locale;

/** One entry of a list action's {@code Filters}: {@code {"Name": …, "Values": […]}}. */
public record Filter(String name, List<String> values) {
  public Filter {
    values = List.copyOf(values);
  }

  /** Whether {@code value} equals one of the values. */
  public boolean matchesExactly(String value) {
    return values.contains(value);
  }

  /** Whether {@code value} contains one of the values, ignoring case (the APIs' "fuzzy" filters). */
  public boolean matchesFuzzy(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return values.stream().anyMatch(f -> v.contains(f.toLowerCase(Locale.ROOT)));
  }
}

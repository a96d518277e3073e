package io.tenantmq.sdk.tencent;

import java.util.List;

/** A list filter of both API versions, e.g. {@code {"Name":"InstanceName","Values":["demo"]}}. */
public record Filter(String name, List<String> values) {
  public static Filter of(String name, String... values) {
    return new Filter(name, List.of(values));
  }
}

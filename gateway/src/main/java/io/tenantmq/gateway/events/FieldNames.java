package io.tenantmq.gateway.events;

/** How a dialect spells field and parameter names: EMQX's {@code consumer_group} or the clouds' {@code ConsumerGroup}. */
public enum FieldNames {
  /** EMQX's REST API (and the SDK's HTTP consumer): {@code snake_case}. */
  SNAKE,
  /** Tencent Cloud and Alibaba Cloud APIs: {@code PascalCase}. */
  PASCAL;

  /** The name in this style. */
  public String pick(String snake, String pascal) {
    return this == SNAKE ? snake : pascal;
  }
}

package io.tenantmq.bench.load;

/** The brokers the bench compares; the order here is the report's row order. */
enum BrokerKind {
  MOSQUITTO("mosquitto"),
  TENANTMQ("tenantmq");

  private final String label;

  BrokerKind(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  static BrokerKind fromLabel(String label) {
    for (BrokerKind kind : values()) {
      if (kind.label.equalsIgnoreCase(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown broker '" + label + "', expected mosquitto or tenantmq");
  }
}

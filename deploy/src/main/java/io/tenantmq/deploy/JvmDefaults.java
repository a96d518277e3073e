package io.tenantmq.deploy;

/** System properties the product sets for itself before anything else runs. */
public final class JvmDefaults {

  private static final String COMMON_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  private JvmDefaults() {
  }

  /**
   * Call first in {@code main}. Hazelcast runs the continuations of its async calls on the common ForkJoinPool, but
   * where that pool has a parallelism of 1 (machines with 2 cores or fewer) it starts a new thread for every
   * continuation instead: a few threads per MQTT connect and close, which held a 2-core node near 150 connect-and-close
   * cycles a second. A parallelism of at least 4 keeps them on the pool. An operator's own setting is kept.
   */
  public static void apply() {
    System.setProperty("hazelcast.logging.type", "slf4j");
    System.setProperty("hazelcast.phone.home.enabled", "false");
    if (System.getProperty(COMMON_PARALLELISM) == null) {
      System.setProperty(COMMON_PARALLELISM, Integer.toString(Math.max(4, Runtime.getRuntime().availableProcessors())));
    }
  }
}

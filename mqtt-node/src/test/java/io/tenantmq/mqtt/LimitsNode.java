package io.tenantmq.mqtt;

/**
 * A node with small MQTT 5 connection limits, shared by the tests of those limits (started once per test JVM): Topic
 * Alias Maximum {@value #TOPIC_ALIAS_MAXIMUM}, Receive Maximum {@value #RECEIVE_MAXIMUM}, Server Keep Alive at most
 * {@value #MAX_KEEP_ALIVE_SECONDS} s, Maximum Packet Size {@value #MAX_PACKET_SIZE}, counters flushed every 100 ms.
 */
public final class LimitsNode {

  public static final int TOPIC_ALIAS_MAXIMUM = 4;
  public static final int RECEIVE_MAXIMUM = 3;
  public static final int MAX_KEEP_ALIVE_SECONDS = 3;
  public static final int MAX_PACKET_SIZE = 4096;

  private static TestNode node;

  private LimitsNode() {
  }

  public static synchronized TestNode shared() throws Exception {
    if (node == null) {
      node = TestNode.start(TestNode.newClusterName(), "node-limits", new MqttNodeOptions()
          .setTopicAliasMaximum(TOPIC_ALIAS_MAXIMUM)
          .setReceiveMaximum(RECEIVE_MAXIMUM)
          .setMaxKeepAliveSeconds(MAX_KEEP_ALIVE_SECONDS)
          .setMaxPacketSize(MAX_PACKET_SIZE)
          .setCounterFlushMillis(100));
      TestNode started = node;
      Runtime.getRuntime().addShutdownHook(new Thread(started::crash));
    }
    return node;
  }

  /** The count of a node counter (0 when it was never incremented), e.g. {@code tenantmq.messages.dropped.too.large}. */
  public static double count(TestNode node, String name, String... tags) {
    var counter = node.meters.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }
}

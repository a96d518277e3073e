package io.tenantmq.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantmq.control.event.ClientEvent;
import io.tenantmq.control.event.ClientEventType;
import io.tenantmq.control.event.EventStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Reading an instance's event stream in tests, and the per-client order rules every test checks. */
public final class TestEvents {

  private TestEvents() {
  }

  /** Every event of {@code instanceId}, oldest first. */
  public static List<ClientEvent> all(TestNode node, String instanceId) throws Exception {
    List<ClientEvent> found = new ArrayList<>();
    long from = 0;
    while (true) {
      List<ClientEvent> page = node.control.events().read(instanceId, from, EventStream.MAX_READ)
          .toCompletableFuture().get(10, TimeUnit.SECONDS);
      if (page.isEmpty()) {
        return found;
      }
      found.addAll(page);
      from = page.get(page.size() - 1).offset() + 1;
    }
  }

  /** The events of {@code clientId} in {@code instanceId}'s stream, oldest first. */
  public static List<ClientEvent> of(TestNode node, String instanceId, String clientId) throws Exception {
    return all(node, instanceId).stream().filter(e -> e.clientId().equals(clientId)).toList();
  }

  /** The events of {@code clientId} in the test instance's stream, oldest first. */
  public static List<ClientEvent> of(TestNode node, String clientId) throws Exception {
    return of(node, TestNode.INSTANCE_ID, clientId);
  }

  /** The events of each client, in stream order. */
  public static Map<String, List<ClientEvent>> byClient(List<ClientEvent> events) {
    Map<String, List<ClientEvent>> result = new LinkedHashMap<>();
    events.forEach(e -> result.computeIfAbsent(e.clientId(), c -> new ArrayList<>()).add(e));
    return result;
  }

  /** The reason of the one tcpclean of {@code channelId} among {@code events}; fails if there is not exactly one. */
  public static String tcpcleanReason(List<ClientEvent> events, String channelId) {
    List<ClientEvent> cleans = events.stream()
        .filter(e -> e.type() == ClientEventType.TCPCLEAN && e.channelId().equals(channelId)).toList();
    assertThat(cleans).as("tcpclean events of channel %s in %s", channelId, events).hasSize(1);
    return cleans.get(0).reason();
  }

  /**
   * Asserts that one client's events hold its channels one after the other: each channel's events are contiguous,
   * start with its connect and end with its one tcpclean (all but the last channel, which may still be live), with a
   * disconnect only right before the tcpclean. Returns the channel ids in order.
   */
  public static List<String> assertChannelOrder(List<ClientEvent> events, boolean lastMayBeLive) {
    List<String> channels = new ArrayList<>();
    String current = null;
    boolean cleaned = true;
    for (ClientEvent e : events) {
      if (!e.channelId().equals(current)) {
        assertThat(cleaned).as("channel %s ended before %s began, in %s", current, e.channelId(), events).isTrue();
        assertThat(channels).as("channel %s appears twice, in %s", e.channelId(), events).doesNotContain(e.channelId());
        assertThat(e.type()).as("first event of channel %s, in %s", e.channelId(), events)
            .isEqualTo(ClientEventType.CONNECT);
        current = e.channelId();
        channels.add(current);
        cleaned = false;
        continue;
      }
      assertThat(cleaned).as("event after the tcpclean of %s, in %s", current, events).isFalse();
      assertThat(e.type()).as("second connect of %s, in %s", current, events).isNotEqualTo(ClientEventType.CONNECT);
      cleaned = e.type() == ClientEventType.TCPCLEAN;
    }
    if (!lastMayBeLive) {
      assertThat(cleaned).as("last channel %s has its tcpclean, in %s", current, events).isTrue();
    }
    return channels;
  }
}

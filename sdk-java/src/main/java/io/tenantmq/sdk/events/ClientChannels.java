package io.tenantmq.sdk.events;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One client's channels in a {@link PresenceTracker}: per channel id, whether its connect and an offline event were
 * seen. Not thread-safe: the tracker changes it only inside its map's per-key {@code compute}.
 */
final class ClientChannels {

  private static final int CONNECT = 1;
  private static final int OFFLINE = 2;

  /** Per channel: the bits seen and the newest event time. Most clients have one channel, briefly two. */
  private final Map<String, Channel> channels = new HashMap<>(2);

  private static final class Channel {
    int seen;
    long time;
  }

  /** Records a connect or an offline event of a channel; a second one of the same kind changes nothing. */
  void apply(String channelId, boolean offline, long time) {
    Channel channel = channels.computeIfAbsent(channelId, id -> new Channel());
    channel.seen |= offline ? OFFLINE : CONNECT;
    channel.time = Math.max(channel.time, time);
  }

  /** Some channel has its connect and no offline event. */
  boolean online() {
    for (Channel channel : channels.values()) {
      if (channel.seen == CONNECT) {
        return true;
      }
    }
    return false;
  }

  /**
   * Drops the channels that are not open (closed ones, and offline events whose connect never came) and whose newest
   * event is older than {@code horizon}.
   */
  void prune(long horizon) {
    for (Iterator<Channel> it = channels.values().iterator(); it.hasNext(); ) {
      Channel channel = it.next();
      if (channel.seen != CONNECT && channel.time < horizon) {
        it.remove();
      }
    }
  }

  boolean isEmpty() {
    return channels.isEmpty();
  }

  int size() {
    return channels.size();
  }
}

package io.tenantmq.mqtt.session;

/**
 * Facts of one network connection, fixed at CONNECT.
 *
 * @param channelId 32 hex chars, fresh for every connection
 * @param address   the client's {@code ip:port}
 */
public record ConnectionInfo(String channelId, String address, int protocolVersion, int keepAliveSeconds,
                             boolean cleanStart, String username, long connectedAtMillis) {
  public boolean mqtt5() {
    return protocolVersion >= 5;
  }
}

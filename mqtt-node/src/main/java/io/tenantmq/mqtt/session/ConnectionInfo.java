package io.tenantmq.mqtt.session;

import io.tenantmq.mqtt.auth.Permissions;

/**
 * Facts of one network connection, fixed at CONNECT.
 *
 * @param channelId 32 hex chars, fresh for every connection
 * @param address   the client's {@code ip:port}
 * @param peerHost  the client's ip alone (what bans by address match); null for a session adopted without connection
 * @param permissions what the authenticated user may do, read once at CONNECT
 * @param sockPort    the server's port the client connected to (0 without connection)
 */
public record ConnectionInfo(String channelId, String address, String peerHost, int protocolVersion, int keepAliveSeconds,
                             boolean cleanStart, String username, long connectedAtMillis,
                             Permissions permissions, int sockPort) {
  public boolean mqtt5() {
    return protocolVersion >= 5;
  }
}

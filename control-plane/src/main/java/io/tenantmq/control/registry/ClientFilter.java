package io.tenantmq.control.registry;

import java.io.Serializable;
import java.util.Locale;
import java.util.Set;

/**
 * The filters of a client list, as the management APIs offer them (EMQX's {@code GET /clients} has them all). Null or
 * empty fields do not filter; all given fields must match. A value travels to the members that hold the records, so
 * it is {@link Serializable}.
 *
 * @param node              only clients whose connection (or offline session) lives on this node
 * @param clientIds         only these exact client ids
 * @param usernames         only these exact user names
 * @param ipAddress         only clients connected from this address (the ip of {@code ip:port})
 * @param state             only records in this state
 * @param cleanStart        only clients whose CONNECT had this clean start flag
 * @param protocolVersions  only these protocol levels (3, 4 or 5)
 * @param clientIdContains  only client ids that contain this
 * @param usernameContains  only user names that contain this
 * @param createdAtOrAfter  session created at or after this epoch ms
 * @param createdAtOrBefore session created at or before this epoch ms
 * @param connectedAtOrAfter  connected at or after this epoch ms
 * @param connectedAtOrBefore connected at or before this epoch ms
 */
public record ClientFilter(String node, Set<String> clientIds, Set<String> usernames, String ipAddress,
                           ClientState state, Boolean cleanStart, Set<Integer> protocolVersions,
                           String clientIdContains, String usernameContains, Long createdAtOrAfter,
                           Long createdAtOrBefore, Long connectedAtOrAfter, Long connectedAtOrBefore)
    implements Serializable {

  public static final ClientFilter ALL = new ClientFilter(null, Set.of(), Set.of(), null, null, null, null, null, null,
      null, null, null, null);

  public ClientFilter {
    clientIds = clientIds == null ? Set.of() : Set.copyOf(clientIds);
    usernames = usernames == null ? Set.of() : Set.copyOf(usernames);
    protocolVersions = protocolVersions == null ? Set.of() : Set.copyOf(protocolVersions);
  }

  public static ClientFilter ofState(ClientState state) {
    return ALL.withState(state);
  }

  public ClientFilter withState(ClientState newState) {
    return new ClientFilter(node, clientIds, usernames, ipAddress, newState, cleanStart, protocolVersions,
        clientIdContains, usernameContains, createdAtOrAfter, createdAtOrBefore, connectedAtOrAfter,
        connectedAtOrBefore);
  }

  public ClientFilter withNode(String newNode) {
    return new ClientFilter(newNode, clientIds, usernames, ipAddress, state, cleanStart, protocolVersions,
        clientIdContains, usernameContains, createdAtOrAfter, createdAtOrBefore, connectedAtOrAfter,
        connectedAtOrBefore);
  }

  public ClientFilter withUsername(String username) {
    return new ClientFilter(node, clientIds, Set.of(username), ipAddress, state, cleanStart, protocolVersions,
        clientIdContains, usernameContains, createdAtOrAfter, createdAtOrBefore, connectedAtOrAfter,
        connectedAtOrBefore);
  }

  /** True when only the client id matters ({@link #clientIds} and {@link #clientIdContains}): no record is needed. */
  public boolean onClientIdOnly() {
    return node == null && usernames.isEmpty() && ipAddress == null && state == null && cleanStart == null
        && protocolVersions.isEmpty() && usernameContains == null && createdAtOrAfter == null
        && createdAtOrBefore == null && connectedAtOrAfter == null && connectedAtOrBefore == null;
  }

  /** The client id filters alone. */
  public boolean testClientId(String clientId) {
    return (clientIds.isEmpty() || clientIds.contains(clientId))
        && (clientIdContains == null || clientId.contains(clientIdContains));
  }

  public boolean test(ClientRecord r) {
    return (node == null || node.equals(r.node()))
        && (clientIds.isEmpty() || clientIds.contains(r.clientId()))
        && (usernames.isEmpty() || (r.username() != null && usernames.contains(r.username())))
        && (ipAddress == null || ipAddress.equals(ipOf(r.address())))
        && (state == null || state == r.state())
        && (cleanStart == null || cleanStart == r.cleanStart())
        && (protocolVersions.isEmpty() || protocolVersions.contains(r.protocolVersion()))
        && (clientIdContains == null || r.clientId().contains(clientIdContains))
        && (usernameContains == null || (r.username() != null && r.username().contains(usernameContains)))
        && (createdAtOrAfter == null || r.createdAtMillis() >= createdAtOrAfter)
        && (createdAtOrBefore == null || r.createdAtMillis() <= createdAtOrBefore)
        && (connectedAtOrAfter == null || r.connectedAtMillis() >= connectedAtOrAfter)
        && (connectedAtOrBefore == null || r.connectedAtMillis() <= connectedAtOrBefore);
  }

  /** The ip of an {@code ip:port} or {@code [ipv6]:port} address, lower-cased; the address itself without a port. */
  public static String ipOf(String address) {
    if (address == null) {
      return null;
    }
    String a = address;
    if (a.startsWith("[")) {
      int end = a.indexOf(']');
      return end > 0 ? a.substring(1, end).toLowerCase(Locale.ROOT) : a;
    }
    int colon = a.lastIndexOf(':');
    // more than one colon without brackets: a bare IPv6 address
    return colon > 0 && a.indexOf(':') == colon ? a.substring(0, colon) : a.toLowerCase(Locale.ROOT);
  }
}

package io.tenantmq.control.registry;

/**
 * Filters of a tenant-scoped client list. Null fields do not filter.
 *
 * @param state           only records in this state
 * @param clientIdPrefix  only client ids that start with this
 * @param limit           at most this many records (1..10000)
 */
public record ClientQuery(ClientState state, String clientIdPrefix, int limit) {
  public static final int MAX_LIMIT = 10_000;

  public ClientQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ", was " + limit);
    }
  }

  public static ClientQuery all() {
    return new ClientQuery(null, null, MAX_LIMIT);
  }

  public static ClientQuery connected() {
    return new ClientQuery(ClientState.CONNECTED, null, MAX_LIMIT);
  }
}

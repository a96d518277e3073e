package io.tenantmq.sdk.emqx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The filters and projection of a client list ({@code GET /clients} and {@code GET /clients_v2}): every filter EMQX
 * offers, all of which a client must match. Immutable; {@link #builder()} makes one, {@link #ALL} matches every client
 * and returns every field.
 *
 * <pre>{@code
 * ClientListQuery.builder().username("alice").connState(ConnState.CONNECTED).protoVer(5)
 *     .likeClientId("sensor-").gteConnectedAt(Instant.now().minusSeconds(3600)).fields("clientid", "ip_address")
 *     .build();
 * }</pre>
 */
public final class ClientListQuery {

  public static final ClientListQuery ALL = builder().build();

  private final String node;
  private final List<String> clientIds;
  private final List<String> usernames;
  private final String ipAddress;
  private final ConnState connState;
  private final Boolean cleanStart;
  private final Integer protoVer;
  private final String likeClientId;
  private final String likeUsername;
  private final Instant gteCreatedAt;
  private final Instant lteCreatedAt;
  private final Instant gteConnectedAt;
  private final Instant lteConnectedAt;
  private final List<String> fields;

  private ClientListQuery(Builder b) {
    this.node = b.node;
    this.clientIds = List.copyOf(b.clientIds);
    this.usernames = List.copyOf(b.usernames);
    this.ipAddress = b.ipAddress;
    this.connState = b.connState;
    this.cleanStart = b.cleanStart;
    this.protoVer = b.protoVer;
    this.likeClientId = b.likeClientId;
    this.likeUsername = b.likeUsername;
    this.gteCreatedAt = b.gteCreatedAt;
    this.lteCreatedAt = b.lteCreatedAt;
    this.gteConnectedAt = b.gteConnectedAt;
    this.lteConnectedAt = b.lteConnectedAt;
    this.fields = List.copyOf(b.fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The query parameters, as EMQX names them; times as epoch milliseconds, fields comma separated. */
  QueryString appendTo(QueryString q) {
    q.add("node", node)
        .addAll("clientid", clientIds)
        .addAll("username", usernames)
        .add("ip_address", ipAddress)
        .add("conn_state", connState == null ? null : connState.apiName())
        .add("clean_start", cleanStart)
        .add("proto_ver", protoVer)
        .add("like_clientid", likeClientId)
        .add("like_username", likeUsername)
        .add("gte_created_at", millis(gteCreatedAt))
        .add("lte_created_at", millis(lteCreatedAt))
        .add("gte_connected_at", millis(gteConnectedAt))
        .add("lte_connected_at", millis(lteConnectedAt));
    if (!fields.isEmpty()) {
      q.add("fields", String.join(",", fields));
    }
    return q;
  }

  private static Long millis(Instant t) {
    return t == null ? null : t.toEpochMilli();
  }

  @Override
  public String toString() {
    return "ClientListQuery" + appendTo(new QueryString()).encoded();
  }

  /** Collects filters; each setter replaces an earlier value, except the repeatable client ids and user names. */
  public static final class Builder {
    private String node;
    private final Set<String> clientIds = new LinkedHashSet<>();
    private final Set<String> usernames = new LinkedHashSet<>();
    private String ipAddress;
    private ConnState connState;
    private Boolean cleanStart;
    private Integer protoVer;
    private String likeClientId;
    private String likeUsername;
    private Instant gteCreatedAt;
    private Instant lteCreatedAt;
    private Instant gteConnectedAt;
    private Instant lteConnectedAt;
    private final List<String> fields = new ArrayList<>();

    private Builder() {
    }

    /** Only clients on this node, e.g. {@code emqx@127.0.0.1}. */
    public Builder node(String node) {
      this.node = text(node, "node");
      return this;
    }

    /** Only these exact client ids (added to those given before). */
    public Builder clientId(String... clientIds) {
      for (String id : clientIds) {
        this.clientIds.add(text(id, "clientId"));
      }
      return this;
    }

    /** Only these exact user names (added to those given before). */
    public Builder username(String... usernames) {
      for (String name : usernames) {
        this.usernames.add(text(name, "username"));
      }
      return this;
    }

    /** Only clients connected from this IP address. */
    public Builder ipAddress(String ipAddress) {
      this.ipAddress = text(ipAddress, "ipAddress");
      return this;
    }

    public Builder connState(ConnState connState) {
      this.connState = Objects.requireNonNull(connState, "connState");
      return this;
    }

    /** Only clients whose CONNECT had this clean start (clean session) flag. */
    public Builder cleanStart(boolean cleanStart) {
      this.cleanStart = cleanStart;
      return this;
    }

    /** Only this protocol level: 3 (MQTT 3.1), 4 (3.1.1) or 5. */
    public Builder protoVer(int protoVer) {
      if (protoVer < 3 || protoVer > 5) {
        throw new IllegalArgumentException("protoVer must be 3, 4 or 5, was " + protoVer);
      }
      this.protoVer = protoVer;
      return this;
    }

    /** Only client ids containing this text. */
    public Builder likeClientId(String part) {
      this.likeClientId = text(part, "likeClientId");
      return this;
    }

    /** Only user names containing this text. */
    public Builder likeUsername(String part) {
      this.likeUsername = text(part, "likeUsername");
      return this;
    }

    /** Only sessions created at or after {@code t}. */
    public Builder gteCreatedAt(Instant t) {
      this.gteCreatedAt = Objects.requireNonNull(t, "gteCreatedAt");
      return this;
    }

    /** Only sessions created at or before {@code t}. */
    public Builder lteCreatedAt(Instant t) {
      this.lteCreatedAt = Objects.requireNonNull(t, "lteCreatedAt");
      return this;
    }

    /** Only clients that connected at or after {@code t}. */
    public Builder gteConnectedAt(Instant t) {
      this.gteConnectedAt = Objects.requireNonNull(t, "gteConnectedAt");
      return this;
    }

    /** Only clients that connected at or before {@code t}. */
    public Builder lteConnectedAt(Instant t) {
      this.lteConnectedAt = Objects.requireNonNull(t, "lteConnectedAt");
      return this;
    }

    /**
     * Only these fields of each client, by their API names ({@code clientid}, {@code ip_address},
     * {@code recv_msg.qos1}, ...); the others come back null. None given: all fields.
     */
    public Builder fields(String... names) {
      for (String name : names) {
        String field = text(name, "field");
        if (field.contains(",")) {
          throw new IllegalArgumentException("a field name has no comma, was " + field);
        }
        fields.add(field);
      }
      return this;
    }

    public ClientListQuery build() {
      return new ClientListQuery(this);
    }

    private static String text(String value, String name) {
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException(name + " must not be empty");
      }
      return value;
    }
  }
}

package io.tenantmq.sdk.emqx;

/**
 * The one filter of a ban list (EMQX allows one at a time): {@code name} is {@code clientid}, {@code username},
 * {@code peerhost} (exact) or {@code like_clientid}, {@code like_username}, {@code like_peerhost},
 * {@code like_peerhost_net} (patterns); null for every ban.
 */
public record BanQuery(String name, String value) {

  public static final BanQuery ALL = new BanQuery(null, null);

  public BanQuery {
    if ((name == null) != (value == null)) {
      throw new IllegalArgumentException("a ban filter needs both a name and a value");
    }
  }

  public static BanQuery clientId(String clientId) {
    return new BanQuery("clientid", clientId);
  }

  public static BanQuery username(String username) {
    return new BanQuery("username", username);
  }

  public static BanQuery peerhost(String address) {
    return new BanQuery("peerhost", address);
  }

  public static BanQuery likeClientId(String pattern) {
    return new BanQuery("like_clientid", pattern);
  }

  QueryString appendTo(QueryString q) {
    return name == null ? q : q.add(name, value);
  }
}

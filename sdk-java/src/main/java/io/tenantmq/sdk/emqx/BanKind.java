package io.tenantmq.sdk.emqx;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a ban matches ({@code as}): a client id, a user name or a source address, exactly or by pattern/network. */
public enum BanKind {
  CLIENTID, USERNAME, PEERHOST, CLIENTID_RE, USERNAME_RE, PEERHOST_NET;

  /** As the API spells it: {@code clientid}, {@code peerhost_net}, ... */
  @JsonValue
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

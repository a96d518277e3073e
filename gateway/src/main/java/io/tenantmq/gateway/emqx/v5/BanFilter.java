package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.control.ban.Ban;
import io.tenantmq.control.ban.BanKind;
import io.tenantmq.gateway.emqx.EmqxException;
import io.tenantmq.gateway.emqx.QueryParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The one filter of a ban list (emqx_mgmt_api_banned:list_banned): an exact {@code clientid}, {@code username} or
 * {@code peerhost} finds that one ban; a {@code like_*} filter is a regular expression searched in the {@code who} of
 * the bans of its kinds ({@code like_clientid} also searches the {@code clientid_re} bans' expressions). EMQX takes
 * at most one filter: two are 400 "too_many_filters".
 */
final class BanFilter {

  private static final List<String> EXACT = List.of("clientid", "username", "peerhost");
  private static final List<String> LIKE = List.of("like_clientid", "like_username", "like_peerhost",
      "like_peerhost_net");

  private BanFilter() {
  }

  static Predicate<Ban> from(QueryParams q) {
    List<String> given = new ArrayList<>();
    EXACT.forEach(name -> q.text(name).ifPresent(v -> given.add(name)));
    LIKE.forEach(name -> q.text(name).ifPresent(v -> given.add(name)));
    if (given.size() > 1) {
      throw EmqxException.badRequest("too_many_filters");
    }
    if (given.isEmpty()) {
      return ban -> true;
    }
    String name = given.get(0);
    String value = q.text(name).orElseThrow();
    return switch (name) {
      case "clientid" -> exact(BanKind.CLIENTID, value);
      case "username" -> exact(BanKind.USERNAME, value);
      case "peerhost" -> exact(BanKind.PEERHOST, value);
      case "like_clientid" -> like(Set.of(BanKind.CLIENTID, BanKind.CLIENTID_RE), name, value);
      case "like_username" -> like(Set.of(BanKind.USERNAME, BanKind.USERNAME_RE), name, value);
      case "like_peerhost" -> like(Set.of(BanKind.PEERHOST), name, value);
      default -> like(Set.of(BanKind.PEERHOST_NET), name, value);
    };
  }

  private static Predicate<Ban> exact(BanKind kind, String who) {
    String canonical = BanFields.who(kind, who);
    return ban -> ban.kind() == kind && ban.who().equals(canonical);
  }

  private static Predicate<Ban> like(Set<BanKind> kinds, String name, String regex) {
    Pattern pattern = BanFields.pattern(regex, name);
    return ban -> kinds.contains(ban.kind()) && pattern.matcher(ban.who()).find();
  }
}

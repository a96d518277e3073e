package io.tenantmq.gateway.emqx.v5;

import io.netty.util.NetUtil;
import io.tenantmq.control.ban.Ban;
import io.tenantmq.control.ban.BanKind;
import io.tenantmq.gateway.emqx.EmqxException;
import io.tenantmq.gateway.emqx.EmqxTimes;
import io.tenantmq.gateway.emqx.RequestBody;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * EMQX's ban object {@code {as, who, by, reason, at, until}} (emqx_banned:format/parse, 5.8): times in RFC 3339 to
 * the second in the server's zone, {@code until} {@code "infinity"} for a ban that never ends (the default). A
 * {@code who} is kept in one canonical form so that the same ban is one ban however it was written: an address as
 * its canonical text, a network with its host bits cleared ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}).
 */
final class BanFields {

  static final String DEFAULT_BY = "mgmt_api";
  static final String INFINITY = "infinity";
  static final List<String> KINDS = Arrays.stream(BanKind.values()).map(BanKind::wireName).toList();

  private BanFields() {
  }

  static JsonObject of(Ban ban) {
    return new JsonObject()
        .put("as", ban.kind().wireName())
        .put("who", ban.who())
        .put("by", ban.by())
        .put("reason", ban.reason())
        .put("at", EmqxTimes.rfc3339Seconds(ban.atMillis()))
        .put("until", ban.untilMillis() == Long.MAX_VALUE ? INFINITY : EmqxTimes.rfc3339Seconds(ban.untilMillis()));
  }

  /** The ban a {@code POST /banned} body asks for; 400 BAD_REQUEST for anything EMQX would refuse. */
  static Ban parse(String instanceId, JsonObject body, long nowMillis) {
    BanKind kind = kind(RequestBody.text(body, "as"));
    String who = who(kind, RequestBody.text(body, "who"));
    String by = optionalText(body, "by", DEFAULT_BY);
    String reason = optionalText(body, "reason", "");
    // EMQX keeps ban times in whole seconds
    long atMillis = body.getValue("at") == null ? nowMillis
        : RequestBody.epochSecondsAsMillis(body, "at", "");
    atMillis -= Math.floorMod(atMillis, 1000L);
    Object until = body.getValue("until");
    long untilMillis = until == null || INFINITY.equals(until) ? Long.MAX_VALUE
        : RequestBody.epochSecondsAsMillis(body, "until", "\"infinity\", ");
    if (untilMillis <= nowMillis) {
      throw EmqxException.badRequest("Cannot create expired banned, " + atMillis / 1000 + " to " + untilMillis / 1000);
    }
    return new Ban(instanceId, kind, who, by, reason, atMillis, untilMillis);
  }

  static BanKind kind(String as) {
    return BanKind.fromWireName(as)
        .orElseThrow(() -> EmqxException.badRequest("as: expected one of " + KINDS + ", got: " + as));
  }

  /** {@code who} in its canonical form for {@code kind}; 400 BAD_REQUEST when it cannot be one. */
  static String who(BanKind kind, String who) {
    if (who.isEmpty()) {
      throw EmqxException.badRequest("who: must not be empty");
    }
    return switch (kind) {
      case CLIENTID, USERNAME -> who;
      case CLIENTID_RE, USERNAME_RE -> {
        pattern(who, "who");
        yield who;
      }
      case PEERHOST -> address(who).orElseThrow(() -> EmqxException.badRequest("bad peerhost: " + who));
      case PEERHOST_NET -> network(who);
    };
  }

  /** A regular expression, compiled; 400 BAD_REQUEST naming {@code field} when it is not one. */
  static Pattern pattern(String regex, String field) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw EmqxException.badRequest(field + ": not a valid regular expression: " + e.getDescription()
          + " at position " + e.getIndex() + " of " + regex);
    }
  }

  /** The canonical text of an ip literal (never a host name: nothing is looked up). */
  static Optional<String> address(String text) {
    byte[] raw = NetUtil.createByteArrayFromIpAddressString(text);
    return raw == null ? Optional.empty() : Optional.of(NetUtil.bytesToIpAddress(raw));
  }

  /** A network in CIDR notation with its host bits cleared; a bare address is a network of one. */
  static String network(String cidr) {
    int slash = cidr.indexOf('/');
    String addressText = slash < 0 ? cidr : cidr.substring(0, slash);
    byte[] raw = NetUtil.createByteArrayFromIpAddressString(addressText);
    if (raw == null) {
      throw EmqxException.badRequest("bad network (CIDR): " + cidr);
    }
    int bits = raw.length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw EmqxException.badRequest("bad network (CIDR): " + cidr);
    }
    if (prefix < 0 || prefix > bits) {
      throw EmqxException.badRequest("bad network (CIDR), prefix length out of 0.." + bits + ": " + cidr);
    }
    BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
        .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
    byte[] network = new BigInteger(1, raw).and(mask).toByteArray();
    byte[] sized = new byte[raw.length];
    int copy = Math.min(network.length, sized.length);
    System.arraycopy(network, network.length - copy, sized, sized.length - copy, copy);
    return NetUtil.bytesToIpAddress(sized) + "/" + prefix;
  }

  private static String optionalText(JsonObject body, String field, String defaultValue) {
    Object value = body.getValue(field);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof String s)) {
      throw EmqxException.badRequest(field + ": expected a string");
    }
    return s;
  }
}

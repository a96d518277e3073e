package io.tenantmq.gateway.emqx.v5;

import io.netty.util.NetUtil;
import io.tenantmq.control.ban.Ban;
import io.tenantmq.control.ban.BanKind;
import io.tenantmq.gateway.emqx.EmqxException;
import io.tenantmq.gateway.emqx.RequestBody;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private BanFields() {
  }

  static JsonObject of(Ban ban) {
    return new JsonObject()
        .put("as", ban.kind().wireName())
        .put("who", ban.who())
        .put("by", ban.by())
        .put("reason", ban.reason())
        .put("at", rfc3339(ban.atMillis()))
        .put("until", ban.untilMillis() == Long.MAX_VALUE ? INFINITY : rfc3339(ban.untilMillis()));
  }

  /** The ban a {@code POST /banned} body asks for; 400 BAD_REQUEST for anything EMQX would refuse. */
  static Ban parse(String instanceId, JsonObject body, long nowMillis) {
    BanKind kind = kind(RequestBody.text(body, "as"));
    String who = who(kind, RequestBody.text(body, "who"));
    String by = optionalText(body, "by", DEFAULT_BY);
    String reason = optionalText(body, "reason", "");
    long atSeconds = body.getValue("at") == null ? nowMillis / 1000 : epochSeconds(body.getValue("at"), "at");
    Object untilValue = body.getValue("until");
    long untilMillis = untilValue == null || INFINITY.equals(untilValue) ? Long.MAX_VALUE
        : epochSeconds(untilValue, "until") * 1000;
    if (untilMillis <= nowMillis) {
      throw EmqxException.badRequest("Cannot create expired banned, " + atSeconds + " to " + untilMillis / 1000);
    }
    return new Ban(instanceId, kind, who, by, reason, atSeconds * 1000, untilMillis);
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

  static String rfc3339(long epochMillis) {
    return SECONDS.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault()));
  }

  /** EMQX's {@code epoch_second}: a number of seconds, the same as text, or an RFC 3339 date-time. */
  private static long epochSeconds(Object value, String field) {
    if (value instanceof Integer || value instanceof Long) {
      long seconds = ((Number) value).longValue();
      if (seconds >= 0 && seconds < Long.MAX_VALUE / 1000) {
        return seconds;
      }
    } else if (value instanceof String text) {
      if (!text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() < 16) {
        return Long.parseLong(text);
      }
      try {
        return OffsetDateTime.parse(text).toEpochSecond();
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw EmqxException.badRequest(field + ": expected epoch seconds or an RFC 3339 date-time"
        + (field.equals("until") ? " or \"infinity\"" : "") + ", got: " + value);
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

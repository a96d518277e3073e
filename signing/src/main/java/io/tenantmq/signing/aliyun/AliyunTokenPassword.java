package io.tenantmq.signing.aliyun;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The password of a Token-mode MQTT login: {@code type|token} pairs joined by {@code |}, e.g. {@code R|tokR|W|tokW},
 * with types {@code R}, {@code W} and {@code RW} and at most one token of each type (API-NOTES §3.2). Aliyun's own
 * client builds it as {@code key|value|} per entry and strips the last {@code |}, so a trailing {@code |} is tolerated.
 * Tokens are standard Base64 ({@code +}, {@code /} and {@code =} included), never a {@code |}.
 *
 * @param entries in the order sent, each type at most once, at least one
 */
public record AliyunTokenPassword(List<Entry> entries) {

  /** What a token is presented for: subscribe ({@code R}), publish ({@code W}) or both ({@code RW}). */
  public enum Type {
    R, W, RW
  }

  /** One {@code type|token} pair. {@link #toString()} leaves the token out so it is never logged. */
  public record Entry(Type type, String token) {
    public Entry {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
      return "Entry[" + type + "]";
    }
  }

  public AliyunTokenPassword {
    entries = List.copyOf(entries);
  }

  /** Empty when {@code password} is not in that form: odd pairs, an unknown or repeated type, an empty or non-Base64 token. */
  public static Optional<AliyunTokenPassword> parse(String password) {
    if (password == null || password.isEmpty()) {
      return Optional.empty();
    }
    String text = password.endsWith("|") ? password.substring(0, password.length() - 1) : password;
    String[] parts = text.split("\\|", -1);
    if (parts.length % 2 != 0) {
      return Optional.empty();
    }
    List<Entry> entries = new ArrayList<>(parts.length / 2);
    Set<Type> seen = EnumSet.noneOf(Type.class);
    for (int i = 0; i < parts.length; i += 2) {
      Type type = typeOf(parts[i]);
      String token = parts[i + 1];
      if (type == null || !seen.add(type) || !isBase64(token)) {
        return Optional.empty();
      }
      entries.add(new Entry(type, token));
    }
    return Optional.of(new AliyunTokenPassword(entries));
  }

  private static Type typeOf(String text) {
    return switch (text) {
      case "R" -> Type.R;
      case "W" -> Type.W;
      case "RW" -> Type.RW;
      default -> null;
    };
  }

  /** Non-empty and only the standard Base64 alphabet; the token store decides whether it is a token at all. */
  private static boolean isBase64(String token) {
    if (token.isEmpty()) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '+' || c == '/' || c == '=';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "AliyunTokenPassword" + entries;
  }
}

package io.tenantmq.control.event;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A RocketMQ tag expression over the event types: {@code *} (or empty) for all, else tags joined by {@code ||}, such
 * as {@code connect||tcpclean}.
 */
public record TagFilter(Set<ClientEventType> types) implements java.io.Serializable {

  public static final TagFilter ALL = new TagFilter(EnumSet.allOf(ClientEventType.class));

  public TagFilter {
    types = Set.copyOf(types);
  }

  /**
   * Parses an expression; blanks around tags are ignored.
   *
   * @throws IllegalArgumentException naming the first tag that is not {@code connect}, {@code disconnect} or
   *                                  {@code tcpclean}
   */
  public static TagFilter parse(String expression) {
    if (expression == null || expression.isBlank() || expression.trim().equals("*")) {
      return ALL;
    }
    EnumSet<ClientEventType> types = EnumSet.noneOf(ClientEventType.class);
    for (String tag : expression.split("\\|\\|", -1)) {
      types.add(typeOf(tag.trim()));
    }
    return new TagFilter(types);
  }

  private static ClientEventType typeOf(String tag) {
    for (ClientEventType type : ClientEventType.values()) {
      if (type.tag().equals(tag.toLowerCase(Locale.ROOT))) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown tag '" + tag + "': use connect, disconnect or tcpclean, joined by ||");
  }

  public boolean matches(ClientEventType type) {
    return types.contains(type);
  }

  /** The expression in canonical form: {@code *}, or the tags in {@link ClientEventType} order joined by {@code ||}. */
  public String expression() {
    if (types.size() == ClientEventType.values().length) {
      return "*";
    }
    StringBuilder text = new StringBuilder();
    for (ClientEventType type : ClientEventType.values()) {
      if (types.contains(type)) {
        text.append(text.isEmpty() ? "" : "||").append(type.tag());
      }
    }
    return text.toString();
  }
}

package io.tenantmq.control.persistence;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The stable text of a map key, what its table row is found by. Serialized bytes would not do: they change when a
 * key class changes. Strings stay as they are; a record is its components' texts joined by {@code /}, with {@code /}
 * and {@code \} escaped, so that {@code UserKey("mqtt-a", "dev/1")} reads {@code mqtt-a/dev\/1} and no two keys of a
 * map share a text.
 */
final class KeyText {

  private KeyText() {
  }

  static String of(Object key) {
    if (key instanceof String s) {
      return s;
    }
    if (key instanceof Record r) {
      StringBuilder text = new StringBuilder();
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        if (!text.isEmpty()) {
          text.append('/');
        }
        Object value;
        try {
          value = c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
          throw new IllegalArgumentException("cannot read " + c.getName() + " of key " + r.getClass().getName(), e);
        }
        if (value == null) {
          throw new IllegalArgumentException("key " + r.getClass().getName() + " has a null " + c.getName());
        }
        text.append(escape(of(value)));
      }
      return text.toString();
    }
    if (key instanceof Enum<?> e) {
      return e.name();
    }
    if (key instanceof Number || key instanceof Boolean || key instanceof Character || key instanceof UUID) {
      return key.toString();
    }
    throw new IllegalArgumentException("a durable map key must be a String, a record, an enum, a number or a UUID;"
        + " " + key.getClass().getName() + " has no stable text");
  }

  /** SHA-256 of the text, in hex: a fixed-width primary key however long the text (topics reach 64 KiB). */
  static String id(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("/", "\\/");
  }
}

package io.tenantmq.gateway.admin;

import io.tenantmq.control.tenant.Instance;
import java.util.regex.Pattern;

/** Validation of single values, failing with an {@link AdminError#INVALID_PARAMETER} that names the field. */
final class Check {

  static final int MAX_NAME_LENGTH = 128;
  static final int MAX_REMARK_LENGTH = 512;

  private Check() {
  }

  /** A tenant or instance id: a lowercase DNS label. */
  static String label(String field, String value) {
    if (value == null || !Instance.ID_PATTERN.matcher(value).matches()) {
      throw AdminException.invalid(field + " must be a lowercase DNS label (a-z, 0-9 and '-', 1 to 63 characters, "
          + "not starting or ending with '-'), was " + quoted(value));
    }
    return value;
  }

  static String matching(String field, String value, Pattern pattern, String rule) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw AdminException.invalid(field + " must be " + rule + ", was " + quoted(value));
    }
    return value;
  }

  /** Free text of at most {@code maxLength} characters without control characters. */
  static String text(String field, String value, int maxLength) {
    if (value.length() > maxLength) {
      throw AdminException.invalid(field + " must be at most " + maxLength + " characters, was " + value.length());
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw AdminException.invalid(field + " must not contain control characters");
    }
    return value;
  }

  static String name(String field, String value) {
    if (value.isBlank()) {
      throw AdminException.invalid(field + " must not be blank");
    }
    return text(field, value, MAX_NAME_LENGTH);
  }

  /** Echoes a rejected value, cut short so an error never carries a huge body back. */
  private static String quoted(String value) {
    if (value == null) {
      return "missing";
    }
    return "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
  }
}

package io.tenantmq.sdk.aliyun;

/** Checks of call arguments, made before anything is sent. */
final class Arguments {

  private Arguments() {
  }

  static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}

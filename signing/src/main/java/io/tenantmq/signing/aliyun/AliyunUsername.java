package io.tenantmq.signing.aliyun;

import java.util.Optional;

/**
 * An Alibaba Cloud MQTT user name, {@code Signature|AccessKeyId|InstanceId} or {@code Token|AccessKeyId|InstanceId}.
 *
 * @param mode how the password proves the client
 */
public record AliyunUsername(Mode mode, String accessKeyId, String instanceId) {

  public enum Mode {
    /** The password is {@link AliyunHmac#mqttPassword} of the client id. */
    SIGNATURE,
    /** The password is {@code type|token} pairs. */
    TOKEN
  }

  /** Empty when {@code username} is not in either form (an ordinary user name). */
  public static Optional<AliyunUsername> parse(String username) {
    if (username == null) {
      return Optional.empty();
    }
    String[] parts = username.split("\\|", -1);
    if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
      return Optional.empty();
    }
    return switch (parts[0]) {
      case "Signature" -> Optional.of(new AliyunUsername(Mode.SIGNATURE, parts[1], parts[2]));
      case "Token" -> Optional.of(new AliyunUsername(Mode.TOKEN, parts[1], parts[2]));
      default -> Optional.empty();
    };
  }
}

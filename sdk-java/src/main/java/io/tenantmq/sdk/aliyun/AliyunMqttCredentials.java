package io.tenantmq.sdk.aliyun;

import io.tenantmq.signing.aliyun.AliyunHmac;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The MQTT user name and password a device logs in with to an Alibaba Cloud style instance (API-NOTES §3.2), for
 * device code to hand to its MQTT client. {@link #toString()} never shows the password.
 *
 * @param username {@code Signature|AccessKeyId|InstanceId} or {@code Token|AccessKeyId|InstanceId}
 * @param password the Signature-mode HMAC of the client id, or the Token-mode {@code type|token} pairs
 */
public record AliyunMqttCredentials(String username, String password) {

  public AliyunMqttCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  /**
   * Signature mode: the password is Base64(HmacSHA1(AccessKeySecret, clientId)), so it holds for this client id only.
   *
   * @param clientId the whole client id the device connects with, e.g. {@code GID_sensor@@@0001}
   */
  public static AliyunMqttCredentials signature(String accessKeyId, String accessKeySecret, String instanceId,
                                                String clientId) {
    Arguments.requireText(accessKeySecret, "accessKeySecret");
    Arguments.requireText(clientId, "clientId");
    return new AliyunMqttCredentials(username("Signature", accessKeyId, instanceId),
        AliyunHmac.mqttPassword(accessKeySecret, clientId));
  }

  /**
   * Token mode with a read token, a write token or both (null for the one the device has not got): the password is
   * {@code R|<read>|W|<write>}.
   */
  public static AliyunMqttCredentials token(String accessKeyId, String instanceId, String readToken,
                                            String writeToken) {
    Map<TokenType, String> tokens = new EnumMap<>(TokenType.class);
    if (readToken != null) {
      tokens.put(TokenType.R, readToken);
    }
    if (writeToken != null) {
      tokens.put(TokenType.W, writeToken);
    }
    return token(accessKeyId, instanceId, tokens);
  }

  /** Token mode with at most one token of each type, written in the order R, W, RW. */
  public static AliyunMqttCredentials token(String accessKeyId, String instanceId, Map<TokenType, String> tokens) {
    if (tokens == null || tokens.isEmpty()) {
      throw new IllegalArgumentException("Token mode needs at least one token");
    }
    StringJoiner password = new StringJoiner("|");
    new EnumMap<>(tokens).forEach((type, token) -> {
      // '|' separates the pairs; a token holding one could not be told apart from the next type
      if (Arguments.requireText(token, "token").indexOf('|') >= 0) {
        throw new IllegalArgumentException("a token must not contain '|'");
      }
      password.add(type.name()).add(token);
    });
    return new AliyunMqttCredentials(username("Token", accessKeyId, instanceId), password.toString());
  }

  /** The password as the bytes an MQTT CONNECT carries (UTF-8). */
  public byte[] passwordBytes() {
    return password.getBytes(StandardCharsets.UTF_8);
  }

  private static String username(String mode, String accessKeyId, String instanceId) {
    if (Arguments.requireText(accessKeyId, "accessKeyId").indexOf('|') >= 0
        || Arguments.requireText(instanceId, "instanceId").indexOf('|') >= 0) {
      throw new IllegalArgumentException("accessKeyId and instanceId must not contain '|'");
    }
    return mode + "|" + accessKeyId + "|" + instanceId;
  }

  @Override
  public String toString() {
    return "AliyunMqttCredentials[username=" + username + ", password=***]";
  }
}

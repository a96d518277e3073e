package io.tenantmq.control.user;

import io.tenantmq.control.credential.PasswordHasher;
import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A username/password an MQTT client of one instance connects with, and what it may do: publish (PermWrite) and
 * subscribe (PermRead). Only the password's hash is kept; {@link #toString()} leaves even that out.
 */
public record MqttUser(String instanceId, String username, String passwordHash, boolean permRead, boolean permWrite,
                       String remark, long createdAtMillis, long modifiedAtMillis) implements Serializable {

  /**
   * Tencent's rule for user names (letters, digits, '_' and '-', at most 32). No '@', so {@code user@instanceId}
   * usernames split unambiguously.
   */
  public static final Pattern USERNAME_PATTERN = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  public static final String USERNAME_RULE = "1 to 32 letters, digits, '_' or '-'";

  public MqttUser {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(passwordHash, "passwordHash");
    remark = remark == null ? "" : remark;
  }

  /** A new user; hashes {@code password} (milliseconds of CPU: not on an event loop). */
  public static MqttUser create(String instanceId, String username, String password, boolean permRead,
                                boolean permWrite, String remark, long nowMillis) {
    return new MqttUser(instanceId, username, PasswordHasher.hash(password), permRead, permWrite, remark, nowMillis,
        nowMillis);
  }

  public UserKey key() {
    return new UserKey(instanceId, username);
  }

  public boolean passwordMatches(String password) {
    return PasswordHasher.matches(password, passwordHash);
  }

  public MqttUser withPermissions(boolean read, boolean write, String newRemark, long nowMillis) {
    return new MqttUser(instanceId, username, passwordHash, read, write, newRemark, createdAtMillis, nowMillis);
  }

  /** Hashes {@code password} (not on an event loop). */
  public MqttUser withPassword(String password, long nowMillis) {
    return new MqttUser(instanceId, username, PasswordHasher.hash(password), permRead, permWrite, remark,
        createdAtMillis, nowMillis);
  }

  @Override
  public String toString() {
    return "MqttUser[" + instanceId + "/" + username + " read=" + permRead + " write=" + permWrite + "]";
  }
}

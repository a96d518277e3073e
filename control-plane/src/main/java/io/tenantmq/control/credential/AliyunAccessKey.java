package io.tenantmq.control.credential;

import java.util.Objects;

/**
 * A usable Alibaba Cloud AccessKey and its secret in clear, found to verify one request or CONNECT with and then
 * dropped. {@link #toString()} leaves the secret out so it is never logged.
 */
public record AliyunAccessKey(Credential credential, String secret) {
  public AliyunAccessKey {
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(secret, "secret");
  }

  public String accessKeyId() {
    return credential.credentialId();
  }

  public String tenantId() {
    return credential.tenantId();
  }

  @Override
  public String toString() {
    return "AliyunAccessKey[" + credential + "]";
  }
}

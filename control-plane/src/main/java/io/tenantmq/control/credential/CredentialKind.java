package io.tenantmq.control.credential;

/**
 * The dialect a credential signs for. HMAC dialects need the raw secret to verify a signature, so it is kept sealed
 * (encrypted with the operator's key); a Basic-auth secret only needs comparing, so only its hash is kept.
 */
public enum CredentialKind {
  /** Tencent Cloud SecretId/SecretKey (TC3-HMAC-SHA256). */
  TENCENT("AKID", 32, 32, false),
  /** Alibaba Cloud AccessKeyId/AccessKeySecret (HMAC-SHA1). */
  ALIYUN("LTAI", 20, 30, false),
  /** EMQX API key and secret (HTTP Basic). */
  EMQX("", 16, 32, true);

  private final String idPrefix;
  private final int idRandomLength;
  private final int secretLength;
  private final boolean hashed;

  CredentialKind(String idPrefix, int idRandomLength, int secretLength, boolean hashed) {
    this.idPrefix = idPrefix;
    this.idRandomLength = idRandomLength;
    this.secretLength = secretLength;
    this.hashed = hashed;
  }

  public String idPrefix() {
    return idPrefix;
  }

  public int idRandomLength() {
    return idRandomLength;
  }

  public int secretLength() {
    return secretLength;
  }

  /** True when only a hash of the secret is stored; false when it is sealed with the operator's key. */
  public boolean hashed() {
    return hashed;
  }
}

package io.tenantmq.control.credential;

/** A credential just created, with its secret in clear: shown once to whoever created it, then forgotten. */
public record IssuedCredential(Credential credential, String secret) {
  @Override
  public String toString() {
    return "IssuedCredential[" + credential + "]";
  }
}

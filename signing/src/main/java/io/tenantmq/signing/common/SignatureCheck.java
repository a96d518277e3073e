package io.tenantmq.signing.common;

/** The outcome of verifying a signed request. */
public enum SignatureCheck {
  OK,
  /** The timestamp is outside the accepted window. */
  EXPIRED,
  /** Well formed, but the signature does not match. */
  MISMATCH,
  /** The signature or its parameters cannot be parsed. */
  MALFORMED
}

package io.tenantmq.control.persistence;

/** The database could not do what was asked; the message says what and on which map. */
public final class DurableStoreException extends RuntimeException {
  public DurableStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public DurableStoreException(String message) {
    super(message);
  }
}

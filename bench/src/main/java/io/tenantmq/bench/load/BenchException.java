package io.tenantmq.bench.load;

/**
 * An expected way for a bench run to fail (a broker missing, a broker that did not start, a client that did not connect).
 * BenchMain prints only the message, so the message must say what to do; stack traces are not captured.
 */
final class BenchException extends RuntimeException {
  BenchException(String message) {
    super(message, null, false, false);
  }

  BenchException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}

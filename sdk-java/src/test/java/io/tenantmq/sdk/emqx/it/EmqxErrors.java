package io.tenantmq.sdk.emqx.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantmq.sdk.emqx.EmqxApiException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The API error a call failed with, unwrapped from its future. */
final class EmqxErrors {

  private EmqxErrors() {
  }

  static EmqxApiException apiError(ThrowingCallable call) {
    try {
      call.call();
    } catch (ExecutionException | CompletionException e) {
      if (e.getCause() instanceof EmqxApiException api) {
        return api;
      }
      throw new AssertionError("not an API error", e);
    } catch (Throwable t) {
      throw new AssertionError("not an API error", t);
    }
    throw new AssertionError("the call succeeded");
  }

  /** The call failed with HTTP {@code status} and EMQX code {@code code}. */
  static EmqxApiException assertApiError(ThrowingCallable call, int status, String code) {
    EmqxApiException e = apiError(call);
    assertThat(e.status()).as(e.toString()).isEqualTo(status);
    assertThat(e.code()).as(e.toString()).isEqualTo(code);
    return e;
  }
}

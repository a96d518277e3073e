package io.tenantmq.sdk.tencent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantmq.sdk.tencent.TencentApiException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The API error a call failed with, unwrapped from its future. */
final class ApiErrors {

  private ApiErrors() {
  }

  static TencentApiException apiError(ThrowingCallable call) {
    try {
      call.call();
    } catch (ExecutionException | CompletionException e) {
      if (e.getCause() instanceof TencentApiException api) {
        return api;
      }
      throw new AssertionError("not an API error", e);
    } catch (Throwable t) {
      throw new AssertionError("not an API error", t);
    }
    throw new AssertionError("the call succeeded");
  }

  /** The call failed with {@code code}, in an envelope that carries a RequestId. */
  static TencentApiException assertApiError(ThrowingCallable call, String code) {
    TencentApiException e = apiError(call);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.requestId()).isNotBlank();
    return e;
  }
}

package io.tenantmq.gateway.aliyun.openapi;

import io.tenantmq.gateway.events.EventParam;
import io.tenantmq.gateway.events.EventParamException;
import io.tenantmq.gateway.events.FieldNames;
import io.tenantmq.gateway.events.ParamSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The event consumption parameters of an RPC call under their API names ({@code ConsumerGroup}, {@code MaxNumber},
 * {@code ReceiptHandle.1..n}), for the checks every dialect shares, and those checks' errors as OnsMqtt's
 * {@code Missing<Name>} / {@code InvalidParameter.<Name>}.
 */
final class EventCalls {

  /** The repeated-parameter name of the receipt handles: {@code ReceiptHandle.1}, {@code ReceiptHandle.2}, ... */
  static final String RECEIPT_HANDLE = "ReceiptHandle";

  private EventCalls() {
  }

  static ParamSource source(RpcParams params) {
    return param -> Optional.ofNullable(params.optional(param.wireName(FieldNames.PASCAL)));
  }

  /** {@code ReceiptHandle.1} to {@code .n}, numbered from 1 without gaps; null when there is none. */
  static List<String> receiptHandles(RpcParams params) {
    List<String> handles = new ArrayList<>();
    for (int n = 1; params.values().containsKey(RECEIPT_HANDLE + "." + n); n++) {
      handles.add(params.values().get(RECEIPT_HANDLE + "." + n));
    }
    return handles.isEmpty() ? null : handles;
  }

  /** {@code check}'s result, or its {@link EventParamException} as OnsMqtt's error. */
  static <T> T checked(Supplier<T> check) {
    try {
      return check.get();
    } catch (EventParamException e) {
      String name = e.param() == EventParam.RECEIPT_HANDLES ? RECEIPT_HANDLE + ".N" : e.param().wireName(FieldNames.PASCAL);
      throw e.missing() ? OnsMqttErrors.missing(e.param() == EventParam.RECEIPT_HANDLES ? RECEIPT_HANDLE + ".1" : name)
          : OnsMqttErrors.invalidParameter(name, e.problem());
    }
  }
}

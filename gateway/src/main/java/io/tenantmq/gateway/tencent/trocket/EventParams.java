package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.gateway.events.EventParam;
import io.tenantmq.gateway.events.EventParamException;
import io.tenantmq.gateway.events.FieldNames;
import io.tenantmq.gateway.events.ParamSource;
import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;
import io.tenantmq.gateway.tencent.TencentException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The event consumption parameters of a Tencent request, under their API names ({@code ConsumerGroup},
 * {@code MaxNumber}, ...), typed as the API types them, for the checks every dialect shares; and those checks' errors
 * as Tencent's {@code MissingParameter} / {@code InvalidParameterValue}.
 */
final class EventParams {

  private static final Set<EventParam> INTEGERS = Set.of(EventParam.MAX, EventParam.WAIT_SECONDS,
      EventParam.INVISIBLE_SECONDS);

  private EventParams() {
  }

  /** Reads {@code wanted} now (so that everything else is an {@code UnknownParameter}). */
  static ParamSource read(Params params, Set<EventParam> wanted) {
    Map<EventParam, String> values = new EnumMap<>(EventParam.class);
    for (EventParam param : wanted) {
      String name = param.wireName(FieldNames.PASCAL);
      Optional<String> value = INTEGERS.contains(param)
          ? params.integer(name).map(String::valueOf)
          : params.string(name);
      value.ifPresent(v -> values.put(param, v));
    }
    return param -> Optional.ofNullable(values.get(param));
  }

  /** {@code check}'s result, or its {@link EventParamException} as Tencent's error. */
  static <T> T checked(Supplier<T> check) {
    try {
      return check.get();
    } catch (EventParamException e) {
      throw error(e);
    }
  }

  static TencentException error(EventParamException e) {
    String name = e.param().wireName(FieldNames.PASCAL);
    return e.missing() ? TencentErrors.missingParameter(name) : TencentErrors.invalidParameterValue(name, e.problem());
  }
}

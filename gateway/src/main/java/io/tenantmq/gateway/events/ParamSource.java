package io.tenantmq.gateway.events;

import java.util.Optional;

/**
 * Where a dialect's parameters come from: a query string, a JSON body, an RPC call. Values are text (a dialect with
 * typed parameters has checked the type and hands over the number's digits); an empty value counts as absent.
 */
@FunctionalInterface
public interface ParamSource {

  Optional<String> text(EventParam param);
}

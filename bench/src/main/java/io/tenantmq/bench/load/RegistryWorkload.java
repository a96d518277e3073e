package io.tenantmq.bench.load;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The calls a registry scenario measures, one implementation per API ({@link DescribeClientWorkload},
 * {@link EmqxClientsWorkload}); {@link RegistryBench} seeds the registry and drives them.
 */
interface RegistryWorkload {

  /** One kind of call: {@code start} begins one call, whose future fails on any wrong answer. */
  record Call(String name, Supplier<CompletableFuture<?>> start) {
  }

  /** The heading of the report. */
  String title();

  /** Once, before the registry is filled: credentials, clients; and checks the API shows a live client. */
  void prepare(BenchContext context);

  /** After the registry has grown to {@code size}: throws a {@link BenchException} unless answers are right. */
  void check(int size);

  /** The calls to measure at {@code size}, in the report's order. */
  List<Call> calls(int size);

  /** Names the kind of a failed call, e.g. by its API error code. */
  String failureKind(Throwable failure);
}

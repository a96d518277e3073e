package io.tenantmq.bench.load;

/**
 * What a {@link RegistryWorkload} works with: the product, its tenants and the registered clients.
 *
 * @param endpoint the product's HTTP base URL, e.g. {@code http://127.0.0.1:PORT}
 * @param checkLiveClients whether real MQTT clients are connected to the demo instance for the workload to look at
 */
record BenchContext(InProcessTenantMq product, String endpoint, BenchTenancy tenancy, SyntheticClients synthetic,
                    boolean checkLiveClients) {
}

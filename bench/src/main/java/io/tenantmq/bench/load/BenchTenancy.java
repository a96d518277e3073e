package io.tenantmq.bench.load;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.sdk.tencent.TencentClientOptions;
import io.tenantmq.sdk.tencent.TencentStyleClient;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tenants of the DescribeMQTTClient scenario: one instance each, and per tenant a few Tencent credentials with a
 * {@link TencentStyleClient} for each. Calls for an instance rotate over its tenant's clients;
 * all of them share one HTTP connection pool.
 */
final class BenchTenancy {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final List<String> instanceIds;
  private final List<List<TencentStyleClient>> clients;
  private final AtomicLong next = new AtomicLong();

  private BenchTenancy(List<String> instanceIds, List<List<TencentStyleClient>> clients) {
    this.instanceIds = List.copyOf(instanceIds);
    this.clients = List.copyOf(clients);
  }

  static BenchTenancy create(ControlPlane control, int tenants, int credentialsPerTenant, String endpoint) {
    String run = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffff_ffffL);
    long now = System.currentTimeMillis();
    HttpClient http = TencentStyleClient.newHttpClient(new TencentClientOptions());
    List<String> instanceIds = new ArrayList<>();
    List<List<TencentStyleClient>> clients = new ArrayList<>();
    for (int t = 0; t < tenants; t++) {
      String tenantId = String.format(Locale.ROOT, "bench-%s-t%d", run, t);
      String instanceId = String.format(Locale.ROOT, "bench-%s-i%d", run, t);
      await(control.tenants().createTenantIfAbsent(new Tenant(tenantId, "bench " + t, now)), "creating tenant " + t);
      await(control.tenants().createInstanceIfAbsent(new Instance(instanceId, tenantId, "bench " + t, false, now)),
          "creating instance " + instanceId);
      List<TencentStyleClient> ofTenant = new ArrayList<>();
      for (int c = 0; c < credentialsPerTenant; c++) {
        ofTenant.add(client(control, tenantId, endpoint, http));
      }
      instanceIds.add(instanceId);
      clients.add(ofTenant);
    }
    return new BenchTenancy(instanceIds, clients);
  }

  /** A client with a fresh credential of {@code tenantId}, good for every instance of the tenant. */
  static TencentStyleClient client(ControlPlane control, String tenantId, String endpoint, HttpClient http) {
    IssuedCredential issued = await(control.credentials().issue(tenantId, CredentialKind.TENCENT, null, "bench"),
        "issuing a credential for " + tenantId);
    TencentClientOptions options = new TencentClientOptions().setEndpoint(endpoint)
        .setSecretId(issued.credential().credentialId()).setSecretKey(issued.secret()).setRegion("ap-guangzhou");
    return TencentStyleClient.create(options, http);
  }

  List<String> instanceIds() {
    return instanceIds;
  }

  /** The next client, in rotation, of the tenant that owns instance number {@code instance}. */
  TencentStyleClient clientFor(int instance) {
    List<TencentStyleClient> ofTenant = clients.get(instance);
    return ofTenant.get((int) (next.getAndIncrement() % ofTenant.size()));
  }

  static <T> T await(CompletionStage<T> stage, String what) {
    try {
      return stage.toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException(what + ": interrupted");
    } catch (Exception e) {
      throw new BenchException(what + " failed: " + e, e);
    }
  }
}

package io.tenantmq.bench.load;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The tenants of a registry scenario, one instance each, created through the product's control plane; the scenarios
 * issue their own kind of credential for them ({@link #issue}).
 */
final class BenchTenancy {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ControlPlane control;
  private final List<String> tenantIds;
  private final List<String> instanceIds;

  private BenchTenancy(ControlPlane control, List<String> tenantIds, List<String> instanceIds) {
    this.control = control;
    this.tenantIds = List.copyOf(tenantIds);
    this.instanceIds = List.copyOf(instanceIds);
  }

  static BenchTenancy create(ControlPlane control, int tenants) {
    String run = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffff_ffffL);
    long now = System.currentTimeMillis();
    List<String> tenantIds = new ArrayList<>();
    List<String> instanceIds = new ArrayList<>();
    for (int t = 0; t < tenants; t++) {
      String tenantId = String.format(Locale.ROOT, "bench-%s-t%d", run, t);
      String instanceId = String.format(Locale.ROOT, "bench-%s-i%d", run, t);
      await(control.tenants().createTenantIfAbsent(new Tenant(tenantId, "bench " + t, now)), "creating tenant " + t);
      await(control.tenants().createInstanceIfAbsent(new Instance(instanceId, tenantId, "bench " + t, false, now)),
          "creating instance " + instanceId);
      tenantIds.add(tenantId);
      instanceIds.add(instanceId);
    }
    return new BenchTenancy(control, tenantIds, instanceIds);
  }

  List<String> instanceIds() {
    return instanceIds;
  }

  /**
   * A fresh credential of {@code kind} for the tenant of instance number {@code instance}: scoped to that instance
   * for kinds that name one (EMQX API keys), good for every instance of the tenant otherwise (Tencent).
   */
  IssuedCredential issue(int instance, CredentialKind kind) {
    String scope = kind == CredentialKind.EMQX ? instanceIds.get(instance) : null;
    return issue(control, tenantIds.get(instance), kind, scope);
  }

  static IssuedCredential issue(ControlPlane control, String tenantId, CredentialKind kind, String instanceId) {
    return await(control.credentials().issue(tenantId, kind, instanceId, "bench"),
        "issuing a " + kind + " credential for " + tenantId);
  }

  /** Per instance, {@code perInstance} clients made by {@code client} from fresh credentials of {@code kind}. */
  <C> Rotation<C> clients(int perInstance, CredentialKind kind, Function<IssuedCredential, C> client) {
    List<List<C>> clients = new ArrayList<>();
    for (int i = 0; i < instanceIds.size(); i++) {
      List<C> ofInstance = new ArrayList<>();
      for (int c = 0; c < perInstance; c++) {
        ofInstance.add(client.apply(issue(i, kind)));
      }
      clients.add(ofInstance);
    }
    return new Rotation<>(clients);
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

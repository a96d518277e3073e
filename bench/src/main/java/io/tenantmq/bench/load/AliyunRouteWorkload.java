package io.tenantmq.bench.load;

import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.sdk.aliyun.AliyunApiException;
import io.tenantmq.sdk.aliyun.AliyunClientOptions;
import io.tenantmq.sdk.aliyun.AliyunStyleClient;
import io.tenantmq.sdk.aliyun.OnsMqttModels.QuerySessionByClientIdResponse;
import io.tenantmq.sdk.aliyun.RouteStatus;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The aliyun-route scenario: Alibaba Cloud's synchronous online check {@code GET /route/clientId/get} through
 * {@link AliyunStyleClient} (real HTTP, each instance's tenant with its own AccessKey, every call signed with a fresh
 * timestamp): for a random registered client, which must answer {@code online} 1, and for a client id that was never
 * registered, which must answer 0 (the same signature and AccessKey checks, a registry miss). For comparison, the
 * OpenAPI's way of asking the same: {@code QuerySessionByClientId} for a random registered client (RPC signature, and
 * a SignatureNonce recorded cluster-wide against replay).
 */
final class AliyunRouteWorkload implements RegistryWorkload {

  static final String ONLINE = "GET /route/clientId/get online";
  static final String UNKNOWN = "GET /route/clientId/get never seen";
  static final String OPEN_API = "OnsMqtt QuerySessionByClientId";

  private static final Duration LIVE_CHECK_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(50);

  private final PrintStream out;
  private BenchContext context;
  private Rotation<AliyunStyleClient> clients;
  private int instances;

  AliyunRouteWorkload(PrintStream out) {
    this.out = out;
  }

  @Override
  public String title() {
    return "/route/clientId/get via AliyunStyleClient";
  }

  @Override
  public void prepare(BenchContext context) {
    this.context = context;
    this.instances = context.tenancy().instanceIds().size();
    HttpClient http = AliyunStyleClient.newHttpClient(new AliyunClientOptions());
    if (context.checkLiveClients()) {
      IssuedCredential demo = BenchTenancy.issue(context.product().control(), context.product().demo().tenantId(),
          CredentialKind.ALIYUN, context.product().demo().instanceId());
      checkLiveClient(client(context.endpoint(), http, demo), context.product().demo().instanceId());
    }
    clients = context.tenancy().clients(1, CredentialKind.ALIYUN, issued -> client(context.endpoint(), http, issued));
  }

  private static AliyunStyleClient client(String endpoint, HttpClient http, IssuedCredential issued) {
    return AliyunStyleClient.create(new AliyunClientOptions().setEndpoint(endpoint)
        .setAccessKeyId(issued.credential().credentialId()).setAccessKeySecret(issued.secret()), http);
  }

  @Override
  public void check(int size) {
    try {
      online(size - 1).join();
      unknown(size - 1).join();
      querySession(size - 1).join();
    } catch (RuntimeException e) {
      throw new BenchException("checking /route/clientId/get at " + size + " clients: "
          + (e.getCause() == null ? e : e.getCause()), e);
    }
    out.printf("/route/clientId/get at %,d clients: a registered client is online, an unknown one offline;"
        + " QuerySessionByClientId agrees%n", size);
  }

  @Override
  public List<Call> calls(int size) {
    return List.of(
        new Call(ONLINE, () -> online(random(size))),
        new Call(UNKNOWN, () -> unknown(random(size))),
        new Call(OPEN_API, () -> querySession(random(size))));
  }

  @Override
  public String failureKind(Throwable failure) {
    return failure instanceof AliyunApiException e ? "code " + e.code() : failure.getClass().getSimpleName();
  }

  /** Registered client {@code n}, asked of its instance: must be online with one connection. */
  private CompletableFuture<RouteStatus> online(int n) {
    return expect(n % instances, context.synthetic().instanceOf(n), SyntheticClients.clientId(n), 1);
  }

  /** A client id never registered, asked of the instance of client {@code n}: must be offline. */
  private CompletableFuture<RouteStatus> unknown(int n) {
    return expect(n % instances, context.synthetic().instanceOf(n), "GID_never@@@" + n, 0);
  }

  /** Registered client {@code n} through the OpenAPI: must be online. */
  private CompletableFuture<QuerySessionByClientIdResponse> querySession(int n) {
    String instanceId = context.synthetic().instanceOf(n);
    String clientId = SyntheticClients.clientId(n);
    return clients.clientFor(n % instances).onsMqtt().querySessionByClientId(instanceId, clientId).thenApply(r -> {
      if (!r.onlineStatus()) {
        throw new IllegalStateException(clientId + " of " + instanceId + ": QuerySessionByClientId says offline");
      }
      return r;
    });
  }

  private CompletableFuture<RouteStatus> expect(int instance, String instanceId, String clientId, int online) {
    return clients.clientFor(instance).routeClientIdGet(instanceId, clientId).thenApply(s -> {
      if (s.online() != online) {
        throw new IllegalStateException(clientId + " of " + instanceId + ": online " + s.online() + ", expected "
            + online);
      }
      return s;
    });
  }

  /** The product really serves the check: a live client shows up online. */
  private void checkLiveClient(AliyunStyleClient client, String instanceId) {
    long deadline = System.nanoTime() + LIVE_CHECK_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        RouteStatus s = client.routeClientIdGet(instanceId, LiveClients.clientId(0)).join();
        if (s.online() == 1) {
          out.printf("live client %s: online %d%n", LiveClients.clientId(0), s.online());
          return;
        }
        last = s.toString();
      } catch (RuntimeException e) {
        last = e.getCause() == null ? e.toString() : e.getCause().toString();
      }
      Await.sleep(POLL);
    }
    throw new BenchException("/route/clientId/get of " + LiveClients.clientId(0) + " does not show the live client "
        + "online: " + last);
  }

  private static int random(int bound) {
    return ThreadLocalRandom.current().nextInt(bound);
  }
}

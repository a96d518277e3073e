package io.tenantmq.bench.load;

import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.sdk.tencent.TencentApiException;
import io.tenantmq.sdk.tencent.TencentClientOptions;
import io.tenantmq.sdk.tencent.TencentStyleClient;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTClientRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTClientResponse;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The describe-client scenario: signed DescribeMQTTClient calls (version 2023-03-08) for random registered clients
 * through {@link TencentStyleClient}, rotating over several Tencent credentials per tenant so that the API's 20 calls/s
 * per credential limit does not cap the measurement.
 */
final class DescribeClientWorkload implements RegistryWorkload {

  static final String CALL = "DescribeMQTTClient";
  private static final Duration LIVE_CHECK_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(50);

  private final int credentialsPerTenant;
  private final PrintStream out;
  private BenchContext context;
  private Rotation<TencentStyleClient> clients;

  DescribeClientWorkload(int credentialsPerTenant, PrintStream out) {
    this.credentialsPerTenant = credentialsPerTenant;
    this.out = out;
  }

  @Override
  public String title() {
    return "DescribeMQTTClient (2023-03-08) via TencentStyleClient";
  }

  @Override
  public void prepare(BenchContext context) {
    this.context = context;
    HttpClient http = TencentStyleClient.newHttpClient(new TencentClientOptions());
    if (context.checkLiveClients()) {
      IssuedCredential demo = BenchTenancy.issue(context.product().control(), context.product().demo().tenantId(),
          CredentialKind.TENCENT, null);
      checkLiveClient(client(context.endpoint(), http, demo), context.product().demo().instanceId());
    }
    clients = context.tenancy().clients(credentialsPerTenant, CredentialKind.TENCENT,
        issued -> client(context.endpoint(), http, issued));
  }

  private static TencentStyleClient client(String endpoint, HttpClient http, IssuedCredential issued) {
    return TencentStyleClient.create(new TencentClientOptions().setEndpoint(endpoint)
        .setSecretId(issued.credential().credentialId()).setSecretKey(issued.secret()).setRegion("ap-guangzhou"), http);
  }

  /** The answer for a registered client carries what was registered. */
  @Override
  public void check(int size) {
    int n = size - 1;
    ClientRecord expected = context.synthetic().record(n);
    DescribeMQTTClientResponse r;
    try {
      r = describe(n).join();
    } catch (RuntimeException e) {
      throw new BenchException("DescribeMQTTClient of registered client " + expected.clientId() + " failed: "
          + (e.getCause() == null ? e : e.getCause()), e);
    }
    if (!expected.address().equals(r.clientAddress()) || !Long.valueOf(expected.protocolVersion()).equals(r.protocolVersion())
        || r.mqttClientSubscriptions() == null || r.mqttClientSubscriptions().size() != expected.subscriptions().size()) {
      throw new BenchException("DescribeMQTTClient of " + expected.clientId() + " does not match its record: " + r);
    }
  }

  @Override
  public List<Call> calls(int size) {
    return List.of(new Call(CALL, () -> describe(ThreadLocalRandom.current().nextInt(size))));
  }

  /** One call for registered client {@code n}; an answer about another client counts as a failure. */
  private CompletableFuture<DescribeMQTTClientResponse> describe(int n) {
    String clientId = SyntheticClients.clientId(n);
    int instance = n % context.tenancy().instanceIds().size();
    return clients.clientFor(instance).trocket()
        .describeMQTTClient(new DescribeMQTTClientRequest(context.synthetic().instanceOf(n), clientId))
        .thenApply(r -> {
          if (!clientId.equals(r.clientId())) {
            throw new IllegalStateException("asked for " + clientId + ", got " + r.clientId());
          }
          return r;
        });
  }

  @Override
  public String failureKind(Throwable failure) {
    return failure instanceof TencentApiException e ? e.code() : failure.getClass().getSimpleName();
  }

  /** The product really serves the action: a live client shows up connected, with its subscription. */
  private void checkLiveClient(TencentStyleClient client, String instanceId) {
    long deadline = System.nanoTime() + LIVE_CHECK_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        DescribeMQTTClientResponse r = client.trocket()
            .describeMQTTClient(new DescribeMQTTClientRequest(instanceId, LiveClients.clientId(0))).join();
        boolean subscribed = r.mqttClientSubscriptions() != null && r.mqttClientSubscriptions().stream()
            .anyMatch(s -> LiveClients.topic(0).equals(s.topicFilter()));
        if ("CONNECTED".equals(r.connectionStatus()) && subscribed) {
          out.printf("live client %s: %s from %s, subscribed to %s%n", r.clientId(), r.connectionStatus(),
              r.clientAddress(), LiveClients.topic(0));
          return;
        }
        last = r.toString();
      } catch (RuntimeException e) {
        last = e.getCause() == null ? e.toString() : e.getCause().toString();
      }
      Await.sleep(POLL);
    }
    throw new BenchException("DescribeMQTTClient does not show the live client connected and subscribed: " + last);
  }
}

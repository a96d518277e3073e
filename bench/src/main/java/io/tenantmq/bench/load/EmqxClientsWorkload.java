package io.tenantmq.bench.load;

import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.control.registry.ClientFilter;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.sdk.emqx.Client;
import io.tenantmq.sdk.emqx.ClientListQuery;
import io.tenantmq.sdk.emqx.CursorPage;
import io.tenantmq.sdk.emqx.EmqxApiException;
import io.tenantmq.sdk.emqx.EmqxClientOptions;
import io.tenantmq.sdk.emqx.EmqxStyleClient;
import io.tenantmq.sdk.emqx.Page;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The emqx-clients scenario: EMQX REST API v5 client listing and look-up through {@link EmqxStyleClient} (real HTTP,
 * Basic auth with each instance's own API key), for a random instance per call: page 1 and the last page of
 * {@code GET /clients?limit=100}, pages of {@code GET /clients_v2?limit=100} walked by cursor from the first to the
 * last, {@code GET /clients/{clientid}} of a random registered client, and, as the floor under all of them, a path
 * without a route (HTTP, Basic auth and the API-key check, nothing read). Every answer is checked (page sizes,
 * counts, ids, order); a wrong one counts as a failed call.
 */
final class EmqxClientsWorkload implements RegistryWorkload {

  static final int PAGE_SIZE = 100;
  static final String PAGE_1 = "GET /clients page 1";
  static final String LAST_PAGE = "GET /clients last page";
  static final String CURSOR_WALK = "GET /clients_v2 walk";
  static final String LOOKUP = "GET /clients/{id}";
  /** The floor under every call: HTTP, Basic auth and the API-key check, then EMQX's 404 for a path with no route. */
  static final String KEY_CHECK_ONLY = "GET unknown path (key check)";

  private static final Duration LIVE_CHECK_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(50);

  private final PrintStream out;
  private BenchContext context;
  private Rotation<EmqxStyleClient> clients;
  private int instances;
  /** Walks in progress, each continued by whichever caller polls it next; a finished walk is not put back. */
  private final Queue<Walk> walks = new ConcurrentLinkedQueue<>();

  EmqxClientsWorkload(PrintStream out) {
    this.out = out;
  }

  /** A cursor walk over one instance's clients: where it is and how many clients it has seen. */
  private record Walk(int instance, String cursor, String lastClientId, int seen) {
  }

  @Override
  public String title() {
    return "EMQX REST API v5 /clients via EmqxStyleClient (limit " + PAGE_SIZE + ")";
  }

  @Override
  public void prepare(BenchContext context) {
    this.context = context;
    this.instances = context.tenancy().instanceIds().size();
    HttpClient http = EmqxStyleClient.newHttpClient(new EmqxClientOptions());
    if (context.checkLiveClients()) {
      IssuedCredential demo = BenchTenancy.issue(context.product().control(), context.product().demo().tenantId(),
          CredentialKind.EMQX, context.product().demo().instanceId());
      checkLiveClient(client(context.endpoint(), http, demo));
    }
    clients = context.tenancy().clients(1, CredentialKind.EMQX, issued -> client(context.endpoint(), http, issued));
  }

  private static EmqxStyleClient client(String endpoint, HttpClient http, IssuedCredential issued) {
    return EmqxStyleClient.create(new EmqxClientOptions().setEndpoint(endpoint)
        .setApiKey(issued.credential().credentialId()).setApiSecret(issued.secret()), http);
  }

  @Override
  public void check(int size) {
    try {
      page(0, size, 1).join();
      page(0, size, lastPage(0, size)).join();
      Walk walk = null;
      do {
        walk = walkStep(walk == null ? new Walk(0, null, null, 0) : walk, size).join();
      } while (walk != null && walk.cursor() != null);
      ClientRecord expected = context.synthetic().record(size - 1);
      Client c = lookup(size - 1).join();
      if (!ClientFilter.ipOf(expected.address()).equals(c.ipAddress()) || c.protoVer() != expected.protocolVersion()
          || c.subscriptionsCnt() != expected.subscriptions().size() || !Objects.equals(expected.username(), c.username())
          || !expected.clientId().equals(c.clientId())) {
        throw new BenchException("GET /clients/" + expected.clientId() + " does not match its record: " + c);
      }
    } catch (RuntimeException e) {
      throw e instanceof BenchException b ? b : new BenchException("checking the EMQX API at " + size + " clients: "
          + (e.getCause() == null ? e : e.getCause()), e);
    }
    out.printf("EMQX API at %,d clients: %d pages of %d per instance, cursor walk and look-up answer right%n", size,
        lastPage(0, size), PAGE_SIZE);
  }

  @Override
  public List<Call> calls(int size) {
    return List.of(
        new Call(PAGE_1, () -> page(random(instances), size, 1)),
        new Call(LAST_PAGE, () -> {
          int instance = random(instances);
          return page(instance, size, lastPage(instance, size));
        }),
        new Call(CURSOR_WALK, () -> {
          Walk walk = walks.poll();
          return walkStep(walk == null ? new Walk(random(instances), null, null, 0) : walk, size)
              .thenApply(next -> {
                if (next != null && next.cursor() != null) {
                  walks.add(next);
                }
                return next;
              });
        }),
        new Call(LOOKUP, () -> lookup(random(size))),
        new Call(KEY_CHECK_ONLY, () -> keyCheckOnly(random(instances))));
  }

  @Override
  public String failureKind(Throwable failure) {
    return failure instanceof EmqxApiException e ? e.code() : failure.getClass().getSimpleName();
  }

  /** Clients of instance {@code instance} among {@code size} spread round robin. */
  private int countOf(int instance, int size) {
    return size / instances + (instance < size % instances ? 1 : 0);
  }

  private int lastPage(int instance, int size) {
    return Math.max(1, (countOf(instance, size) + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  /** One page by number; fails unless it holds what it must and says how many there are in all. */
  private CompletableFuture<Page<Client>> page(int instance, int size, int page) {
    int count = countOf(instance, size);
    int expected = Math.max(0, Math.min(PAGE_SIZE, count - (page - 1) * PAGE_SIZE));
    return clients.clientFor(instance).clients().list(ClientListQuery.ALL, page, PAGE_SIZE).thenApply(p -> {
      if (p.data().size() != expected || p.meta().count() == null || p.meta().count() != count
          || p.meta().hasnext() != (page * PAGE_SIZE < count)) {
        throw new IllegalStateException("instance " + instance + " page " + page + ": " + p.data().size()
            + " clients and " + p.meta() + ", expected " + expected + " of " + count);
      }
      return p;
    });
  }

  /**
   * The next page of {@code walk}; the walk that continues after it, or one with a null cursor once the last page
   * came and every client of the instance was seen, in ascending order.
   */
  private CompletableFuture<Walk> walkStep(Walk walk, int size) {
    return clients.clientFor(walk.instance()).clients().listByCursor(ClientListQuery.ALL, walk.cursor(), PAGE_SIZE)
        .thenApply((CursorPage<Client> p) -> {
          String last = walk.lastClientId();
          for (Client c : p.data()) {
            if (last != null && c.clientId().compareTo(last) <= 0) {
              throw new IllegalStateException("cursor walk out of order: " + c.clientId() + " after " + last);
            }
            last = c.clientId();
          }
          int seen = walk.seen() + p.data().size();
          if (p.meta().hasnext()) {
            return new Walk(walk.instance(), p.meta().cursor(), last, seen);
          }
          if (seen != countOf(walk.instance(), size)) {
            throw new IllegalStateException("cursor walk of instance " + walk.instance() + " saw " + seen
                + " clients, expected " + countOf(walk.instance(), size));
          }
          return new Walk(walk.instance(), null, last, seen);
        });
  }

  private CompletableFuture<Client> lookup(int n) {
    String clientId = SyntheticClients.clientId(n);
    return clients.clientFor(n % instances).clients().get(clientId).thenApply(c -> {
      if (!clientId.equals(c.clientId())) {
        throw new IllegalStateException("asked for " + clientId + ", got " + c.clientId());
      }
      return c;
    });
  }

  /** Succeeds on the 404 NOT_FOUND a path without a route gets once the key checked out; anything else fails. */
  private CompletableFuture<Object> keyCheckOnly(int instance) {
    return clients.clientFor(instance).call("GET", "/no-such-path", null, Object.class).handle((ok, failure) -> {
      Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
      if (cause instanceof EmqxApiException e && e.status() == 404 && "NOT_FOUND".equals(e.code())) {
        return e;
      }
      throw new IllegalStateException("an unknown path answered " + (cause == null ? ok : cause));
    });
  }

  /** The product really serves the API: a live client shows up connected, with its subscription. */
  private void checkLiveClient(EmqxStyleClient client) {
    long deadline = System.nanoTime() + LIVE_CHECK_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        Client c = client.clients().get(LiveClients.clientId(0)).join();
        if (Boolean.TRUE.equals(c.connected()) && c.subscriptionsCnt() != null && c.subscriptionsCnt() >= 1) {
          out.printf("live client %s: connected from %s:%d, %d subscription(s)%n", c.clientId(), c.ipAddress(),
              c.port(), c.subscriptionsCnt());
          return;
        }
        last = c.toString();
      } catch (RuntimeException e) {
        last = e.getCause() == null ? e.toString() : e.getCause().toString();
      }
      Await.sleep(POLL);
    }
    throw new BenchException("GET /clients/" + LiveClients.clientId(0) + " does not show the live client connected "
        + "and subscribed: " + last);
  }

  private static int random(int bound) {
    return ThreadLocalRandom.current().nextInt(bound);
  }
}

package io.tenantmq.sdk.emqx;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * {@code /clients}: the clients of the key's instance, wherever in the cluster they are connected. A call about one
 * client fails with status 404 and code {@code CLIENTID_NOT_FOUND} when there is no such client.
 */
public final class ClientsApi {

  /** EMQX's page size limit. */
  public static final int MAX_LIMIT = 10_000;

  private static final TypeFactory TYPES = EmqxJson.MAPPER.getTypeFactory();
  private static final JavaType CLIENT = TYPES.constructType(Client.class);
  private static final JavaType PAGE = TYPES.constructParametricType(Page.class, Client.class);
  private static final JavaType CURSOR_PAGE = TYPES.constructParametricType(CursorPage.class, Client.class);
  private static final JavaType SUBSCRIPTION = TYPES.constructType(Subscription.class);
  private static final JavaType SUBSCRIPTIONS = TYPES.constructCollectionType(List.class, Subscription.class);
  private static final JavaType MESSAGES = TYPES.constructType(ClientMessages.class);
  private static final JavaType NOTHING = TYPES.constructType(Void.class);

  private final EmqxStyleClient client;

  ClientsApi(EmqxStyleClient client) {
    this.client = client;
  }

  /** {@code GET /clients}: page {@code page} (from 1) of {@code limit} (1..10000) clients matching {@code query}. */
  public CompletableFuture<Page<Client>> list(ClientListQuery query, int page, int limit) {
    if (page < 1) {
      throw new IllegalArgumentException("page must be at least 1, was " + page);
    }
    QueryString q = query.appendTo(new QueryString().add("page", page).add("limit", checkLimit(limit)));
    return client.call("GET", "/clients" + q.encoded(), null, PAGE);
  }

  /**
   * {@code GET /clients_v2}: the {@code limit} clients matching {@code query} that follow {@code cursor} (null: from
   * the first). Following the cursor visits every client present throughout exactly once, however many connect or
   * leave meanwhile, and costs the same at any depth.
   */
  public CompletableFuture<CursorPage<Client>> listByCursor(ClientListQuery query, String cursor, int limit) {
    QueryString q = query.appendTo(new QueryString().add("limit", checkLimit(limit)).add("cursor", cursor));
    return client.call("GET", "/clients_v2" + q.encoded(), null, CURSOR_PAGE);
  }

  /**
   * Every client matching {@code query}, {@code pageSize} to a request, through {@link #listByCursor}. The stream is
   * lazy and blocks the consuming thread while it fetches the next page; a failed page ends it with a
   * {@link java.util.concurrent.CompletionException} carrying the {@link EmqxApiException}.
   */
  public Stream<Client> walk(ClientListQuery query, int pageSize) {
    checkLimit(pageSize);
    Iterator<Client> clients = new Iterator<>() {
      private Iterator<Client> page = List.<Client>of().iterator();
      private String cursor;
      private boolean more = true;

      @Override
      public boolean hasNext() {
        while (!page.hasNext() && more) {
          CursorPage<Client> next = listByCursor(query, cursor, pageSize).join();
          page = next.data().iterator();
          cursor = next.meta() == null ? null : next.meta().cursor();
          more = next.meta() != null && next.meta().hasnext() && cursor != null;
        }
        return page.hasNext();
      }

      @Override
      public Client next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.next();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(clients,
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** {@code GET /clients/{clientid}}. */
  public CompletableFuture<Client> get(String clientId) {
    return client.call("GET", path(clientId), null, CLIENT);
  }

  /** {@code DELETE /clients/{clientid}}: closes the client's connection (and, on EMQX, discards its session). */
  public CompletableFuture<Void> kick(String clientId) {
    return client.call("DELETE", path(clientId), null, NOTHING);
  }

  /** {@code POST /clients/kickout/bulk}: kicks every client of {@code clientIds}; unknown ones are skipped. */
  public CompletableFuture<Void> kickAll(List<String> clientIds) {
    return client.call("POST", "/clients/kickout/bulk", List.copyOf(clientIds), NOTHING);
  }

  /** {@code GET /clients/{clientid}/subscriptions}: empty when it has none. */
  public CompletableFuture<List<Subscription>> subscriptions(String clientId) {
    return client.call("GET", path(clientId) + "/subscriptions", null, SUBSCRIPTIONS);
  }

  /** {@code POST /clients/{clientid}/subscribe}: subscribes the connected client as if it had sent SUBSCRIBE. */
  public CompletableFuture<Subscription> subscribe(String clientId, SubscribeRequest subscription) {
    return client.call("POST", path(clientId) + "/subscribe", subscription, SUBSCRIPTION);
  }

  /** {@code POST /clients/{clientid}/subscribe/bulk}. */
  public CompletableFuture<List<Subscription>> subscribeAll(String clientId, List<SubscribeRequest> subscriptions) {
    return client.call("POST", path(clientId) + "/subscribe/bulk", List.copyOf(subscriptions), SUBSCRIPTIONS);
  }

  /** {@code POST /clients/{clientid}/unsubscribe}. */
  public CompletableFuture<Void> unsubscribe(String clientId, String topic) {
    return client.call("POST", path(clientId) + "/unsubscribe", Map.of("topic", topic), NOTHING);
  }

  /** {@code POST /clients/{clientid}/unsubscribe/bulk}. */
  public CompletableFuture<Void> unsubscribeAll(String clientId, List<String> topics) {
    return client.call("POST", path(clientId) + "/unsubscribe/bulk",
        topics.stream().map(t -> Map.of("topic", t)).toList(), NOTHING);
  }

  /** {@code PUT /clients/{clientid}/keepalive}: a new keepalive (0..65535 s); answers the updated client. */
  public CompletableFuture<Client> keepalive(String clientId, int intervalSeconds) {
    if (intervalSeconds < 0 || intervalSeconds > 65_535) {
      throw new IllegalArgumentException("keepalive interval must be 0..65535, was " + intervalSeconds);
    }
    return client.call("PUT", path(clientId) + "/keepalive", Map.of("interval", intervalSeconds), CLIENT);
  }

  /** {@code GET /clients/{clientid}/mqueue_messages}: messages queued for the client, oldest first. */
  public CompletableFuture<ClientMessages> mqueueMessages(String clientId, ClientMessagesQuery query) {
    return client.call("GET", path(clientId) + "/mqueue_messages" + query.appendTo(new QueryString()).encoded(),
        null, MESSAGES);
  }

  /** {@code GET /clients/{clientid}/inflight_messages}: messages sent to the client and not yet acknowledged. */
  public CompletableFuture<ClientMessages> inflightMessages(String clientId, ClientMessagesQuery query) {
    return client.call("GET", path(clientId) + "/inflight_messages" + query.appendTo(new QueryString()).encoded(),
        null, MESSAGES);
  }

  private static String path(String clientId) {
    return "/clients/" + EmqxStyleClient.segment(clientId);
  }

  static int checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
    }
    return limit;
  }
}

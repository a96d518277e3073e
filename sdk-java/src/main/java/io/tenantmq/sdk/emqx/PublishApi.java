package io.tenantmq.sdk.emqx;

import com.fasterxml.jackson.databind.JavaType;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /publish}: messages from the API to the key's instance. A message nobody subscribes to is not an error:
 * its result says so ({@link PublishResult#NO_MATCHING_SUBSCRIBERS}). A message the server refuses (an invalid topic
 * name, a payload too large) fails with status 400 and the reason code ({@link EmqxApiException#reasonCode()}).
 */
public final class PublishApi {

  private static final JavaType RESULT = EmqxJson.MAPPER.constructType(PublishResult.class);
  private static final JavaType RESULTS = EmqxJson.MAPPER.getTypeFactory()
      .constructCollectionType(List.class, PublishResult.class);

  private final EmqxStyleClient client;

  PublishApi(EmqxStyleClient client) {
    this.client = client;
  }

  /** {@code POST /publish}: 200 (delivered) and 202 (no subscriber) are results; other statuses fail. */
  public CompletableFuture<PublishResult> publish(PublishMessage message) {
    return client.send("POST", "/publish", message).thenApply(response -> {
      if (response.statusCode() == 200 || response.statusCode() == 202) {
        return EmqxStyleClient.parse(response.statusCode(), response.body(), RESULT);
      }
      throw EmqxStyleClient.error(response.statusCode(), response.body());
    });
  }

  /**
   * {@code POST /publish/bulk}: one result per message, in order. The answer's status summarizes them (200 all
   * delivered, 202 some without subscribers, 503 some failed), so every such answer is a list of results; a 400 (a
   * message refused before any was sent) fails.
   */
  public CompletableFuture<List<PublishResult>> publishAll(List<PublishMessage> messages) {
    return client.send("POST", "/publish/bulk", List.copyOf(messages)).thenApply(PublishApi::results);
  }

  private static List<PublishResult> results(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    byte[] body = response.body();
    boolean array = body != null && body.length > 0 && body[0] == '[';
    if (array && (status == 200 || status == 202 || status == 503)) {
      return EmqxStyleClient.parse(status, body, RESULTS);
    }
    throw EmqxStyleClient.error(status, body);
  }
}

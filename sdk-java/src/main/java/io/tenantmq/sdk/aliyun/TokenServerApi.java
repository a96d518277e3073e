package io.tenantmq.sdk.aliyun;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Alibaba Cloud's application server token interface (API-NOTES §3.3): {@code POST /token/apply} and
 * {@code POST /token/revoke} with form parameters signed with the AccessKeySecret, as the LMQ demo's
 * {@code TokenApiDemo} sends them. See {@link AliyunStyleClient} for failures.
 */
public final class TokenServerApi {

  /** At most 100 topics per token. */
  public static final int MAX_RESOURCES = 100;

  private final AliyunStyleClient client;

  TokenServerApi(AliyunStyleClient client) {
    this.client = client;
  }

  /**
   * Applies for a token of {@code instanceId} that lets its holder do {@code actions} on {@code resources} (MQTT
   * topics or topic filters) until {@code expireAt} (at least 60 s ahead; the server cuts it to 30 days).
   *
   * @return the token, for a device's {@link AliyunMqttCredentials#token Token-mode login}
   * @throws IllegalArgumentException when there are no resources or more than {@value #MAX_RESOURCES}, or one is
   *     blank or holds a comma
   */
  public CompletableFuture<String> applyToken(String instanceId, TokenType actions, Collection<String> resources,
                                              Instant expireAt) {
    FormParams form = new FormParams()
        .put("actions", actions.actions())
        .put("resources", resourceList(resources))
        .put("expireTime", Long.toString(expireAt.toEpochMilli()))
        .put("serviceName", "mq")
        .put("instanceId", Arguments.requireText(instanceId, "instanceId"))
        .sign(client.secret())
        // sent, but not signed
        .put("proxyType", "MQTT")
        .put("accessKey", client.accessKeyId());
    return client.postForm(client.tokenServerRoot(), "/token/apply", form, TokenServerAnswer.class)
        .thenApply(answer -> {
          if (answer.tokenData() == null || answer.tokenData().isEmpty()) {
            throw new AliyunApiException(200, AliyunApiException.UNEXPECTED_RESPONSE, "the answer has no tokenData",
                null);
          }
          return answer.tokenData();
        });
  }

  /** Revokes {@code token} at once: the connections that logged in with it are closed. */
  public CompletableFuture<Void> revokeToken(String token) {
    FormParams form = new FormParams()
        .put("token", Arguments.requireText(token, "token"))
        .sign(client.secret())
        .put("accessKey", client.accessKeyId());
    return client.postForm(client.tokenServerRoot(), "/token/revoke", form, TokenServerAnswer.class)
        .thenApply(answer -> null);
  }

  /** The topics sorted and comma-joined, as Aliyun asks (§3.2). */
  static String resourceList(Collection<String> resources) {
    if (resources == null || resources.isEmpty() || resources.size() > MAX_RESOURCES) {
      throw new IllegalArgumentException("resources must hold 1.." + MAX_RESOURCES + " topics");
    }
    List<String> sorted = new ArrayList<>(resources.size());
    for (String topic : resources) {
      if (Arguments.requireText(topic, "a resource").indexOf(',') >= 0) {
        throw new IllegalArgumentException("a resource must not contain ',': " + topic);
      }
      sorted.add(topic);
    }
    sorted.sort(null);
    return String.join(",", sorted);
  }

  /** The token server's answer; only {@code tokenData} matters (and never shows in a log). */
  record TokenServerAnswer(Boolean success, String tokenData) {
    @Override
    public String toString() {
      return "TokenServerAnswer[success=" + success + "]";
    }
  }
}

package io.tenantmq.sdk.aliyun;

import io.tenantmq.sdk.aliyun.OnsMqttModels.ApplyTokenResponse;
import io.tenantmq.sdk.aliyun.OnsMqttModels.BatchQuerySessionByClientIdsResponse;
import io.tenantmq.sdk.aliyun.OnsMqttModels.CloseConnectionResponse;
import io.tenantmq.sdk.aliyun.OnsMqttModels.QuerySessionByClientIdResponse;
import io.tenantmq.sdk.aliyun.OnsMqttModels.QueryTokenResponse;
import io.tenantmq.sdk.aliyun.OnsMqttModels.RevokeTokenResponse;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The actions of the OnsMqtt OpenAPI, version {@value #VERSION} (API-NOTES §3.6), one typed call each, sent as the
 * Alibaba Cloud SDK sends them: {@code POST /} with every parameter in the query, signed with the RPC signature
 * (HMAC-SHA1, a fresh {@code SignatureNonce} per call, the {@code Timestamp} from the options' clock). See
 * {@link AliyunStyleClient} for failures; the codes are the OpenAPI's ({@code InvalidParameter.ClientIdList},
 * {@code InstancePermissionCheckFailed}, {@code SignatureDoesNotMatch}, ...).
 */
public final class OnsMqttApi {

  public static final String PRODUCT = "OnsMqtt";
  public static final String VERSION = "2020-04-20";
  /** "At most 10 Client IDs per call". */
  public static final int MAX_BATCH_CLIENT_IDS = 10;

  private final AliyunStyleClient client;

  OnsMqttApi(AliyunStyleClient client) {
    this.client = client;
  }

  /** Whether {@code clientId} is connected to {@code instanceId} now. */
  public CompletableFuture<QuerySessionByClientIdResponse> querySessionByClientId(String instanceId, String clientId) {
    return call("QuerySessionByClientId", params(instanceId).with("ClientId", clientId),
        QuerySessionByClientIdResponse.class);
  }

  /**
   * Whether each of {@code clientIds} is connected to {@code instanceId} now.
   *
   * @throws IllegalArgumentException for no ids or more than {@value #MAX_BATCH_CLIENT_IDS}
   */
  public CompletableFuture<BatchQuerySessionByClientIdsResponse> batchQuerySessionByClientIds(
      String instanceId, List<String> clientIds) {
    if (clientIds == null || clientIds.isEmpty() || clientIds.size() > MAX_BATCH_CLIENT_IDS) {
      throw new IllegalArgumentException("clientIds must hold 1.." + MAX_BATCH_CLIENT_IDS + " ids");
    }
    Params params = params(instanceId);
    // the SDK's repeat list: ClientIdList.1, ClientIdList.2, ...
    for (int i = 0; i < clientIds.size(); i++) {
      params.with("ClientIdList." + (i + 1), clientIds.get(i));
    }
    return call("BatchQuerySessionByClientIds", params, BatchQuerySessionByClientIdsResponse.class);
  }

  /** Closes the connection of {@code clientId} (its session stays, as after a network drop). */
  public CompletableFuture<CloseConnectionResponse> closeConnection(String instanceId, String clientId) {
    return call("CloseConnection", params(instanceId).with("ClientId", clientId), CloseConnectionResponse.class);
  }

  /**
   * A token of {@code instanceId} that lets its holder do {@code actions} on {@code resources} (topics or topic
   * filters, sorted and comma-joined here) until {@code expireAt}: the same rules as the token server's.
   */
  public CompletableFuture<ApplyTokenResponse> applyToken(String instanceId, TokenType actions,
                                                          Collection<String> resources, Instant expireAt) {
    return call("ApplyToken", params(instanceId)
        .with("Actions", actions.actions())
        .with("Resources", TokenServerApi.resourceList(resources))
        .with("ExpireTime", Long.toString(expireAt.toEpochMilli())), ApplyTokenResponse.class);
  }

  /** Whether {@code token} still works on {@code instanceId}. */
  public CompletableFuture<QueryTokenResponse> queryToken(String instanceId, String token) {
    return call("QueryToken", params(instanceId).with("Token", token), QueryTokenResponse.class);
  }

  /** Revokes {@code token} at once: the connections that logged in with it are closed. */
  public CompletableFuture<RevokeTokenResponse> revokeToken(String instanceId, String token) {
    return call("RevokeToken", params(instanceId).with("Token", token), RevokeTokenResponse.class);
  }

  /**
   * Calls any action of version {@value #VERSION} with {@code params} (besides the common ones this client adds) and
   * reads the answer into {@code type}. For actions this client has no typed call for.
   */
  public <R> CompletableFuture<R> call(String action, Map<String, String> params, Class<R> type) {
    return client.rpc(action, VERSION, params, type);
  }

  private <R> CompletableFuture<R> call(String action, Params params, Class<R> type) {
    return call(action, params.values, type);
  }

  private static Params params(String instanceId) {
    return new Params().with("InstanceId", instanceId);
  }

  /** An action's own parameters, each required. */
  private static final class Params {
    final Map<String, String> values = new LinkedHashMap<>();

    Params with(String name, String value) {
      values.put(name, Arguments.requireText(value, name));
      return this;
    }
  }
}

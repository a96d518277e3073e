package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.control.user.MqttUser;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;

/**
 * Adds an MQTT user to an instance; its password is stored hashed (hashing runs on the control plane's worker). An
 * empty or absent Password makes the server generate one, as the cloud does; since the SDK's response model has only
 * RequestId and the password can never be read back, the generated one is returned in an extra {@code Password}
 * field (typed SDK models ignore it; {@code CommonClient} callers read it). A password the caller chose is never
 * echoed.
 */
final class CreateMQTTUser implements TrocketAction<CreateMQTTUser.Request> {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  static final int GENERATED_PASSWORD_LENGTH = 24;

  record Request(String instanceId, String username, String password, boolean generated, boolean permRead,
                 boolean permWrite, String remark) {
    @Override
    public String toString() {
      return "CreateMQTTUser[" + instanceId + "/" + username + "]";
    }
  }

  @Override
  public Request read(Params params) {
    String instanceId = params.requiredNonEmptyString("InstanceId");
    String remark = params.string("Remark").orElse("");
    boolean permWrite = params.requiredBoolean("PermWrite");
    boolean permRead = params.requiredBoolean("PermRead");
    String username = Names.username("Username", params.requiredString("Username"));
    String password = params.string("Password").orElse("");
    boolean generated = password.isEmpty();
    return new Request(instanceId, username, generated ? generatePassword() : password, generated, permRead,
        permWrite, remark);
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.instance(request.instanceId())
        .compose(i -> call.await(CompletableFuture.supplyAsync(() -> MqttUser.create(i.instanceId(),
            request.username(), request.password(), request.permRead(), request.permWrite(), request.remark(),
            System.currentTimeMillis()), call.control().workerExecutor())))
        .compose(user -> call.await(call.control().users().create(user)))
        .map(created -> {
          if (!created) {
            throw TencentErrors.alreadyExists("user", request.username());
          }
          return request.generated() ? new JsonObject().put("Password", request.password()) : new JsonObject();
        });
  }

  private static String generatePassword() {
    StringBuilder sb = new StringBuilder(GENERATED_PASSWORD_LENGTH);
    for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) {
      sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
    }
    return sb.toString();
  }
}

package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.control.tenant.Instance;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.Set;

/**
 * A new instance of the caller's tenant, id {@code mqtt-} and 8 random characters. InstanceType must be one of the
 * cloud's; it, SkuCode and the purchase options (tags, VPCs, public access, renewal) are accepted and not kept: a
 * self-hosted instance has no edition (see {@link InstanceFields}). Only a credential of the whole tenant may create.
 */
final class CreateMQTTInstance implements TrocketAction<CreateMQTTInstance.Request> {

  static final Set<String> INSTANCE_TYPES = Set.of("EXPERIMENT", "BASIC", "PRO", "PLATINUM");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  record Request(String name, String remark) {
  }

  @Override
  public Request read(Params params) {
    String type = params.requiredString("InstanceType");
    if (!INSTANCE_TYPES.contains(type)) {
      throw TencentErrors.invalidParameterValue("InstanceType", "must be one of EXPERIMENT, BASIC, PRO, PLATINUM");
    }
    String name = Names.instanceName("Name", params.requiredString("Name"));
    params.string("SkuCode");
    params.accept("TagList", "VpcList", "EnablePublic", "Bandwidth", "IpRules", "RenewFlag", "TimeSpan");
    return new Request(name, params.string("Remark").orElse(""));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    if (!call.scope().wholeTenant()) {
      return Future.failedFuture(TencentErrors.unauthorizedOperation("create instances: it is limited to one instance"));
    }
    Instance proposed = new Instance(newId(), call.scope().tenantId(), request.name(), request.remark(), false,
        System.currentTimeMillis());
    return call.await(call.control().tenants().createInstanceIfAbsent(proposed)).compose(stored -> stored.equals(proposed)
        ? Future.succeededFuture(new JsonObject().put("InstanceId", proposed.instanceId()))
        : execute(call, request)); // the id was taken: draw another
  }

  private static String newId() {
    StringBuilder id = new StringBuilder("mqtt-");
    for (int i = 0; i < 8; i++) {
      id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
    }
    return id.toString();
  }
}

package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.control.tenant.Instance;
import io.tenantmq.gateway.tencent.InstanceFacts;
import io.vertx.core.json.JsonObject;

/**
 * How an instance reads in the trocket actions: what TenantMQ stores (id, name, remark, creation time) and the fixed
 * figures of {@link InstanceFacts}, the same in both API versions.
 */
final class InstanceFields {

  static final String VERSION = "5.0";

  private InstanceFields() {
  }

  /** The fields of {@code DescribeMQTTInstance}; {@code CreatedTime} in seconds (API-NOTES §2.1). */
  static JsonObject describe(Instance i, long topicNum) {
    return new JsonObject()
        .put("InstanceType", InstanceFacts.INSTANCE_TYPE)
        .put("InstanceId", i.instanceId())
        .put("InstanceName", i.name())
        .put("TopicNum", topicNum)
        .put("TopicNumLimit", InstanceFacts.TOPIC_NUM_LIMIT)
        .put("TpsLimit", InstanceFacts.TPS_LIMIT)
        .put("CreatedTime", i.createdAtMillis() / 1000)
        .put("Remark", i.remark())
        .put("InstanceStatus", InstanceFacts.INSTANCE_STATUS)
        .put("SkuCode", InstanceFacts.SKU_CODE)
        .put("SubscriptionNumLimit", InstanceFacts.SUBSCRIPTION_NUM_LIMIT)
        .put("ClientNumLimit", InstanceFacts.CLIENT_NUM_LIMIT);
  }

  /**
   * An {@code MQTTInstanceItem} of {@code DescribeMQTTInstanceList}; its {@code CreateTime} is in milliseconds, as the
   * same item of the successor API documents (the 2023-03-08 model gives no unit).
   */
  static JsonObject item(Instance i, long topicNum) {
    return new JsonObject()
        .put("InstanceId", i.instanceId())
        .put("InstanceName", i.name())
        .put("Version", VERSION)
        .put("InstanceType", InstanceFacts.INSTANCE_TYPE)
        .put("InstanceStatus", InstanceFacts.INSTANCE_STATUS)
        .put("TopicNumLimit", InstanceFacts.TOPIC_NUM_LIMIT)
        .put("Remark", i.remark())
        .put("TopicNum", topicNum)
        .put("SkuCode", InstanceFacts.SKU_CODE)
        .put("TpsLimit", InstanceFacts.TPS_LIMIT)
        .put("CreateTime", i.createdAtMillis())
        .put("SubscriptionNumLimit", InstanceFacts.SUBSCRIPTION_NUM_LIMIT)
        .put("ClientNumLimit", InstanceFacts.CLIENT_NUM_LIMIT);
  }
}

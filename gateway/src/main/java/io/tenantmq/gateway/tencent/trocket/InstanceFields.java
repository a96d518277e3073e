package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.control.tenant.Instance;
import io.vertx.core.json.JsonObject;

/**
 * How an instance reads in the trocket actions. TenantMQ keeps an instance's id, name, remark and creation time;
 * the cloud's purchase attributes, which a self-hosted instance does not have, are fixed values (documented here, the
 * same for every instance) so that SDK callers that read them find numbers: every instance is a RUNNING "PRO"
 * instance, and the limits below are what this version promises to report, not quotas it enforces.
 */
final class InstanceFields {

  static final String INSTANCE_TYPE = "PRO";
  static final String INSTANCE_STATUS = "RUNNING";
  static final String SKU_CODE = "pro_tenantmq";
  static final String VERSION = "5.0";
  static final long TOPIC_NUM_LIMIT = 10_000;
  static final long TPS_LIMIT = 10_000;
  static final long SUBSCRIPTION_NUM_LIMIT = 100_000;
  static final long CLIENT_NUM_LIMIT = 100_000;

  private InstanceFields() {
  }

  /** The fields of {@code DescribeMQTTInstance}; {@code CreatedTime} in seconds (API-NOTES §2.1). */
  static JsonObject describe(Instance i, long topicNum) {
    return new JsonObject()
        .put("InstanceType", INSTANCE_TYPE)
        .put("InstanceId", i.instanceId())
        .put("InstanceName", i.name())
        .put("TopicNum", topicNum)
        .put("TopicNumLimit", TOPIC_NUM_LIMIT)
        .put("TpsLimit", TPS_LIMIT)
        .put("CreatedTime", i.createdAtMillis() / 1000)
        .put("Remark", i.remark())
        .put("InstanceStatus", INSTANCE_STATUS)
        .put("SkuCode", SKU_CODE)
        .put("SubscriptionNumLimit", SUBSCRIPTION_NUM_LIMIT)
        .put("ClientNumLimit", CLIENT_NUM_LIMIT);
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
        .put("InstanceType", INSTANCE_TYPE)
        .put("InstanceStatus", INSTANCE_STATUS)
        .put("TopicNumLimit", TOPIC_NUM_LIMIT)
        .put("Remark", i.remark())
        .put("TopicNum", topicNum)
        .put("SkuCode", SKU_CODE)
        .put("TpsLimit", TPS_LIMIT)
        .put("CreateTime", i.createdAtMillis())
        .put("SubscriptionNumLimit", SUBSCRIPTION_NUM_LIMIT)
        .put("ClientNumLimit", CLIENT_NUM_LIMIT);
  }
}

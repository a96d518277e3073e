package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.control.tenant.Instance;
import io.tenantmq.gateway.tencent.InstanceFacts;
import io.vertx.core.json.JsonObject;

/**
 * An instance in the two shapes of 2024-05-16. Both carry the same facts; the SDK models differ in names and units:
 * <pre>
 * DescribeInstanceResponse: InstanceType String (BASIC | PRO | PLATINUM) · InstanceId · InstanceName · TopicNum Long
 *   TopicNumLimit Long · TpsLimit Long · CreatedTime Long (SECONDS) · Remark · InstanceStatus String (RUNNING, …)
 *   SkuCode · MaxSubscriptionPerClient Long · AuthorizationPolicyLimit Long · ClientNumLimit Long
 *   DeviceCertificateProvisionType String (JITP | API) · AutomaticActivation Boolean · RenewFlag Long (1 | 0)
 *   PayMode String (POSTPAID | PREPAID) · ExpiryTime Long (ms) · DestroyTime Long (ms) · X509Mode String (TLS | mTLS |
 *   BYOC) · MaxCaNum Long · RegistrationCode String · MaxSubscription Long · AuthorizationPolicy Boolean
 *   SharedSubscriptionGroupLimit Long · MaxTopicFilterPerSharedSubscriptionGroup Long · AutoSubscriptionPolicyLimit
 *   Long · MaxTopicFilterPerAutoSubscriptionPolicy Long · UseDefaultServerCert Boolean · TrustedCaLimit Long
 *   ServerCertLimit Long · TopicPrefixSlashLimit Long · MessageRate Long (messages/s per client)
 *   TransportLayerSecurity String ("TLSv1.3,TLSv1.2") · MessageEnrichmentRuleLimit Long · BlockRuleLimit Long
 *   DeleteProtect Boolean · EventDialect String (V1 | V2 | V3) · HashMessagePolicy String (TOPIC_NAME | CLIENT_ID)
 * MQTTInstanceItem (DescribeInstanceList): InstanceId · InstanceName · Version String · InstanceType · InstanceStatus
 *   TopicNumLimit · Remark · TopicNum · SkuCode · TpsLimit · CreateTime Long (MILLISECONDS) · MaxSubscriptionPerClient
 *   ClientNumLimit · RenewFlag · PayMode · ExpiryTime (ms) · DestroyTime (ms) · AuthorizationPolicyLimit · MaxCaNum
 *   MaxSubscription · SharedSubscriptionGroupLimit · MaxTopicFilterPerSharedSubscriptionGroup
 *   AutoSubscriptionPolicyLimit · MaxTopicFilterPerAutoSubscriptionPolicy · DeleteProtect Boolean
 * </pre>
 * A self-hosted instance is always {@code RUNNING}, pay-as-you-go ({@code POSTPAID}, no expiry: times 0) and has no
 * device-certificate, CA or policy-rule features (their limits are 0). Per-instance quotas do not exist yet:
 * the limits are the fixed figures of {@link InstanceFacts}, shared with the 2023-03-08 actions.
 */
final class InstanceJson {

  static final String VERSION = "1.0";

  private InstanceJson() {
  }

  /** The fields of {@code DescribeInstanceResponse}. */
  static JsonObject describe(Instance instance, long topicNum) {
    return common(instance, topicNum)
        .put("CreatedTime", instance.createdAtMillis() / 1000)
        .put("DeviceCertificateProvisionType", "API")
        .put("AutomaticActivation", false)
        .put("X509Mode", "TLS")
        .put("RegistrationCode", "")
        .put("AuthorizationPolicy", false)
        .put("UseDefaultServerCert", true)
        .put("TrustedCaLimit", 0L)
        .put("ServerCertLimit", 0L)
        .put("TopicPrefixSlashLimit", 8L)
        .put("MessageRate", InstanceFacts.TPS_LIMIT)
        .put("TransportLayerSecurity", "TLSv1.3,TLSv1.2")
        .put("MessageEnrichmentRuleLimit", 0L)
        .put("BlockRuleLimit", 0L)
        .put("EventDialect", "V3")
        .put("HashMessagePolicy", "TOPIC_NAME");
  }

  /** An {@code MQTTInstanceItem}. */
  static JsonObject item(Instance instance, long topicNum) {
    return common(instance, topicNum)
        .put("Version", VERSION)
        .put("CreateTime", instance.createdAtMillis());
  }

  private static JsonObject common(Instance instance, long topicNum) {
    return new JsonObject()
        .put("InstanceId", instance.instanceId())
        .put("InstanceName", instance.name())
        .put("InstanceType", InstanceFacts.INSTANCE_TYPE)
        .put("InstanceStatus", InstanceFacts.INSTANCE_STATUS)
        .put("Remark", instance.remark())
        .put("TopicNum", topicNum)
        .put("TopicNumLimit", InstanceFacts.TOPIC_NUM_LIMIT)
        .put("TpsLimit", InstanceFacts.TPS_LIMIT)
        .put("SkuCode", InstanceFacts.SKU_CODE)
        .put("ClientNumLimit", InstanceFacts.CLIENT_NUM_LIMIT)
        .put("MaxSubscriptionPerClient", InstanceFacts.MAX_SUBSCRIPTION_PER_CLIENT)
        .put("MaxSubscription", InstanceFacts.CLIENT_NUM_LIMIT * InstanceFacts.MAX_SUBSCRIPTION_PER_CLIENT)
        .put("RenewFlag", 0L)
        .put("PayMode", InstanceFacts.PAY_MODE)
        .put("ExpiryTime", 0L)
        .put("DestroyTime", 0L)
        .put("AuthorizationPolicyLimit", 0L)
        .put("MaxCaNum", 0L)
        // shared subscriptions count against the subscriptions of a client, nothing else bounds them
        .put("SharedSubscriptionGroupLimit", InstanceFacts.MAX_SUBSCRIPTION_PER_CLIENT)
        .put("MaxTopicFilterPerSharedSubscriptionGroup", InstanceFacts.MAX_SUBSCRIPTION_PER_CLIENT)
        .put("AutoSubscriptionPolicyLimit", 0L)
        .put("MaxTopicFilterPerAutoSubscriptionPolicy", 0L)
        .put("DeleteProtect", false);
  }
}

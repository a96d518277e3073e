package io.tenantmq.gateway.tencent;

/**
 * What both Tencent API versions report about any instance beyond what TenantMQ stores (id, name, remark, creation
 * time): the cloud's purchase attributes, which a self-hosted instance does not have. One set of figures, so that a back
 * end reading an instance through 2023-03-08 and through 2024-05-16 sees the same instance. They are what this version
 * promises to report, not quotas: only {@link #TOPIC_NUM_LIMIT} is enforced (by the topic-creating actions of 2024-05-16).
 */
public final class InstanceFacts {

  public static final String INSTANCE_TYPE = "PRO";
  public static final String INSTANCE_STATUS = "RUNNING";
  /** Pay-as-you-go, never expiring. */
  public static final String PAY_MODE = "POSTPAID";
  public static final String SKU_CODE = "pro_tenantmq";
  public static final long TOPIC_NUM_LIMIT = 10_000;
  public static final long TPS_LIMIT = 10_000;
  public static final long CLIENT_NUM_LIMIT = 100_000;
  public static final long SUBSCRIPTION_NUM_LIMIT = 100_000;
  public static final long MAX_SUBSCRIPTION_PER_CLIENT = 100;

  private InstanceFacts() {
  }
}

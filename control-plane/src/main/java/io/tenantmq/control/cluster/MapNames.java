package io.tenantmq.control.cluster;

/** Names of the Hazelcast structures TenantMQ shares across the cluster, in one place. */
public final class MapNames {
  /** {@code ClientKey → ClientRecord}: who is connected where. */
  public static final String CLIENTS = "tenantmq.clients";
  /** {@code RouteKey → nodes}: which nodes have subscribers for a topic filter of an instance. */
  public static final String ROUTES = "tenantmq.routes";
  /** {@code RetainKey → RetainedMessage}. */
  public static final String RETAINED = "tenantmq.retained";
  /** {@code tenantId → Tenant}. */
  public static final String TENANTS = "tenantmq.tenants";
  /** {@code instanceId → Instance}. */
  public static final String INSTANCES = "tenantmq.instances";
  /** {@code credentialId → Credential}: SecretIds, AccessKeyIds, API keys, with sealed or hashed secrets. */
  public static final String CREDENTIALS = "tenantmq.credentials";
  /** {@code UserKey → MqttUser}. */
  public static final String MQTT_USERS = "tenantmq.mqtt-users";
  /** {@code instanceId → InstanceAcl}: each instance's ordered topic ACL rules. */
  public static final String ACL = "tenantmq.acl";
  /** {@code TopicKey → MqttTopic}: topics declared through the APIs. */
  public static final String TOPICS = "tenantmq.topics";
  /** {@code ClientKey → persisted session state} of persistent sessions (subscriptions, queued messages). */
  public static final String SESSIONS = "tenantmq.sessions";
  /** {@code BanKey → Ban}: client ids, user names and addresses that may not connect. */
  public static final String BANS = "tenantmq.bans";
  /** {@code TokenDigest → AccessToken}: Aliyun-style access tokens, by a digest of the token. */
  public static final String TOKENS = "tenantmq.tokens";
  /**
   * {@code (instanceId, consumer group, consumer id) → offsets and leases} of the event streams' consumer groups;
   * changed only by entry processors.
   */
  public static final String EVENT_CONSUMERS = "tenantmq.event-consumers";
  /**
   * {@code (AccessKeyId, SignatureNonce) → first use}: the nonces of Alibaba Cloud RPC calls seen within the timestamp
   * window, each kept only as long as its request could be replayed (per-entry TTL); in memory only.
   */
  public static final String ALIYUN_RPC_NONCES = "tenantmq.aliyun-rpc-nonces";
  /**
   * {@code ClientKey → will} of each live connection that has one (with its channelId), so that a survivor can
   * publish the wills of a crashed node's connections; in memory only.
   */
  public static final String WILLS = "tenantmq.wills";
  /** {@code node → time} a survivor finished reporting the connections of a departed node; in memory only. */
  public static final String NODE_SWEEPS = "tenantmq.node-sweeps";
  /** {@code instanceId → InstanceQuotas}: the quotas configured for each instance. */
  public static final String QUOTAS = "tenantmq.quotas";
  /**
   * {@code (instanceId, node) → usage}: each node's connections and message rate of each instance, so that the other
   * nodes enforce cluster-wide quotas; entries expire unless refreshed; in memory only.
   */
  public static final String QUOTA_USAGE = "tenantmq.quota-usage";
  /** Small cluster-wide settings, such as the demo tenant created once per cluster. */
  public static final String CLUSTER_SETTINGS = "tenantmq.cluster-settings";
  /**
   * Small cluster-wide values that must never reach the durable store, such as the agreed key that seals the stored
   * secrets (a key stored beside what it seals would protect nothing).
   */
  public static final String CLUSTER_RUNTIME = "tenantmq.cluster-runtime";

  /** Member attribute carrying the TenantMQ node name of a Hazelcast member. */
  public static final String NODE_NAME_ATTRIBUTE = "tenantmq.node";

  private MapNames() {
  }
}

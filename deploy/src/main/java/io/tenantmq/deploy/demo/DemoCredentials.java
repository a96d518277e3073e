package io.tenantmq.deploy.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;

/**
 * What {@code demo-credentials.json} holds. Its shape is part of the contract (DESIGN.md): the ids of the demo tenant
 * and its instance, then one section per feature that has credentials; a section is absent (not null) until its
 * feature exists. {@link #toString()} leaves every secret out.
 *
 * @param tencent  a SecretId/SecretKey of the demo tenant for the signed Tencent-style API
 * @param mqtt     an MQTT user of the demo instance that may publish and subscribe
 * @param admin    the operator token of the admin API in force when the file was written
 * @param emqx     an API key of the demo instance for the EMQX-style REST API (HTTP Basic)
 * @param aliyun   an AccessKey of the demo tenant (every instance) for the Alibaba Cloud-style signatures (MQTT
 *                 Signature mode, the token server, {@code /route/clientId/get})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DemoCredentials(String tenantId, String instanceId, Tencent tencent, Mqtt mqtt, Admin admin,
                              Emqx emqx, Aliyun aliyun) implements Serializable {

  /** The Tencent Cloud region the demo's signed requests name; TenantMQ serves every region alike. */
  public static final String TENCENT_REGION = "ap-guangzhou";

  public DemoCredentials(String tenantId, String instanceId) {
    this(tenantId, instanceId, null, null, null, null, null);
  }

  /** This one, with every section it lacks taken from {@code other}. */
  public DemoCredentials completedWith(DemoCredentials other) {
    return new DemoCredentials(
        tenantId != null ? tenantId : other.tenantId,
        instanceId != null ? instanceId : other.instanceId,
        tencent != null ? tencent : other.tencent,
        mqtt != null ? mqtt : other.mqtt,
        admin != null ? admin : other.admin,
        emqx != null ? emqx : other.emqx,
        aliyun != null ? aliyun : other.aliyun);
  }

  public DemoCredentials withAdmin(Admin newAdmin) {
    return new DemoCredentials(tenantId, instanceId, tencent, mqtt, newAdmin, emqx, aliyun);
  }

  @Override
  public String toString() {
    return "DemoCredentials[" + tenantId + "/" + instanceId + (tencent == null ? "" : " " + tencent.secretId()) + "]";
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Tencent(String secretId, String secretKey, String region) implements Serializable {
    @Override
    public String toString() {
      return "Tencent[" + secretId + "]";
    }
  }

  public record Mqtt(String username, String password) implements Serializable {
    @Override
    public String toString() {
      return "Mqtt[" + username + "]";
    }
  }

  public record Emqx(String apiKey, String apiSecret) implements Serializable {
    @Override
    public String toString() {
      return "Emqx[" + apiKey + "]";
    }
  }

  public record Aliyun(String accessKeyId, String accessKeySecret) implements Serializable {
    @Override
    public String toString() {
      return "Aliyun[" + accessKeyId + "]";
    }
  }

  public record Admin(String token) implements Serializable {
    @Override
    public String toString() {
      return "Admin[****]";
    }
  }
}

package io.tenantmq.gateway.emqx.v4;

/** The return codes of EMQX v4's management API ({@code emqx_mgmt.hrl}); those TenantMQ answers. */
public enum V4Code {
  SUCCESS(0),
  /** A call to another node failed. */
  BADRPC(101),
  UNKNOWN(102),
  MISSING_PARAM(107),
  PARAM_TYPE(108),
  PARAM_NOT_JSON(109),
  CLIENT_NOT_ONLINE(112),
  BAD_TOPIC(115),
  BAD_QOS(116);

  private final int code;

  V4Code(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}

package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;

/** The optional {@code Remark} of users and topics: free text of at most 128 characters, "" when absent. */
final class Remarks {

  static final int MAX_LENGTH = 128;

  private Remarks() {
  }

  static String read(Params params) {
    String remark = params.string("Remark").orElse("");
    if (remark.length() > MAX_LENGTH) {
      throw TencentErrors.invalidParameterValue("Remark", "must be at most " + MAX_LENGTH + " characters");
    }
    return remark;
  }
}

package io.tenantmq.gateway.aliyun.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading {@code ClientIdList.N}. */
class BatchQuerySessionByClientIdsTest {

  @Test
  void idsComeInTheOrderOfTheirIndexNotOfTheirNames() {
    RpcParams params = new RpcParams(Map.of("InstanceId", "i", "ClientIdList.10", "ten", "ClientIdList.2", "two",
        "ClientIdList.1", "one"));
    assertThat(BatchQuerySessionByClientIds.clientIds(params)).containsExactly("one", "two", "ten");
  }

  @Test
  void indexAboveTenOrMalformedIsInvalid() {
    for (String name : new String[] {"ClientIdList.11", "ClientIdList.0", "ClientIdList.x", "ClientIdList",
        "ClientIdList.01"}) {
      assertThatThrownBy(() -> BatchQuerySessionByClientIds.clientIds(new RpcParams(Map.of(name, "a"))))
          .as(name).isInstanceOfSatisfying(OnsMqttException.class,
              e -> assertThat(e.code()).isEqualTo("InvalidParameter.ClientIdList"));
    }
  }

  @Test
  void noIdIsMissingClientIdList() {
    assertThatThrownBy(() -> BatchQuerySessionByClientIds.clientIds(new RpcParams(Map.of("InstanceId", "i"))))
        .isInstanceOfSatisfying(OnsMqttException.class, e -> assertThat(e.code()).isEqualTo("MissingClientIdList"));
  }
}

package io.tenantmq.signing.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Vectors T4 and T5 of API-NOTES, and the parameter rules of §3.3. */
class AliyunHmacTest {

  @Test
  void signatureModePasswordIsVectorT4() {
    assertThat(AliyunHmac.mqttPassword("XXXXX", "GID_Test@@@0001")).isEqualTo("vI009IZJZVGRwBwZvnbwjfuXxVM=");
    assertThat(AliyunUsername.parse("Signature|YYYYY|mqtt-xxxxx"))
        .hasValue(new AliyunUsername(AliyunUsername.Mode.SIGNATURE, "YYYYY", "mqtt-xxxxx"));
  }

  @Test
  void onlineQuerySignatureIsVectorT5() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    // in the order the demo sends them: the signature sorts them itself
    params.put("accessKey", List.of("YYYYY"));
    params.put("resource", List.of("GID_Test@@@0001"));
    params.put("timestamp", List.of("1711444795304"));
    params.put("instanceId", List.of("mqtt-xxxxx"));
    assertThat(AliyunHmac.stringToSign(params))
        .isEqualTo("accessKey=YYYYY&instanceId=mqtt-xxxxx&resource=GID_Test@@@0001&timestamp=1711444795304");
    String signature = AliyunHmac.paramSignature("XXXXX", params);
    assertThat(signature).isEqualTo("QVl/WzA5WVA+6Ezq9jQwORKPA7M=");
    assertThat(AliyunHmac.matches(signature, "QVl/WzA5WVA+6Ezq9jQwORKPA7M=")).isTrue();
    assertThat(AliyunHmac.matches(signature, "QVl/WzA5WVA+6Ezq9jQwORKPA7N=")).isFalse();
    assertThat(AliyunHmac.matches(signature, null)).isFalse();
  }

  @Test
  void multiValuedParametersAreSortedAndCommaJoined() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("resources", List.of("t/b", "t/a"));
    params.put("actions", List.of("W", "R"));
    assertThat(AliyunHmac.stringToSign(params)).isEqualTo("actions=R,W&resources=t/a,t/b");
  }

  @Test
  void otherUsernamesAreNotAliyunOnes() {
    assertThat(AliyunUsername.parse("demo")).isEmpty();
    assertThat(AliyunUsername.parse("demo@mqtt-1")).isEmpty();
    assertThat(AliyunUsername.parse("Signature|AK")).isEmpty();
    assertThat(AliyunUsername.parse("Signature||mqtt-1")).isEmpty();
    assertThat(AliyunUsername.parse("Password|AK|mqtt-1")).isEmpty();
    assertThat(AliyunUsername.parse("Token|AK|mqtt-1"))
        .hasValue(new AliyunUsername(AliyunUsername.Mode.TOKEN, "AK", "mqtt-1"));
  }
}

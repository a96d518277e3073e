package io.tenantmq.sdk.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the token server and the online check are sent: vector T5 of API-NOTES, byte for byte. */
class FormParamsTest {

  @Test
  void onlineCheckQueryIsVectorT5() {
    FormParams query = new FormParams()
        .put("accessKey", "YYYYY")
        .put("resource", "GID_Test@@@0001")
        .put("timestamp", "1711444795304")
        .put("instanceId", "mqtt-xxxxx")
        .sign("XXXXX");

    assertThat(query.encoded()).isEqualTo("accessKey=YYYYY&resource=GID_Test%40%40%400001&timestamp=1711444795304"
        + "&instanceId=mqtt-xxxxx&signature=QVl%2FWzA5WVA%2B6Ezq9jQwORKPA7M%3D");
  }

  @Test
  void parametersAddedAfterSigningAreSentButNotSigned() {
    String signedOnly = new FormParams().put("token", "a+b/c=").sign("XXXXX").encoded();
    FormParams revoke = new FormParams().put("token", "a+b/c=").sign("XXXXX").put("accessKey", "YYYYY");

    assertThat(revoke.encoded()).isEqualTo(signedOnly + "&accessKey=YYYYY").startsWith("token=a%2Bb%2Fc%3D&");
  }

  @Test
  void tokenResourcesAreSortedAndCommaJoined() {
    assertThat(TokenServerApi.resourceList(List.of("t/b", "t/a/#", "t/+")))
        .isEqualTo("t/+,t/a/#,t/b");
  }
}

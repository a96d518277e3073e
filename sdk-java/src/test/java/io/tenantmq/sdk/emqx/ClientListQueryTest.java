package io.tenantmq.sdk.emqx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientListQueryTest {

  @Test
  void everyFilterIsSentUnderEmqxsNameWithRepeatedIdsEncodedValuesAndEpochMillis() {
    ClientListQuery query = ClientListQuery.builder()
        .node("emqx@127.0.0.1").clientId("c 1", "c/2").clientId("c 1").username("u&1").ipAddress("10.0.0.1")
        .connState(ConnState.DISCONNECTED).cleanStart(false).protoVer(5).likeClientId("dev+").likeUsername("al")
        .gteCreatedAt(Instant.ofEpochMilli(1)).lteCreatedAt(Instant.ofEpochMilli(2))
        .gteConnectedAt(Instant.ofEpochMilli(3)).lteConnectedAt(Instant.ofEpochMilli(4))
        .fields("clientid", "recv_msg.qos1").build();

    assertThat(query.appendTo(new QueryString().add("page", 2)).encoded()).isEqualTo("?page=2"
        + "&node=emqx%40127.0.0.1&clientid=c%201&clientid=c%2F2&username=u%261&ip_address=10.0.0.1"
        + "&conn_state=disconnected&clean_start=false&proto_ver=5&like_clientid=dev%2B&like_username=al"
        + "&gte_created_at=1&lte_created_at=2&gte_connected_at=3&lte_connected_at=4&fields=clientid%2Crecv_msg.qos1");
    assertThat(ClientListQuery.ALL.appendTo(new QueryString()).encoded()).isEmpty();
  }

  @Test
  void badFiltersAreRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> ClientListQuery.builder().protoVer(6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClientListQuery.builder().clientId("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClientListQuery.builder().fields("a,b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void endpointGainsTheApiPathOnceAndSegmentsAreEncoded() {
    assertThat(new EmqxClientOptions().setEndpoint("http://h:18083").getBaseUri().toString())
        .isEqualTo("http://h:18083/api/v5");
    assertThat(new EmqxClientOptions().setEndpoint("https://x.emqxsl.com:8443/api/v5/").getBaseUri().toString())
        .isEqualTo("https://x.emqxsl.com:8443/api/v5");
    assertThat(new EmqxClientOptions().setEndpoint("http://h/prefix").getBaseUri().toString())
        .isEqualTo("http://h/prefix/api/v5");
    assertThatThrownBy(() -> new EmqxClientOptions().setEndpoint("ftp://h")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EmqxClientOptions().setApiKey("a:b")).isInstanceOf(IllegalArgumentException.class);
    assertThat(EmqxStyleClient.segment("a b/c+d#e")).isEqualTo("a%20b%2Fc%2Bd%23e");
  }

  @Test
  void errorBodiesBecomeExceptionsWithStatusCodeAndReasonCode() {
    EmqxApiException notFound = EmqxStyleClient.error(404,
        "{\"code\":\"CLIENTID_NOT_FOUND\",\"message\":\"Client ID not found\"}".getBytes());
    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.code()).isEqualTo("CLIENTID_NOT_FOUND");
    assertThat(notFound.getMessage()).isEqualTo("Client ID not found");
    assertThat(notFound.reasonCode()).isNull();
    EmqxApiException topic = EmqxStyleClient.error(400, "{\"reason_code\":144,\"message\":\"topic_name_invalid\"}"
        .getBytes());
    assertThat(topic.code()).isEqualTo(EmqxApiException.PUBLISH_ERROR);
    assertThat(topic.reasonCode()).isEqualTo(144);
    assertThat(EmqxStyleClient.error(502, "<html>bad gateway</html>".getBytes()).code())
        .isEqualTo(EmqxApiException.UNEXPECTED_RESPONSE);
  }
}

package io.tenantmq.gateway.aliyun.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ReplyFormatTest {

  @Test
  void formatIsJsonByDefaultAndCaseInsensitive() {
    assertThat(ReplyFormat.of(null)).isEqualTo(ReplyFormat.JSON);
    assertThat(ReplyFormat.of("json")).isEqualTo(ReplyFormat.JSON);
    assertThat(ReplyFormat.of("XML")).isEqualTo(ReplyFormat.XML);
    assertThat(ReplyFormat.of("yaml")).isNull();
  }

  @Test
  void xmlRepeatsArrayElementsUnderTheArrayNameAndEscapesText() {
    JsonObject body = new JsonObject()
        .put("OnlineStatusList", new JsonArray()
            .add(new JsonObject().put("ClientId", "GID_a@@@<1>&").put("OnlineStatus", true))
            .add(new JsonObject().put("ClientId", "b").put("OnlineStatus", false)))
        .put("RequestId", "R");
    assertThat(ReplyFormat.XML.render("BatchQuerySessionByClientIdsResponse", body)).isEqualTo(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><BatchQuerySessionByClientIdsResponse>"
            + "<OnlineStatusList><ClientId>GID_a@@@&lt;1&gt;&amp;</ClientId><OnlineStatus>true</OnlineStatus>"
            + "</OnlineStatusList><OnlineStatusList><ClientId>b</ClientId><OnlineStatus>false</OnlineStatus>"
            + "</OnlineStatusList><RequestId>R</RequestId></BatchQuerySessionByClientIdsResponse>");
  }

  @Test
  void jsonIsTheBodyAsIs() {
    assertThat(ReplyFormat.JSON.render("Ignored", new JsonObject().put("OnlineStatus", true)))
        .isEqualTo("{\"OnlineStatus\":true}");
  }
}

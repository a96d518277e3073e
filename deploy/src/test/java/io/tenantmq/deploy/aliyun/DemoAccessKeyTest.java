package io.tenantmq.deploy.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.tenantmq.deploy.demo.DemoFile;
import io.tenantmq.signing.aliyun.AliyunHmac;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code aliyun} section of {@code demo-credentials.json} is an AccessKey the node accepts. */
class DemoAccessKeyTest {

  @TempDir
  static Path dataDir;
  static AliyunNode aliyun;

  @BeforeAll
  static void start() throws Exception {
    aliyun = new AliyunNode(dataDir);
  }

  @AfterAll
  static void stop() throws Exception {
    if (aliyun != null) {
      aliyun.close();
    }
  }

  @Test
  void demoFilesAccessKeyLogsADeviceInAndSignsItsOnlineCheckAndATokenApply() throws Exception {
    JsonNode demo = new ObjectMapper().readTree(dataDir.resolve(DemoFile.FILE_NAME).toFile());
    AliyunHttp fromFile = new AliyunHttp(aliyun.httpPort, demo.at("/aliyun/accessKeyId").asText(),
        demo.at("/aliyun/accessKeySecret").asText());
    String instanceId = demo.get("instanceId").asText();
    String clientId = "GID_demo@@@" + AliyunNode.shortId();

    // a device logs in in Signature mode with the same AccessKey
    Mqtt3BlockingClient client = aliyun.mqtt3(clientId);
    client.connectWith().simpleAuth()
        .username("Signature|" + fromFile.accessKeyId() + "|" + instanceId)
        .password(AliyunHmac.mqttPassword(fromFile.secret(), clientId).getBytes(StandardCharsets.UTF_8))
        .applySimpleAuth().send();
    try {
      AliyunHttp.Answer answer = fromFile.routeGet(instanceId, clientId);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.json().getInteger("online")).isEqualTo(1);
    } finally {
      client.disconnect();
    }
    // and it applies for tokens of the demo instance
    assertThat(fromFile.applyToken(instanceId, "R", "demo/#", System.currentTimeMillis() + 3600_000).status())
        .isEqualTo(200);
  }
}

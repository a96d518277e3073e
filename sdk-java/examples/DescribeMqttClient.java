// A tenant's back end asking TenantMQ about one device, with the Java SDK. Runs as a single source file:
//   java -cp sdk-java/target/tenantmq-sdk.jar sdk-java/examples/DescribeMqttClient.java \
//     ENDPOINT SECRET_ID SECRET_KEY INSTANCE_ID CLIENT_ID
import io.tenantmq.sdk.tencent.TencentApiException;
import io.tenantmq.sdk.tencent.TencentClientOptions;
import io.tenantmq.sdk.tencent.TencentStyleClient;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTClientRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTClientResponse;
import java.util.concurrent.CompletionException;

public class DescribeMqttClient {
  public static void main(String[] args) {
    if (args.length != 5) {
      System.err.println("usage: DescribeMqttClient ENDPOINT SECRET_ID SECRET_KEY INSTANCE_ID CLIENT_ID");
      System.exit(2);
    }
    TencentStyleClient client = TencentStyleClient.create(new TencentClientOptions()
        .setEndpoint(args[0]).setSecretId(args[1]).setSecretKey(args[2]).setRegion("ap-guangzhou"));
    try {
      DescribeMQTTClientResponse c = client.trocket()
          .describeMQTTClient(new DescribeMQTTClientRequest(args[3], args[4])).join();
      System.out.printf("%s %s from %s, MQTT protocol level %d, subscriptions %s%n", c.clientId(), c.connectionStatus(),
          c.clientAddress(), c.protocolVersion(), c.mqttClientSubscriptions());
      System.out.printf("client → server: %d bytes, %d PUBLISH; server → client: %d bytes, %d PUBLISH%n",
          c.outBound().bytes(), c.outBound().count("PUBLISH"), c.inbound().bytes(), c.inbound().count("PUBLISH"));
    } catch (CompletionException e) {
      if (e.getCause() instanceof TencentApiException api) {
        System.err.println(api.code() + ": " + api.getMessage() + " (RequestId " + api.requestId() + ")");
        System.exit(1);
      }
      throw e;
    }
  }
}

// A back end written for Alibaba Cloud's MQTT service asking TenantMQ whether devices are online, with the Java SDK.
// Runs as a single source file:
//   java -cp sdk-java/target/tenantmq-sdk.jar sdk-java/examples/AliyunOnlineCheck.java \
//     ENDPOINT ACCESS_KEY_ID ACCESS_KEY_SECRET INSTANCE_ID CLIENT_ID...
// One client id is checked with GET /route/clientId/get (how many connections it has); two to ten at once with the
// OnsMqtt action BatchQuerySessionByClientIds. ENDPOINT is the node's HTTP address (http://127.0.0.1:8080).
import io.tenantmq.sdk.aliyun.AliyunApiException;
import io.tenantmq.sdk.aliyun.AliyunClientOptions;
import io.tenantmq.sdk.aliyun.AliyunStyleClient;
import io.tenantmq.sdk.aliyun.OnsMqttModels.OnlineStatus;
import io.tenantmq.sdk.aliyun.RouteStatus;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;

public class AliyunOnlineCheck {
  public static void main(String[] args) {
    if (args.length < 5 || args.length > 14) {
      System.err.println("usage: AliyunOnlineCheck ENDPOINT ACCESS_KEY_ID ACCESS_KEY_SECRET INSTANCE_ID CLIENT_ID..."
          + " (1 to 10 client ids)");
      System.exit(2);
    }
    AliyunStyleClient aliyun = AliyunStyleClient.create(new AliyunClientOptions()
        .setEndpoint(args[0]).setAccessKeyId(args[1]).setAccessKeySecret(args[2]));
    String instanceId = args[3];
    List<String> clientIds = Arrays.asList(args).subList(4, args.length);
    try {
      if (clientIds.size() == 1) {
        RouteStatus status = aliyun.routeClientIdGet(instanceId, clientIds.get(0)).join();
        System.out.println(clientIds.get(0) + ": " + (status.isOnline()
            ? "online, " + status.online() + " connection(s)" : status.online() < 0 ? "unknown, retry" : "offline"));
      } else {
        for (OnlineStatus s : aliyun.onsMqtt().batchQuerySessionByClientIds(instanceId, clientIds).join()
            .onlineStatusList()) {
          System.out.println(s.clientId() + ": " + (s.onlineStatus() ? "online" : "offline"));
        }
      }
    } catch (CompletionException e) {
      if (e.getCause() instanceof AliyunApiException api) {
        // the route check's codes: 1 missing parameter, 2 signature, 3 permission, 4 timestamp expired
        System.err.println("HTTP " + api.status() + " code " + api.code() + ": " + api.getMessage()
            + (api.requestId() == null ? "" : " (RequestId " + api.requestId() + ")"));
        System.exit(1);
      }
      throw e;
    }
  }
}

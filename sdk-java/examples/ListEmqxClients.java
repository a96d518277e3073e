// A back end written for EMQX listing an instance's connected clients through TenantMQ's EMQX API, with the Java SDK.
// Runs as a single source file:
//   java -cp sdk-java/target/tenantmq-sdk.jar sdk-java/examples/ListEmqxClients.java ENDPOINT API_KEY API_SECRET [LIKE_CLIENTID]
// ENDPOINT is the node's HTTP address (http://127.0.0.1:8080) or an EMQX URL ending in /api/v5.
import io.tenantmq.sdk.emqx.ClientListQuery;
import io.tenantmq.sdk.emqx.ConnState;
import io.tenantmq.sdk.emqx.EmqxApiException;
import io.tenantmq.sdk.emqx.EmqxClientOptions;
import io.tenantmq.sdk.emqx.EmqxStyleClient;
import java.util.concurrent.CompletionException;

public class ListEmqxClients {
  public static void main(String[] args) {
    if (args.length < 3 || args.length > 4) {
      System.err.println("usage: ListEmqxClients ENDPOINT API_KEY API_SECRET [LIKE_CLIENTID]");
      System.exit(2);
    }
    EmqxStyleClient emqx = EmqxStyleClient.create(new EmqxClientOptions()
        .setEndpoint(args[0]).setApiKey(args[1]).setApiSecret(args[2]));
    ClientListQuery.Builder query = ClientListQuery.builder().connState(ConnState.CONNECTED)
        .fields("clientid", "username", "ip_address", "proto_ver", "connected_at", "subscriptions_cnt");
    if (args.length == 4) {
      query.likeClientId(args[3]);
    }
    try {
      // every page, 100 clients to a request, by cursor: consistent while clients come and go
      long[] count = {0};
      emqx.clients().walk(query.build(), 100).forEach(c -> {
        count[0]++;
        System.out.printf("%s user=%s from %s, MQTT %d, connected at %s, %d subscription(s)%n", c.clientId(),
            c.username(), c.ipAddress(), c.protoVer(), c.connectedAt(), c.subscriptionsCnt());
      });
      System.out.println(count[0] + " connected client(s)");
    } catch (CompletionException e) {
      if (e.getCause() instanceof EmqxApiException api) {
        System.err.println("HTTP " + api.status() + " " + api.code() + ": " + api.getMessage());
        System.exit(1);
      }
      throw e;
    }
  }
}

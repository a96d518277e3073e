// A back end that keeps every client's online state from the instance's connect / tcpclean events, by Alibaba Cloud's
// channelId rules, and prints each change, with the Java SDK (EventConsumer + PresenceTracker).
// Runs as a single source file:
//   java -cp sdk-java/target/tenantmq-sdk.jar sdk-java/examples/PresenceWatch.java ENDPOINT API_KEY API_SECRET TOPIC [GROUP]
// ENDPOINT is the node's HTTP address (http://127.0.0.1:8080); API_KEY/API_SECRET an EMQX API key of the instance;
// TOPIC the instance id (every client) or <GroupID>_MQTT (the clients GroupID@@@…); GROUP the consumer group
// (default presence-watch): run it twice with the same group and the events are split, restart it and it resumes.
import io.tenantmq.sdk.emqx.EmqxApiException;
import io.tenantmq.sdk.events.ClientStatusEvent;
import io.tenantmq.sdk.events.ConsumeFrom;
import io.tenantmq.sdk.events.ConsumeStatus;
import io.tenantmq.sdk.events.EventConsumer;
import io.tenantmq.sdk.events.PresenceTracker;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

public class PresenceWatch {
  public static void main(String[] args) throws InterruptedException {
    if (args.length < 4 || args.length > 5) {
      System.err.println("usage: PresenceWatch ENDPOINT API_KEY API_SECRET TOPIC [GROUP]");
      System.exit(2);
    }
    PresenceTracker tracker = PresenceTracker.create();
    EventConsumer consumer = EventConsumer.builder()
        .endpoint(args[0]).apiKey(args[1]).apiSecret(args[2])
        .consumerGroup(args.length == 5 ? args[4] : "presence-watch")
        // disconnect is not needed: every connection ends with a tcpclean
        .subscribe(args[3], "connect||tcpclean")
        // a new group starts with what the stream still holds, so clients already online are known
        .consumeFrom(ConsumeFrom.FIRST)
        .onError(e -> {
          // wrong key or topic: the gateway's answer says which; anything else is retried with backoff
          if (e instanceof EmqxApiException api && api.status() < 500) {
            System.err.println("HTTP " + api.status() + " " + api.code() + ": " + api.getMessage());
          } else {
            System.err.println("retrying after: " + e);
          }
        })
        .build();
    consumer.registerListener(events -> {
      for (ClientStatusEvent e : events) {
        // events may come twice (at least once) or late: the tracker's answer is right either way
        if (tracker.apply(e)) {
          System.out.printf("%s %s %s (channel %s from %s%s), %d online%n", Instant.ofEpochMilli(e.time()),
              e.clientId(), tracker.isOnline(e.clientId()) ? "online" : "offline", e.channelId(), e.clientIp(),
              e.reason().isEmpty() ? "" : ", " + e.reason(), tracker.onlineCount());
        }
      }
      // acknowledged: this group will not see these events again
      return ConsumeStatus.CONSUME_SUCCESS;
    });
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      consumer.shutdown();
      stop.countDown();
    }));
    consumer.start();
    System.out.println("watching " + args[3] + "; Ctrl-C to stop");
    stop.await();
  }
}

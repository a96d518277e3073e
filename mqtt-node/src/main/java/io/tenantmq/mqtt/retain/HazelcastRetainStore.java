package io.tenantmq.mqtt.retain;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.mqtt.route.Message;
import io.tenantmq.mqtt.route.MessageCodec;
import io.tenantmq.mqtt.route.MessageProperties;
import io.tenantmq.mqtt.subscription.TopicFilter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** {@link RetainStore} on the Hazelcast map {@link MapNames#RETAINED}, indexed by instance. */
public final class HazelcastRetainStore implements RetainStore {

  private final Vertx vertx;
  private final IMap<RetainKey, RetainedMessage> retained;

  public HazelcastRetainStore(Vertx vertx, HazelcastInstance hazelcast) {
    this.vertx = vertx;
    this.retained = hazelcast.getMap(MapNames.RETAINED);
  }

  @Override
  public Future<Void> store(Message message) {
    RetainKey key = new RetainKey(message.instanceId(), message.topic());
    if (message.payload().length() == 0) {
      return Future.fromCompletionStage(retained.deleteAsync(key), vertx.getOrCreateContext()).mapEmpty();
    }
    Buffer encoded = Buffer.buffer();
    MessageCodec.encode(message, encoded);
    RetainedMessage value = new RetainedMessage(message.instanceId(), message.topic(), encoded.getBytes(),
        System.currentTimeMillis());
    return Future.fromCompletionStage(retained.setAsync(key, value), vertx.getOrCreateContext());
  }

  @Override
  public Future<List<Message>> match(String instanceId, TopicFilter filter) {
    long now = System.currentTimeMillis();
    if (!filter.wildcard()) {
      return Future.fromCompletionStage(retained.getAsync(new RetainKey(instanceId, filter.filter())),
          vertx.getOrCreateContext()).map(r -> {
            Message m = r == null ? null : decode(r);
            return m == null || m.expired(now) ? List.<Message>of() : List.of(m);
          });
    }
    // wildcard filters need every retained topic of the instance; the index keeps other instances out of it
    return vertx.executeBlocking(() -> {
      Collection<RetainedMessage> all = retained.values(Predicates.equal("instanceId", instanceId));
      List<Message> matching = new ArrayList<>();
      for (RetainedMessage r : all) {
        if (filter.matches(r.topic())) {
          Message m = decode(r);
          if (!m.expired(now)) {
            matching.add(m); // [MQTT-3.3.2-5] an expired retained message is no longer sent
          }
        }
      }
      return matching;
    }, false);
  }

  private static Message decode(RetainedMessage r) {
    Message m = MessageCodec.decode(Buffer.buffer(r.encoded()), new int[] {0});
    long expiresAt = MessageProperties.expiresAt(m.properties(), r.storedAtMillis());
    if (m.expiresAtMillis() == 0 && expiresAt != 0) {
      // stored before messages carried their expiry: it runs from when it was stored
      m = new Message(m.instanceId(), m.topic(), m.payload(), m.qos(), m.retain(), m.properties(), m.publisher(),
          expiresAt);
    }
    return m;
  }
}

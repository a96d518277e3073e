package io.tenantmq.gateway.emqx.v5;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.command.PublishCommand;
import io.tenantmq.gateway.GatewayContext;
import io.tenantmq.gateway.common.Stages;
import io.tenantmq.gateway.emqx.EmqxException;
import io.tenantmq.gateway.emqx.EmqxScope;
import io.tenantmq.gateway.emqx.MessageIds;
import io.tenantmq.gateway.emqx.Reply;
import io.tenantmq.gateway.emqx.RequestBody;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /publish} and {@code /publish/bulk}: publishes into the caller's instance as an MQTT client would, to
 * every matching subscriber on any node. As EMQX answers (emqx_mgmt_api_publish.erl, 5.8):
 * <ul>
 *   <li>200 {@code {"id"}} when a subscription matched, 202 {@code {"reason_code":16,"message":"no_matching_subscribers"}}
 *   when none did (a retained message is stored all the same), 503 {@code {"reason_code":131,"message":
 *   "failed_to_dispatch"}} when the broker could not be reached;</li>
 *   <li>400 {@code {"reason_code", "message"}} for a message the handler refuses, 400 BAD_REQUEST for one that fails
 *   the schema;</li>
 *   <li>a bulk checks every message before publishing any (one bad message refuses the batch), publishes them in order
 *   and answers one item each: 200 when all were delivered, 503 when one could not be dispatched, otherwise 202.</li>
 * </ul>
 */
final class PublishRoutes {

  /** The broker's default largest packet: a bigger message could be sent to no subscriber. */
  static final int MAX_MESSAGE_BYTES = 1024 * 1024;
  static final int RC_NO_MATCHING_SUBSCRIBERS = 0x10;
  private static final Logger LOG = LoggerFactory.getLogger(PublishRoutes.class);

  private final ControlPlane control;

  PublishRoutes(GatewayContext context) {
    this.control = context.control();
  }

  void mount(Router v5) {
    v5.post("/publish").handler(Reply.of(this::publish));
    v5.post("/publish/bulk").handler(Reply.of(this::publishBulk));
  }

  private Future<Reply> publish(RoutingContext ctx) {
    PublishCommand command;
    try {
      command = PublishRequest.read(RequestBody.object(ctx), EmqxScope.of(ctx).instanceId(), MAX_MESSAGE_BYTES);
    } catch (PublishRequest.Refused e) {
      return Future.succeededFuture(new Reply(400, e.body()));
    }
    return send(ctx, command);
  }

  private Future<Reply> publishBulk(RoutingContext ctx) {
    JsonArray items = RequestBody.array(ctx);
    String instanceId = EmqxScope.of(ctx).instanceId();
    if (items.isEmpty()) {
      // EMQX 5.8 crashes into a 500 here (a misspelt error tuple); an empty batch is the caller's mistake
      return Future.succeededFuture(new Reply(400, new PublishRequest.Refused(
          PublishRequest.RC_IMPLEMENTATION_SPECIFIC_ERROR, "empty_batch").body()));
    }
    List<PublishCommand> commands = new ArrayList<>(items.size());
    try {
      for (Object item : items) {
        if (!(item instanceof JsonObject message)) {
          throw EmqxException.badRequest("every item of a bulk publish must be a JSON object, got: " + item);
        }
        commands.add(PublishRequest.read(message, instanceId, MAX_MESSAGE_BYTES));
      }
    } catch (PublishRequest.Refused e) {
      return Future.succeededFuture(new Reply(400, e.body()));
    }
    return sendInOrder(ctx, commands, 0, new ArrayList<>()).map(PublishRoutes::bulkReply);
  }

  private Future<List<Reply>> sendInOrder(RoutingContext ctx, List<PublishCommand> commands, int index,
                                          List<Reply> done) {
    if (index == commands.size()) {
      return Future.succeededFuture(done);
    }
    return send(ctx, commands.get(index)).compose(reply -> {
      done.add(reply);
      return sendInOrder(ctx, commands, index + 1, done);
    });
  }

  private static Reply bulkReply(List<Reply> replies) {
    JsonArray body = new JsonArray();
    replies.forEach(r -> body.add(r.body()));
    boolean all200 = replies.stream().allMatch(r -> r.status() == 200);
    boolean failed = replies.stream().anyMatch(r -> r.status() == 503);
    return new Reply(all200 ? 200 : failed ? 503 : 202, body);
  }

  /** One message's outcome; never a failed future. */
  private Future<Reply> send(RoutingContext ctx, PublishCommand command) {
    return Stages.on(ctx, control.commands().publish(command))
        .map(matched -> matched > 0
            ? Reply.ok(new JsonObject().put("id", MessageIds.next()))
            : new Reply(202, new JsonObject().put("reason_code", RC_NO_MATCHING_SUBSCRIBERS)
                .put("message", "no_matching_subscribers")))
        .recover(failure -> {
          LOG.warn("EMQX API publish into instance {} could not be dispatched: {}", command.instanceId(),
              failure.toString());
          return Future.succeededFuture(new Reply(503, new JsonObject()
              .put("reason_code", PublishRequest.RC_IMPLEMENTATION_SPECIFIC_ERROR).put("message", "failed_to_dispatch")));
        });
  }
}

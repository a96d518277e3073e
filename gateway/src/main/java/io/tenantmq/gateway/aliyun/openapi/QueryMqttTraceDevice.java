package io.tenantmq.gateway.aliyun.openapi;

import io.tenantmq.control.event.ClientEvent;
import io.tenantmq.control.event.ClientEventType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The connect / disconnect / close history of one client between two times (ms), a page at a time, from the
 * instance's event stream: {@code {CurrentPage, PageSize, Total, DeviceInfoList: [{ChannelId, Time, Action,
 * ActionCode, ActionInfo}]}}. Only what the stream still keeps is answered.
 */
final class QueryMqttTraceDevice implements OnsMqttAction {

  /** Aliyun's {@code 2021-05-21 15:51:54.867}, in the server's time zone. */
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
      .withZone(ZoneId.systemDefault());
  private static final int MAX_PAGE_SIZE = 100;

  @Override
  public String name() {
    return "QueryMqttTraceDevice";
  }

  @Override
  public Future<JsonObject> execute(OnsMqttCall call) {
    RpcParams params = call.params();
    String clientId = params.required("ClientId");
    long begin = number(params, "BeginTime", true, 0);
    long end = number(params, "EndTime", true, 0);
    if (end < begin) {
      throw OnsMqttErrors.invalidParameter("EndTime", "must not be before BeginTime");
    }
    int page = (int) number(params, "CurrentPage", false, 1);
    int size = (int) number(params, "PageSize", false, 20);
    if (page < 1) {
      throw OnsMqttErrors.invalidParameter("CurrentPage", "must be 1 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw OnsMqttErrors.invalidParameter("PageSize", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    boolean reverse = Boolean.parseBoolean(params.optional("Reverse"));
    return call.await(call.control().events().history(call.instance().instanceId(), clientId, begin, end))
        .map(events -> {
          List<ClientEvent> ordered = new ArrayList<>(events);
          if (reverse) {
            Collections.reverse(ordered);
          }
          int from = (int) Math.min((long) (page - 1) * size, ordered.size());
          JsonArray list = new JsonArray();
          ordered.subList(from, Math.min(from + size, ordered.size())).forEach(e -> list.add(deviceInfo(e)));
          return new JsonObject().put("CurrentPage", page).put("PageSize", size).put("Total", ordered.size())
              .put("DeviceInfoList", list);
        });
  }

  private static JsonObject deviceInfo(ClientEvent event) {
    String action = event.type() == ClientEventType.TCPCLEAN ? "close" : event.type().tag();
    String info = event.type() == ClientEventType.CONNECT ? "accepted" : event.reason();
    return new JsonObject()
        .put("ChannelId", event.channelId())
        .put("Time", TIME.format(Instant.ofEpochMilli(event.timeMillis())))
        .put("Action", action)
        .put("ActionCode", "mqtt.trace.action." + action)
        .put("ActionInfo", info);
  }

  private static long number(RpcParams params, String name, boolean required, long fallback) {
    String text = required ? params.required(name) : params.optional(name);
    if (text == null) {
      return fallback;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw OnsMqttErrors.invalidParameter(name, "must be a whole number");
    }
  }
}

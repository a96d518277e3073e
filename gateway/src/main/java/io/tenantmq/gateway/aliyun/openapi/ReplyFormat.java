package io.tenantmq.gateway.aliyun.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The {@code Format} common parameter: JSON (the default, and what the SDKs ask for) or XML. */
enum ReplyFormat {
  JSON("application/json;charset=utf-8"),
  XML("application/xml;charset=utf-8");

  private final String contentType;

  ReplyFormat(String contentType) {
    this.contentType = contentType;
  }

  String contentType() {
    return contentType;
  }

  /** The format {@code value} asks for (case-insensitive, absent: JSON); null for any other value. */
  static ReplyFormat of(String value) {
    if (value == null || value.isEmpty() || value.equalsIgnoreCase("JSON")) {
      return JSON;
    }
    return value.equalsIgnoreCase("XML") ? XML : null;
  }

  /**
   * {@code body} in this format. XML as Alibaba Cloud writes it: the fields as elements under {@code root}, each element
   * of an array as one element named after the array ({@code <OnlineStatusList>…</OnlineStatusList>} repeated).
   */
  String render(String root, JsonObject body) {
    if (this == JSON) {
      return body.encode();
    }
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    element(xml, root, body);
    return xml.toString();
  }

  private static void element(StringBuilder xml, String name, Object value) {
    if (value instanceof JsonArray array) {
      array.forEach(item -> element(xml, name, item));
      return;
    }
    xml.append('<').append(name).append('>');
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, Object> field : object) {
        element(xml, field.getKey(), field.getValue());
      }
    } else if (value != null) {
      escape(xml, value.toString());
    }
    xml.append("</").append(name).append('>');
  }

  private static void escape(StringBuilder xml, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> xml.append("&lt;");
        case '>' -> xml.append("&gt;");
        case '&' -> xml.append("&amp;");
        case '"' -> xml.append("&quot;");
        case '\'' -> xml.append("&apos;");
        default -> xml.append(c);
      }
    }
  }
}

package io.tenantmq.control.command;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A message an API publishes into an instance, as an MQTT client would.
 *
 * @param properties MQTT 5 properties passed to subscribers that understand them; {@link PublishProperties#NONE} if none
 */
public record PublishCommand(String instanceId, String topic, byte[] payload, int qos, boolean retain,
                             PublishProperties properties) implements Serializable {
  public PublishCommand {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(topic, "topic");
    payload = payload == null ? new byte[0] : payload.clone();
    if (qos < 0 || qos > 2) {
      throw new IllegalArgumentException("qos must be 0, 1 or 2, was " + qos);
    }
    properties = properties == null ? PublishProperties.NONE : properties;
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** MQTT 5 PUBLISH properties; null fields are absent. */
  public record PublishProperties(Integer payloadFormatIndicator, Long messageExpiryIntervalSeconds, String contentType,
                                  String responseTopic, byte[] correlationData, List<UserProperty> userProperties)
      implements Serializable {
    public static final PublishProperties NONE = new PublishProperties(null, null, null, null, null, List.of());

    public PublishProperties {
      correlationData = correlationData == null ? null : correlationData.clone();
      userProperties = userProperties == null ? List.of() : List.copyOf(userProperties);
    }
  }

  /** One MQTT 5 user property; a key may repeat. */
  public record UserProperty(String key, String value) implements Serializable {
  }
}

package io.tenantmq.sdk.emqx;

import java.util.Map;

/**
 * MQTT 5 properties of a published message; null ones are not sent.
 *
 * @param payloadFormatIndicator 0 (bytes) or 1 (UTF-8 text)
 * @param messageExpiryInterval  seconds
 * @param userProperties         name → value
 */
public record MessageProperties(Integer payloadFormatIndicator, Long messageExpiryInterval, String responseTopic,
                                String correlationData, Map<String, String> userProperties, String contentType) {

  public MessageProperties {
    if (payloadFormatIndicator != null && payloadFormatIndicator != 0 && payloadFormatIndicator != 1) {
      throw new IllegalArgumentException("payloadFormatIndicator must be 0 or 1, was " + payloadFormatIndicator);
    }
    userProperties = userProperties == null ? null : Map.copyOf(userProperties);
  }
}

package io.tenantmq.mqtt.session;

import io.vertx.mqtt.messages.codes.MqttSubAckReasonCode;
import java.util.List;
import java.util.Locale;

/** The Reason Strings of acknowledgements: human-readable, for diagnostics only [MQTT-3.9.2.1.2]. */
final class ReasonStrings {

  private ReasonStrings() {
  }

  /** For a SUBACK: which filters (1-based, in SUBSCRIBE order) were refused and why; null when none was. */
  static String suback(List<MqttSubAckReasonCode> codes) {
    StringBuilder refused = null;
    for (int i = 0; i < codes.size(); i++) {
      MqttSubAckReasonCode code = codes.get(i);
      if ((code.value() & 0xFF) >= 0x80) {
        refused = refused == null ? new StringBuilder("refused:") : refused.append(',');
        refused.append(" filter ").append(i + 1).append(' ').append(code.name().toLowerCase(Locale.ROOT).replace('_', ' '));
      }
    }
    return refused == null ? null : refused.toString();
  }
}

package io.tenantmq.mqtt.codes;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;

/**
 * Why a CONNECT is refused, with the CONNACK code each protocol version gets. The one place that maps refusals to
 * MQTT 3 return codes and MQTT 5 reason codes.
 */
public enum ConnectRefusal {
  BAD_CREDENTIALS(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD,
      MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD),
  NOT_AUTHORIZED(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED,
      MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5),
  CLIENT_ID_INVALID(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED,
      MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID),
  SERVER_UNAVAILABLE(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE,
      MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5),
  PROTOCOL_ERROR(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED,
      MqttConnectReturnCode.CONNECTION_REFUSED_PROTOCOL_ERROR),
  /**
   * The CONNECT names an Authentication Method, and none is configured [MQTT-3.1.2.11.9]: MQTT 5 only (an MQTT 3
   * CONNECT cannot carry one).
   */
  BAD_AUTHENTICATION_METHOD(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED,
      MqttConnectReturnCode.CONNECTION_REFUSED_BAD_AUTHENTICATION_METHOD),
  /** A ban of the instance matches the client id, user name or address; MQTT 3.1.1 has no closer code than 0x05. */
  BANNED(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED,
      MqttConnectReturnCode.CONNECTION_REFUSED_BANNED),
  /** The instance has its maximum of connections; MQTT 3.1.1 has only "server unavailable" (as BifroMQ answers). */
  QUOTA_EXCEEDED(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE,
      MqttConnectReturnCode.CONNECTION_REFUSED_QUOTA_EXCEEDED);

  private final MqttConnectReturnCode mqtt3;
  private final MqttConnectReturnCode mqtt5;

  ConnectRefusal(MqttConnectReturnCode mqtt3, MqttConnectReturnCode mqtt5) {
    this.mqtt3 = mqtt3;
    this.mqtt5 = mqtt5;
  }

  public MqttConnectReturnCode code(int protocolVersion) {
    return protocolVersion >= 5 ? mqtt5 : mqtt3;
  }
}

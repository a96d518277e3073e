package io.tenantmq.mqtt.listener;

/** The transports an MQTT listener can serve. */
public enum Transport {
  TCP,
  WEBSOCKET
}

/** MQTT 3 return codes and MQTT 5 reason codes, in one place. */
package io.tenantmq.mqtt.codes;

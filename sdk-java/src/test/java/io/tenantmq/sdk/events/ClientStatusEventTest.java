package io.tenantmq.sdk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClientStatusEventTest {

  @Test
  void readsEveryFieldOfTheEventBody() {
    ClientStatusEvent event = ClientStatusEvent.fromJson("""
        {"clientId":"GID_x@@@dev1","time":1700000000123,"eventType":"tcpclean",
         "channelId":"2b9b1281046046faafe5e0b458e40001","clientIp":"10.1.2.3:50211","groupId":"GID_x",
         "username":null,"node":"node-1","reason":"tcp_closed","offset":42,"newField":true}""");
    assertThat(event).isEqualTo(new ClientStatusEvent("GID_x@@@dev1", 1_700_000_000_123L, EventType.TCPCLEAN,
        "2b9b1281046046faafe5e0b458e40001", "10.1.2.3:50211", "GID_x", null, "node-1", "tcp_closed", 42));
    assertThat(event.isOffline(false)).isTrue();
  }

  @Test
  void aConnectHasAnEmptyReasonAndIsNotOffline() {
    ClientStatusEvent event = ClientStatusEvent.fromJson(
        "{\"clientId\":\"a\",\"time\":1,\"eventType\":\"connect\",\"channelId\":\"c\"}");
    assertThat(event.reason()).isEmpty();
    assertThat(event.offset()).isEqualTo(-1);
    assertThat(event.isOffline(true)).isFalse();
  }

  @Test
  void aDisconnectIsOfflineOnlyWhenAsked() {
    ClientStatusEvent event = ClientStatusEvent.fromJson(
        "{\"clientId\":\"a\",\"time\":1,\"eventType\":\"disconnect\",\"channelId\":\"c\",\"reason\":\"normal\"}");
    assertThat(event.isOffline(false)).isFalse();
    assertThat(event.isOffline(true)).isTrue();
  }

  @Test
  void aBodyWithoutChannelIdOrWithAnUnknownTypeIsRefused() {
    assertThatThrownBy(() -> ClientStatusEvent.fromJson("{\"clientId\":\"a\",\"eventType\":\"connect\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channelId");
    assertThatThrownBy(() -> ClientStatusEvent.fromJson(
        "{\"clientId\":\"a\",\"eventType\":\"online\",\"channelId\":\"c\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("online");
  }
}

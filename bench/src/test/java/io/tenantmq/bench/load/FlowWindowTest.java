package io.tenantmq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FlowWindowTest {

  @Test
  void fullWindowParksAndTheSubscriberWakesThePublisherOnceAQuarterHasDrained() {
    AtomicInteger wakeUps = new AtomicInteger();
    FlowWindow window = new FlowWindow(8, wakeUps::incrementAndGet);
    for (int i = 0; i < 8; i++) {
      window.onSent();
    }

    assertThat(window.hasRoom()).isFalse();
    assertThat(window.parkOrResume()).isFalse();
    window.onReceived(); // 7 outstanding: room, but not yet below the resume mark of 6
    assertThat(wakeUps).hasValue(0);
    window.onReceived(); // 6 outstanding
    window.onReceived(); // 5 outstanding: wake
    window.onReceived(); // already woken: no second wake-up
    assertThat(wakeUps).hasValue(1);
  }

  @Test
  void publisherResumesByItselfWhenTheSubscriberCaughtUpBeforeItParked() {
    AtomicInteger wakeUps = new AtomicInteger();
    FlowWindow window = new FlowWindow(4, wakeUps::incrementAndGet);
    for (int i = 0; i < 4; i++) {
      window.onSent();
    }
    for (int i = 0; i < 4; i++) {
      window.onReceived(); // not parked yet, so nobody is woken
    }

    assertThat(window.parkOrResume()).isTrue();
    window.onSent();
    window.onReceived();
    assertThat(wakeUps).hasValue(0);
  }
}

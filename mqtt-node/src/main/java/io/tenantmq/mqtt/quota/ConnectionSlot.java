package io.tenantmq.mqtt.quota;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A place among an instance's connections held for one CONNECT while it is under way; released once the connection
 * is attached (it counts as live from then on) or the CONNECT failed. Releasing twice is harmless.
 */
public final class ConnectionSlot {

  private final InstanceQuota instance;
  private final AtomicBoolean released = new AtomicBoolean();

  ConnectionSlot(InstanceQuota instance) {
    this.instance = instance;
  }

  public void release() {
    if (released.compareAndSet(false, true)) {
      instance.releaseReservation();
    }
  }
}

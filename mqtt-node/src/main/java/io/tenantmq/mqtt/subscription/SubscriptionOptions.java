package io.tenantmq.mqtt.subscription;

/**
 * The MQTT 5 options of one subscription besides its QoS [MQTT-3.8.3.1] and its Subscription Identifier
 * [MQTT-3.8.2.1.2]. MQTT 3.1.1 subscriptions and operator subscriptions have {@link #DEFAULT}.
 *
 * @param noLocal           never deliver to the client that published the message [MQTT-3.8.3-3]
 * @param retainAsPublished live deliveries keep the RETAIN flag the message was published with [MQTT-3.3.1-12]
 * @param retainHandling    0: send retained messages at subscribe, 1: only if the subscription is new, 2: never
 * @param identifier        the Subscription Identifier, 1 to 268,435,455; 0 when the SUBSCRIBE had none
 */
public record SubscriptionOptions(boolean noLocal, boolean retainAsPublished, int retainHandling, int identifier) {

  public static final SubscriptionOptions DEFAULT = new SubscriptionOptions(false, false, 0, 0);
  /** The largest value of a Variable Byte Integer, so the largest Subscription Identifier. */
  public static final int MAX_IDENTIFIER = 268_435_455;
  private static final int[] NO_IDENTIFIERS = new int[0];

  public SubscriptionOptions {
    if (retainHandling < 0 || retainHandling > 2) {
      throw new IllegalArgumentException("retain handling must be 0, 1 or 2, was " + retainHandling);
    }
    if (identifier < 0 || identifier > MAX_IDENTIFIER) {
      throw new IllegalArgumentException("subscription identifier out of range: " + identifier);
    }
  }

  /** {@link #DEFAULT} itself when these options equal it, so that equal defaults share one object. */
  public static SubscriptionOptions of(boolean noLocal, boolean retainAsPublished, int retainHandling, int identifier) {
    SubscriptionOptions o = new SubscriptionOptions(noLocal, retainAsPublished, retainHandling, identifier);
    return o.equals(DEFAULT) ? DEFAULT : o;
  }

  /** An empty array, shared: deliveries without identifiers allocate nothing for them. */
  public static int[] noIdentifiers() {
    return NO_IDENTIFIERS;
  }

  /** Packs the options into one int (bit 0 no local, bit 1 retain as published, bits 2-3 retain handling). */
  public int flags() {
    return (noLocal ? 1 : 0) | (retainAsPublished ? 2 : 0) | (retainHandling << 2);
  }

  /** The options {@link #flags()} and an identifier describe. */
  public static SubscriptionOptions fromFlags(int flags, int identifier) {
    return of((flags & 1) != 0, (flags & 2) != 0, (flags >> 2) & 3, identifier);
  }
}

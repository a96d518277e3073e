package io.tenantmq.gateway.emqx;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Ids of messages published through the API, in the form of EMQX's message GUIDs (both versions answer them). */
public final class MessageIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private MessageIds() {
  }

  /** 128 random bits as 32 upper-case hex digits. */
  public static String next() {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    return HexFormat.of().withUpperCase().formatHex(id);
  }
}

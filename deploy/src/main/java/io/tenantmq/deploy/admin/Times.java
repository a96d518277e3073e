package io.tenantmq.deploy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Epoch milliseconds of the API as ISO-8601 UTC seconds, for text output. */
final class Times {

  private Times() {
  }

  static String text(JsonNode millis) {
    return millis.canConvertToLong() ? Instant.ofEpochMilli(millis.asLong()).truncatedTo(ChronoUnit.SECONDS).toString() : "-";
  }
}

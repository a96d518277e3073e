package io.tenantmq.sdk.aliyun;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON of the two API families: the token server and {@code /route/clientId/get} write camelCase
 * ({@code tokenData}, {@code online}), the OpenAPI PascalCase ({@code RequestId}, {@code OnlineStatus}). Fields a
 * newer server adds are ignored.
 */
final class AliyunJson {

  static final ObjectMapper CAMEL = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  static final ObjectMapper PASCAL = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private AliyunJson() {
  }
}

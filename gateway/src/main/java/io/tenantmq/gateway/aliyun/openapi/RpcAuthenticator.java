package io.tenantmq.gateway.aliyun.openapi;

import io.tenantmq.control.credential.AliyunAccessKey;
import io.tenantmq.control.credential.AliyunAccessKeys;
import io.tenantmq.signing.aliyun.AliyunRpcSignature;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The common parameters and the signature of an RPC call, checked in Alibaba Cloud's order: presence and values of
 * the common parameters, the timestamp window, the AccessKey, the signature (constant time), then the nonce, claimed
 * only once the signature is right, so nobody can use up another key's nonces.
 */
final class RpcAuthenticator {

  /**
   * How far {@code Timestamp} may be from the server's clock, either way: Alibaba Cloud refuses a request whose time
   * differs from its own by more than 15 minutes ({@code InvalidTimeStamp.Expired}).
   */
  static final Duration WINDOW = Duration.ofMinutes(15);
  /** The only signature this API verifies. */
  static final String SIGNATURE_METHOD = "HMAC-SHA1";
  static final String SIGNATURE_VERSION = "1.0";
  /** Longer nonces are refused, so a nonce entry stays small (the SDKs send a 32-hex-digit or UUID nonce). */
  static final int MAX_NONCE_LENGTH = 128;

  private final AliyunAccessKeys keys;
  private final NonceRegistry nonces;

  RpcAuthenticator(AliyunAccessKeys keys, NonceRegistry nonces) {
    this.keys = keys;
    this.nonces = nonces;
  }

  /** The checks that need no lookup; returns the instant of {@code Timestamp}. */
  static Instant checkCommon(RpcParams params, Instant now) {
    params.required("AccessKeyId");
    params.required("Signature");
    if (!SIGNATURE_METHOD.equals(params.required("SignatureMethod"))) {
      throw OnsMqttErrors.signatureMethod();
    }
    if (!SIGNATURE_VERSION.equals(params.required("SignatureVersion"))) {
      throw OnsMqttErrors.invalidCommon("SignatureVersion");
    }
    if (params.required("SignatureNonce").length() > MAX_NONCE_LENGTH) {
      throw OnsMqttErrors.invalidCommon("SignatureNonce");
    }
    Instant timestamp;
    try {
      // ISO 8601 in UTC, as the SDKs write it: 2026-12-02T02:00:00Z
      timestamp = Instant.parse(params.required("Timestamp"));
    } catch (DateTimeParseException e) {
      throw OnsMqttErrors.timestampFormat();
    }
    if (Duration.between(timestamp, now).abs().compareTo(WINDOW) > 0) {
      throw OnsMqttErrors.timestampExpired();
    }
    return timestamp;
  }

  /** The AccessKey that signed the call, once its signature and nonce are accepted. */
  Future<AliyunAccessKey> authenticate(RpcParams params, String method, Instant timestamp, Instant now,
                                       Context context) {
    String accessKeyId = params.required("AccessKeyId");
    return Future.fromCompletionStage(keys.find(accessKeyId, now.toEpochMilli()), context)
        .compose(found -> {
          AliyunAccessKey key = found.orElseThrow(OnsMqttErrors::accessKeyNotFound);
          if (!AliyunRpcSignature.verify(key.secret(), method, params.values())) {
            throw OnsMqttErrors.signatureMismatch(AliyunRpcSignature.stringToSign(method, params.values()));
          }
          // remembered until the request's timestamp leaves the window: no replay can be accepted after that
          long ttl = timestamp.plus(WINDOW).toEpochMilli() - now.toEpochMilli();
          return nonces.claim(new NonceKey(accessKeyId, params.required("SignatureNonce")), now.toEpochMilli(), ttl)
              .map(first -> {
                if (!first) {
                  throw OnsMqttErrors.nonceUsed();
                }
                return key;
              });
        });
  }
}

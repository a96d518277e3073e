package io.tenantmq.gateway.aliyun.openapi;

import java.io.Serializable;

/** A SignatureNonce as one AccessKey used it: nonces of different keys never collide. */
record NonceKey(String accessKeyId, String nonce) implements Serializable {
}

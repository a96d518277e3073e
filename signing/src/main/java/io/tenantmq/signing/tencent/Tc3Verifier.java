package io.tenantmq.signing.tencent;

import io.tenantmq.signing.common.Crypto;
import io.tenantmq.signing.common.SignatureCheck;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-side TC3 verification (API-NOTES §1.6): parse the Authorization header, check the ±300 s window and the
 * scope date, rebuild the canonical request from what was received, compare in constant time. The service is taken
 * from the credential scope, as the SDK derives it from the endpoint's first label.
 */
public final class Tc3Verifier {

  public static final long DEFAULT_WINDOW_SECONDS = 300;
  private static final Pattern AUTHORIZATION = Pattern.compile(
      "^TC3-HMAC-SHA256 Credential=([^/]+)/(\\d{4}-\\d{2}-\\d{2})/([^/]+)/tc3_request, "
          + "SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$");

  /** The parsed Authorization header. */
  public record Credential(String secretId, String date, String service, List<String> signedHeaders, String signature) {
  }

  /** The verdict, with the SecretId when the header could be parsed. */
  public record Verification(SignatureCheck check, String secretId) {
  }

  private Tc3Verifier() {
  }

  public static Optional<Credential> parse(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    Matcher m = AUTHORIZATION.matcher(authorization);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Credential(m.group(1), m.group(2), m.group(3), List.of(m.group(4).split(";")), m.group(5)));
  }

  /**
   * Verifies {@code request}. {@code secretKeyOf} maps a SecretId to its SecretKey (empty when unknown: then the
   * caller answers SecretIdNotFound, so this returns MISMATCH only after a real comparison).
   */
  public static Verification verify(String authorization, Tc3Request request, long nowSeconds, long windowSeconds,
                                    Function<String, Optional<String>> secretKeyOf) {
    Optional<Credential> parsed = parse(authorization);
    if (parsed.isEmpty()) {
      return new Verification(SignatureCheck.MALFORMED, null);
    }
    Credential c = parsed.get();
    if (Math.abs(nowSeconds - request.timestampSeconds()) > windowSeconds) {
      return new Verification(SignatureCheck.EXPIRED, c.secretId());
    }
    if (!c.date().equals(Tc3Signer.utcDate(request.timestampSeconds()))
        || !c.signedHeaders().contains("content-type") || !c.signedHeaders().contains("host")) {
      return new Verification(SignatureCheck.MISMATCH, c.secretId());
    }
    Optional<String> secretKey = secretKeyOf.apply(c.secretId());
    if (secretKey.isEmpty()) {
      return new Verification(SignatureCheck.MISMATCH, c.secretId());
    }
    String toSign = Tc3Signer.stringToSign(request.timestampSeconds(), c.service(),
        Tc3Signer.canonicalRequest(request, c.signedHeaders()));
    String expected = Tc3Signer.signature(secretKey.get(), request.timestampSeconds(), c.service(), toSign);
    boolean ok = Crypto.constantTimeEquals(expected.getBytes(StandardCharsets.US_ASCII),
        c.signature().getBytes(StandardCharsets.US_ASCII));
    return new Verification(ok ? SignatureCheck.OK : SignatureCheck.MISMATCH, c.secretId());
  }
}

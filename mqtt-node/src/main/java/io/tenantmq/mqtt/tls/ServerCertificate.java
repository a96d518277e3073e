package io.tenantmq.mqtt.tls;

import io.tenantmq.mqtt.MqttNodeOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/**
 * The PEM files a TLS listener serves: a certificate chain (leaf first) and its private key.
 *
 * @param generated true for the node's own self-signed certificate ({@link SelfSignedCertificate})
 */
public record ServerCertificate(Path certificate, Path privateKey, boolean generated) {

  public ServerCertificate {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
  }

  /**
   * The configured certificate and key files, or the self-signed pair in the options' TLS directory. Blocking: run it
   * on a worker.
   *
   * @throws IOException when a configured file is unreadable, or nothing is configured and no directory is given
   */
  public static ServerCertificate of(MqttNodeOptions options) throws IOException {
    if (options.getTlsCertPath() != null) {
      Path cert = Path.of(options.getTlsCertPath());
      Path key = Path.of(options.getTlsKeyPath());
      for (Path p : new Path[] {cert, key}) {
        if (!Files.isReadable(p)) {
          throw new IOException("TLS: cannot read " + p.toAbsolutePath());
        }
      }
      LoggerFactory.getLogger(ServerCertificate.class).info("TLS: serving the configured certificate {}", cert);
      return new ServerCertificate(cert, key, false);
    }
    if (options.getTlsDirectory() == null) {
      throw new IOException("TLS: neither a certificate nor a directory for a self-signed one is configured");
    }
    return SelfSignedCertificate.ensure(Path.of(options.getTlsDirectory()), options.getSniDomain());
  }

  /** What Vert.x needs to serve it; Vert.x reads the files itself when a listener starts. */
  public PemKeyCertOptions keyCertOptions() {
    return new PemKeyCertOptions().setCertPath(certificate.toString()).setKeyPath(privateKey.toString());
  }
}

package io.tenantmq.mqtt.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantmq.mqtt.MqttNodeOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-signed certificate: generated once, owner-only key, the names clients check, reused after. */
class SelfSignedCertificateTest {

  @TempDir
  Path dir;

  @Test
  void generatesACertificateAndAnOwnerOnlyKeyThatBelongTogether() throws Exception {
    ServerCertificate generated = SelfSignedCertificate.ensure(dir, null);

    assertThat(generated.generated()).isTrue();
    assertThat(generated.certificate()).isEqualTo(dir.resolve("server.crt"));
    assertThat(Files.getPosixFilePermissions(generated.privateKey()))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.readString(generated.privateKey())).startsWith("-----BEGIN PRIVATE KEY-----");
    // the key signs what the certificate's public key verifies
    X509Certificate cert = read(generated.certificate());
    String pem = Files.readString(generated.privateKey()).replaceAll("-----[A-Z ]+-----|\\s", "");
    var key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(key);
    signer.update(new byte[] {1, 2, 3});
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(cert.getPublicKey());
    verifier.update(new byte[] {1, 2, 3});
    assertThat(verifier.verify(signature)).isTrue();
    assertThat(dir.resolve("server.key.tmp")).doesNotExist();
  }

  @Test
  void namesLocalhostTheLoopbackAddressesAndThisHost() throws Exception {
    X509Certificate cert = read(SelfSignedCertificate.ensure(dir, null).certificate());
    assertThat(SelfSignedCertificate.subjectAltNames(cert)).contains("localhost", "127.0.0.1")
        .containsAll(SelfSignedCertificate.dnsNames(null));
    cert.verify(cert.getPublicKey()); // self-signed
    assertThat(cert.getBasicConstraints()).as("its own CA, a trust anchor for --cafile").isGreaterThanOrEqualTo(0);
  }

  @Test
  void aSecondStartReusesTheSameFiles() throws Exception {
    ServerCertificate first = SelfSignedCertificate.ensure(dir, "mqtt.example.com");
    byte[] cert = Files.readAllBytes(first.certificate());
    byte[] key = Files.readAllBytes(first.privateKey());

    ServerCertificate second = SelfSignedCertificate.ensure(dir, "mqtt.example.com");

    assertThat(Files.readAllBytes(second.certificate())).isEqualTo(cert);
    assertThat(Files.readAllBytes(second.privateKey())).isEqualTo(key);
  }

  @Test
  void anSniDomainPutsItsWildcardIntoTheCertificateAndANewDomainRegenerates() throws Exception {
    SelfSignedCertificate.ensure(dir, null);
    byte[] withoutDomain = Files.readAllBytes(dir.resolve("server.crt"));

    ServerCertificate withDomain = SelfSignedCertificate.ensure(dir, "mqtt.example.com");

    assertThat(Files.readAllBytes(withDomain.certificate())).isNotEqualTo(withoutDomain);
    assertThat(SelfSignedCertificate.subjectAltNames(read(withDomain.certificate())))
        .contains("*.mqtt.example.com", "mqtt.example.com", "localhost", "127.0.0.1");
  }

  @Test
  void anUnreadableCertificateIsReplaced() throws Exception {
    SelfSignedCertificate.ensure(dir, null);
    Files.writeString(dir.resolve("server.crt"), "not a certificate");
    assertThat(SelfSignedCertificate.unfitReason(dir.resolve("server.crt"), Set.of("localhost")))
        .contains("not readable");

    SelfSignedCertificate.ensure(dir, null);

    assertThat(SelfSignedCertificate.unfitReason(dir.resolve("server.crt"), SelfSignedCertificate.dnsNames(null)))
        .isNull();
  }

  @Test
  void configuredPemFilesAreServedAsGivenAndNothingIsGenerated() throws Exception {
    ServerCertificate own = SelfSignedCertificate.ensure(dir.resolve("elsewhere"), null);
    MqttNodeOptions options = new MqttNodeOptions().setTlsDirectory(dir.resolve("tls").toString())
        .setTlsCertificate(own.certificate().toString(), own.privateKey().toString());

    ServerCertificate served = ServerCertificate.of(options);

    assertThat(served).isEqualTo(new ServerCertificate(own.certificate(), own.privateKey(), false));
    assertThat(dir.resolve("tls")).doesNotExist();
  }

  @Test
  void aMissingConfiguredFileIsAClearError() {
    MqttNodeOptions options = new MqttNodeOptions()
        .setTlsCertificate(dir.resolve("missing.crt").toString(), dir.resolve("missing.key").toString());
    assertThatThrownBy(() -> ServerCertificate.of(options)).isInstanceOf(IOException.class)
        .hasMessageContaining("cannot read").hasMessageContaining("missing.crt");
    assertThatThrownBy(() -> new MqttNodeOptions().setTlsCertificate("a.crt", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static X509Certificate read(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}

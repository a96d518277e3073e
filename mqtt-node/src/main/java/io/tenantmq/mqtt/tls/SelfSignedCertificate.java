package io.tenantmq.mqtt.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.io.pem.PemObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate a node serves TLS with when the configuration names none: an EC P-256 key and a self-signed
 * certificate in {@code <dir>/server.crt} and {@code <dir>/server.key}, generated at first start and reused after, so
 * clients that trust it once ({@code mosquitto_sub --cafile server.crt}) keep trusting it across restarts. It is
 * generated again only when it expires within a month or lacks a name it must carry (e.g. {@code *.<domain>} after an
 * SNI domain was configured). The key file is readable by its owner only and its content is never logged.
 *
 * <p>Subject alternative names: {@code localhost}, {@code 127.0.0.1}, {@code ::1}, this host's name and, with an SNI
 * domain, {@code <domain>} and {@code *.<domain>}. The certificate is its own CA (basic constraints CA:true,
 * keyCertSign), which lets OpenSSL-based clients such as mosquitto accept it as a trust anchor given with
 * {@code --cafile}. Generation uses the JDK's providers; BouncyCastle only builds and encodes the certificate, so the
 * (unsigned, shaded) BouncyCastle jar is never installed as a JCA provider.
 */
public final class SelfSignedCertificate {

  public static final String CERT_FILE = "server.crt";
  public static final String KEY_FILE = "server.key";
  static final Duration VALIDITY = Duration.ofDays(3650);
  /** A certificate this close to its end is replaced at start. */
  static final Duration RENEW_BEFORE = Duration.ofDays(30);

  private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificate.class);

  private SelfSignedCertificate() {
  }

  /** The names the certificate must carry for {@code sniDomain} (null: none) on this host. */
  public static Set<String> dnsNames(String sniDomain) {
    Set<String> names = new LinkedHashSet<>(List.of("localhost"));
    String host = localHostName();
    if (host != null && !host.isBlank() && !host.equals("localhost")) {
      names.add(host);
    }
    if (sniDomain != null) {
      names.add(sniDomain);
      names.add("*." + sniDomain);
    }
    return names;
  }

  /**
   * The certificate and key files in {@code dir}: the existing ones when they still fit, else newly generated ones.
   * Blocking (file I/O, key generation, maybe a host name lookup): never call it on an event loop.
   */
  public static ServerCertificate ensure(Path dir, String sniDomain) throws IOException {
    Path cert = dir.resolve(CERT_FILE);
    Path key = dir.resolve(KEY_FILE);
    Set<String> names = dnsNames(sniDomain);
    if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
      String unfit = unfitReason(cert, names);
      if (unfit == null) {
        LOG.info("TLS: reusing the self-signed certificate {}", cert);
        return new ServerCertificate(cert, key, true);
      }
      LOG.info("TLS: generating a new self-signed certificate: {}", unfit);
    } else {
      LOG.info("TLS: no certificate configured; generating a self-signed one into {}", dir);
    }
    generate(dir, names);
    return new ServerCertificate(cert, key, true);
  }

  /** Why the certificate at {@code cert} must be replaced, or null when it fits. */
  static String unfitReason(Path cert, Set<String> dnsNames) {
    X509Certificate x509;
    try (InputStream in = Files.newInputStream(cert)) {
      x509 = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | GeneralSecurityException e) {
      return cert + " is not readable as a certificate (" + e.getMessage() + ")";
    }
    if (x509.getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE))) {
      return cert + " expires " + x509.getNotAfter().toInstant();
    }
    Set<String> present = subjectAltNames(x509);
    List<String> missing = dnsNames.stream().filter(n -> !present.contains(n)).toList();
    return missing.isEmpty() ? null : cert + " lacks " + missing;
  }

  /** The DNS names and IP addresses a certificate names, as strings. */
  static Set<String> subjectAltNames(X509Certificate x509) {
    Set<String> names = new LinkedHashSet<>();
    try {
      Collection<List<?>> sans = x509.getSubjectAlternativeNames();
      if (sans != null) {
        sans.forEach(san -> names.add(String.valueOf(san.get(1))));
      }
    } catch (GeneralSecurityException e) {
      // unparseable extension: no names
    }
    return names;
  }

  private static void generate(Path dir, Set<String> dnsNames) throws IOException {
    Files.createDirectories(dir);
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair pair = generator.generateKeyPair();
      X509Certificate cert = certificate(pair, dnsNames);
      // the key first, then the certificate: a crash in between leaves no certificate, so the next start generates
      writeAtomically(dir.resolve(KEY_FILE), pem(new PemObject("PRIVATE KEY", pair.getPrivate().getEncoded())), true);
      writeAtomically(dir.resolve(CERT_FILE), pem(new PemObject("CERTIFICATE", cert.getEncoded())), false);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("cannot generate a self-signed TLS certificate: " + e.getMessage(), e);
    }
  }

  private static X509Certificate certificate(KeyPair pair, Set<String> dnsNames)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    Instant now = Instant.now();
    X500Name subject = new X500Name("CN=TenantMQ self-signed,O=TenantMQ");
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
        new BigInteger(127, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
    List<GeneralName> sans = new ArrayList<>();
    dnsNames.forEach(n -> sans.add(new GeneralName(GeneralName.dNSName, n)));
    sans.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
    sans.add(new GeneralName(GeneralName.iPAddress, "::1"));
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)))
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign))
        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
        .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
    var signer = new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
        .build(pair.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static String pem(PemObject object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }

  /** Writes through a temporary file created with its final permissions, so the key is never readable by others. */
  private static void writeAtomically(Path file, String content, boolean ownerOnly) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attributes = posix && ownerOnly
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
    try {
      Files.createFile(tmp, attributes);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("cannot create " + tmp + ": it appeared meanwhile", e);
    }
    Files.writeString(tmp, content, StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName().toLowerCase(java.util.Locale.ROOT);
    } catch (IOException e) {
      return null;
    }
  }
}

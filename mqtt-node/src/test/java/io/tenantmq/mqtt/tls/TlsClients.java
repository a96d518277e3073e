package io.tenantmq.mqtt.tls;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** TLS clients that trust exactly one certificate (the node's self-signed one), as a device given that file would. */
public final class TlsClients {

  private final TrustManagerFactory trust;
  private final SSLContext context;

  public TlsClients(Path certificate) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(certificate)) {
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("trusted-" + i++, c);
      }
    }
    trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
  }

  public TrustManagerFactory trustManagerFactory() {
    return trust;
  }

  public SSLContext sslContext() {
    return context;
  }

  /**
   * A HiveMQ MQTT 5 client builder for {@code 127.0.0.1:port} over TLS whose host name (checked against the
   * certificate, and sent as SNI) is {@code hostName}: no DNS lookup is made, so any name reaches loopback.
   */
  public Mqtt5ClientBuilder hiveMq(String clientId, String hostName, int port) throws Exception {
    InetSocketAddress address = new InetSocketAddress(
        InetAddress.getByAddress(hostName, new byte[] {127, 0, 0, 1}), port);
    return Mqtt5Client.builder().identifier(clientId).serverAddress(address)
        .sslConfig().trustManagerFactory(trust).applySslConfig();
  }

  /** A connected HiveMQ MQTT 5 client (anonymous) over TLS to {@code 127.0.0.1:port}. */
  public Mqtt5BlockingClient hiveMqConnected(String clientId, int port) throws Exception {
    Mqtt5BlockingClient c = hiveMq(clientId, "127.0.0.1", port).buildBlocking();
    c.connect();
    return c;
  }

  /**
   * A handshaken TLS socket to {@code 127.0.0.1:port} that asked for {@code sniHostName} (null: sends none). Each gets
   * a fresh context: one context caches its session per host and port, and a resumed session carries the host name of
   * the handshake that created it, which would make every socket after the first look alike to the server.
   */
  public SSLSocket socket(int port, String sniHostName) throws Exception {
    SSLContext fresh = SSLContext.getInstance("TLS");
    fresh.init(null, trust.getTrustManagers(), null);
    SSLSocket socket = (SSLSocket) fresh.getSocketFactory().createSocket("127.0.0.1", port);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setServerNames(sniHostName == null ? List.of() : List.of(new SNIHostName(sniHostName)));
    socket.setSSLParameters(parameters);
    socket.startHandshake();
    return socket;
  }
}

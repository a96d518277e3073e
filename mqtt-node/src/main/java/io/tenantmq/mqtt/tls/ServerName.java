package io.tenantmq.mqtt.tls;

import io.vertx.mqtt.MqttEndpoint;
import java.util.Locale;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLSession;
import javax.net.ssl.StandardConstants;

/** The host name a TLS client asked for in its ClientHello (SNI, RFC 6066), lower case. */
public final class ServerName {

  private ServerName() {
  }

  /** The SNI host name of the endpoint's connection; null on a plain connection or when the client sent none. */
  public static String of(MqttEndpoint endpoint) {
    return endpoint.isSsl() ? of(endpoint.sslSession()) : null;
  }

  static String of(SSLSession session) {
    if (!(session instanceof ExtendedSSLSession extended)) {
      return null;
    }
    for (SNIServerName name : extended.getRequestedServerNames()) {
      if (name.getType() == StandardConstants.SNI_HOST_NAME) {
        SNIHostName host = name instanceof SNIHostName h ? h : new SNIHostName(name.getEncoded());
        return host.getAsciiName().toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }
}

package io.tenantmq.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An MQTT 3.1.1 (and, where a test needs it, 5.0) client over a plain socket that writes exactly the bytes a test asks for: malformed packets, QoS 2
 * flows stopped half-way, connections dropped without DISCONNECT. The one place tests encode and decode MQTT by hand.
 */
public final class RawMqttClient implements AutoCloseable {

  public static final int CONNECT = 1;
  public static final int CONNACK = 2;
  public static final int PUBLISH = 3;
  public static final int PUBACK = 4;
  public static final int PUBREC = 5;
  public static final int PUBREL = 6;
  public static final int PUBCOMP = 7;
  public static final int SUBSCRIBE = 8;
  public static final int SUBACK = 9;
  public static final int UNSUBSCRIBE = 10;
  public static final int UNSUBACK = 11;
  public static final int PINGREQ = 12;
  public static final int PINGRESP = 13;
  public static final int DISCONNECT = 14;
  public static final int AUTH = 15;

  // MQTT 5 property identifiers the tests use
  public static final int PROP_REASON_STRING = 0x1F;
  public static final int PROP_TOPIC_ALIAS = 0x23;
  public static final int PROP_TOPIC_ALIAS_MAXIMUM = 0x22;
  public static final int PROP_RECEIVE_MAXIMUM = 0x21;
  public static final int PROP_MAXIMUM_PACKET_SIZE = 0x27;
  public static final int PROP_SERVER_KEEP_ALIVE = 0x13;
  public static final int PROP_REQUEST_PROBLEM_INFORMATION = 0x17;
  public static final int PROP_AUTHENTICATION_METHOD = 0x15;
  public static final int PROP_ASSIGNED_CLIENT_IDENTIFIER = 0x12;

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** A will to put in CONNECT. */
  public record Will(String topic, byte[] payload, int qos, boolean retain) {
  }

  /** One packet as read from the broker: fixed header type and flags, and the rest of the packet. */
  public record Packet(int type, int flags, byte[] body) {
    public boolean dup() {
      return (flags & 0x08) != 0;
    }

    public int qos() {
      return (flags >> 1) & 0x03;
    }

    public boolean retain() {
      return (flags & 0x01) != 0;
    }

    private int topicLength() {
      return ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
    }

    /** PUBLISH only. */
    public String topic() {
      return new String(body, 2, topicLength(), StandardCharsets.UTF_8);
    }

    /** The packet id of a PUBLISH (QoS > 0) or of an acknowledgement. */
    public int packetId() {
      int at = type == PUBLISH ? 2 + topicLength() : 0;
      return ((body[at] & 0xFF) << 8) | (body[at + 1] & 0xFF);
    }

    /** PUBLISH only. */
    public String payload() {
      int at = 2 + topicLength() + (qos() > 0 ? 2 : 0);
      return new String(body, at, body.length - at, StandardCharsets.UTF_8);
    }

    /** CONNACK only. */
    public boolean sessionPresent() {
      return (body[0] & 0x01) != 0;
    }

    /** CONNACK only. */
    public int returnCode() {
      return body[1] & 0xFF;
    }

    /** MQTT 5 DISCONNECT only: its reason code (0 when the packet has none [MQTT-3.14.2.1]). */
    public int disconnectReason() {
      return body.length == 0 ? 0 : body[0] & 0xFF;
    }

    /** MQTT 5 PUBACK/PUBREC/PUBREL/PUBCOMP: the reason code after the packet id (0x00 when omitted). */
    public int ackReasonCode() {
      return body.length > 2 ? body[2] & 0xFF : 0;
    }

    /** MQTT 5 SUBACK/UNSUBACK: the reason codes after the properties. */
    public int[] ackReasonCodes() {
      int at = propertiesStart();
      int[] length = {at};
      int propertiesLength = readVarInt(body, length);
      int from = length[0] + propertiesLength;
      int[] codes = new int[body.length - from];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = body[from + i] & 0xFF;
      }
      return codes;
    }

    /**
     * The MQTT 5 properties of a CONNACK, PUBLISH, PUBACK/PUBREC, SUBACK/UNSUBACK or DISCONNECT, by identifier:
     * Integer, String or byte[]; user properties are left out.
     */
    public Map<Integer, Object> properties() {
      int at = propertiesStart();
      Map<Integer, Object> result = new LinkedHashMap<>();
      if (at >= body.length) {
        return result;
      }
      int[] pos = {at};
      int length = readVarInt(body, pos);
      int end = pos[0] + length;
      while (pos[0] < end) {
        int id = body[pos[0]++] & 0xFF;
        switch (id) {
          case 0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2A -> result.put(id, body[pos[0]++] & 0xFF);
          case 0x13, 0x21, 0x22, 0x23 -> {
            result.put(id, ((body[pos[0]] & 0xFF) << 8) | (body[pos[0] + 1] & 0xFF));
            pos[0] += 2;
          }
          case 0x02, 0x11, 0x18, 0x27 -> {
            result.put(id, ((body[pos[0]] & 0xFF) << 24) | ((body[pos[0] + 1] & 0xFF) << 16)
                | ((body[pos[0] + 2] & 0xFF) << 8) | (body[pos[0] + 3] & 0xFF));
            pos[0] += 4;
          }
          case 0x0B -> result.put(id, readVarInt(body, pos));
          case 0x09, 0x16 -> result.put(id, readBinary(body, pos));
          case 0x26 -> {
            readBinary(body, pos);
            readBinary(body, pos);
          }
          default -> result.put(id, new String(readBinary(body, pos), StandardCharsets.UTF_8));
        }
      }
      return result;
    }

    /** MQTT 5 PUBLISH: the payload after the properties. */
    public String payload5() {
      int[] pos = {propertiesStart()};
      int length = readVarInt(body, pos);
      int at = pos[0] + length;
      return new String(body, at, body.length - at, StandardCharsets.UTF_8);
    }

    private int propertiesStart() {
      return switch (type) {
        case CONNACK -> 2;
        case PUBLISH -> 2 + topicLength() + (qos() > 0 ? 2 : 0);
        case PUBACK, PUBREC, PUBREL, PUBCOMP -> 3;
        case SUBACK, UNSUBACK -> 2;
        case DISCONNECT, AUTH -> 1;
        default -> throw new IllegalStateException("no properties in packet type " + type);
      };
    }
  }

  private static int readVarInt(byte[] body, int[] pos) {
    int value = 0;
    int multiplier = 1;
    int b;
    do {
      b = body[pos[0]++] & 0xFF;
      value += (b & 0x7F) * multiplier;
      multiplier *= 128;
    } while ((b & 0x80) != 0);
    return value;
  }

  private static byte[] readBinary(byte[] body, int[] pos) {
    int length = ((body[pos[0]] & 0xFF) << 8) | (body[pos[0] + 1] & 0xFF);
    byte[] bytes = new byte[length];
    System.arraycopy(body, pos[0] + 2, bytes, 0, length);
    pos[0] += 2 + length;
    return bytes;
  }

  /** MQTT 5 properties to put in a packet, in the order added. */
  public static final class Properties {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Properties byteProperty(int id, int value) {
      out.write(id);
      out.write(value);
      return this;
    }

    public Properties twoByte(int id, int value) {
      out.write(id);
      out.write(value >> 8);
      out.write(value & 0xFF);
      return this;
    }

    public Properties fourByte(int id, int value) {
      out.write(id);
      out.write(value >>> 24);
      out.write((value >> 16) & 0xFF);
      out.write((value >> 8) & 0xFF);
      out.write(value & 0xFF);
      return this;
    }

    public Properties string(int id, String value) {
      out.write(id);
      writeString(out, value.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    byte[] encoded() {
      byte[] bytes = out.toByteArray();
      ByteArrayOutputStream withLength = new ByteArrayOutputStream(bytes.length + 4);
      writeVariableInt(withLength, bytes.length);
      withLength.writeBytes(bytes);
      return withLength.toByteArray();
    }
  }

  public static Properties properties() {
    return new Properties();
  }

  /** Opens a connection, sends an MQTT 5 CONNECT (clean start) and asserts an accepting CONNACK. */
  public static RawMqttClient connect5(int port, String clientId, int keepAliveSeconds, Properties properties)
      throws IOException {
    RawMqttClient client = open(port);
    client.send(connect5Packet(clientId, keepAliveSeconds, properties));
    Packet connack = client.expect(CONNACK);
    assertThat(connack.returnCode()).as("CONNACK reason code of %s", clientId).isZero();
    client.lastConnack = connack;
    return client;
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private Packet lastConnack;

  private RawMqttClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  public static RawMqttClient open(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true);
    return new RawMqttClient(socket);
  }

  /** A client on a socket opened elsewhere, e.g. a TLS socket that sends an SNI host name. */
  public static RawMqttClient on(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return new RawMqttClient(socket);
  }

  /** Opens a connection, sends CONNECT and asserts an accepting CONNACK; returns the client and its CONNACK. */
  public static RawMqttClient connect(int port, String clientId, boolean cleanSession, int keepAliveSeconds, Will will)
      throws IOException {
    RawMqttClient client = open(port);
    client.send(connectPacket(clientId, cleanSession, keepAliveSeconds, will));
    Packet connack = client.expect(CONNACK);
    assertThat(connack.returnCode()).as("CONNACK return code of %s", clientId).isZero();
    client.lastConnack = connack;
    return client;
  }

  public static RawMqttClient connect(int port, String clientId, boolean cleanSession) throws IOException {
    return connect(port, clientId, cleanSession, 60, null);
  }

  /** Opens an MQTT 5 connection with the given clean start and Session Expiry Interval; asserts a CONNACK 0x00. */
  public static RawMqttClient connect5(int port, String clientId, boolean cleanStart, long sessionExpirySeconds)
      throws IOException {
    RawMqttClient client = open(port);
    client.send(connect5Packet(clientId, cleanStart, sessionExpirySeconds));
    Packet connack = client.expect(CONNACK);
    assertThat(connack.returnCode()).as("CONNACK reason code of %s", clientId).isZero();
    client.lastConnack = connack;
    return client;
  }

  /** The CONNACK that {@link #connect} received. */
  public Packet connack() {
    return lastConnack;
  }

  public int localPort() {
    return socket.getLocalPort();
  }

  public RawMqttClient send(byte[] packet) throws IOException {
    out.write(packet);
    out.flush();
    return this;
  }

  /** Reads the next packet; fails on timeout or when the broker closed the connection. */
  public Packet read(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    int header = readByte();
    int length = 0;
    int multiplier = 1;
    int b;
    do {
      b = readByte();
      length += (b & 0x7F) * multiplier;
      multiplier *= 128;
    } while ((b & 0x80) != 0);
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new EOFException("connection closed inside a packet");
    }
    return new Packet(header >> 4, header & 0x0F, body);
  }

  /** Reads the next packet and asserts its type. */
  public Packet expect(int type) throws IOException {
    Packet p = read(DEFAULT_TIMEOUT);
    assertThat(p.type()).as("packet type").isEqualTo(type);
    return p;
  }

  /** Subscribes and waits for the SUBACK; returns the granted QoS (0x80 on failure). */
  public int subscribe(int packetId, String filter, int qos) throws IOException {
    send(subscribePacket(packetId, filter, qos));
    Packet suback = expect(SUBACK);
    assertThat(suback.packetId()).isEqualTo(packetId);
    return suback.body()[2] & 0xFF;
  }

  /**
   * Whether the broker closes the connection within {@code timeout}; packets arriving meanwhile are skipped. A reset
   * counts as closed.
   */
  public boolean closedWithin(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] sink = new byte[4096];
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return false;
      }
      socket.setSoTimeout((int) left);
      try {
        if (in.read(sink) < 0) {
          return true;
        }
      } catch (SocketTimeoutException e) {
        return false;
      } catch (SocketException e) {
        return true;
      }
    }
  }

  /** Asserts that nothing arrives within {@code window} and that the connection stays open meanwhile. */
  public void assertSilentFor(Duration window) throws IOException {
    socket.setSoTimeout((int) window.toMillis());
    try {
      int b = in.read();
      throw new AssertionError(b < 0 ? "connection closed" : "unexpected packet of type " + (b >> 4));
    } catch (SocketTimeoutException expected) {
      // nothing arrived
    }
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("connection closed by the broker");
    }
    return b;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  // ---- encoding ------------------------------------------------------------------------------------------------------

  public static byte[] connectPacket(String clientId, boolean cleanSession, int keepAliveSeconds, Will will) {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    writeString(v, "MQTT".getBytes(StandardCharsets.US_ASCII));
    v.write(4); // 3.1.1
    int flags = cleanSession ? 0x02 : 0;
    if (will != null) {
      flags |= 0x04 | (will.qos() << 3) | (will.retain() ? 0x20 : 0);
    }
    v.write(flags);
    v.write(keepAliveSeconds >> 8);
    v.write(keepAliveSeconds & 0xFF);
    writeString(v, clientId.getBytes(StandardCharsets.UTF_8));
    if (will != null) {
      writeString(v, will.topic().getBytes(StandardCharsets.UTF_8));
      writeString(v, will.payload());
    }
    return packet(CONNECT << 4, v.toByteArray());
  }

  /** An MQTT 3.1.1 CONNECT with clean session and keepalive 60 s; a null username or password is left out. */
  public static byte[] connectPacket(String clientId, String username, String password) {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    writeString(v, "MQTT".getBytes(StandardCharsets.US_ASCII));
    v.write(4); // 3.1.1
    v.write(0x02 | (username == null ? 0 : 0x80) | (password == null ? 0 : 0x40));
    v.write(0);
    v.write(60);
    writeString(v, clientId.getBytes(StandardCharsets.UTF_8));
    if (username != null) {
      writeString(v, username.getBytes(StandardCharsets.UTF_8));
    }
    if (password != null) {
      writeString(v, password.getBytes(StandardCharsets.UTF_8));
    }
    return packet(CONNECT << 4, v.toByteArray());
  }

  /** An MQTT 5 CONNECT: clean start, no properties, no will. */
  public static byte[] connect5Packet(String clientId) {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    writeString(v, "MQTT".getBytes(StandardCharsets.US_ASCII));
    v.write(5);
    v.write(0x02);
    v.write(0);
    v.write(60);
    v.write(0); // properties length
    writeString(v, clientId.getBytes(StandardCharsets.UTF_8));
    return packet(CONNECT << 4, v.toByteArray());
  }

  /** An MQTT 5 CONNECT without will; a Session Expiry Interval property unless {@code sessionExpirySeconds} is 0. */
  public static byte[] connect5Packet(String clientId, boolean cleanStart, long sessionExpirySeconds) {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    writeString(v, "MQTT".getBytes(StandardCharsets.US_ASCII));
    v.write(5);
    v.write(cleanStart ? 0x02 : 0);
    v.write(0);
    v.write(60);
    if (sessionExpirySeconds == 0) {
      v.write(0);
    } else {
      v.write(5);
      v.write(0x11);
      writeInt(v, sessionExpirySeconds);
    }
    writeString(v, clientId.getBytes(StandardCharsets.UTF_8));
    return packet(CONNECT << 4, v.toByteArray());
  }

  /**
   * An MQTT 5 SUBSCRIBE of one filter with its options byte (QoS, No Local 0x04, Retain As Published 0x08, Retain
   * Handling << 4) and, unless {@code subscriptionId} is negative, a Subscription Identifier (0 included).
   */
  public static byte[] subscribe5Packet(int packetId, String filter, int options, int subscriptionId) {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    v.write(packetId >> 8);
    v.write(packetId & 0xFF);
    if (subscriptionId < 0) {
      v.write(0);
    } else {
      ByteArrayOutputStream props = new ByteArrayOutputStream();
      props.write(0x0B);
      writeVariableInt(props, subscriptionId);
      writeVariableInt(v, props.size());
      v.writeBytes(props.toByteArray());
    }
    writeString(v, filter.getBytes(StandardCharsets.UTF_8));
    v.write(options);
    return packet((SUBSCRIBE << 4) | 0x02, v.toByteArray());
  }

  /** An MQTT 5 DISCONNECT with {@code reason}, and a Session Expiry Interval unless it is negative. */
  public static byte[] disconnect5Packet(int reason, long sessionExpirySeconds) {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    v.write(reason);
    if (sessionExpirySeconds < 0) {
      v.write(0);
    } else {
      v.write(5);
      v.write(0x11);
      writeInt(v, sessionExpirySeconds);
    }
    return packet(DISCONNECT << 4, v.toByteArray());
  }

  /** An MQTT 5 CONNECT: clean start, no will, with {@code properties}. */
  public static byte[] connect5Packet(String clientId, int keepAliveSeconds, Properties properties) {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    writeString(v, "MQTT".getBytes(StandardCharsets.US_ASCII));
    v.write(5);
    v.write(0x02);
    v.write(keepAliveSeconds >> 8);
    v.write(keepAliveSeconds & 0xFF);
    v.writeBytes(properties.encoded());
    writeString(v, clientId.getBytes(StandardCharsets.UTF_8));
    return packet(CONNECT << 4, v.toByteArray());
  }

  /** An MQTT 5 PUBLISH with {@code properties} (packet id only for QoS 1/2). */
  public static byte[] publish5Packet(String topic, String payload, int qos, int packetId, Properties properties) {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    writeString(v, topic.getBytes(StandardCharsets.UTF_8));
    if (qos > 0) {
      v.write(packetId >> 8);
      v.write(packetId & 0xFF);
    }
    v.writeBytes(properties.encoded());
    v.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
    return packet((PUBLISH << 4) | (qos << 1), v.toByteArray());
  }

  /** An MQTT 5 SUBSCRIBE of one filter (options: the QoS, nothing else), no properties. */
  public static byte[] subscribe5Packet(int packetId, String filter, int qos) {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    v.write(packetId >> 8);
    v.write(packetId & 0xFF);
    v.write(0); // properties length
    writeString(v, filter.getBytes(StandardCharsets.UTF_8));
    v.write(qos);
    return packet((SUBSCRIBE << 4) | 0x02, v.toByteArray());
  }

  /** An MQTT 5 PUBACK, PUBREC, PUBREL or PUBCOMP with a reason code and no properties. */
  public static byte[] ack5Packet(int type, int packetId, int reasonCode) {
    int header = (type << 4) | (type == PUBREL ? 0x02 : 0);
    return packet(header, new byte[] {(byte) (packetId >> 8), (byte) packetId, (byte) reasonCode});
  }

  /** An MQTT 5 AUTH with a reason code (0x18 continue authentication) and no properties. */
  public static byte[] auth5Packet(int reasonCode) {
    return new byte[] {(byte) (AUTH << 4), 2, (byte) reasonCode, 0};
  }

  /** An MQTT 5 CONNECT with clean start, a user name and a password, no properties. */
  public static byte[] connect5Packet(String clientId, String username, String password) {
    return loginConnect(5, clientId, username, password);
  }

  private static byte[] loginConnect(int level, String clientId, String username, String password) {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    writeString(v, "MQTT".getBytes(StandardCharsets.US_ASCII));
    v.write(level);
    v.write(0x02 | 0x80 | 0x40);
    v.write(0);
    v.write(60);
    if (level >= 5) {
      v.write(0); // properties length
    }
    writeString(v, clientId.getBytes(StandardCharsets.UTF_8));
    writeString(v, username.getBytes(StandardCharsets.UTF_8));
    writeString(v, password.getBytes(StandardCharsets.UTF_8));
    return packet(CONNECT << 4, v.toByteArray());
  }

  /** An MQTT 5 QoS 0 PUBLISH without properties. */
  public static byte[] publish5Packet(String topic, String payload) {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    writeString(v, topic.getBytes(StandardCharsets.UTF_8));
    v.write(0); // properties length
    v.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
    return packet(PUBLISH << 4, v.toByteArray());
  }

  public static byte[] publishPacket(String topic, String payload, int qos, boolean dup, boolean retain, int packetId) {
    return publishPacket(topic.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8), qos, dup,
        retain, packetId);
  }

  /** A PUBLISH with the topic as raw bytes, so that a test can send invalid UTF-8. */
  public static byte[] publishPacket(byte[] topic, byte[] payload, int qos, boolean dup, boolean retain, int packetId) {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    writeString(v, topic);
    if (qos > 0) {
      v.write(packetId >> 8);
      v.write(packetId & 0xFF);
    }
    v.writeBytes(payload);
    int header = (PUBLISH << 4) | (dup ? 0x08 : 0) | (qos << 1) | (retain ? 0x01 : 0);
    return packet(header, v.toByteArray());
  }

  public static byte[] subscribePacket(int packetId, String filter, int qos) {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    v.write(packetId >> 8);
    v.write(packetId & 0xFF);
    writeString(v, filter.getBytes(StandardCharsets.UTF_8));
    v.write(qos);
    return packet((SUBSCRIBE << 4) | 0x02, v.toByteArray());
  }

  /** PUBACK, PUBREC, PUBREL or PUBCOMP; PUBREL carries the flags [MQTT-3.6.1-1] requires. */
  public static byte[] ackPacket(int type, int packetId) {
    int header = (type << 4) | (type == PUBREL ? 0x02 : 0);
    return packet(header, new byte[] {(byte) (packetId >> 8), (byte) packetId});
  }

  public static byte[] pingreqPacket() {
    return new byte[] {(byte) (PINGREQ << 4), 0};
  }

  public static byte[] disconnectPacket() {
    return new byte[] {(byte) (DISCONNECT << 4), 0};
  }

  private static void writeInt(ByteArrayOutputStream out, long value) {
    out.write((int) (value >> 24) & 0xFF);
    out.write((int) (value >> 16) & 0xFF);
    out.write((int) (value >> 8) & 0xFF);
    out.write((int) value & 0xFF);
  }

  private static void writeVariableInt(ByteArrayOutputStream out, int value) {
    do {
      int digit = value % 128;
      value /= 128;
      out.write(value > 0 ? digit | 0x80 : digit);
    } while (value > 0);
  }

  private static void writeString(ByteArrayOutputStream out, byte[] bytes) {
    out.write(bytes.length >> 8);
    out.write(bytes.length & 0xFF);
    out.writeBytes(bytes);
  }

  private static byte[] packet(int header, byte[] rest) {
    ByteArrayOutputStream p = new ByteArrayOutputStream(rest.length + 5);
    p.write(header);
    writeVariableInt(p, rest.length);
    p.writeBytes(rest);
    return p.toByteArray();
  }

}

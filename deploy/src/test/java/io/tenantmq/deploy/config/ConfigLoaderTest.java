package io.tenantmq.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tenantmq.deploy.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @Test
  void defaultsAreTheContractPorts() throws Exception {
    TenantMqConfig c = ConfigLoader.resolve(ConfigFile.EMPTY, ConfigFile.EMPTY);
    assertThat(c.role()).isEqualTo(Role.ALL);
    assertThat(c.mqttPort()).isEqualTo(1883);
    assertThat(c.wsPort()).isEqualTo(8083);
    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.tlsPort()).isEqualTo(-1);
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    ConfigFile bad = new ConfigFile("broker", null, 70000, null, -5, null, null, null, "", null,
        java.util.List.of("host:port:extra"), null, 10, null, 0, null, null);
    var e = catchThrowableOfType(ConfigLoader.InvalidConfigException.class, () -> ConfigLoader.resolve(ConfigFile.EMPTY, bad));
    assertThat(e.problems()).hasSize(7);
    assertThat(e.getMessage()).contains("role must be all, mqtt or gateway").contains("mqtt-port").contains("http-port")
        .contains("cluster member").contains("maxPacketSize").contains("maxInflight").contains("cluster-name");
  }

  @Test
  void unknownKeyInFileIsAnError(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("c.json"), "{\"mqttPrt\": 1}");
    var e = catchThrowableOfType(ConfigLoader.InvalidConfigException.class, () -> ConfigLoader.readFile(file));
    assertThat(e.getMessage()).contains("mqttPrt");
  }

  @Test
  void secretsAreReadFromTheFileCheckedAndNeverPrinted(@TempDir Path dir) throws Exception {
    String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    Path file = Files.writeString(dir.resolve("c.json"),
        "{\"adminToken\": \"file-token-0123456789\", \"secretEncryptionKey\": \"" + key + "\"}");
    TenantMqConfig c = ConfigLoader.resolve(ConfigLoader.readFile(file), ConfigFile.EMPTY);
    assertThat(c.adminToken().value()).isEqualTo("file-token-0123456789");
    assertThat(c.secretEncryptionKey().bytes()).isEqualTo(new byte[32]);
    assertThat(c.toString()).doesNotContain("file-token-0123456789").doesNotContain(key);
  }

  @Test
  void flagTokenWinsOverTheFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("c.json"), "{\"adminToken\": \"file-token-0123456789\"}");
    TenantMqConfig c = ConfigLoader.resolve(ConfigLoader.readFile(file),
        ConfigFile.EMPTY.withAdminToken(Secret.of("flag-token-0123456789")));
    assertThat(c.adminToken().value()).isEqualTo("flag-token-0123456789");
  }

  @Test
  void eventRetentionDefaultsTo72HoursAndTheFlagWinsOverTheFile(@TempDir Path dir) throws Exception {
    assertThat(ConfigLoader.resolve(ConfigFile.EMPTY, ConfigFile.EMPTY).eventRetentionHours()).isEqualTo(72);
    Path file = Files.writeString(dir.resolve("c.json"), "{\"eventRetentionHours\": 24}");
    assertThat(ConfigLoader.resolve(ConfigLoader.readFile(file), ConfigFile.EMPTY).eventRetentionHours()).isEqualTo(24);
    assertThat(ConfigLoader.resolve(ConfigLoader.readFile(file), ConfigFile.EMPTY.withEventRetentionHours(6))
        .eventRetentionHours()).isEqualTo(6);
    var e = catchThrowableOfType(ConfigLoader.InvalidConfigException.class,
        () -> ConfigLoader.resolve(ConfigFile.EMPTY, ConfigFile.EMPTY.withEventRetentionHours(0)));
    assertThat(e.getMessage()).contains("event-retention-hours");
  }

  @Test
  void shortTokenAndMalformedKeyAreReportedWithoutEchoingThem() {
    ConfigFile bad = new ConfigFile(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, Secret.of("short"), Secret.of("bm90LTMyLWJ5dGVz"));
    var e = catchThrowableOfType(ConfigLoader.InvalidConfigException.class,
        () -> ConfigLoader.resolve(ConfigFile.EMPTY, bad));
    assertThat(e.problems()).hasSize(2);
    assertThat(e.getMessage()).contains("admin-token").contains("16").contains("secretEncryptionKey")
        .doesNotContain("short").doesNotContain("bm90LTMyLWJ5dGVz");
  }

  @Test
  void tlsIsOffByDefaultAndItsKeysComeFromTheFileWithFlagsWinning(@TempDir Path dir) throws Exception {
    TenantMqConfig defaults = ConfigLoader.resolve(ConfigFile.EMPTY, ConfigFile.EMPTY);
    assertThat(defaults.wssPort()).isEqualTo(-1);
    assertThat(defaults.tls()).isEqualTo(new TenantMqConfig.Tls(null, null, null));

    Path cert = Files.writeString(dir.resolve("server.crt"), "pem");
    Path key = Files.writeString(dir.resolve("server.key"), "pem");
    Path file = Files.writeString(dir.resolve("c.json"), "{\"tlsPort\": 8883, \"wssPort\": 8084, \"tlsCert\": \""
        + cert + "\", \"tlsKey\": \"" + key + "\", \"sniDomain\": \"MQTT.Example.com.\"}");
    TenantMqConfig c = ConfigLoader.resolve(ConfigLoader.readFile(file), ConfigFile.EMPTY.withTls(0, null, null, null));
    assertThat(c.tlsPort()).isEqualTo(8883);
    assertThat(c.wssPort()).isZero();
    assertThat(c.tls()).isEqualTo(new TenantMqConfig.Tls(cert, key, "mqtt.example.com"));
  }

  @Test
  void badTlsSettingsAreReportedTogether(@TempDir Path dir) throws Exception {
    Path cert = Files.writeString(dir.resolve("server.crt"), "pem");
    ConfigFile onlyCert = ConfigFile.EMPTY.withTls(70000, cert.toString(), null, "not a domain!");
    var e = catchThrowableOfType(ConfigLoader.InvalidConfigException.class,
        () -> ConfigLoader.resolve(ConfigFile.EMPTY, onlyCert));
    assertThat(e.problems()).hasSize(3);
    assertThat(e.getMessage()).contains("wss-port").contains("tls-cert and tls-key go together").contains("sni-domain");

    ConfigFile missing = ConfigFile.EMPTY.withTls(null, dir.resolve("nope.crt").toString(),
        dir.resolve("nope.key").toString(), null);
    e = catchThrowableOfType(ConfigLoader.InvalidConfigException.class,
        () -> ConfigLoader.resolve(ConfigFile.EMPTY, missing));
    assertThat(e.getMessage()).contains("nope.crt is not a readable file").contains("nope.key is not a readable file");
  }
}

package io.tenantmq.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tenantmq.deploy.Launcher;
import io.tenantmq.deploy.config.ConfigFile;
import io.tenantmq.deploy.config.ConfigLoader;
import io.tenantmq.deploy.config.TenantMqConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The cluster flags {@code --join} and {@code --failure-detection-seconds}: defaults, file keys, bad values. */
class ClusterFlagsTest {

  @Test
  void defaultsJoinByTcpAndDetectFailuresInSixSeconds() throws Exception {
    TenantMqConfig c = ConfigLoader.resolve(ConfigFile.EMPTY, ConfigFile.EMPTY);
    assertThat(c.kubernetesServiceDns()).isNull();
    assertThat(c.failureDetectionSeconds()).isEqualTo(6);
  }

  @Test
  void kubernetesJoinNamesTheHeadlessService() throws Exception {
    TenantMqConfig c = ConfigLoader.resolve(ConfigFile.EMPTY,
        ConfigFile.EMPTY.withJoin("kubernetes:tenantmq-hz.mqtt.svc.cluster.local", 3));
    assertThat(c.kubernetesServiceDns()).isEqualTo("tenantmq-hz.mqtt.svc.cluster.local");
    assertThat(c.failureDetectionSeconds()).isEqualTo(3);
    assertThat(ConfigLoader.resolve(ConfigFile.EMPTY, ConfigFile.EMPTY.withJoin("tcp", null)).kubernetesServiceDns())
        .isNull();
  }

  @Test
  void theConfigFileTakesTheSameNamesAndFlagsWin(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("c.json"),
        "{\"join\": \"kubernetes:from-file\", \"failureDetectionSeconds\": 10}");
    TenantMqConfig fromFile = ConfigLoader.resolve(ConfigLoader.readFile(file), ConfigFile.EMPTY);
    assertThat(fromFile.kubernetesServiceDns()).isEqualTo("from-file");
    assertThat(fromFile.failureDetectionSeconds()).isEqualTo(10);
    TenantMqConfig flagged = ConfigLoader.resolve(ConfigLoader.readFile(file), ConfigFile.EMPTY.withJoin("tcp", 4));
    assertThat(flagged.kubernetesServiceDns()).isNull();
    assertThat(flagged.failureDetectionSeconds()).isEqualTo(4);
  }

  @Test
  void badJoinAndTooShortDetectionAreReportedTogether() {
    var e = catchThrowableOfType(ConfigLoader.InvalidConfigException.class, () -> ConfigLoader.resolve(
        ConfigFile.EMPTY, ConfigFile.EMPTY.withJoin("kubernetes:", 1)));
    assertThat(e.problems()).hasSize(2);
    assertThat(e.getMessage()).contains("join must be tcp or kubernetes:<service-dns>")
        .contains("failure-detection-seconds must be within 2..300, was 1");
    var multicast = catchThrowableOfType(ConfigLoader.InvalidConfigException.class, () -> ConfigLoader.resolve(
        ConfigFile.EMPTY, ConfigFile.EMPTY.withJoin("multicast", null)));
    assertThat(multicast.getMessage()).contains("was 'multicast'");
  }

  @Test
  void theLauncherOffersBothFlags() {
    String usage = new CommandLine(new Launcher()).getUsageMessage();
    assertThat(usage).contains("--join=tcp|kubernetes:SERVICE_DNS").contains("--failure-detection-seconds=S");
  }
}

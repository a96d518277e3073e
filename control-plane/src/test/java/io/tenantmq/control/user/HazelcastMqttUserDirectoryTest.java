package io.tenantmq.control.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantmq.control.testing.EmbeddedMember;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HazelcastMqttUserDirectoryTest {

  static EmbeddedMember member;
  static MqttUserDirectory users;

  @BeforeAll
  static void start() {
    member = new EmbeddedMember("user-test");
    users = member.control.users();
  }

  @AfterAll
  static void stop() {
    member.close();
  }

  @Test
  void userAuthenticatesWithItsPasswordInItsInstanceOnly() throws Exception {
    users.create(MqttUser.create("mqtt-a", "dev1", "pw-1", true, false, "r", 1)).toCompletableFuture().get();
    assertThat(users.authenticate("mqtt-a", "dev1", "pw-1").toCompletableFuture().get())
        .hasValueSatisfying(u -> assertThat(u.permWrite()).isFalse());
    assertThat(users.authenticate("mqtt-a", "dev1", "pw-2").toCompletableFuture().get()).isEmpty();
    assertThat(users.authenticate("mqtt-b", "dev1", "pw-1").toCompletableFuture().get()).isEmpty();
  }

  @Test
  void createRefusesAnExistingNameAndListIsPerInstance() throws Exception {
    assertThat(users.create(MqttUser.create("mqtt-l", "a", "x", true, true, null, 1)).toCompletableFuture().get()).isTrue();
    assertThat(users.create(MqttUser.create("mqtt-l", "a", "y", true, true, null, 2)).toCompletableFuture().get()).isFalse();
    users.create(MqttUser.create("mqtt-l", "b", "x", true, true, null, 1)).toCompletableFuture().get();
    users.create(MqttUser.create("mqtt-other", "c", "x", true, true, null, 1)).toCompletableFuture().get();
    assertThat(users.list("mqtt-l").toCompletableFuture().get()).extracting(MqttUser::username).containsExactly("a", "b");
    assertThat(users.deleteAll("mqtt-l").toCompletableFuture().get()).isEqualTo(2);
    assertThat(users.list("mqtt-l").toCompletableFuture().get()).isEmpty();
    assertThat(users.list("mqtt-other").toCompletableFuture().get()).hasSize(1);
  }

  @Test
  void updateChangesPermissionsOfAnExistingUserOnly() throws Exception {
    MqttUser u = MqttUser.create("mqtt-u", "dev", "pw", true, true, null, 1);
    users.create(u).toCompletableFuture().get();
    assertThat(users.update(u.withPermissions(false, true, "ro", 5)).toCompletableFuture().get()).isTrue();
    MqttUser read = users.get(u.key()).toCompletableFuture().get().orElseThrow();
    assertThat(read.permRead()).isFalse();
    assertThat(read.modifiedAtMillis()).isEqualTo(5);
    assertThat(read.toString()).doesNotContain(read.passwordHash());
    assertThat(users.update(MqttUser.create("mqtt-u", "ghost", "pw", true, true, null, 1)).toCompletableFuture().get())
        .isFalse();
  }
}

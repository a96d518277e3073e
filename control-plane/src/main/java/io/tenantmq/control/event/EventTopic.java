package io.tenantmq.control.event;

import java.io.Serializable;
import java.util.Objects;

/**
 * A topic that consumers subscribe to, a view of one instance's stream: the instance topic (named as the instance)
 * carries every client's events; a Group ID topic {@code <GroupID>_MQTT} (Alibaba Cloud's {@code GID_xxx_MQTT})
 * carries the events of the clients whose id is {@code <GroupID>@@@<DeviceID>}.
 *
 * @param groupId null for the instance topic
 */
public record EventTopic(String instanceId, String groupId) implements Serializable {

  /** The suffix of Group ID topics. */
  public static final String GROUP_SUFFIX = "_MQTT";

  public EventTopic {
    Objects.requireNonNull(instanceId, "instanceId");
  }

  /**
   * The topic {@code name} of {@code instanceId}: the instance id itself, or {@code <GroupID>_MQTT}.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static EventTopic of(String instanceId, String name) {
    if (name == null || name.isEmpty() || name.equals(instanceId)) {
      return new EventTopic(instanceId, null);
    }
    if (name.endsWith(GROUP_SUFFIX) && name.length() > GROUP_SUFFIX.length()) {
      String groupId = name.substring(0, name.length() - GROUP_SUFFIX.length());
      if (groupId.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        return new EventTopic(instanceId, groupId);
      }
    }
    throw new IllegalArgumentException("unknown topic '" + name + "': use the instance id " + instanceId
        + " or <GroupID>" + GROUP_SUFFIX);
  }

  public String name() {
    return groupId == null ? instanceId : groupId + GROUP_SUFFIX;
  }

  /** Whether {@code event} (of this topic's instance) belongs to this topic. */
  public boolean includes(ClientEvent event) {
    return groupId == null || groupId.equals(event.groupId());
  }
}

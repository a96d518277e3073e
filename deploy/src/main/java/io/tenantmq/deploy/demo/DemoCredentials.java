package io.tenantmq.deploy.demo;

import java.io.Serializable;

/**
 * What {@code demo-credentials.json} holds. The file's shape is part of the contract (DESIGN.md): sections appear as
 * the features behind them land; today the ids of the demo tenant and its instance.
 */
public record DemoCredentials(String tenantId, String instanceId) implements Serializable {
}

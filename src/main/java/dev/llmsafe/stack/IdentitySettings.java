package dev.llmsafe.stack;

import java.util.List;
import java.util.Map;

/** Workload Identity Federation for GitHub Actions and the project roles of each environment's deployer. */
public record IdentitySettings(String poolId, String providerId, Map<String, List<String>> deployerRoles) {}

package io.secureoverlay.ui.cluster;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded sandbox cluster's shape ({@code secureoverlay.sandbox.*}), used only when {@code
 * secureoverlay.cluster.mode=sandbox}.
 *
 * @param nodes how many simulated nodes it starts with
 * @param retireGracePeriod the sandbox's {@code spec.retireGracePeriod}: short, so that a rotation
 *     started in the console finishes while the operator watches (a real cluster keeps its own)
 */
@Validated
@ConfigurationProperties(prefix = "secureoverlay.sandbox")
public record SandboxProperties(
    @DefaultValue("6") @Min(1) @Max(2000) int nodes,
    @DefaultValue("15s") @NotBlank String retireGracePeriod) {}

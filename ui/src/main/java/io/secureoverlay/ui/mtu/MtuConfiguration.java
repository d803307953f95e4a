package io.secureoverlay.ui.mtu;

import io.secureoverlay.mtu.EspMtuCalculator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MTU feature's beans. The two sources default to "nothing reported"; the cluster integration
 * provides its own beans (marked {@code @Primary} where this configuration may be read first).
 */
@Configuration
public class MtuConfiguration {

  @Bean
  public EspMtuCalculator espMtuCalculator() {
    return new EspMtuCalculator();
  }

  @Bean
  @ConditionalOnMissingBean
  public UnderlayMtuSource underlayMtuSource() {
    return new NoUnderlayMtuReports();
  }

  @Bean
  @ConditionalOnMissingBean
  public ConfiguredTunnelMtuSource configuredTunnelMtuSource() {
    return new NoConfiguredTunnelMtu();
  }

  @Bean
  public OverheadChartRenderer overheadChartRenderer() {
    return new OverheadChartRenderer();
  }
}

package io.secureoverlay.ui.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;

class ConsoleErrorHandlerTest {

  @Test
  void aDownloadTheBrowserAbandonedIsNotAnError() {
    assertThat(ConsoleErrorHandler.isClientAbort(new ClientAbortException("Broken pipe"))).isTrue();
    assertThat(
            ConsoleErrorHandler.isClientAbort(
                new UncheckedIOException(new ClientAbortException(new IOException("reset")))))
        .isTrue();
  }

  @Test
  void otherFailuresStillAre() {
    assertThat(ConsoleErrorHandler.isClientAbort(new IOException("disk full"))).isFalse();
    assertThat(ConsoleErrorHandler.isClientAbort(new IllegalStateException("bug"))).isFalse();
  }
}

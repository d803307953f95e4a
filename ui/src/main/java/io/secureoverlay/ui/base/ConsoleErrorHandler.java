package io.secureoverlay.ui.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Turns any unexpected error in a view into a short notice for the operator and one log line with
 * the stack trace for the administrator: the browser never sees a stack trace.
 */
@Component
public class ConsoleErrorHandler implements ErrorHandler, VaadinServiceInitListener {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleErrorHandler.class);

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
  }

  @Override
  public void error(ErrorEvent event) {
    Throwable error = event.getThrowable();
    String message;
    if (isClientAbort(error)) {
      // The browser dropped a download it no longer needs (a chart or pair-matrix image replaced
      // by a newer one mid-transfer): nothing went wrong and nobody needs telling.
      LOG.debug("event=client_aborted_download type={}", error.getClass().getName());
      return;
    }
    if (error instanceof AccessDeniedException) {
      LOG.warn("event=access_denied reason={}", error.getMessage());
      message = "Your role does not allow this action.";
    } else {
      LOG.error("event=ui_error type={}", error.getClass().getName(), error);
      message = "Something went wrong; the details are in the console's log.";
    }
    UI ui = UI.getCurrent();
    if (ui != null) {
      ui.access(
          () ->
              Notification.show(message, 5000, Notification.Position.TOP_CENTER)
                  .addThemeVariants(NotificationVariant.LUMO_ERROR));
    }
  }

  static boolean isClientAbort(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t.getClass().getName().equals("org.apache.catalina.connector.ClientAbortException")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}

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
}

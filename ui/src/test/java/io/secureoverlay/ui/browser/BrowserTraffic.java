package io.secureoverlay.ui.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Everything the server sent the browser: push messages (WebSocket frames both ways) and the bodies
 * of Vaadin's UIDL responses, read from Chromium's performance log (the DevTools network events).
 * Drained after every step, since response bodies are only kept for the current page.
 */
final class BrowserTraffic {

  private final ObjectMapper json = new ObjectMapper();
  private final StringBuilder seen = new StringBuilder();
  private int frames;
  private int responses;

  void drain(ChromeDriver driver) {
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      try {
        JsonNode message = json.readTree(entry.getMessage()).path("message");
        String method = message.path("method").asText();
        JsonNode params = message.path("params");
        if (method.startsWith("Network.webSocketFrame")) {
          seen.append(params.path("response").path("payloadData").asText()).append('\n');
          frames++;
        } else if (method.equals("Network.responseReceived")
            && params.path("response").path("url").asText().contains("v-r=")) {
          Object body =
              driver
                  .executeCdpCommand(
                      "Network.getResponseBody",
                      Map.of("requestId", params.path("requestId").asText()))
                  .get("body");
          seen.append(body).append('\n');
          responses++;
        }
      } catch (Exception e) {
        // A body the browser already dropped (navigated away) cannot be read; the frames and
        // the other responses still are.
      }
    }
  }

  String text() {
    return seen.toString();
  }

  int frames() {
    return frames;
  }

  int responses() {
    return responses;
  }
}

package io.secureoverlay.protocol;

/**
 * The keys Secret cannot be read. The message names the field ({@code data.epoch-42}, {@code
 * data.cipher}, ...) and what is wrong with it; it never carries key bytes, their base64 or any
 * part of them, and there is never a cause that could.
 */
public class KeysSecretFormatException extends RuntimeException {

  private final String field;

  public KeysSecretFormatException(String field, String problem) {
    super(field + ": " + problem, null, false, false);
    this.field = field;
  }

  /** The offending field, e.g. {@code data.epoch-42}. */
  public String field() {
    return field;
  }
}

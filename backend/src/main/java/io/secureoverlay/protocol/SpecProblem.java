package io.secureoverlay.protocol;

/**
 * One thing wrong with a spec.
 *
 * @param field the path of the offending field, e.g. {@code spec.cipher}
 * @param message what is wrong and what would be accepted
 */
public record SpecProblem(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}

package io.secureoverlay.master;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.KeysSecretCodec;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.SpecProblem;
import io.secureoverlay.protocol.SpecValidator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Input the master refuses to act on (docs/design/plan-protocol.md, section 7): an invalid spec, an
 * unreadable or missing keys Secret, or a cipher change while epochs are live. A refusal names the
 * field; the plan is left exactly as it is.
 */
final class InputGate {

  /** Why the master refuses, as it appears in the Degraded condition and the Warning event. */
  record Refusal(String reason, String message) {}

  static final String INVALID_SPEC = "InvalidSpec";
  static final String KEYS_INVALID = "KeysSecretInvalid";
  static final String KEYS_MISSING = "KeysSecretMissing";
  static final String CIPHER_CHANGE = "CipherChangeRefused";

  private final SpecValidator validator = new SpecValidator();

  Optional<Refusal> check(PlanInput input) {
    List<SpecProblem> problems = validator.validate(input.spec());
    if (!problems.isEmpty()) {
      return Optional.of(
          new Refusal(
              INVALID_SPEC,
              "spec refused, nothing changed: "
                  + problems.stream()
                      .map(SpecProblem::toString)
                      .collect(Collectors.joining("; "))));
    }
    SecureOverlayStatus status = input.status();
    List<Long> live =
        status == null ? List.of() : status.getEpochs().stream().map(EpochStatus::number).toList();
    String secret = KeysSecretCodec.NAMESPACE + "/" + KeysSecretCodec.SECRET_NAME;
    if (input.keys() instanceof KeysView.Malformed m) {
      return Optional.of(
          new Refusal(
              KEYS_INVALID,
              "keys Secret "
                  + secret
                  + " refused, nothing changed: "
                  + m.field()
                  + ": "
                  + m.problem()));
    }
    if (input.keys() instanceof KeysView.Absent && !live.isEmpty()) {
      return Optional.of(
          new Refusal(
              KEYS_MISSING,
              "keys Secret " + secret + " is missing while epochs " + live + " are live"));
    }
    if (input.keys() instanceof KeysView.Present keys) {
      Optional<Long> lost = live.stream().filter(e -> !keys.has(e)).findFirst();
      if (lost.isPresent()) {
        return Optional.of(
            new Refusal(
                KEYS_INVALID,
                "keys Secret "
                    + secret
                    + " refused, nothing changed: data."
                    + KeysSecretCodec.EPOCH_PREFIX
                    + lost.get()
                    + ": missing, but the plan has epoch "
                    + lost.get()
                    + " live"));
      }
      if (!live.isEmpty() && Boolean.TRUE.equals(input.spec().getEnabled())) {
        return cipherChange(input, keys);
      }
    }
    return Optional.empty();
  }

  private static Optional<Refusal> cipherChange(PlanInput input, KeysView.Present keys) {
    Cipher cipher = Cipher.fromId(input.spec().getCipher());
    IcvLength icv = IcvLength.fromBits(input.spec().getIcvBits());
    if (cipher != keys.cipher()) {
      return Optional.of(
          new Refusal(
              CIPHER_CHANGE,
              "spec.cipher: "
                  + cipher.id()
                  + " differs from the live epochs' "
                  + keys.cipher().id()
                  + "; the cipher cannot change while encryption is on: set spec.enabled to"
                  + " false, then change it and enable again"));
    }
    if (icv != keys.icv()) {
      return Optional.of(
          new Refusal(
              CIPHER_CHANGE,
              "spec.icvBits: "
                  + icv.bits()
                  + " differs from the live epochs' "
                  + keys.icv().bits()
                  + "; the ICV length cannot change while encryption is on: set spec.enabled to"
                  + " false, then change it and enable again"));
    }
    return Optional.empty();
  }
}

package io.secureoverlay.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.model.Cipher;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the pair-key schedule over many random inputs. Each case draws from its own fixed
 * seed, so a failing case number reproduces; only contexts are ever printed, never keys.
 */
class PairKeyDeriverProperties {

  private static final long SEED = 0x4B45_5953L;

  static IntStream cases60() {
    return IntStream.range(0, 60);
  }

  static IntStream cases200() {
    return IntStream.range(0, 200);
  }

  /**
   * For a pool of IPv4 addresses and IPv6 addresses that embed the same four bytes (so only the
   * family tells them apart), every ordered pair in both directions, in two adjacent epochs, with
   * both ciphers, gets a key of its own.
   */
  @ParameterizedTest(name = "case {0}")
  @MethodSource("cases60")
  void distinctContextsGiveDistinctKeys(int caseNumber) {
    SplittableRandom random = new SplittableRandom(SEED + caseNumber);
    long epoch = random.nextLong(0, Long.MAX_VALUE - 1);
    List<InetAddress> v4 = new ArrayList<>();
    List<InetAddress> v6 = new ArrayList<>();
    int poolSize = random.nextInt(2, 6);
    while (v4.size() < poolSize) {
      byte[] four = bytes(random, 4);
      InetAddress address = address(four);
      if (!v4.contains(address)) {
        v4.add(address);
        v6.add(address(embedInIpv6(four)));
      }
    }

    PairKeyDeriver deriver = new PairKeyDeriver();
    Map<String, String> contextByKey = new HashMap<>();
    int derived = 0;
    try (SecretBytes secret = SecretBytes.wrap(bytes(random, 32))) {
      for (List<InetAddress> family : List.of(v4, v6)) {
        for (InetAddress src : family) {
          for (InetAddress dst : family) {
            if (src.equals(dst)) {
              continue;
            }
            for (long k : new long[] {epoch, epoch + 1}) {
              for (Cipher cipher : Cipher.values()) {
                try (SecretBytes key = deriver.derive(secret, k, src, dst, cipher)) {
                  byte[] keyBytes = key.copy();
                  String context = k + " " + src + "->" + dst + " " + cipher;
                  String clash = contextByKey.put(Arrays.toString(keyBytes), context);
                  Arrays.fill(keyBytes, (byte) 0);
                  assertThat(clash).as("context sharing a key with %s", context).isNull();
                  derived++;
                }
              }
            }
          }
        }
      }
    }
    assertThat(derived).isEqualTo(2 * poolSize * (poolSize - 1) * 2 * Cipher.values().length);
  }

  /** Two nodes with their own deriver instances agree on every key: nothing but S_k is shared. */
  @ParameterizedTest(name = "case {0}")
  @MethodSource("cases200")
  void sameInputsGiveTheSameKeyOnTwoNodes(int caseNumber) {
    SplittableRandom random = new SplittableRandom(SEED + 1000 + caseNumber);
    byte[] secretBytes = bytes(random, 32);
    long epoch = random.nextLong(0, Long.MAX_VALUE);
    InetAddress[] pair = addressPair(random);
    Cipher cipher = Cipher.values()[random.nextInt(Cipher.values().length)];
    try (SecretBytes onSender = SecretBytes.copyOf(secretBytes);
        SecretBytes onReceiver = SecretBytes.wrap(secretBytes);
        SecretBytes a = new PairKeyDeriver().derive(onSender, epoch, pair[0], pair[1], cipher);
        SecretBytes b = new PairKeyDeriver().derive(onReceiver, epoch, pair[0], pair[1], cipher)) {
      assertThat(a.length()).isEqualTo(cipher.keyWithSaltBytes());
      assertThat(a.sameBytesAs(b)).isTrue();
    }
  }

  /** A different epoch secret gives a different key for the same pair: epochs really rotate. */
  @ParameterizedTest(name = "case {0}")
  @MethodSource("cases200")
  void differentEpochSecretsGiveDifferentKeys(int caseNumber) {
    SplittableRandom random = new SplittableRandom(SEED + 2000 + caseNumber);
    byte[] first = bytes(random, 32);
    byte[] second = bytes(random, 32);
    InetAddress[] pair = addressPair(random);
    Cipher cipher = Cipher.values()[random.nextInt(Cipher.values().length)];
    try (SecretBytes s1 = SecretBytes.wrap(first);
        SecretBytes s2 = SecretBytes.wrap(second);
        SecretBytes k1 = new PairKeyDeriver().derive(s1, 5, pair[0], pair[1], cipher);
        SecretBytes k2 = new PairKeyDeriver().derive(s2, 5, pair[0], pair[1], cipher)) {
      assertThat(k1.sameBytesAs(k2)).isFalse();
    }
  }

  /** Two distinct addresses of one family, IPv4 or IPv6 (ULA, clear of the IPv4-mapped form). */
  private static InetAddress[] addressPair(SplittableRandom random) {
    boolean v6 = random.nextBoolean();
    while (true) {
      InetAddress a = v6 ? ula(random) : address(bytes(random, 4));
      InetAddress b = v6 ? ula(random) : address(bytes(random, 4));
      if (!a.equals(b)) {
        return new InetAddress[] {a, b};
      }
    }
  }

  private static InetAddress ula(SplittableRandom random) {
    byte[] full = bytes(random, 16);
    full[0] = (byte) 0xfd;
    return address(full);
  }

  private static byte[] bytes(SplittableRandom random, int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }

  private static byte[] embedInIpv6(byte[] four) {
    byte[] full = new byte[16];
    full[0] = (byte) 0xfd;
    System.arraycopy(four, 0, full, 12, 4);
    return full;
  }

  private static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("bad address length " + bytes.length, e);
    }
  }
}

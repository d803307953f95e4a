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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class PairKeyDeriverProperties {

  /**
   * For a pool of IPv4 addresses and IPv6 addresses that embed the same four bytes (so only the
   * family tells them apart), every ordered pair in both directions, in two adjacent epochs, with
   * both ciphers, gets a key of its own.
   */
  @Property(tries = 60)
  void distinctContextsGiveDistinctKeys(
      @ForAll @Size(32) byte[] secretBytes,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE - 1) long epoch,
      @ForAll("ipv4Pools") List<byte[]> ipv4Pool) {
    List<InetAddress> v4 = new ArrayList<>();
    List<InetAddress> v6 = new ArrayList<>();
    for (byte[] four : ipv4Pool) {
      v4.add(address(four));
      v6.add(address(embedInIpv6(four)));
    }
    Assume.that(v4.stream().distinct().count() == v4.size());

    PairKeyDeriver deriver = new PairKeyDeriver();
    Map<String, String> contextByKey = new HashMap<>();
    int derived = 0;
    try (SecretBytes secret = SecretBytes.copyOf(secretBytes)) {
      for (List<InetAddress> family : List.of(v4, v6)) {
        for (InetAddress src : family) {
          for (InetAddress dst : family) {
            if (src.equals(dst)) {
              continue;
            }
            for (long k : new long[] {epoch, epoch + 1}) {
              for (Cipher cipher : Cipher.values()) {
                try (SecretBytes key = deriver.derive(secret, k, src, dst, cipher)) {
                  byte[] bytes = key.copy();
                  String context = k + " " + src + "->" + dst + " " + cipher;
                  String clash = contextByKey.put(Arrays.toString(bytes), context);
                  Arrays.fill(bytes, (byte) 0);
                  // Only contexts are printed on failure, never key bytes.
                  assertThat(clash).as("context sharing a key with %s", context).isNull();
                  derived++;
                }
              }
            }
          }
        }
      }
    }
    int n = ipv4Pool.size();
    assertThat(derived).isEqualTo(2 * n * (n - 1) * 2 * Cipher.values().length);
  }

  /** Two nodes with their own deriver instances agree on every key: nothing but S_k is shared. */
  @Property(tries = 200)
  void sameInputsGiveTheSameKeyOnTwoNodes(
      @ForAll @Size(32) byte[] secretBytes,
      @ForAll @LongRange(min = 0) long epoch,
      @ForAll("addressPairs") InetAddress[] pair,
      @ForAll Cipher cipher) {
    try (SecretBytes onSender = SecretBytes.copyOf(secretBytes);
        SecretBytes onReceiver = SecretBytes.copyOf(secretBytes);
        SecretBytes a = new PairKeyDeriver().derive(onSender, epoch, pair[0], pair[1], cipher);
        SecretBytes b = new PairKeyDeriver().derive(onReceiver, epoch, pair[0], pair[1], cipher)) {
      assertThat(a.length()).isEqualTo(cipher.keyWithSaltBytes());
      assertThat(a.sameBytesAs(b)).isTrue();
    }
  }

  /** A different epoch secret gives a different key for the same pair: epochs really rotate. */
  @Property(tries = 200)
  void differentEpochSecretsGiveDifferentKeys(
      @ForAll @Size(32) byte[] first,
      @ForAll @Size(32) byte[] second,
      @ForAll("addressPairs") InetAddress[] pair,
      @ForAll Cipher cipher) {
    Assume.that(!Arrays.equals(first, second));
    try (SecretBytes s1 = SecretBytes.copyOf(first);
        SecretBytes s2 = SecretBytes.copyOf(second);
        SecretBytes k1 = new PairKeyDeriver().derive(s1, 5, pair[0], pair[1], cipher);
        SecretBytes k2 = new PairKeyDeriver().derive(s2, 5, pair[0], pair[1], cipher)) {
      assertThat(k1.sameBytesAs(k2)).isFalse();
    }
  }

  @Provide
  Arbitrary<List<byte[]>> ipv4Pools() {
    return Arbitraries.bytes().array(byte[].class).ofSize(4).list().ofMinSize(2).ofMaxSize(5);
  }

  @Provide
  Arbitrary<InetAddress[]> addressPairs() {
    Arbitrary<InetAddress[]> v4 =
        Combinators.combine(ipv4(), ipv4()).as((a, b) -> new InetAddress[] {a, b});
    Arbitrary<InetAddress[]> v6 =
        Combinators.combine(ipv6(), ipv6()).as((a, b) -> new InetAddress[] {a, b});
    return Arbitraries.oneOf(v4, v6).filter(pair -> !pair[0].equals(pair[1]));
  }

  private static Arbitrary<InetAddress> ipv4() {
    return Arbitraries.bytes().array(byte[].class).ofSize(4).map(PairKeyDeriverProperties::address);
  }

  /**
   * ULA addresses: a fixed fd first byte keeps clear of the IPv4-mapped form Java turns into v4.
   */
  private static Arbitrary<InetAddress> ipv6() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofSize(15)
        .map(
            rest -> {
              byte[] full = new byte[16];
              full[0] = (byte) 0xfd;
              System.arraycopy(rest, 0, full, 1, 15);
              return address(full);
            });
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

package io.secureoverlay.agent.dataplane;

/**
 * Hash codes for identities built from node addresses. A record's own {@code hashCode} is {@code 31
 * * a + b}, and an IPv4 address hashes to its own 32 bits: underlay addresses are consecutive in a
 * few subnets, so identities toward a thousand peers landed in a few hundred of a {@code HashMap}'s
 * buckets, bins turned into trees and every lookup of an agent's pass walked one. Mixing with the
 * finalizer of MurmurHash3 spreads every input bit over the whole code.
 */
public final class HashMix {

  private HashMix() {}

  /** A well-spread hash of two values, in order ({@code of(a, b)} and {@code of(b, a)} differ). */
  public static int of(int a, int b) {
    long x = ((long) a << 32) ^ (b & 0xFFFF_FFFFL);
    x ^= x >>> 33;
    x *= 0xFF51_AFD7_ED55_8CCDL;
    x ^= x >>> 33;
    x *= 0xC4CE_B9FE_1A85_EC53L;
    x ^= x >>> 33;
    return (int) x;
  }
}

package io.secureoverlay.agent.netlink;

import jnr.ffi.LibraryLoader;

/**
 * Loads {@link LibC} once and turns a negative return into an {@link ErrnoException} at once, so no
 * caller ever looks at a raw -1.
 */
final class NativeLibC {

  /** Loaded on first use; immutable afterwards. */
  static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");

  private static final jnr.ffi.Runtime RUNTIME = jnr.ffi.Runtime.getRuntime(LIBC);

  private NativeLibC() {}

  /** errno saved by this thread's last {@link LibC} call. */
  static int lastErrno() {
    return RUNTIME.getLastError();
  }

  /** Returns {@code result} unless it is negative, in which case errno becomes the exception. */
  static int check(int result, String operation) {
    if (result < 0) {
      throw ErrnoException.fromSyscall(lastErrno(), operation);
    }
    return result;
  }

  /** {@link #check(int, String)} for the ssize_t returns of send and receive. */
  static long check(long result, String operation) {
    if (result < 0) {
      throw ErrnoException.fromSyscall(lastErrno(), operation);
    }
    return result;
  }
}

package io.secureoverlay.agent.netlink;

import java.nio.ByteBuffer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The few libc calls the netlink layer needs, bound through jnr-ffi. Every call saves errno ({@link
 * SaveError}) so that {@link NativeLibC#lastErrno()} reads the value of this thread's last call.
 * Buffers passed here are direct {@link ByteBuffer}s, so jnr-ffi hands the kernel their address and
 * never makes a native copy of them (a copy could keep key bytes alive after we zero ours).
 */
public interface LibC {

  @SaveError
  int socket(int domain, int type, int protocol);

  @SaveError
  int bind(int fd, @In ByteBuffer address, int addressLength);

  @SaveError
  int getsockname(int fd, @Out ByteBuffer address, IntByReference addressLength);

  @SaveError
  int setsockopt(int fd, int level, int option, @In ByteBuffer value, int valueLength);

  @SaveError
  int getsockopt(int fd, int level, int option, @Out ByteBuffer value, IntByReference valueLength);

  @SaveError
  @ssize_t
  long sendto(
      int fd,
      @In ByteBuffer buffer,
      @size_t long length,
      int flags,
      @In ByteBuffer address,
      int addressLength);

  @SaveError
  @ssize_t
  long recvfrom(
      int fd,
      @Out ByteBuffer buffer,
      @size_t long length,
      int flags,
      @Out ByteBuffer address,
      IntByReference addressLength);

  @SaveError
  int open(String path, int flags);

  @SaveError
  int setns(int fd, int nstype);

  @SaveError
  int close(int fd);
}

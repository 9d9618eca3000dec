package dev.keyward.app.agent;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.OptionalLong;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The kernel's word on who is at the other end of a connection. The user comes from {@code SO_PEERCRED}
 * through {@link ExtendedSocketOptions}; Java does not expose the peer's pid, so it is read with the
 * same {@code getsockopt(SO_PEERCRED)} call through JNA on the channel's file descriptor. That needs
 * {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED} (the launcher passes it); without it, or off
 * Linux, the pid is empty and so is every fact derived from it.
 */
final class PeerCredentials {

    /** {@code SOL_SOCKET} and {@code SO_PEERCRED} on the Linux architectures Keyward runs on (not MIPS, PowerPC, SPARC). */
    private static final int SOL_SOCKET = 1;
    private static final int SO_PEERCRED = 17;

    private static final UserPrincipal ME = me();
    private static final Method FD_VALUE = fdValue();

    private PeerCredentials() {
    }

    /** The peer, or empty when it is another user (or the kernel cannot say): such a peer is dropped unread. */
    static Optional<Peer> sameUserPeer(SocketChannel channel) {
        UnixDomainPrincipal principal;
        try {
            principal = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        if (ME == null || !ME.equals(principal.user())) {
            return Optional.empty();
        }
        Optional<Ucred> cred = ucred(channel);
        int uid = cred.map(Ucred::uid).orElse(ownUid());
        if (cred.isPresent() && cred.get().uid() != ownUid()) {
            return Optional.empty();
        }
        return Optional.of(new Peer(uid, cred.map(c -> OptionalLong.of(c.pid())).orElse(OptionalLong.empty())));
    }

    /** A peer of this user: its uid, and its pid when the kernel gave it. */
    record Peer(int uid, OptionalLong pid) {
    }

    private record Ucred(int pid, int uid, int gid) {
    }

    /** The libc call JNA binds. */
    private interface LibC extends Library {
        int getsockopt(int fd, int level, int option, byte[] value, IntByReference length);
    }

    private static final class Native_ {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private static Optional<Ucred> ucred(SocketChannel channel) {
        if (FD_VALUE == null) {
            return Optional.empty();
        }
        try {
            int fd = (int) FD_VALUE.invoke(channel);
            byte[] value = new byte[12];
            IntByReference length = new IntByReference(value.length);
            if (Native_.LIBC.getsockopt(fd, SOL_SOCKET, SO_PEERCRED, value, length) != 0 || length.getValue() != 12) {
                return Optional.empty();
            }
            ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.nativeOrder());
            int pid = b.getInt();
            int uid = b.getInt();
            int gid = b.getInt();
            return pid > 0 ? Optional.of(new Ucred(pid, uid, gid)) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** {@code SelChImpl.getFDVal}, reachable when the launcher exports {@code sun.nio.ch}; else null. */
    private static Method fdValue() {
        String arch = System.getProperty("os.arch", "");
        if (!System.getProperty("os.name", "").equals("Linux")
                || !(arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64") || arch.equals("riscv64"))) {
            return null;
        }
        try {
            Method m = Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal");
            if (!Object.class.getModule().isExported("sun.nio.ch", PeerCredentials.class.getModule())) {
                return null;
            }
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static UserPrincipal me() {
        try {
            return FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** This process's uid (from /proc, where it exists). */
    static int ownUid() {
        try {
            return (Integer) java.nio.file.Files.getAttribute(java.nio.file.Path.of("/proc/self"), "unix:uid");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}

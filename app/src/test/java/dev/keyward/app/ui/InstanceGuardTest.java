package dev.keyward.app.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceGuardTest {

    @Test
    void aSecondStartOnTheSameFolderAsksTheFirstToComeForward(@TempDir Path dir) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        try (InstanceGuard first = InstanceGuard.claim(dir, shown::countDown)) {
            assertNotNull(first);
            assertNull(InstanceGuard.claim(dir, () -> { }), "the folder is taken");
            assertTrue(shown.await(10, TimeUnit.SECONDS), "the first instance was asked to show its window");
        }
        try (InstanceGuard again = InstanceGuard.claim(dir, () -> { })) {
            assertNotNull(again, "a closed guard frees the folder");
        }
    }

    @Test
    void aCallerWithoutTheTokenIsIgnored(@TempDir Path dir) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        try (InstanceGuard first = InstanceGuard.claim(dir, () -> {
            requests.incrementAndGet();
            shown.countDown();
        })) {
            assertNotNull(first);
            int port = Integer.parseInt(Files.readString(dir.resolve(InstanceGuard.PORT_FILE)).trim().split(" ")[0]);
            try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                s.getOutputStream().write("show wrong-token\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            // A real request afterwards proves the listener had read (and dropped) the bad one.
            assertTrue(InstanceGuard.signalRunningInstance(dir.resolve(InstanceGuard.PORT_FILE)));
            assertTrue(shown.await(10, TimeUnit.SECONDS));
            org.junit.jupiter.api.Assertions.assertEquals(1, requests.get(), "only the request with the token counted");
        }
    }
}

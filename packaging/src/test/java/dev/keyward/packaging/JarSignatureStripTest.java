package dev.keyward.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarSignatureStripTest {

    @Test
    void theShippedBouncyCastleJarComesOutUnsignedWithItsClassesIntact(@TempDir Path dir) throws IOException {
        Path bcprov = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith("bcprov-")).findFirst().orElseThrow();
        assertTrue(JarSignatureStrip.isSigned(bcprov), "BouncyCastle publishes signed jars");
        Path copy = dir.resolve(bcprov.getFileName());

        JarSignatureStrip.strip(bcprov, copy);

        assertFalse(JarSignatureStrip.isSigned(copy));
        try (JarFile signed = new JarFile(bcprov.toFile()); JarFile unsigned = new JarFile(copy.toFile())) {
            assertEquals(signed.size() - 2, unsigned.size(), "only the .SF and the signature block go");
            String argon2 = "org/bouncycastle/crypto/generators/Argon2BytesGenerator.class";
            assertEquals(signed.getJarEntry(argon2).getSize(), unsigned.getJarEntry(argon2).getSize());
            Attributes main = unsigned.getManifest().getMainAttributes();
            assertEquals(signed.getManifest().getMainAttributes().getValue("Bundle-Version"), main.getValue("Bundle-Version"));
            assertTrue(unsigned.getManifest().getEntries().isEmpty(), "no per-entry digest sections");
            JarEntry entry = unsigned.getJarEntry(argon2);
            unsigned.getInputStream(entry).readAllBytes();
            assertNull(entry.getCodeSigners(), "classes load without signature checks");
        }
    }

    @Test
    void signatureFilesAreTheTopLevelMetaInfSignatureEntriesOnly() {
        assertTrue(JarSignatureStrip.isSignatureFile("META-INF/BC2048KE.SF"));
        assertTrue(JarSignatureStrip.isSignatureFile("META-INF/BC2048KE.DSA"));
        assertTrue(JarSignatureStrip.isSignatureFile("meta-inf/signer.rsa"));
        assertFalse(JarSignatureStrip.isSignatureFile("META-INF/MANIFEST.MF"));
        assertFalse(JarSignatureStrip.isSignatureFile("META-INF/versions/9/module-info.class"));
        assertFalse(JarSignatureStrip.isSignatureFile("org/example/Some.SF"));
    }
}

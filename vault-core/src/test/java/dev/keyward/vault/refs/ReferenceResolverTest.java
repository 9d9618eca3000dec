package dev.keyward.vault.refs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.audit.AuditEntry;
import dev.keyward.vault.secrets.SecretService.Purpose;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.TestProfile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolving references against a real vault: each secret once, nothing on a miss, no references followed. */
class ReferenceResolverTest {

    private static final String CANARY = "canary-ref-3d9e71";

    @TempDir
    Path data;

    @Test
    void bothKindsResolveAndEachSecretIsReadOnce() {
        try (VaultSession session = TestProfile.create(data, "refs").unlock()) {
            session.secrets().add("openai", CANARY.toCharArray(), null);
            session.projects().create("api", null);
            session.projects().link("api", "openai", "OPENAI_API_KEY");
            Reference bySecret = new Reference.Secret("openai");
            Reference byProject = new Reference.ProjectVariable("api", "OPENAI_API_KEY");
            int before = reads(session);
            try (ReferenceResolver.Resolved resolved = new ReferenceResolver(session)
                    .resolve(List.of(bySecret, byProject), Purpose.INJECT)) {
                assertTrue(resolved.complete());
                assertArrayEquals(CANARY.toCharArray(), resolved.values().get(bySecret));
                assertArrayEquals(CANARY.toCharArray(), resolved.values().get(byProject));
                assertEquals(resolved.stamps().get(bySecret), resolved.stamps().get(byProject));
            }
            assertEquals(before + 1, reads(session), "two references to one secret read it once");
        }
    }

    @Test
    void aReferenceThatPointsNowhereStopsEveryRead() {
        try (VaultSession session = TestProfile.create(data, "refs").unlock()) {
            session.secrets().add("openai", CANARY.toCharArray(), null);
            session.projects().create("api", null);
            int before = reads(session);
            try (ReferenceResolver.Resolved resolved = new ReferenceResolver(session).resolve(List.of(
                    new Reference.Secret("openai"), new Reference.Secret("gone"),
                    new Reference.ProjectVariable("api", "NOPE"), new Reference.ProjectVariable("web", "X")),
                    Purpose.INJECT)) {
                assertFalse(resolved.complete());
                assertTrue(resolved.values().isEmpty());
                assertEquals(List.of("there is no secret named 'gone'", "project 'api' has no variable 'NOPE'",
                        "there is no project named 'web'"),
                        resolved.problems().values().stream().map(ReferenceResolver.Problem::reason).toList());
            }
            assertEquals(before, reads(session), "no value was read");
        }
    }

    @Test
    void aValueThatIsItselfAReferenceIsRefusedNotFollowed() {
        try (VaultSession session = TestProfile.create(data, "refs").unlock()) {
            // A cycle: a -> b -> a. Neither is followed.
            session.secrets().add("a", "keyward://secrets/b".toCharArray(), null);
            session.secrets().add("b", "keyward://secrets/a".toCharArray(), null);
            try (ReferenceResolver.Resolved resolved = new ReferenceResolver(session)
                    .resolve(List.of(new Reference.Secret("a")), Purpose.INJECT)) {
                assertFalse(resolved.complete());
                assertTrue(resolved.values().isEmpty());
                assertTrue(resolved.problems().values().iterator().next().reason()
                        .contains("references inside values are not followed"));
            }
        }
    }

    @Test
    void aLookupSeesRotationsAndDeletionsWithoutReadingAValue() {
        try (VaultSession session = TestProfile.create(data, "refs").unlock()) {
            session.secrets().add("openai", CANARY.toCharArray(), null);
            Reference ref = new Reference.Secret("openai");
            ReferenceResolver resolver = new ReferenceResolver(session);
            int before = reads(session);
            ReferenceResolver.Stamp first = resolver.lookup(List.of(ref)).stamps().get(ref);
            session.secrets().rotate("openai", (CANARY + "-2").toCharArray());
            ReferenceResolver.Stamp second = resolver.lookup(List.of(ref)).stamps().get(ref);
            assertNotEquals(first, second);
            assertEquals(first.secretId(), second.secretId());
            session.secrets().remove("openai");
            assertTrue(resolver.lookup(List.of(ref)).problems().get(ref).missing());
            assertEquals(before, reads(session), "a lookup reads no value");
        }
    }

    private static int reads(VaultSession session) {
        List<AuditEntry> page = session.database().read(c -> session.audit().page(c, "secret", null, 1000));
        return (int) page.stream().filter(e -> e.action().equals("inject")).count();
    }
}

package dev.keyward.automation.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainPolicyTest {

    private static final DomainPolicy POLICY = new DomainPolicy(List.of("example.com", "127.0.0.1"));
    private static final DomainPolicy WITH_LOCALHOST = new DomainPolicy(List.of("localhost"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://example.com/, true",
        "http://example.com/login, true",
        "https://dashboard.example.com/usage, true",
        "https://a.b.example.com:8443/x, true",
        "HTTPS://EXAMPLE.COM/, true",
        "https://example.com./trailing-dot, true",
        "https://notexample.com/, false",
        "https://example.com.attacker.net/, false",
        "https://example.co/, false",
        "https://example.com@attacker.net/, false",
        "https://attacker.net@example.com/, false",
        "ftp://example.com/, false",
        "file:///etc/passwd, false",
        "javascript:alert(1), false",
        "/relative/path, false",
        "http://127.0.0.1:41234/login, true",
        "http://127.0.0.1/, true",
        "http://127.0.0.2/, false",
        "http://localhost:8080/, false",
        "http://[::1]:8080/, false",
        "not a url, false"
    })
    void allowsExactHostsAndSubdomainsOnly(String url, boolean allowed) {
        assertEquals(allowed, POLICY.allows(url));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "http://localhost:8080/dashboard, true",
        "http://LOCALHOST/, true",
        "http://evil.localhost/, false",
        "http://127.0.0.1/, false"
    })
    void localhostMatchesOnlyItselfAndOnlyWhenListed(String url, boolean allowed) {
        assertEquals(allowed, WITH_LOCALHOST.allows(url));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "example.com, true",
        "dashboard.example.co.uk, true",
        "localhost, true",
        "127.0.0.1, true",
        "10.0.0.255, true",
        "Example.com, false",
        "https://example.com, false",
        "example.com:8080, false",
        "example.com/path, false",
        "*.example.com, false",
        "com, false",
        "0.0.1, false",
        "256.0.0.1, false",
        "-bad.example.com, false"
    })
    void allowedDomainEntriesAreHostsOnly(String entry, boolean valid) {
        assertEquals(valid, DomainPolicy.isValidEntry(entry));
    }
}

package dev.keyward.automation.program;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialLiteralDetectorTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "sk-proj-Q8v2LmT4xZ9rW1pK7nB3cY6d",
        "sk-ant-api03-abcdefghijklmnopqrstuv",
        "Bearer sk_live_51HxQz2eZvKYlo2C8d",
        "ghp_R4nd0mT0k3nV4lu3XyZ12345abcd",
        "github_pat_11ABCDEFG0123456789_abcdefghij",
        "xoxb-1234567890-abcdefghijkl",
        "AKIAIOSFODNN7EXAMPLE",
        "key=AIzaSyA1bC2dE3fG4hI5jK6lM7nO8pQ9rS0tU1v",
        "glpat-abcdefghij0123456789",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig",
        "-----BEGIN RSA PRIVATE KEY-----",
        "token 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b",
        "x-api-key: Zt4Qp9Lm2Xv7Rk5Wn8Bc3Hd6",
        "https://example.com/hook/T0b1K9cX4vN7mQ2wR5zL8pJ3"
    })
    void credentialShapedLiteralsAreCaught(String text) {
        assertTrue(CredentialLiteralDetector.looksLikeCredential(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sk-",
        "Use an sk- key from the dashboard",
        "#usage-requests",
        "#risk-assessment-panel",
        "button:has-text(\"Create key\")",
        "[data-testid=\"key-row\"]:has-text(\"{{input:old_key_name}}\") button:has-text(\"Revoke\")",
        "{{secret:practice-cloud-password}}",
        "{{input:base_url}}/dashboard",
        "https://platform.example.com/settings/organization/billing/limits",
        "/api/v1/organizations/settings/billing-limits",
        "practice-cloud-api-key-rotation-program",
        "BillingMonthlyCapInput2",
        "Display settings",
        "demo@practice.test",
        "Monthly cap as an amount, e.g. 50 or 49.99"
    })
    void ordinaryTextIsLeftAlone(String text) {
        assertFalse(CredentialLiteralDetector.looksLikeCredential(text), text);
    }
}

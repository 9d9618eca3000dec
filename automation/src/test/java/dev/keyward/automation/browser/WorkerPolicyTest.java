package dev.keyward.automation.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A page's Content-Security-Policy admits the run's blob: workers, and nothing else changes. */
class WorkerPolicyTest {

    @Test
    void aWorkerDirectiveGetsBlob() {
        assertEquals("default-src 'self'; worker-src 'self' blob:",
                WorkerPolicy.admitBlobWorkers("default-src 'self'; worker-src 'self'"));
    }

    @Test
    void withoutAWorkerDirectiveOneIsCopiedFromTheFallbackPlusBlob() {
        assertEquals("script-src 'self' 'nonce-abc'; img-src *; worker-src 'self' 'nonce-abc' blob:",
                WorkerPolicy.admitBlobWorkers("script-src 'self' 'nonce-abc'; img-src *"));
        assertEquals("default-src 'self'; worker-src 'self' blob:", WorkerPolicy.admitBlobWorkers("default-src 'self'"));
    }

    @Test
    void noneIsReplacedAndPoliciesThatAlreadyAdmitBlobOrRestrictNoWorkersStay() {
        assertEquals("worker-src blob:", WorkerPolicy.admitBlobWorkers("worker-src 'none'"));
        assertEquals("worker-src 'self' blob:", WorkerPolicy.admitBlobWorkers("worker-src 'self' blob:"));
        assertEquals("img-src 'self'", WorkerPolicy.admitBlobWorkers("img-src 'self'"));
        assertEquals("worker-src * blob:", WorkerPolicy.admitBlobWorkers("worker-src *"));
        assertEquals("frame-ancestors 'none'", WorkerPolicy.admitBlobWorkers("frame-ancestors 'none'"));
    }

    @Test
    void eachOfSeveralPoliciesIsAdmittedOnItsOwn() {
        assertEquals("worker-src 'self' blob:, script-src 'self'; worker-src 'self' blob:",
                WorkerPolicy.admitBlobWorkers("worker-src 'self', script-src 'self'"));
    }
}

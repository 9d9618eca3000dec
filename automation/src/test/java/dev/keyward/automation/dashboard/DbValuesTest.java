package dev.keyward.automation.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The enums speak exactly seed 002's strings. */
class DbValuesTest {

    @Test
    void enumsMatchSeedStrings() {
        assertEquals(List.of("api", "scrape", "cached"), Arrays.stream(CollectionMethod.values()).map(CollectionMethod::dbValue).toList());
        assertEquals(List.of("success", "partial", "failed"), Arrays.stream(CollectionStatus.values()).map(CollectionStatus::dbValue).toList());
        assertEquals(List.of("operational", "degraded", "outage", "unknown"),
                Arrays.stream(ServiceStatus.values()).map(ServiceStatus::dbValue).toList());
        assertEquals(List.of("valid", "unknown", "degraded", "outage", "invalid"),
                Arrays.stream(HealthStatus.values()).map(HealthStatus::dbValue).toList());
    }

    @Test
    void storedStringsReadBackAndUnknownOnesAreRefused() {
        assertEquals(HealthStatus.OUTAGE, HealthStatus.fromDbValue("outage"));
        assertEquals(CollectionMethod.CACHED, CollectionMethod.fromDbValue("cached"));
        assertThrows(IllegalArgumentException.class, () -> HealthStatus.fromDbValue("OUTAGE"));
    }
}

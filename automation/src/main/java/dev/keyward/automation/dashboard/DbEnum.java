package dev.keyward.automation.dashboard;

import java.util.Locale;

/** Shared lookup from seed 002's lower-case enum strings to this package's enum constants. */
final class DbEnum {

    private DbEnum() {
    }

    static String dbValue(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String dbValue) {
        for (E constant : type.getEnumConstants()) {
            if (dbValue(constant).equals(dbValue)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(
                "'" + dbValue + "' is not a known " + type.getSimpleName() + " value; the database row may be damaged.");
    }
}

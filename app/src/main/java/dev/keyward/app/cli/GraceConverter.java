package dev.keyward.app.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads {@code --grace}: a whole number with {@code ms}, {@code s} or {@code m} ("10s", "500ms", "1m"), at most 10 minutes. */
final class GraceConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern FORM = Pattern.compile("(\\d{1,7})(ms|s|m)");
    private static final Duration MOST = Duration.ofMinutes(10);

    @Override
    public Duration convert(String value) {
        Matcher m = FORM.matcher(value);
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration: write a whole number"
                    + " with ms, s or m, such as 10s");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
        if (d.compareTo(MOST) > 0) {
            throw new CommandLine.TypeConversionException("a grace period of at most 10m");
        }
        return d;
    }
}

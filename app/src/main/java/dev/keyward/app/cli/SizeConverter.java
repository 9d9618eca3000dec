package dev.keyward.app.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads a size such as {@code 50M}: a whole number of bytes, or of KiB, MiB or GiB with K, M or G. */
final class SizeConverter implements CommandLine.ITypeConverter<Long> {

    private static final Pattern FORM = Pattern.compile("(\\d{1,12})([KMG]i?B?|B)?");

    @Override
    public Long convert(String value) {
        Matcher m = FORM.matcher(value.trim().toUpperCase(Locale.ROOT).replace("IB", "iB"));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size: write a whole number of bytes,"
                    + " or one with K, M or G, such as 50M");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).substring(0, 1);
        int shift = switch (unit) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            default -> 0;
        };
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new CommandLine.TypeConversionException("'" + value + "' is too large a size");
        }
        return n << shift;
    }
}

package dev.keyward.app.cli;

import dev.keyward.vault.scan.Finding;
import dev.keyward.vault.scan.FindingKind;
import dev.keyward.vault.scan.Location;
import dev.keyward.vault.scan.SkippedSource;

/** The words of a scan report: a finding's place and kind, a skipped file's line. */
final class ScanWording {

    private ScanWording() {
    }

    /** {@code path:line:col} (with {@code commit:} before it for git history). */
    static String place(Location location) {
        return location.commit().map(c -> c + ":").orElse("") + location.path() + ":" + location.line() + ":" + location.column();
    }

    /** "copy of secret NAME (current value, base64)" or "unvaulted key of PROVIDER"; no hint. */
    static String kind(FindingKind kind) {
        return switch (kind) {
            case FindingKind.Copy copy -> "copy of secret " + copy.owner().secretName() + " ("
                    + (copy.owner().current() ? "current value" : "earlier value, version " + copy.owner().version())
                    + ", " + copy.encoding().label() + ")";
            case FindingKind.Unvaulted key -> "unvaulted key of " + key.providerSlug();
        };
    }

    /** One text report line: place, kind, and the last four characters when the value has a hint. */
    static String line(Finding finding) {
        String last4 = finding.kind().last4();
        return place(finding.location()) + "  " + kind(finding.kind()) + (last4.isEmpty() ? "" : ", ending " + last4);
    }

    /** "skipped PATH: reason". */
    static String skipped(SkippedSource source) {
        return "skipped " + source.commit().map(c -> c + ":").orElse("") + source.path() + ": " + source.reason().sentence();
    }
}

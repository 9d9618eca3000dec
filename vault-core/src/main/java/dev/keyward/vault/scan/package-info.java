/**
 * Finds copies of the vault's values, and keys in known formats, in files and other byte sources.
 *
 * <p>How the parts fit:
 * <ul>
 *   <li>{@link dev.keyward.vault.scan.KnownValues} holds the values to look for (every secret, every
 *       version, as wipeable {@code char[]}); {@link dev.keyward.vault.scan.ValueMatcher} compiles every
 *       {@link dev.keyward.vault.scan.ValueForms form} of all of them into one Aho-Corasick automaton, after
 *       which the values are wiped.</li>
 *   <li>{@link dev.keyward.vault.scan.KeyFormatSearch} finds keys by their provider's format in text;
 *       a hit whose text is one of the vault's values is reported as a copy, never as unvaulted.</li>
 *   <li>{@link dev.keyward.vault.scan.ContentScanner} reads one {@link dev.keyward.vault.scan.ScanSource}
 *       (a file, a git blob) as a stream in overlapping chunks, so memory stays bounded and a match across
 *       a chunk boundary is found once; it reports {@link dev.keyward.vault.scan.Finding}s with line and
 *       column, and never a value (the last four characters at most).</li>
 *   <li>{@link dev.keyward.vault.scan.TreeScanner} walks folders: no symlink followed, {@code .gitignore}
 *       honoured, large and binary files and Keyward's own data folder skipped, files read in parallel;
 *       what it could not read becomes a {@link dev.keyward.vault.scan.SkippedSource} line, never a crash.</li>
 * </ul>
 * Files are read as ISO-8859-1, so each byte is one {@code char} and offsets are byte offsets; columns are
 * counted in Unicode code points of the UTF-8 text.
 */
package dev.keyward.vault.scan;

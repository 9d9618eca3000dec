package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.keyward.vault.testing.Canary;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, {@code keyward scan}: every planted copy of every value (current and earlier versions) in every
 * encoding is found at its line and column and nothing else is; unvaulted keys are found by format; no
 * value reaches any output; .gitignore is honoured unless --no-ignore; exit 0 clean, 1 found, usual codes
 * for errors; SARIF validates against the SARIF 2.1.0 schema.
 */
class ScanCliTest {

    private static final String PASSWORD = "scan-password-17";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    @TempDir
    Path work;
    private CliRunner cli;
    private String earlier;
    private String current;
    private String odd;
    private String openAi;
    private String unvaulted;

    @BeforeEach
    void createVault() {
        cli = new CliRunner(data).env("KEYWARD_NEW_PASSWORD", PASSWORD).env("KEYWARD_PASSWORD", PASSWORD);
        assertEquals(0, cli.run("profile", "create", "work").code());
        earlier = "kwscan-old-" + hex(12);
        current = "kwscan-cur-" + hex(12);
        // Characters that every encoding writes differently: a slash, a space, a quote, a plus, an e-acute.
        odd = "kw/scan \"q\"+é-" + hex(8);
        openAi = "sk-proj-" + hex(20);
        unvaulted = "ghp_" + "A1b2C3d4E5".repeat(4);
        add("API_KEY", earlier);
        assertEquals(0, cli.feed(current + "\n", "secret", "rotate", "API_KEY", "--value-stdin").code());
        add("ODD_VALUE", odd);
        add("OPENAI_API_KEY", openAi);
        add("SHORT", "1234567"); // too short to search: matches ordinary text
    }

    private void add(String name, String value) {
        CliRunner.Result r = cli.feed(value + "\n", "secret", "add", name, "--value-stdin");
        assertEquals(0, r.code(), r.err());
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** One planted copy: where, whose, and the encoding the report must name. */
    private record Planted(String file, int line, int column, String secret, String version, String encoding) {
        String expected() {
            return file + ":" + line + ":" + column + "  copy of secret " + secret + " (" + version + ", " + encoding + ")";
        }
    }

    /**
     * Writes every value in every encoding, one per line after a fixed prefix, into {@code copies.txt};
     * returns what the report must say. The encodings are made here with the JDK and Jackson, not with
     * Keyward's own code.
     */
    private List<Planted> plantEveryEncoding() throws IOException {
        StringBuilder text = new StringBuilder("nothing to see on line one 1234567\n");
        List<Planted> planted = new ArrayList<>();
        String[][] values = {{"API_KEY", "earlier value, version 1", earlier}, {"API_KEY", "current value", current},
                {"ODD_VALUE", "current value", odd}, {"OPENAI_API_KEY", "current value", openAi}};
        for (String[] v : values) {
            byte[] utf8 = v[2].getBytes(StandardCharsets.UTF_8);
            String base64 = Base64.getEncoder().encodeToString(utf8);
            String base64url = Base64.getUrlEncoder().withoutPadding().encodeToString(utf8);
            String json = JSON.writeValueAsString(v[2]);
            List<String[]> forms = new ArrayList<>();
            forms.add(new String[] {"as is", "\"" + v[2] + "\""});
            forms.add(new String[] {"base64", base64});
            forms.add(new String[] {base64url.equals(base64.replace("=", "")) ? "base64" : "base64url", base64url});
            forms.add(new String[] {"hex", HexFormat.of().formatHex(utf8)});
            forms.add(new String[] {"hex", HexFormat.of().withUpperCase().formatHex(utf8)});
            if (!v[2].equals(URLEncoder.encode(v[2], StandardCharsets.UTF_8))) {
                forms.add(new String[] {"URL-encoded", URLEncoder.encode(v[2], StandardCharsets.UTF_8)});
            }
            if (!json.equals("\"" + v[2] + "\"")) {
                forms.add(new String[] {"JSON-escaped", json.substring(1, json.length() - 1)});
            }
            int line = text.toString().split("\n", -1).length;
            for (String[] form : forms) {
                text.append("token: ").append(form[1]).append('\n');
                int column = 8 + (form[0].equals("as is") ? 1 : 0);
                planted.add(new Planted("copies.txt", line++, column, v[0], v[1], form[0]));
            }
            // Inside a longer base64 text: an encoded JSON document that holds the value.
            byte[] document = ("{\"key\":\"" + v[2] + "\"}").getBytes(StandardCharsets.UTF_8);
            String whole = Base64.getEncoder().encodeToString(document);
            assertTrue(whole.contains(base64Inside(utf8, 8)));
            text.append("blob: ").append(whole).append('\n');
            int first = (8 * 8 + 5) / 6; // the first character made of the value's bits alone
            planted.add(new Planted("copies.txt", line, 7 + first, v[0], v[1], "inside base64"));
        }
        Files.writeString(work.resolve("copies.txt"), text);
        return planted;
    }

    /** The characters of the value's own bits in base64 of a text with {@code before} bytes ahead of it. */
    private static String base64Inside(byte[] value, int before) {
        byte[] framed = new byte[before + value.length + 3];
        System.arraycopy(value, 0, framed, before, value.length);
        String all = Base64.getEncoder().encodeToString(framed);
        return all.substring((8 * before + 5) / 6, 8 * (before + value.length) / 6);
    }

    private List<String> withoutHints(String out) {
        List<String> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line.replaceAll(", ending .{4}$", ""));
            }
        }
        return lines;
    }

    @Test
    void everyPlantedCopyInEveryEncodingIsFoundAtItsPlaceAndNothingElse() throws IOException {
        List<Planted> planted = plantEveryEncoding();
        Files.writeString(work.resolve("keys.py"), "GITHUB = '" + unvaulted + "'\n");
        CliRunner.Result r = cli.run("scan", work.toString());
        assertEquals(1, r.code(), r.err());
        Set<String> expected = new TreeSet<>();
        planted.forEach(p -> expected.add(rel(p.file()) + p.expected().substring(p.file().length())));
        expected.add(rel("keys.py") + ":1:11  unvaulted key of github");
        assertEquals(expected, new TreeSet<>(withoutHints(r.out())));
        assertTrue(r.out().contains("copy of secret API_KEY (current value, as is), ending " + current.substring(current.length() - 4)));
        assertTrue(r.err().contains("1 shorter than 8 characters left out"), r.err());
        assertNoValueIn(r.out() + r.err());
    }

    private String rel(String file) {
        Path here = Path.of("").toAbsolutePath();
        Path path = work.resolve(file);
        return (path.startsWith(here) ? here.relativize(path) : path).toString().replace('\\', '/');
    }

    @Test
    void aCleanFolderExitsZeroAndFindingsOne() throws IOException {
        Files.writeString(work.resolve("readme.md"), "Nothing secret here.\n");
        CliRunner.Result clean = cli.run("scan", work.toString());
        assertEquals(0, clean.code(), clean.err());
        assertEquals("", clean.out());
        assertTrue(clean.err().contains("0 found"), clean.err());
        Files.writeString(work.resolve("leak.env"), "KEY=" + current + "\n");
        assertEquals(1, cli.run("scan", work.toString()).code());
    }

    @Test
    void badPathsAndReportFilesAreRefusedBeforeAnythingIsRead() {
        CliRunner.Result missing = cli.run("scan", work.resolve("nope").toString());
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("nothing at"), missing.err());
        CliRunner.Result badOutput = cli.run("scan", work.toString(), "--output", work.resolve("no/such/report.json").toString());
        assertEquals(2, badOutput.code(), badOutput.err());
        CliRunner.Result badSize = cli.run("scan", work.toString(), "--max-file-size", "lots");
        assertEquals(2, badSize.code(), badSize.err());
    }

    @Test
    void gitignoreIsHonouredUnlessNoIgnore() throws IOException {
        Files.createDirectories(work.resolve("build"));
        Files.writeString(work.resolve(".gitignore"), "build/\n*.log\n");
        Files.writeString(work.resolve("build/out.txt"), current + "\n");
        Files.writeString(work.resolve("debug.log"), current + "\n");
        CliRunner.Result honoured = cli.run("scan", work.toString());
        assertEquals(0, honoured.code(), honoured.out());
        CliRunner.Result all = cli.run("scan", "--no-ignore", work.toString());
        assertEquals(1, all.code());
        assertEquals(2, withoutHints(all.out()).size(), all.out());
    }

    @Test
    void aFileAboveTheSizeLimitIsSkippedWithALine() throws IOException {
        Files.writeString(work.resolve("big.txt"), "x".repeat(4096) + current + "\n");
        CliRunner.Result r = cli.run("scan", work.toString(), "--max-file-size", "1K");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("skipped " + rel("big.txt") + ": larger than the size limit"), r.err());
    }

    @Test
    void jsonAndSarifReportsHoldFindingsButNoValueAndSarifValidates() throws Exception {
        plantEveryEncoding();
        Path jsonFile = work.resolve("report.json");
        CliRunner.Result json = cli.run("scan", work.resolve("copies.txt").toString(), "--format", "json", "--output", jsonFile.toString());
        assertEquals(1, json.code(), json.err());
        assertEquals("", json.out());
        JsonNode report = JSON.readTree(jsonFile.toFile());
        JsonNode first = report.get("findings").get(0);
        assertEquals("copy", first.get("kind").asText());
        assertEquals(2, first.get("line").asInt());
        assertTrue(report.get("summary").get("findings").asInt() > 20);

        CliRunner.Result sarif = cli.run("scan", work.resolve("copies.txt").toString(), "--format", "sarif");
        assertEquals(1, sarif.code(), sarif.err());
        JsonNode log = JSON.readTree(sarif.out());
        assertEquals(List.of(), schemaErrors(log));
        JsonNode result = log.get("runs").get(0).get("results").get(0);
        assertEquals(ScanReport.COPY_RULE, result.get("ruleId").asText());
        JsonNode location = result.get("locations").get(0).get("physicalLocation");
        assertEquals(ScanReport.uri(rel("copies.txt")), location.get("artifactLocation").get("uri").asText());
        assertEquals(2, location.get("region").get("startLine").asInt());
        assertEquals(9, location.get("region").get("startColumn").asInt());
        assertTrue(!result.get("message").get("text").asText().contains("ending"), "SARIF carries no hint");

        assertNoValueIn(json.out() + json.err() + Files.readString(jsonFile) + sarif.out() + sarif.err());
        CliRunner.Result audit = cli.run("audit", "list");
        assertTrue(audit.out().contains("scan"), audit.out());
        assertNoValueIn(audit.out() + audit.err());
    }

    @Test
    void formatsOnlyNeedsNoVaultAndFindsUnvaultedKeysButNoCopies() throws IOException {
        Files.writeString(work.resolve("keys.py"), "GITHUB = '" + unvaulted + "'\nAPI = '" + current + "'\n");
        CliRunner.Result r = new CliRunner(data.resolve("empty")).run("scan", "--formats-only", work.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(List.of(rel("keys.py") + ":1:11  unvaulted key of github"), withoutHints(r.out()));
        assertTrue(r.err().contains("by key formats only"), r.err());
    }

    @Test
    void valuesOnlyFindsCopiesButNoUnvaultedKeysAndCannotBeJoinedWithFormatsOnly() throws IOException {
        Files.writeString(work.resolve("keys.py"), "GITHUB = '" + unvaulted + "'\nAPI = '" + current + "'\n");
        CliRunner.Result r = cli.run("scan", "--values-only", work.toString());
        assertEquals(1, r.code(), r.err());
        List<String> lines = withoutHints(r.out());
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith(rel("keys.py") + ":2:8  copy of secret API_KEY"), lines.toString());
        assertTrue(r.err().contains("vault values only"), r.err());
        assertNoValueIn(r.out() + r.err());

        CliRunner.Result both = cli.run("scan", "--values-only", "--formats-only", work.toString());
        assertEquals(2, both.code(), both.err());
        assertTrue(both.err().contains("nothing to look for"), both.err());
    }

    private static List<String> schemaErrors(JsonNode log) throws IOException {
        try (InputStream schemaText = ScanCliTest.class.getResourceAsStream("sarif-schema-2.1.0.json")) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schemaText);
            return schema.validate(log).stream().map(Error::toString).toList();
        }
    }

    private void assertNoValueIn(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (String value : List.of(earlier, current, odd, openAi)) {
            assertNull(new Canary(value).encodingFoundIn(bytes), "a value leaked into the output");
        }
    }
}

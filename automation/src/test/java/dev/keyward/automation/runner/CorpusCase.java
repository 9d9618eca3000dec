package dev.keyward.automation.runner;

import dev.keyward.automation.program.CheckpointType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One hostile (or benign) page case of the corpus, read from a {@code .case} file: headers, then sections.
 *
 * <pre>
 * title: "Continue" posts a purchase form
 * checkpoint: financial            # the type asked (or recorded) first; "none" for benign cases
 * dangerous: POST /api/purchase    # must not arrive without approval (benign: "arrives: GET /search")
 * === page /start
 * &lt;html&gt;...
 * === steps
 * {"id": "open", "type": "goto", "url": "{{input:base_url}}/start"}, ...
 * </pre>
 *
 * Other headers: {@code default: NAME=VALUE} (an input declared with that default), {@code card: refused} (a card case: nothing arrives even when everything is approved),
 * {@code blocked: always} (an unlisted host: nothing arrives even when everything is approved, and no checkpoint
 * is needed for that), {@code import: refused} (the validator refuses the program), {@code input: NAME=VALUE}, {@code secret:
 * NAME=VALUE}, {@code reason: TEXT} (the checkpoint's reason must contain it), {@code redirect: /a -> /b},
 * {@code pending: WHY} (needs a part not on this branch yet), {@code answer: approve-others} (the refusing run
 * approves every checkpoint that does not name the dangerous path; the checkpoint checked is the last one), {@code redirect: /a -> 307 /b}
 * (a 307 that re-sends the body), {@code dies-with: page} (the request is sent as the page is left: it must never
 * arrive unapproved, but it may end with its page instead of being held, so the run may succeed and an approved run
 * need not deliver it), {@code csp: POLICY} (the pages are served with that Content-Security-Policy header), {@code header: /path Name: value}
 * (the answer to that path carries that header, in place of one of the same name; repeatable, and a name given twice
 * for one path is sent twice), {@code encoding: /path CHARSET} (the page is sent in that Java charset, not UTF-8),
 * {@code allow: HOST} (the program may reach that host too; repeatable), {@code ends: KIND}
 * (the page hangs, crashes or floods the browser: both runs, refused and approved, end as failures with that typed
 * reason ({@code page_stopped_responding}, {@code page_dialog_flood}, ...; {@code success}: the run succeeds all the
 * same), the dangerous request arrives in neither, the page's text is in nothing recorded, and no Chromium process
 * of the run is left). In pages and redirects {@code {{other}}} is the
 * address of a second server (host {@code localhost}, not allowed unless {@code allow: localhost}), {@code {{main-by-name}}} the
 * page server's own address under the host name {@code localhost} (another site: Chromium puts its frames in a process of
 * their own), {@code {{ws}}} a WebSocket address and {@code {{esc}}} the escape character (U+001B). {@code blocked: always}
 * also marks a request the gate cannot hold at all (a shared worker's): it must never arrive, approved or not.
 */
record CorpusCase(String name, String title, CheckpointType checkpoint, Request dangerous, Request arrives,
                  boolean cardRefused, boolean alwaysBlocked, boolean importRefused, Map<String, String> inputs, Map<String, String> defaults,
                  Map<String, String> secrets,
                  List<String> reasons, Map<String, String> redirects, String pending, Map<String, String> pages,
                  String steps, boolean approveOthers, boolean diesWithPage, String csp, List<String> headers,
                  Map<String, String> encodings, List<String> allowed, String ends) {

    /** A request expected (or not) in the server log; {@code server} is {@code main} or {@code other}. */
    record Request(String server, String method, String path) {
        static Request parse(String text) {
            String[] parts = text.strip().split("\\s+");
            String server = parts.length > 2 && parts[2].equals("other") ? "other" : "main";
            if (parts.length >= 2 && parts[1].equals("other")) {
                return new Request("other", parts[0], null);
            }
            return new Request(server, parts[0], parts.length > 1 ? parts[1] : null);
        }

        boolean matches(RecordingServer.Received received) {
            return received.server().equals(server) && (method.equals("ANY") || received.method().equals(method))
                    && (path == null || received.path().equals(path));
        }

        @Override
        public String toString() {
            return method + " " + (path == null ? "(any path)" : path) + " on " + server;
        }
    }

    boolean benign() {
        return arrives != null;
    }

    static CorpusCase read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> inputs = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, String> redirects = new LinkedHashMap<>();
        Map<String, String> encodings = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        List<String> extraHeaders = new ArrayList<>();
        List<String> allowed = new ArrayList<>(List.of("127.0.0.1"));
        Map<String, String> pages = new LinkedHashMap<>();
        String steps = null;
        int i = 0;
        for (; i < lines.size() && !lines.get(i).startsWith("==="); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "input" -> inputs.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                case "default" -> defaults.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                case "secret" -> secrets.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                case "redirect" -> redirects.put(value.split("->")[0].strip(), value.split("->")[1].strip());
                case "reason" -> reasons.add(value);
                case "header" -> extraHeaders.add(value);
                case "encoding" -> encodings.put(value.split("\\s+")[0], value.split("\\s+")[1]);
                case "allow" -> allowed.add(value);
                default -> headers.put(key, value);
            }
        }
        while (i < lines.size()) {
            String section = lines.get(i).substring(3).strip();
            StringBuilder body = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).startsWith("==="); i++) {
                body.append(lines.get(i)).append('\n');
            }
            if (section.startsWith("page ")) {
                pages.put(section.substring(5).strip(), body.toString());
            } else if (section.equals("steps")) {
                steps = body.toString().strip();
            } else {
                throw new IllegalArgumentException(file + ": unknown section '" + section + "'");
            }
        }
        String name = file.getFileName().toString().replaceFirst("\\.case$", "");
        String checkpoint = headers.getOrDefault("checkpoint", "none");
        if (steps == null || !headers.containsKey("title")) {
            throw new IllegalArgumentException(file + ": a case needs a title and steps");
        }
        return new CorpusCase(name, headers.get("title"),
                checkpoint.equals("none") ? null : CheckpointType.fromDbValue(checkpoint.toLowerCase(Locale.ROOT))
                        .orElseThrow(() -> new IllegalArgumentException(file + ": unknown checkpoint " + checkpoint)),
                headers.containsKey("dangerous") ? Request.parse(headers.get("dangerous")) : null,
                headers.containsKey("arrives") ? Request.parse(headers.get("arrives")) : null,
                "refused".equals(headers.get("card")), "always".equals(headers.get("blocked")),
                "refused".equals(headers.get("import")), inputs, defaults, secrets,
                reasons, redirects, headers.get("pending"), pages, steps, "approve-others".equals(headers.get("answer")),
                "page".equals(headers.get("dies-with")), headers.get("csp"), List.copyOf(extraHeaders), Map.copyOf(encodings),
                List.copyOf(allowed), headers.get("ends"));
    }

    /** The step program: the case's steps in an envelope allowing 127.0.0.1 and the case's {@code allow:} hosts. */
    String program() {
        StringBuilder declared = new StringBuilder("\"base_url\": {\"description\": \"the corpus server\"}");
        inputs.keySet().forEach(k -> declared.append(", \"").append(k).append("\": {\"description\": \"case input\"}"));
        defaults.forEach((k, v) -> declared.append(", \"").append(k).append("\": {\"description\": \"case input\", \"default\": \"")
                .append(v).append("\"}"));
        return """
                {"format": "keyward.step-program", "format_version": 1, "title": "Corpus: %s",
                 "provider": "practice-cloud", "task_type": "custom", "allowed_domains": [%s],
                 "inputs": {%s},
                 "steps": [%s]}
                """.formatted(name, allowed.stream().map(h -> "\"" + h + "\"").collect(java.util.stream.Collectors.joining(", ")),
                declared, steps);
    }

    @Override
    public String toString() {
        return name;
    }
}

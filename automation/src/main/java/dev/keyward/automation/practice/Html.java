package dev.keyward.automation.practice;

/**
 * The shared page frame and HTML escaping of the practice console; every dynamic value goes through {@link #e}.
 */
final class Html {

    private Html() {
    }

    /** Escapes text for use in element content and in double- or single-quoted attributes. */
    static String e(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A whole page: head, the practice banner, the navigation when signed in, and {@code mainHtml}.
     *
     * @param mainHtml markup that the caller has already escaped where needed
     */
    static String page(String title, boolean signedIn, String mainHtml) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Practice Cloud</title>
                <link rel="stylesheet" href="/static/practice.css">
                </head>
                <body>
                <header class="topbar">
                <a class="brand" href="/dashboard" data-testid="brand">Practice Cloud</a>
                %s
                </header>
                <p class="practice-banner" role="note" data-testid="practice-banner">Practice provider on this computer. \
                Nothing here is real: no money moves and no real keys exist.</p>
                <main id="main">
                %s
                </main>
                </body>
                </html>
                """.formatted(e(title), signedIn ? NAV : "", mainHtml);
    }

    /** A page that only reports something, e.g. "not found". */
    static String notice(String title, boolean signedIn, String message) {
        return page(title, signedIn, """
                <h1>%s</h1>
                <p id="notice" data-testid="notice">%s</p>
                """.formatted(e(title), e(message)));
    }

    private static final String NAV = """
            <nav aria-label="Main" data-testid="main-nav">
            <a id="nav-dashboard" href="/dashboard">Dashboard</a>
            <a id="nav-keys" href="/keys">API keys</a>
            <a id="nav-billing" href="/billing">Billing</a>
            <a id="nav-checkout" href="/checkout">Buy credits</a>
            <a id="nav-danger" href="/danger">Account</a>
            <form method="post" action="/logout" class="inline">
            <button type="submit" id="sign-out" data-testid="sign-out">Sign out</button>
            </form>
            </nav>""";
}

package dev.keyward.automation.discovery.classify;

import java.util.regex.Pattern;

/** The word patterns the classification rules look for, one pattern per idea, matched case-insensitively. */
final class Vocabulary {

    static final Pattern SECURITY = words(
            "security (advisory|advisories|bulletin|incident|notice|alert|vulnerabilit(y|ies)|issue|breach|update)",
            "vulnerabilit(y|ies)", "cve-\\d{4}-\\d{3,7}", "leaked", "(key|keys|credential|credentials|token|tokens"
                    + "|secret|secrets|data) (leak|leaks|exposure)",
            "compromised", "breach(ed|es)?", "unauthori[sz]ed access", "actively exploited", "exploited",
            "exposed (api )?(key|keys|credential|credentials|token|tokens|secret|secrets)");

    static final Pattern DEPRECATION = words(
            "deprecat(e|ed|es|ing|ion|ions)", "shut(ting)? ?down", "shuts down", "end[- ]of[- ]life", "eol",
            "sunset(s|ting|ted)?", "retir(e|es|ed|ing|ement)", "discontinu(e|es|ed|ing|ation)",
            "decommission(s|ed|ing)?", "(will|to) be removed", "removal of",
            "will (no longer|stop) (be )?(supported|available|work|working)");

    static final Pattern PRICING = words(
            "pric(e|es|ing|ed)", "costs?", "billing", "billed", "fees?", "rate card",
            "per (1m|1k|million|thousand) tokens", "per (token|request|month|seat)");

    static final Pattern PRICE_UP = words(
            "increas(e|es|ed|ing)", "rais(e|es|ed|ing)", "hikes?", "higher", "more expensive", "goes up", "going up");

    static final Pattern PRICE_DOWN = words(
            "decreas(e|es|ed|ing)", "reduc(e|es|ed|ing|tion)", "lower(s|ed|ing)?", "cheaper", "cuts?", "discounts?",
            "price drop", "less expensive");

    static final Pattern OUTAGE = words(
            "outages?", "downtime", "degraded", "disruptions?", "elevated error rates?", "service (interruption|incident)",
            "(is|are|was|were) unavailable", "partial outage", "major outage");

    static final Pattern RESOLVED = words("resolved", "restored", "recovered", "fixed", "postmortem");

    static final Pattern MAINTENANCE = words("(scheduled|planned) maintenance", "maintenance window");

    static final Pattern BREAKING = words("breaking changes?", "backwards?[- ]incompatible", "incompatible change");

    static final Pattern SERVICE_CHANGE = words(
            "rate limits?", "terms of (service|use)", "usage polic(y|ies)", "data retention", "(api|endpoint) changes?",
            "migrat(e|es|ed|ing|ion)", "new (region|regions|endpoint)", "changes? to", "requires?", "renamed?");

    static final Pattern ALTERNATIVE = words(
            "alternatives?", "competitors?", "vs\\.?", "versus", "compared (to|with)", "switch(ed|ing)? (from|to)",
            "instead of", "open[- ]source (model|models|alternative|rival)", "rivals?");

    static final Pattern CAPABILITY = words(
            "new (model|models|feature|features|endpoint|api|capabilit(y|ies)|version|tool|tools)",
            "now (available|supports?|generally available|in beta|live)", "introduc(e|es|ed|ing)",
            "launch(es|ed|ing)?", "releas(e|es|ed|ing)", "adds? support", "added support", "support for",
            "general(ly)? availab(le|ility)", "beta", "preview", "context window", "upgraded?");

    private Vocabulary() {
    }

    private static Pattern words(String... alternatives) {
        return Pattern.compile("\\b(" + String.join("|", alternatives) + ")\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    static boolean mentions(Pattern pattern, String text) {
        return pattern.matcher(text).find();
    }
}

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
            "(transition|transitions|transitioning|migrating|moving) (away )?from",
            "will (no longer|stop) (be )?(supported|available|work|working)");

    static final Pattern PRICING = words(
            "pric(e|es|ing|ed)", "costs?", "billing", "billed", "fees?", "rate card",
            "per (1m|1k|million|thousand) tokens", "per (token|request|month|seat)");

    /**
     * Pricing named as the subject of a change. A long release note mentions credits and costs in passing, so the
     * whole text needs one of these; a title may say just "pricing".
     */
    static final Pattern PRICING_CHANGE = words(
            "(price|prices|pricing|billing) (change|changes|update|updates|increase|increases|decrease|decreases"
                    + "|system|model)",
            "(new|updated|simplified|improved|lower|reduced|higher) (pricing|prices|billing)",
            "(promotion|promo|free period|free tier) (will )?ends?");

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

    /** Where or how a service is reached or who runs it changes: redirects, moves, renames, new requirements. */
    static final Pattern SERVICE_SHIFT = words(
            "redirect(s|ed|ing)?", "will (soon )?take you to", "(moved|moving|moves|move) to", "renam(e|ed|es|ing)",
            "now (called|named|known as)", "new (domain|address|url|home)", "requirements?", "(will be|now|is) required",
            "no longer", "restrict(s|ed|ing|ion|ions)?", "enforc(e|es|ed|ing|ement)", "(has been|was) acquired",
            "(is|are) now (a )?part of", "acquisition");

    /** A change announced for a calendar day: "Starting September 20th", "effective on March 1". */
    static final Pattern DATED_START = words(
            "(starting|beginning|effective|from|as of)( on)?( (monday|tuesday|wednesday|thursday|friday|saturday"
                    + "|sunday),?)? (jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?"
                    + "|oct(ober)?|nov(ember)?|dec(ember)?)\\.? \\d{1,2}(st|nd|rd|th)?");

    static final Pattern FUTURE = words("will", "going to", "is changing", "are changing");

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
            "general(ly)? availab(le|ility)", "beta", "preview", "context window", "upgraded?",
            "improv(e|ed|es|ement|ements)");

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

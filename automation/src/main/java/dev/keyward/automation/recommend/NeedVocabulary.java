package dev.keyward.automation.recommend;

import static dev.keyward.vault.provider.ProviderCapability.AUTH;
import static dev.keyward.vault.provider.ProviderCapability.CDN;
import static dev.keyward.vault.provider.ProviderCapability.CI;
import static dev.keyward.vault.provider.ProviderCapability.DATABASE;
import static dev.keyward.vault.provider.ProviderCapability.DNS;
import static dev.keyward.vault.provider.ProviderCapability.EMAIL;
import static dev.keyward.vault.provider.ProviderCapability.EMBEDDINGS;
import static dev.keyward.vault.provider.ProviderCapability.HOSTING;
import static dev.keyward.vault.provider.ProviderCapability.IMAGE_GENERATION;
import static dev.keyward.vault.provider.ProviderCapability.LLM;
import static dev.keyward.vault.provider.ProviderCapability.MAPS;
import static dev.keyward.vault.provider.ProviderCapability.MESSAGING;
import static dev.keyward.vault.provider.ProviderCapability.MONITORING;
import static dev.keyward.vault.provider.ProviderCapability.PAYMENTS;
import static dev.keyward.vault.provider.ProviderCapability.SEARCH;
import static dev.keyward.vault.provider.ProviderCapability.SMS;
import static dev.keyward.vault.provider.ProviderCapability.SPEECH;
import static dev.keyward.vault.provider.ProviderCapability.STORAGE;
import static dev.keyward.vault.provider.ProviderCapability.VOICE;

import dev.keyward.vault.provider.ProviderCapability;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The phrases that state a need for a catalog capability. Specific phrases ("transactional email",
 * "accept card payments") weigh more than generic ones ("database"). Up to three filler words may
 * sit inside a phrase: "send a weekly email", "accept online card payments".
 */
final class NeedVocabulary {

    private static final String W = "(?:[\\w'-]+\\s+){0,3}";
    private static final List<NeedPhrase> PHRASES = build();

    private NeedVocabulary() {}

    static List<NeedPhrase> phrases() {
        return PHRASES;
    }

    private static List<NeedPhrase> build() {
        List<NeedPhrase> p = new ArrayList<>();
        add(p, EMAIL, 1.0, "transactional e-?mails?", "send(?:s|ing)?\\s+" + W + "e-?mails?",
                "e-?mail\\s+(?:notifications?|delivery|sending|verification|digests?|receipts?)",
                "(?:password[- ]reset|welcome|confirmation|verification)\\s+e-?mails?", "smtp");
        add(p, EMAIL, 0.7, "newsletters?", "e-?mails?\\s+(?:users|customers|subscribers)");
        add(p, PAYMENTS, 1.0, "(?:accept|take|process|collect)(?:s|ing)?\\s+" + W + "payments?",
                "card payments?", "credit cards?", "(?:recurring|subscription)\\s+billing", "charge\\s+" + W
                        + "(?:customers|users|cards|subscribers)", "payouts?");
        add(p, PAYMENTS, 0.8, "checkout", "invoic(?:e|es|ing)", "paid (?:plans?|subscriptions?|tiers?)");
        add(p, PAYMENTS, 0.6, "subscriptions?");
        add(p, LLM, 1.0, "llms?", "large language models?", "gpt(?:-?\\d[\\w.]*)?", "chat ?bots?",
                "ai (?:assistant|agent|copilot|chat)s?", "(?:ai|llm)[- ]powered");
        add(p, LLM, 0.8, "summari[sz](?:e|es|ed|ation|ations|ing)", "generat(?:e|es|ed|ing)\\s+" + W
                + "(?:text|drafts?|answers|replies|descriptions|summaries|emails)", "natural[- ]language (?:questions|queries|answers)");
        add(p, SEARCH, 1.0, Set.of(EMBEDDINGS), "semantic search", "search\\s+(?:over|across|through)\\s+" + W
                + "(?:documents|notes|files|pages|content|knowledge)", "similarity search");
        add(p, SEARCH, 1.0, Set.of(), "full[- ]text search", "search (?:index|engine)", "instant search",
                "typo[- ]tolerant search", "faceted search", "site search");
        add(p, SEARCH, 0.6, Set.of(), "search (?:bar|box|results)", "web search");
        add(p, EMBEDDINGS, 1.0, "embeddings?", "vector (?:search|database|store|index)",
                "rag", "retrieval[- ]augmented");
        add(p, STORAGE, 1.0, "object storage", "blob storage", "file uploads?", "s3 buckets?",
                "upload(?:s|ed|ing)?\\s+" + W + "(?:files|images|photos|videos|documents|attachments|avatars|receipts)",
                "store\\s+" + W + "(?:files|images|photos|videos|attachments|assets|uploads)");
        add(p, STORAGE, 0.7, "(?:files|images|photos|videos|documents|attachments|avatars|receipts)\\s+(?:are|get)\\s+uploaded");
        add(p, AUTH, 1.0, "sign[- ]?in with (?:google|github|apple|microsoft|email)", "log[- ]?in with (?:google|github|apple)",
                "social (?:log[- ]?in|sign[- ]?in)", "oauth", "single sign[- ]on", "sso", "magic links?",
                "(?:user )?authentication", "two[- ]factor|2fa|mfa");
        add(p, AUTH, 0.6, "user accounts?", "sign[- ]?ups?", "log[- ]?in pages?");
        add(p, MAPS, 1.0, "interactive maps?", "on a map", "map views?", "(?:reverse )?geocod(?:e|es|ing)",
                "store locator", "turn[- ]by[- ]turn", "driving directions", "route planning");
        add(p, MAPS, 0.7, "nearby\\s+(?:stores|places|drivers|restaurants|users)", "distance between");
        add(p, SMS, 1.0, "sms", "text messages?", "(?:codes?|notifications?|alerts?|reminders?)\\s+(?:by|via|over)\\s+(?:sms|text)",
                "phone (?:number )?verification");
        add(p, VOICE, 0.9, "(?:phone|voice) calls?", "call (?:customers|users) automatically");
        add(p, SPEECH, 1.0, "text[- ]to[- ]speech", "speech[- ]to[- ]text", "transcri(?:be|bes|bed|bing|ption|ptions)",
                "voice[- ]?overs?", "synthesi[sz]ed (?:voice|speech)");
        add(p, IMAGE_GENERATION, 1.0, "generat(?:e|es|ed|ing)\\s+" + W + "(?:images|pictures|illustrations|artwork)",
                "image generation", "ai[- ]generated (?:images|art|illustrations)");
        add(p, DATABASE, 0.8, "postgres(?:ql)?", "mysql", "(?:managed|hosted|serverless) (?:database|postgres|sql)");
        add(p, DATABASE, 0.5, "databases?");
        add(p, HOSTING, 0.8, "deploy(?:s|ed|ing)?\\s+(?:it\\s+)?(?:to|on)", "static site hosting", "serverless functions?",
                "host(?:s|ed|ing)?\\s+(?:the\\s+)?(?:app|site|website|frontend|api)");
        add(p, MONITORING, 1.0, "error (?:tracking|monitoring|reporting)", "crash reports?", "exception tracking",
                "uptime monitoring", "performance monitoring");
        add(p, MESSAGING, 0.9, "slack (?:notifications?|messages?|alerts?|bot)", "post\\s+" + W + "to slack");
        add(p, CDN, 0.8, "cdn", "edge caching");
        add(p, DNS, 0.7, "custom domains?", "dns");
        add(p, CI, 0.7, "ci/cd", "continuous integration", "ci pipelines?");
        return List.copyOf(p);
    }

    private static void add(List<NeedPhrase> list, ProviderCapability capability, double weight, String... phrases) {
        add(list, capability, weight, Set.of(), phrases);
    }

    private static void add(List<NeedPhrase> list, ProviderCapability capability, double weight,
            Set<ProviderCapability> companions, String... phrases) {
        for (String phrase : phrases) {
            Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + phrase + ")(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            list.add(new NeedPhrase(capability, pattern, weight, companions));
        }
    }
}

package dev.keyward.vault.provider;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One made-up key per catalog provider, in each provider's format. The bodies are generated
 * rather than written out, so no key-shaped literal sits in the source for secret scanners.
 */
final class FakeKeys {

    static final String HEX = "0123456789abcdef";
    static final String ALNUM = "FAKEfake0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final String UPPER_DIGITS = "FAKE0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String URL_SAFE = ALNUM + "_-";

    private FakeKeys() {
    }

    /** {@code length} characters cycling through {@code alphabet}. */
    static String body(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt((i * 7 + 3) % alphabet.length()));
        }
        return out.toString();
    }

    /** slug -> a key in that provider's primary format. */
    static Map<String, String> onePerProvider() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("practice-cloud", "pc_" + "test_" + body(ALNUM, 32));
        keys.put("anthropic", "sk-" + "ant-api03-" + body(URL_SAFE, 93) + "AA");
        keys.put("aws", "AK" + "IA" + body(UPPER_DIGITS, 16));
        keys.put("cloudflare", "cf" + "ut_" + body(ALNUM, 40) + body(HEX, 8));
        keys.put("deepseek", "sk-" + body(HEX, 32));
        keys.put("digitalocean", "dop" + "_v1_" + body(HEX, 64));
        keys.put("elevenlabs", "sk_" + body(HEX, 48));
        keys.put("github", "gh" + "p_" + body(ALNUM, 36));
        keys.put("gitlab", "gl" + "pat-" + body(URL_SAFE, 20));
        keys.put("google-cloud", "AI" + "za" + body(URL_SAFE, 35));
        keys.put("groq", "gs" + "k_" + body(ALNUM, 52));
        keys.put("huggingface", "hf" + "_" + body(ALNUM, 34));
        keys.put("linear", "lin" + "_api_" + body(ALNUM, 40));
        keys.put("mailgun", "key" + "-" + body(HEX, 32));
        keys.put("mapbox", "pk" + ".eyJ1IjoiZmFrZSJ9." + body(URL_SAFE, 22));
        keys.put("netlify", "nf" + "p_" + body(ALNUM, 40));
        keys.put("notion", "nt" + "n_" + body(ALNUM, 46));
        keys.put("npm", "np" + "m_" + body(ALNUM, 36));
        keys.put("openai", "sk-" + "proj-" + body(URL_SAFE, 74) + "T3BlbkFJ" + body(URL_SAFE, 74));
        keys.put("openrouter", "sk-" + "or-v1-" + body(HEX, 64));
        keys.put("perplexity", "pp" + "lx-" + body(ALNUM, 48));
        keys.put("pinecone", "pc" + "sk_" + body(ALNUM, 6) + "_" + body(ALNUM, 60));
        keys.put("planetscale", "pscale" + "_tkn_" + body(URL_SAFE, 43));
        keys.put("replicate", "r8" + "_" + body(ALNUM, 37));
        keys.put("resend", "re" + "_" + body(ALNUM, 8) + "_" + body(ALNUM, 24));
        keys.put("sendgrid", "SG" + "." + body(URL_SAFE, 22) + "." + body(URL_SAFE, 43));
        keys.put("sentry", "sntry" + "u_" + body(HEX, 64));
        keys.put("slack", "xo" + "xb-" + "1234567890-1234567890-" + body(ALNUM, 24));
        keys.put("stripe", "sk" + "_test_" + body(ALNUM, 24));
        keys.put("supabase", "sb" + "_secret_" + body(URL_SAFE, 32));
        keys.put("twilio", "S" + "K" + body(HEX, 32));
        keys.put("vercel", "vc" + "p_" + body(ALNUM, 24));
        keys.put("xai", "xa" + "i-" + body(ALNUM, 80));
        return keys;
    }

    /** Keys in the providers' other formats: slug -> key. */
    static Map<String, String> secondaryFormats() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("github", "github" + "_pat_" + body(ALNUM, 22) + "_" + body(ALNUM, 59));
        keys.put("aws", "AS" + "IA" + body(UPPER_DIGITS, 16));
        keys.put("stripe", "wh" + "sec_" + body(ALNUM, 32));
        keys.put("twilio", "A" + "C" + body(HEX, 32));
        keys.put("slack", "xa" + "pp-1-" + body(ALNUM, 30));
        keys.put("mailgun", body(HEX, 32) + "-" + body(HEX, 8) + "-" + body(HEX, 8));
        keys.put("google-cloud", "GOC" + "SPX-" + body(URL_SAFE, 28));
        keys.put("supabase", "sb" + "p_" + body(HEX, 40));
        keys.put("openai", "sk-" + body(ALNUM, 48));
        keys.put("anthropic", "sk-" + "ant-admin01-" + body(URL_SAFE, 60));
        keys.put("notion", "sec" + "ret_" + body(ALNUM, 43));
        keys.put("sentry", "sntry" + "s_eyJ" + body(ALNUM, 60));
        keys.put("digitalocean", "do" + "o_v1_" + body(HEX, 64));
        return keys;
    }
}

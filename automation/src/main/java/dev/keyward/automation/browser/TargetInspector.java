package dev.keyward.automation.browser;

import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.util.Map;

/**
 * Describes the live element a step is about to act on, for the program runner's risk rules and the
 * {@link CardFieldPolicy}: its accessible name and text, tag and type, attributes, whether its form has a password
 * field and what the form is called, the page URL and the origin of the frame holding it. It never reads an
 * input's value.
 */
public final class TargetInspector {

    private static final int MAX_TEXT = 200;

    /**
     * Runs in the page; reads labels and attributes, never {@code value} of a text input. Public so a caller can
     * read it in the same round trip as other facts (see {@link #fromFacts}).
     */
    public static final String DESCRIBE = """
            el => {
              const attr = n => el.getAttribute(n);
              const tag = el.tagName.toLowerCase();
              const type = (attr('type') || '').toLowerCase();
              let name = attr('aria-label') || '';
              if (!name && attr('aria-labelledby')) {
                name = attr('aria-labelledby').split(/\\s+/)
                  .map(id => { const l = document.getElementById(id); return l ? l.innerText : ''; }).join(' ');
              }
              if (!name && el.labels && el.labels.length) {
                name = Array.from(el.labels).map(l => l.innerText).join(' ');
              }
              if (!name && tag === 'input' && ['submit', 'button', 'reset', 'image'].includes(type)) {
                name = attr('value') || attr('alt') || '';
              }
              const readsText = !['input', 'textarea', 'select'].includes(tag);
              const text = readsText ? (el.innerText || el.textContent || '') : '';
              if (!name && readsText) { name = text; }
              if (!name) { name = attr('title') || ''; }
              const form = el.form || el.closest('form');
              const passwordInForm = !!(form && form.querySelector('input[type=password]'));
              let formName = '';
              if (form) {
                const action = form.getAttribute('action') || '';
                formName = form.getAttribute('aria-label') || form.getAttribute('name') || form.getAttribute('id')
                  || (action ? 'posting to ' + action.split(/[?#]/)[0] : '');
              }
              return { name: name, text: text, tag: tag, type: attr('type'), nameAttr: attr('name'), id: attr('id'),
                       autocomplete: attr('autocomplete'), placeholder: attr('placeholder'), password: passwordInForm,
                       formName: formName };
            }
            """;

    private TargetInspector() {
    }

    /** Describes the element as the risk and card-field rules see it. */
    public static TargetDescription describe(Page page, ElementHandle element) {
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) element.evaluate(DESCRIBE);
        Frame frame = element.ownerFrame();
        return fromFacts(seen, page.url(), frame == null || frame == page.mainFrame() ? null : frame.url());
    }

    /**
     * The description from what {@link #DESCRIBE} returned, the page's address and the address of the element's
     * frame (null in the top page).
     */
    public static TargetDescription fromFacts(Map<String, Object> seen, String pageUrl, String frameUrl) {
        String frameOrigin = frameUrl == null ? null : originOf(frameUrl);
        return TargetDescription.empty()
                .withAccessibleName(clip(seen.get("name")))
                .withText(clip(seen.get("text")))
                .withTag(string(seen.get("tag")), string(seen.get("type")))
                .withAttributes(string(seen.get("nameAttr")), string(seen.get("id")), string(seen.get("autocomplete")),
                        string(seen.get("placeholder")))
                .withForm(Boolean.TRUE.equals(seen.get("password")), clip(seen.get("formName")))
                .withUrl(pageUrl)
                .withIframeOrigin(frameOrigin);
    }

    /** What a navigation step is judged on: only its destination. */
    public static TargetDescription destination(String url) {
        return TargetDescription.empty().withUrl(url);
    }

    /**
     * What a key press without a selector lands on: the focused element (so Enter in a password field still
     * counts as submitting its form), or the page as a whole when nothing has focus.
     */
    public static TargetDescription focused(Page page) {
        ElementHandle element = page.evaluateHandle(
                "() => { const a = document.activeElement; return a && a !== document.body ? a : null; }").asElement();
        if (element == null) {
            return page(page);
        }
        try {
            return describe(page, element);
        } finally {
            element.dispose();
        }
    }

    /** The page as a whole, for steps that read or wait. */
    public static TargetDescription page(Page page) {
        return TargetDescription.empty().withUrl(page.url());
    }

    static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                // about:blank or srcdoc frames inherit their parent's origin; "null" is never a processor.
                return "null";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "null";
        }
    }

    private static String clip(Object value) {
        String text = string(value);
        if (text == null) {
            return null;
        }
        String squashed = text.strip().replaceAll("\\s+", " ");
        return squashed.length() <= MAX_TEXT ? squashed : squashed.substring(0, MAX_TEXT);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}

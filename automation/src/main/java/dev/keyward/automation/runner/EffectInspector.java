package dev.keyward.automation.runner;

import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.keyward.automation.browser.EffectContext;
import dev.keyward.automation.browser.ElementFacts;
import dev.keyward.automation.browser.FormFacts;
import dev.keyward.automation.browser.FrameFacts;
import dev.keyward.automation.browser.TargetDescription;
import dev.keyward.automation.browser.TargetInspector;
import java.util.List;
import java.util.Map;

/**
 * Reads, in one call into the page, everything {@link dev.keyward.automation.program.EffectClassifier} and
 * {@link dev.keyward.automation.browser.CardFieldPolicy} judge: the element's labels of every kind, the control
 * around it (the button around a clicked icon), the form it belongs to (how and where it is sent, its field
 * names and submit captions, its text) and the frame it lives in, with the {@link TargetInspector}'s description
 * and, for a click or key press, the page's text. It never reads what is typed into a field.
 */
final class EffectInspector {

    /** Runs in the page; labels and attributes only, never the {@code value} of a text input. */
    private static final String INSPECT = """
            el => {
              const clip = (s, n) => (s || '').replace(/\\s+/g, ' ').trim().slice(0, n || 300);
              const textOf = id => { const l = document.getElementById(id); return l ? (l.innerText || l.textContent) : ''; };
              const facts = e => {
                const a = n => e.getAttribute(n);
                const tag = e.tagName.toLowerCase();
                const type = (a('type') || '').toLowerCase();
                const readsText = !['input', 'textarea', 'select'].includes(tag);
                const text = readsText ? clip(e.innerText || e.textContent) : '';
                let labelText = a('aria-labelledby') ? a('aria-labelledby').split(/\\s+/).map(textOf).join(' ') : '';
                if (e.labels && e.labels.length) {
                  labelText += ' ' + Array.from(e.labels).map(l => l.innerText || l.textContent).join(' ');
                }
                let description = a('aria-description') || '';
                if (a('aria-describedby')) {
                  description += ' ' + a('aria-describedby').split(/\\s+/).map(textOf).join(' ');
                }
                const icons = Array.from(e.querySelectorAll('svg title, img[alt], [aria-label], [title]')).slice(0, 10)
                  .map(i => i.tagName.toLowerCase() === 'title' ? i.textContent
                    : (i.getAttribute('aria-label') || i.getAttribute('alt') || i.getAttribute('title'))).join(' ');
                const buttonLike = tag === 'input' && ['submit', 'button', 'reset', 'image'].includes(type);
                const name = a('aria-label') || clip(labelText) || (buttonLike ? (a('value') || a('alt') || '') : '')
                  || text || a('title') || '';
                const rawHref = tag === 'a' ? (a('href') || '') : '';
                const handlers = Array.from(e.attributes).some(at => at.name.toLowerCase().startsWith('on'));
                return { tag: tag, type: a('type'), role: a('role'), name: a('name'), id: a('id'),
                         accessibleName: clip(name), text: text, title: a('title'), ariaLabel: a('aria-label'),
                         ariaDescription: clip(description), labelText: clip(labelText), iconLabels: clip(icons),
                         value: buttonLike ? a('value') : null, placeholder: a('placeholder'),
                         autocomplete: a('autocomplete'), inputMode: a('inputmode'), pattern: a('pattern'),
                         maxLength: a('maxlength'), href: tag === 'a' && rawHref ? e.href : null,
                         scripted: handlers || /^\\s*javascript:/i.test(rawHref) || rawHref === '' || rawHref.startsWith('#') };
              };
              const control = el.closest('button, a[href], input[type=submit], input[type=button], input[type=image],'
                + ' [role=button], [role=link], [role=menuitem], summary');
              const form = (control && control.form) || el.form || el.closest('form');
              let formFacts = null;
              if (form) {
                const submitter = control && (control.tagName === 'BUTTON' || control.tagName === 'INPUT') ? control : null;
                const method = (submitter && submitter.getAttribute('formmethod')) || form.getAttribute('method') || 'get';
                const action = (submitter && submitter.getAttribute('formaction')) || form.getAttribute('action') || '';
                const fields = Array.from(form.querySelectorAll('input, select, textarea, button'))
                  .map(f => f.getAttribute('name')).filter(n => n).slice(0, 60);
                const submits = Array.from(form.querySelectorAll('button, input[type=submit], input[type=image]'))
                  .filter(b => b.tagName !== 'BUTTON' || !b.getAttribute('type') || b.getAttribute('type').toLowerCase() === 'submit')
                  .map(b => clip(b.getAttribute('aria-label') || b.innerText || b.getAttribute('value') || b.getAttribute('title'), 100))
                  .slice(0, 10);
                formFacts = { name: form.getAttribute('aria-label') || form.getAttribute('name') || form.getAttribute('id') || '',
                              method: method.toUpperCase(), action: new URL(action || location.href, document.baseURI).href,
                              fields: fields, submits: submits, password: !!form.querySelector('input[type=password]'),
                              text: clip(form.innerText || form.textContent, 600) };
              }
              return { element: facts(el), control: control && control !== el ? facts(control) : null, form: formFacts };
            }
            """;

    /**
     * Both readings ({@link TargetInspector#DESCRIBE} and {@link #INSPECT}), whether the element is in the top page,
     * and on request the page's text: one round trip into the page where three or four were made before.
     */
    private static final String READ = "(el, withText) => { const describe = " + TargetInspector.DESCRIBE.strip()
            + "; const inspect = " + INSPECT.strip() + "; const top = window === window.top;"
            + " return { target: describe(el), effect: inspect(el), top: top,"
            + " pageText: top && withText ? (document.body ? document.body.innerText.slice(0, 20000) : '') : null }; }";
    /** {@link #READ} of the focused element; only the page's text when nothing has focus. */
    private static final String READ_FOCUSED = "withText => { const read = " + READ + ";"
            + " const a = document.activeElement; return a && a !== document.body ? read(a, withText)"
            + " : { target: null, effect: null, top: true,"
            + " pageText: withText ? (document.body ? document.body.innerText.slice(0, 20000) : '') : null }; }";

    /**
     * What the runner knows about a step's element after one read.
     *
     * @param target   what the risk and card-field rules judge
     * @param effect   everything around the element, for the effect classifier
     * @param pageText the top page's text (for amounts and plans at a checkpoint), or null when it was not read
     */
    record Reading(TargetDescription target, EffectContext effect, String pageText) {}

    private EffectInspector() {
    }

    /**
     * Everything seen around the element, with the page's address and the step's selector; with
     * {@code withPageText} also the top page's text, read in the same call.
     */
    static Reading read(Page page, ElementHandle element, String selector, boolean withPageText) {
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) element.evaluate(READ, withPageText);
        return reading(page, element, selector, seen);
    }

    /** The focused element, for a key press without a selector; only the page's address when nothing has focus. */
    static Reading focused(Page page, boolean withPageText) {
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) page.evaluate(READ_FOCUSED, withPageText);
        if (seen.get("target") == null) {
            return new Reading(TargetInspector.page(page), new EffectContext(null, null, null, null, null, null,
                    page.url(), null), string(seen.get("pageText")));
        }
        // The focused element of the top document is in the top page: no frame to ask about.
        return reading(page, null, null, seen);
    }

    @SuppressWarnings("unchecked")
    private static Reading reading(Page page, ElementHandle element, String selector, Map<String, Object> seen) {
        Map<String, Object> effect = (Map<String, Object>) seen.get("effect");
        boolean top = !Boolean.FALSE.equals(seen.get("top"));
        // Only an element inside a frame costs more round trips: the frame's address, name and title.
        Frame frame = top || element == null ? null : element.ownerFrame();
        String frameUrl = frame == null || frame == page.mainFrame() ? null : frame.url();
        TargetDescription target = TargetInspector.fromFacts((Map<String, Object>) seen.get("target"), page.url(),
                frameUrl);
        EffectContext context = new EffectContext(facts(effect.get("element")), facts(effect.get("control")),
                form(effect.get("form")), frameUrl == null ? null : frame(frame), null, null, page.url(), selector);
        return new Reading(target, context, string(seen.get("pageText")));
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static FrameFacts frame(Frame frame) {
        String title = null;
        try {
            ElementHandle holder = frame.frameElement();
            title = holder.getAttribute("title");
            holder.dispose();
        } catch (PlaywrightException e) {
            // A detached frame has no element any more; its address and name still tell.
        }
        return new FrameFacts(frame.url(), frame.name(), title);
    }

    @SuppressWarnings("unchecked")
    private static ElementFacts facts(Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, Object> m = (Map<String, Object>) map;
        return new ElementFacts(s(m, "tag"), s(m, "type"), s(m, "role"), s(m, "name"), s(m, "id"),
                s(m, "accessibleName"), s(m, "text"), s(m, "title"), s(m, "ariaLabel"), s(m, "ariaDescription"),
                s(m, "labelText"), s(m, "iconLabels"), s(m, "value"), s(m, "placeholder"), s(m, "autocomplete"),
                s(m, "inputMode"), s(m, "pattern"), number(s(m, "maxLength")), s(m, "href"),
                Boolean.TRUE.equals(m.get("scripted")));
    }

    @SuppressWarnings("unchecked")
    private static FormFacts form(Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, Object> m = (Map<String, Object>) map;
        String name = s(m, "name");
        return new FormFacts(name == null || name.isBlank() ? null : name, s(m, "method"), s(m, "action"),
                strings(m.get("fields")), strings(m.get("submits")), Boolean.TRUE.equals(m.get("password")),
                s(m, "text"));
    }

    private static List<String> strings(Object raw) {
        return raw instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static String s(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    private static Integer number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

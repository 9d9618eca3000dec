// Keyward's speculation-rules hold, run in every frame of a run's browser context before the page's own scripts.
// Chromium fetches what a <script type="speculationrules"> prefetches or prerenders from its browser process, where
// Playwright's routing never sees the request (corpus s29, s30): a page could make the browser GET a delete address
// past the gate. Runs have no speculation rules: a rule script is removed as soon as it is in the document, in the
// mutation observer's microtask, which Chromium runs before the one that hands the rules to the browser. Everything
// used here was captured before the page ran, so a page that patches the DOM methods cannot keep a rule script in.
(() => {
  const NativeObserver = globalThis.MutationObserver;
  const Script = globalThis.HTMLScriptElement;
  const ElementType = globalThis.Element;
  const doc = globalThis.document;
  if (typeof NativeObserver !== 'function' || typeof Script !== 'function' || !doc) {
    return;
  }
  const apply = Reflect.apply;
  const construct = Reflect.construct;
  const define = Object.defineProperty;
  const observe = NativeObserver.prototype.observe;
  const getAttribute = ElementType.prototype.getAttribute;
  const removeElement = ElementType.prototype.remove;
  const queryAll = globalThis.DocumentFragment.prototype.querySelectorAll;
  const queryAllInDocument = globalThis.Document.prototype.querySelectorAll;
  const lengthOf = Object.getOwnPropertyDescriptor(globalThis.NodeList.prototype, 'length').get;
  const item = globalThis.NodeList.prototype.item;
  const trim = String.prototype.trim;
  const lower = String.prototype.toLowerCase;
  const nativeSupports = Script.supports;
  const nativeAttachShadow = ElementType.prototype.attachShadow;
  const shadowRootOf = Object.getOwnPropertyDescriptor(ElementType.prototype, 'shadowRoot').get;
  const queryAllInElement = ElementType.prototype.querySelectorAll;
  const addedNodesOf = Object.getOwnPropertyDescriptor(globalThis.MutationRecord.prototype, 'addedNodes').get;
  const nodeTypeOf = Object.getOwnPropertyDescriptor(globalThis.Node.prototype, 'nodeType').get;
  const known = construct(globalThis.WeakSet, []);
  const isKnown = globalThis.WeakSet.prototype.has;
  const remember = globalThis.WeakSet.prototype.add;
  const roots = [];

  const isRules = (script) => {
    const type = apply(getAttribute, script, ['type']);
    return type !== null && apply(lower, apply(trim, type, []), []) === 'speculationrules';
  };
  const sweep = (root, query) => {
    const scripts = apply(query, root, ['script']);
    for (let i = apply(lengthOf, scripts, []) - 1; i >= 0; i--) {
      const script = apply(item, scripts, [i]);
      if (isRules(script)) {
        apply(removeElement, script, []);
      }
    }
  };
  let observer = null;
  const watch = (node) => apply(observe, observer, [node, {subtree: true, childList: true, characterData: true,
    attributes: true, attributeFilter: ['type']}]);
  // A shadow root, once known, is watched like the document and swept now; the shadow roots inside it are looked for.
  const adopt = (root) => {
    if (root === null || apply(isKnown, known, [root])) {
      return;
    }
    apply(remember, known, [root]);
    // Defined, not assigned: an index setter the page put on Array.prototype never sees the root.
    define(roots, roots.length, {value: root, writable: false, configurable: false, enumerable: true});
    watch(root);
    sweep(root, queryAll);
    within(root, queryAll);
  };
  const within = (node, query) => {
    const all = apply(query, node, ['*']);
    for (let i = 0; i < apply(lengthOf, all, []); i++) {
      adopt(apply(shadowRootOf, apply(item, all, [i]), []));
    }
  };
  observer = construct(NativeObserver, [(records) => {
    // The parser attaches a declarative shadow root (<template shadowrootmode="open">) without attachShadow; its
    // host arrives in these records, and an open root is found on it before Chromium reads the rules inside.
    for (let r = 0; r < records.length; r++) {
      const added = apply(addedNodesOf, records[r], []);
      for (let i = 0; i < apply(lengthOf, added, []); i++) {
        const node = apply(item, added, [i]);
        if (apply(nodeTypeOf, node, []) === 1) {
          adopt(apply(shadowRootOf, node, []));
          within(node, queryAllInElement);
        }
      }
    }
    sweep(doc, queryAllInDocument);
    for (let i = 0; i < roots.length; i++) {
      sweep(roots[i], queryAll);
    }
  }]);
  watch(doc);
  // A mutation observer on the document does not see into shadow trees, where a rule script is honoured too.
  if (typeof nativeAttachShadow === 'function') {
    const attachShadow = {attachShadow(init) {
      const root = apply(nativeAttachShadow, this, [init]);
      adopt(root);
      return root;
    }}.attachShadow;
    define(ElementType.prototype, 'attachShadow', {value: attachShadow, writable: false, configurable: false,
      enumerable: true});
  }
  // A closed declarative shadow root cannot be reached from here at all, so markup a page writes gets no declarative
  // root: its template stays an inert template (an attribute Chromium does not know), whose scripts never run. The
  // written markup is judged as one text: a page may split the attribute's name over several writes ('shadowroot',
  // then 'mode=closed'), so the last characters written to each document are kept, and a write that completes the
  // name has its own part of it changed. (Markup the page's own source holds between two writes is not written;
  // that is the markup layer's, and a rule script in it is a data block.)
  const indexOf = String.prototype.indexOf;
  const slice = String.prototype.slice;
  const DocumentType = globalThis.Document;
  const ATTRIBUTE = 'shadowrootmode';
  const KEPT = ATTRIBUTE.length - 1;
  const tails = construct(globalThis.WeakMap, []);
  const tailOf = globalThis.WeakMap.prototype.get;
  const keepTail = globalThis.WeakMap.prototype.set;
  // Chromium folds an attribute name's ASCII letters only, and no other letter lower-cases to one of the name's;
  // a character whose lower case is longer (U+0130) would move every index after it, so the text is folded by hand.
  const fold = (text) => {
    const folded = apply(lower, text, []);
    if (folded.length === text.length) {
      return folded;
    }
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      out += c >= 'A' && c <= 'Z' ? apply(lower, c, []) : c;
    }
    return out;
  };
  const cleaned = (text, tail) => {
    const folded = fold(text);
    let out = '';
    let from = 0;
    // A name begun in the writes before: the part of it in this text becomes 'x's, so the name read is another one.
    const joined = tail + folded;
    const first = apply(indexOf, joined, [ATTRIBUTE, 0]);
    if (first >= 0 && first < tail.length) {
      from = first + ATTRIBUTE.length - tail.length;
      for (let i = 0; i < from; i++) {
        out += 'x';
      }
    }
    for (let at = apply(indexOf, folded, [ATTRIBUTE, from]); at >= 0;
      at = apply(indexOf, folded, [ATTRIBUTE, at + ATTRIBUTE.length])) {
      out += apply(slice, text, [from, at]) + 'data-keyward-x';
      from = at + ATTRIBUTE.length;
    }
    return out + apply(slice, text, [from]);
  };
  const tailAfter = (tail, text) => {
    const joined = tail + fold(text);
    return apply(slice, joined, [joined.length > KEPT ? joined.length - KEPT : 0]);
  };
  // A TrustedHTML is passed on as it is unless it needs cleaning (a page that enforces Trusted Types then refuses the
  // cleaned string, which fails closed); its text is read with the native method, not a toString the page replaced.
  const policies = globalThis.trustedTypes;
  const isHTML = policies && typeof policies.isHTML === 'function' ? policies.isHTML : null;
  const trustedText = typeof globalThis.TrustedHTML === 'function' ? globalThis.TrustedHTML.prototype.toString : null;
  for (const name of ['write', 'writeln']) {
    const native = DocumentType.prototype[name];
    if (typeof native !== 'function') {
      continue;
    }
    const wrapped = {[name](...parts) {
      const out = [];
      let tail = apply(tailOf, tails, [this]) || '';
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        const trusted = isHTML !== null && trustedText !== null && apply(isHTML, policies, [part]);
        const text = trusted ? apply(trustedText, part, []) : '' + part;
        const written = cleaned(text, tail);
        tail = tailAfter(tail, written);
        define(out, i, {value: trusted && written === text ? part : written, writable: true, configurable: true,
          enumerable: true});
      }
      if (name === 'writeln') {
        tail = tailAfter(tail, '\n');
      }
      if (this !== null && (typeof this === 'object' || typeof this === 'function')) {
        apply(keepTail, tails, [this, tail]);
      }
      return apply(native, this, out);
    }}[name];
    define(DocumentType.prototype, name, {value: wrapped, writable: false, configurable: false, enumerable: true});
  }
  // A page that asks first is told there are none, and falls back to <link rel=prefetch>, which routing sees.
  if (typeof nativeSupports === 'function') {
    const supports = {supports(type) {
      const asked = apply(lower, apply(trim, '' + type, []), []);
      return asked === 'speculationrules' ? false : apply(nativeSupports, Script, [type]);
    }}.supports;
    define(Script, 'supports', {value: supports, writable: false, configurable: false, enumerable: true});
  }
})();

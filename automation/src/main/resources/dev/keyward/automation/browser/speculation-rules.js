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
  const observer = construct(NativeObserver, [() => {
    sweep(doc, queryAllInDocument);
    for (let i = 0; i < roots.length; i++) {
      sweep(roots[i], queryAll);
    }
  }]);
  const watch = (node) => apply(observe, observer, [node, {subtree: true, childList: true, characterData: true,
    attributes: true, attributeFilter: ['type']}]);
  watch(doc);
  // A mutation observer on the document does not see into shadow trees, where a rule script is honoured too.
  if (typeof nativeAttachShadow === 'function') {
    const attachShadow = {attachShadow(init) {
      const root = apply(nativeAttachShadow, this, [init]);
      // Defined, not assigned: an index setter the page put on Array.prototype never sees the root.
      define(roots, roots.length, {value: root, writable: false, configurable: false, enumerable: true});
      watch(root);
      return root;
    }}.attachShadow;
    define(ElementType.prototype, 'attachShadow', {value: attachShadow, writable: false, configurable: false,
      enumerable: true});
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

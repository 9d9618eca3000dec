// Keyward's WebSocket hold, run in every frame of a run's browser context before the page's own scripts.
// Every message a page sends on a WebSocket waits until the runner approves it (the same gate as a form post).
// The runner answers an approved message with HMAC-SHA256(key, id ":" payload); the message is sent only when
// that answer checks out, so a page that tampers with the binding's plumbing (a patched Promise or Map) cannot
// forge an approval: it never sees the key, and everything used here was captured before the page ran.
// Workers cannot be reached by this script, so a worker created during a run has no WebSocket at all.
(() => {
  // WebRTC is not held: its STUN, TURN and data-channel traffic goes to any address the page names, past
  // Playwright's routing and the host resolver rules, so a run's pages get no peer connections at all.
  // WebTransport (HTTP/3) is off with QUIC, and is taken away too rather than left to a flag.
  for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel', 'RTCIceTransport', 'WebTransport']) {
    if (name in globalThis) {
      Object.defineProperty(globalThis, name, {value: undefined, writable: false, configurable: false});
    }
  }
  // Requests the page's scripts have under way (fetch, sendBeacon, XMLHttpRequest), for the runner's quiet wait
  // after the last step: on a busy machine the route can hear of a request only after the page's quiet turn has
  // ended, and a write the last step set off would then end with the browser instead of being decided.
  const underWay = {count: 0};
  Object.defineProperty(globalThis, '__keywardRequestsUnderWay', {value: () => underWay.count, writable: false,
    configurable: false, enumerable: false});
  (() => {
    const XHR = globalThis.XMLHttpRequest;
    const listen = globalThis.EventTarget && globalThis.EventTarget.prototype.addEventListener;
    if (typeof XHR !== 'function' || typeof listen !== 'function') {
      return;
    }
    const apply = Reflect.apply;
    const nativeSend = XHR.prototype.send;
    const send = {send(body) {
      let counted = true;
      const done = () => { if (counted) { counted = false; underWay.count--; } };
      underWay.count++;
      apply(listen, this, ['loadend', done, {once: true}]);
      try {
        return apply(nativeSend, this, arguments.length === 0 ? [] : [body]);
      } catch (e) {
        done();
        throw e;
      }
    }}.send;
    // Left replaceable, as the native one is: a page's own wrapper (an error reporter's) must still install, and
    // one that skips this count only shortens the quiet wait; the route holds the request either way.
    Object.defineProperty(XHR.prototype, 'send', {value: send, writable: true, configurable: true, enumerable: true});
  })();
  // The runner's wait for a quiet page after a run's last step (StepRunner.settle): it resolves once the document
  // has not changed for 30 ms, or after a second. Built from timers, observer and promise captured before the page
  // ran and defined so the page cannot replace it: a page that swapped setTimeout or MutationObserver for no-ops
  // made a wait built from its own globals never end, and the run with it.
  (() => {
    const apply = Reflect.apply;
    const construct = Reflect.construct;
    const setTimer = globalThis.setTimeout;
    const clearTimer = globalThis.clearTimeout;
    const NativeObserver = globalThis.MutationObserver;
    const NativePromise = Promise;
    if (typeof NativeObserver !== 'function' || typeof setTimer !== 'function') {
      return;
    }
    const observe = NativeObserver.prototype.observe;
    const disconnect = NativeObserver.prototype.disconnect;
    const doc = globalThis.document;
    const quietPage = () => construct(NativePromise, [done => {
      let timer = null;
      let observer = null;
      const finish = () => { apply(disconnect, observer, []); done(true); };
      observer = construct(NativeObserver, [() => {
        apply(clearTimer, globalThis, [timer]);
        timer = apply(setTimer, globalThis, [finish, 30]);
      }]);
      apply(observe, observer, [doc, {subtree: true, childList: true, attributes: true, characterData: true}]);
      timer = apply(setTimer, globalThis, [finish, 30]);
      apply(setTimer, globalThis, [finish, 1000]);
    }]);
    Object.defineProperty(globalThis, '__keywardQuietPage', {value: quietPage, writable: false, configurable: false,
      enumerable: false});
  })();
  // fetchLater (Chromium 135 and later) queues a request the browser sends by itself once the page is gone or a
  // timer runs out, where routing no longer holds it, as it did for keepalive below. A run's pages have none; a
  // page that checks for it falls back to what the hold below turns into ordinary requests.
  if ('fetchLater' in globalThis) {
    Object.defineProperty(globalThis, 'fetchLater', {value: undefined, writable: false, configurable: false});
  }
  // Requests that outlive their page (fetch with keepalive, navigator.sendBeacon) are sent by the browser after
  // the page has gone, where routing no longer holds them: a test saw a keepalive fetch from a pagehide listener
  // reach the server past a rejection. A run's pages send them as ordinary requests, which the route holds like
  // any other and which end with their page if it leaves first.
  (() => {
    const nativeFetch = globalThis.fetch;
    const NativeRequest = globalThis.Request;
    const keepaliveOf = NativeRequest && Object.getOwnPropertyDescriptor(NativeRequest.prototype, 'keepalive');
    if (typeof nativeFetch !== 'function' || !keepaliveOf || !keepaliveOf.get) {
      return;
    }
    const apply = Reflect.apply;
    const construct = Reflect.construct;
    const then = Promise.prototype.then;
    const NativePromise = Promise;
    const rejectWith = Promise.reject;
    const ordinary = (input, init) => {
      // The native constructor reads the page's options once; its keepalive is then read from what it made.
      let request = construct(NativeRequest, init === undefined ? [input] : [input, init]);
      if (apply(keepaliveOf.get, request, [])) {
        request = construct(NativeRequest, [request, {keepalive: false}]);
      }
      return request;
    };
    const underWayUntilSettled = (promise) => {
      underWay.count++;
      const done = () => { underWay.count--; };
      apply(then, promise, [done, done]);
      return promise;
    };
    const fetch = {fetch(input, init) {
      let request;
      try {
        request = ordinary(input, init);
      } catch (e) {
        // Never hand the page's own objects to the native fetch: a getter that throws on the first read and
        // answers keepalive (or a body) on the second would go out unheld. The page gets the error fetch would give.
        return apply(rejectWith, NativePromise, [e]);
      }
      return underWayUntilSettled(apply(nativeFetch, globalThis, [request]));
    }}.fetch;
    Object.defineProperty(globalThis, 'fetch', {value: fetch, writable: false, configurable: false, enumerable: true});
    const Nav = globalThis.Navigator;
    if (Nav && typeof Nav.prototype.sendBeacon === 'function') {
      const sendBeacon = {sendBeacon(url, data) {
        const options = {method: 'POST', credentials: 'include', mode: 'no-cors'};
        if (data !== undefined && data !== null) {
          options.body = data;
        }
        let sent;
        try {
          sent = underWayUntilSettled(apply(nativeFetch, globalThis, [ordinary(url, options)]));
        } catch (e) {
          return false;
        }
        apply(then, sent, [undefined, () => undefined]);
        return true;
      }}.sendBeacon;
      Object.defineProperty(Nav.prototype, 'sendBeacon', {value: sendBeacon, writable: false, configurable: false,
        enumerable: true});
    }
  })();
  const KEY_HEX = '%KEY%';
  const BINDING = '%BINDING%';
  const g = globalThis;
  const hold = g[BINDING];
  const NativeSocket = g.WebSocket;
  if (typeof NativeSocket !== 'function') {
    return;
  }
  const apply = Reflect.apply;
  const construct = Reflect.construct;
  const define = Object.defineProperty;
  const describe = Object.getOwnPropertyDescriptor;
  const U8 = Uint8Array;
  const U32 = Uint32Array;
  const NativeBlob = g.Blob;
  const NativeDOMException = g.DOMException;
  const NativeURL = g.URL;
  const NativeArrayBuffer = g.ArrayBuffer;
  const isView = ArrayBuffer.isView;
  const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
  const viewGetters = (proto) => [describe(proto, 'buffer').get, describe(proto, 'byteOffset').get,
    describe(proto, 'byteLength').get];
  const TYPED = viewGetters(TypedArrayProto);
  const DATA_VIEW = viewGetters(DataView.prototype);
  const stringify = JSON.stringify;
  const createObjectURL = NativeURL && NativeURL.createObjectURL;
  const hrefOf = NativeURL && describe(NativeURL.prototype, 'href').get;
  const blobBytes = NativeBlob && NativeBlob.prototype.arrayBuffer;
  const weakGet = WeakMap.prototype.get;
  const weakSet = WeakMap.prototype.set;
  const encoder = new TextEncoder();
  const encode = TextEncoder.prototype.encode;
  const randomValues = g.crypto && g.crypto.getRandomValues;
  const nativeSend = NativeSocket.prototype.send;
  const nativeClose = NativeSocket.prototype.close;
  const urlOf = describe(NativeSocket.prototype, 'url').get;
  const stateOf = describe(NativeSocket.prototype, 'readyState').get;
  const floor = Math.floor;
  const pow = Math.pow;
  const HEX = '0123456789abcdef';

  // SHA-256 and HMAC on typed arrays and arithmetic only: nothing the page can patch.
  const ROUND = new U32(64);
  const START = new U32(8);
  (() => {
    let found = 0;
    for (let candidate = 2; found < 64; candidate++) {
      let prime = true;
      for (let d = 2; d * d <= candidate; d++) {
        if (candidate % d === 0) {
          prime = false;
          break;
        }
      }
      if (prime) {
        if (found < 8) {
          START[found] = (pow(candidate, 1 / 2) * 4294967296) | 0;
        }
        ROUND[found] = (pow(candidate, 1 / 3) * 4294967296) | 0;
        found++;
      }
    }
  })();
  const rotr = (x, n) => (x >>> n) | (x << (32 - n));

  function sha256(bytes) {
    const n = bytes.length;
    const total = (((n + 9 + 63) / 64) | 0) * 64;
    const buffer = new U8(total);
    for (let i = 0; i < n; i++) {
      buffer[i] = bytes[i];
    }
    buffer[n] = 0x80;
    const bits = n * 8;
    const high = floor(bits / 4294967296);
    for (let i = 0; i < 4; i++) {
      buffer[total - 8 + i] = (high >>> (24 - 8 * i)) & 0xff;
      buffer[total - 4 + i] = (bits >>> (24 - 8 * i)) & 0xff;
    }
    const h = new U32(8);
    for (let i = 0; i < 8; i++) {
      h[i] = START[i];
    }
    const w = new U32(64);
    for (let block = 0; block < total; block += 64) {
      for (let i = 0; i < 16; i++) {
        const at = block + 4 * i;
        w[i] = (buffer[at] << 24) | (buffer[at + 1] << 16) | (buffer[at + 2] << 8) | buffer[at + 3];
      }
      for (let i = 16; i < 64; i++) {
        const x = w[i - 15];
        const y = w[i - 2];
        const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
        const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], gg = h[6], hh = h[7];
      for (let i = 0; i < 64; i++) {
        const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & gg)) + ROUND[i] + w[i]) | 0;
        const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        hh = gg;
        gg = f;
        f = e;
        e = (d + t1) | 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) | 0;
      }
      h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += gg; h[7] += hh;
    }
    const out = new U8(32);
    for (let i = 0; i < 32; i++) {
      out[i] = (h[i >>> 2] >>> (24 - 8 * (i & 3))) & 0xff;
    }
    return out;
  }

  function concat(first, second) {
    const out = new U8(first.length + second.length);
    for (let i = 0; i < first.length; i++) {
      out[i] = first[i];
    }
    for (let i = 0; i < second.length; i++) {
      out[first.length + i] = second[i];
    }
    return out;
  }

  function fromHex(hex) {
    const out = new U8(hex.length / 2);
    for (let i = 0; i < out.length; i++) {
      out[i] = (HEX.indexOf(hex[2 * i]) << 4) | HEX.indexOf(hex[2 * i + 1]);
    }
    return out;
  }

  function toHex(bytes) {
    let out = '';
    for (let i = 0; i < bytes.length; i++) {
      out += HEX[bytes[i] >>> 4] + HEX[bytes[i] & 15];
    }
    return out;
  }

  const KEY = fromHex(KEY_HEX);
  function hmac(message) {
    const inner = new U8(64);
    const outer = new U8(64);
    for (let i = 0; i < 64; i++) {
      const k = i < KEY.length ? KEY[i] : 0;
      inner[i] = k ^ 0x36;
      outer[i] = k ^ 0x5c;
    }
    return toHex(sha256(concat(outer, sha256(concat(inner, message)))));
  }

  const utf8 = (text) => apply(encode, encoder, [text]);
  const frameId = (() => {
    const words = new U32(2);
    if (randomValues) {
      apply(randomValues, g.crypto, [words]);
    }
    return words[0] + '-' + words[1];
  })();
  let counter = 0;

  // One queue per socket, so messages keep their order while they wait.
  const queues = new WeakMap();
  const queueOf = (socket) => {
    let queue = apply(weakGet, queues, [socket]);
    if (!queue) {
      queue = {head: null, tail: null, busy: false, closeAfter: null};
      apply(weakSet, queues, [socket, queue]);
    }
    return queue;
  };

  async function payloadOf(data) {
    if (typeof data === 'string') {
      return {text: data, bytes: utf8(data), hex: null};
    }
    let bytes;
    if (data instanceof NativeArrayBuffer) {
      bytes = new U8(data);
    } else if (isView(data)) {
      // The view's own getters can be patched by the page: read its bytes through the ones captured above.
      let getters = TYPED;
      try {
        apply(TYPED[0], data, []);
      } catch (e) {
        getters = DATA_VIEW;
      }
      bytes = new U8(apply(getters[0], data, []), apply(getters[1], data, []), apply(getters[2], data, []));
    } else if (NativeBlob && data instanceof NativeBlob) {
      bytes = new U8(await apply(blobBytes, data, []));
    } else {
      const text = '' + data;
      return {text: text, bytes: utf8(text), hex: null};
    }
    // What goes out is this copy, exactly the bytes the runner was shown.
    const copy = concat(new U8(0), bytes);
    return {text: null, bytes: copy, hex: toHex(copy)};
  }

  async function deliver(socket, data) {
    const payload = await payloadOf(data);
    const url = apply(urlOf, socket, []);
    const id = frameId + ':' + (++counter);
    const expected = hmac(concat(utf8(id + ':'), payload.bytes));
    let reply = null;
    try {
      reply = await hold(url, id, payload.text, payload.hex);
    } catch (e) {
      reply = null;
    }
    if (reply === expected && apply(stateOf, socket, []) === 1) {
      apply(nativeSend, socket, [payload.text !== null ? payload.text : payload.bytes]);
      return true;
    }
    return false;
  }

  async function pump(socket, queue) {
    queue.busy = true;
    while (queue.head !== null) {
      const item = queue.head;
      queue.head = item.next;
      if (queue.head === null) {
        queue.tail = null;
      }
      let sent = false;
      try {
        sent = await deliver(socket, item.data);
      } catch (e) {
        sent = false;
      }
      if (!sent) {
        // A refused message ends the socket: what the page meant to send after it must not go out alone.
        queue.head = null;
        queue.tail = null;
        try {
          apply(nativeClose, socket, []);
        } catch (e) {
          // already closing
        }
      }
    }
    queue.busy = false;
    if (queue.closeAfter !== null) {
      const args = queue.closeAfter;
      queue.closeAfter = null;
      apply(nativeClose, socket, args);
    }
  }

  const heldSend = {
    send(data) {
      const state = apply(stateOf, this, []);
      if (state === 0) {
        throw new NativeDOMException("Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.",
            'InvalidStateError');
      }
      if (state !== 1 || typeof hold !== 'function') {
        return;
      }
      const queue = queueOf(this);
      const item = {data: data, next: null};
      if (queue.tail === null) {
        queue.head = item;
      } else {
        queue.tail.next = item;
      }
      queue.tail = item;
      if (!queue.busy) {
        pump(this, queue);
      }
    },
    close(...args) {
      apply(stateOf, this, []);
      const queue = apply(weakGet, queues, [this]);
      if (queue && queue.busy) {
        // A close after a send waits for the send, as it would on the wire.
        queue.closeAfter = args;
        return;
      }
      return apply(nativeClose, this, args);
    },
  };
  define(NativeSocket.prototype, 'send', {value: heldSend.send, writable: false, configurable: false, enumerable: true});
  define(NativeSocket.prototype, 'close', {value: heldSend.close, writable: false, configurable: false, enumerable: true});
  define(g, BINDING, {value: hold, writable: false, configurable: false, enumerable: false});
  if (typeof g.WebSocketStream === 'function') {
    // A stream socket has no send to hold; it is not offered during a run.
    define(g, 'WebSocketStream', {value: undefined, writable: false, configurable: false});
  }

  // Workers: the worker's own script runs after a prelude that takes WebSocket (and nested workers) away.
  const PRELUDE = '(() => { const refuse = function WebSocket() { throw new DOMException('
      + "'WebSockets are not available to workers during a Keyward run', 'SecurityError'); };"
      + " for (const name of ['WebSocket', 'WebSocketStream', 'WebTransport', 'Worker', 'SharedWorker']) {"
      + " Object.defineProperty(self, name, {value: refuse, writable: false, configurable: false}); } })();\n";
  // The worker runs from a blob: address, against which its relative addresses would not resolve (a worker that
  // loads 'helper.js' failed to start); they resolve against its real script's address instead.
  const RELATIVE = (base) => '(() => { const base = ' + stringify(base) + '; const at = (u) => typeof u === "string"'
      + ' || u instanceof URL ? new URL(u, base).href : u;'
      + ' if (typeof self.importScripts === "function") { const load = self.importScripts;'
      + ' self.importScripts = function importScripts(...urls) { return load.apply(self, urls.map(at)); }; }'
      + ' if (typeof self.fetch === "function") { const get = self.fetch;'
      + ' self.fetch = function fetch(input, init) { return get.call(self, at(input), init); }; }'
      + ' if (typeof XMLHttpRequest === "function") { const open = XMLHttpRequest.prototype.open;'
      + ' XMLHttpRequest.prototype.open = function (method, url, ...rest) { return open.call(this, method, at(url), ...rest); }; }'
      + ' if (typeof EventSource === "function") { const Source = EventSource;'
      + ' self.EventSource = function EventSource(url, options) { return new Source(at(url), options); };'
      + ' self.EventSource.prototype = Source.prototype; } })();\n';
  for (const name of ['Worker', 'SharedWorker']) {
    const NativeWorker = g[name];
    if (typeof NativeWorker !== 'function' || !createObjectURL || !hrefOf) {
      continue;
    }
    const wrapped = function (scriptUrl, options) {
      if (new.target === undefined) {
        throw new TypeError("Failed to construct '" + name + "': Please use the 'new' operator.");
      }
      const absolute = apply(hrefOf, construct(NativeURL, ['' + scriptUrl, g.document ? g.document.baseURI : undefined]), []);
      const isModule = options !== null && typeof options === 'object' && options.type === 'module';
      const source = PRELUDE + RELATIVE(absolute) + (isModule ? 'import ' + stringify(absolute) + ';\n'
          : 'importScripts(' + stringify(absolute) + ');\n');
      const blobUrl = apply(createObjectURL, NativeURL, [construct(NativeBlob, [[source], {type: 'text/javascript'}])]);
      return construct(NativeWorker, [blobUrl, options], new.target);
    };
    define(wrapped, 'name', {value: name});
    wrapped.prototype = NativeWorker.prototype;
    define(NativeWorker.prototype, 'constructor', {value: wrapped, writable: false, configurable: false});
    define(g, name, {value: wrapped, writable: false, configurable: false, enumerable: false});
  }
})();

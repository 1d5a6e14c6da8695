// websocket.js: evaluated per realm after fetch.js as the body of `function (host, global)`.
// The WebSocket interface (https://websockets.spec.whatwg.org/#the-websocket-interface) with
// Chromium's messages. The network side (URL checks, CSP, mixed content, the handshake, the
// fixture server, the request log) is the engine's: host.wsConnect (WebSockets/WebSockets.swift).
"use strict";

const wsDom = host.dom || {};
const wsError = (message, name) => (global.DOMException ? new global.DOMException(message, name) : new Error(message));
const wsFail = (method, msg) => `Failed to execute '${method}' on 'WebSocket': ${msg}`;

// Internal slots, out of the page's reach.
const WS = new WeakMap();
function wsSlots(obj) {
  const s = WS.get(obj);
  if (!s) throw new TypeError("Illegal invocation");
  return s;
}

// https://webidl.spec.whatwg.org/#idl-USVString : lone surrogates become U+FFFD.
function toUSVString(v) {
  if (typeof v === "symbol") throw new TypeError("Cannot convert a Symbol value to a string");
  const s = String(v);
  if (typeof s.toWellFormed === "function") return s.toWellFormed();
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { out += s[i] + s[i + 1]; i++; }
    else out += c >= 0xd800 && c <= 0xdfff ? "\uFFFD" : s[i];
  }
  return out;
}
function utf8Length(s) {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
// https://webidl.spec.whatwg.org/#abstract-opdef-converttoint with [Clamp] for unsigned short.
function clampUnsignedShort(v) {
  let x = Number(v);
  if (Number.isNaN(x)) return 0;
  x = Math.min(Math.max(x, 0), 65535);
  const f = Math.floor(x), d = x - f;
  if (d > 0.5 || (d === 0.5 && f % 2 === 1)) return f + 1;
  return f;
}

// Binary data: the engine passes bytes as strings of one char per byte.
function bytesToLatin1(u8) {
  let s = "";
  for (let i = 0; i < u8.length; i += 4096) s += String.fromCharCode.apply(null, u8.subarray(i, i + 4096));
  return s;
}
function latin1ToBytes(s) {
  const u8 = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) u8[i] = s.charCodeAt(i) & 0xff;
  return u8;
}

// A Blob for binary messages when binaryType is "blob": the realm's Blob if there is one, else a
// small read-only one (not exposed as a global).
class WebSocketBlob {
  constructor(bytes) { Object.defineProperty(this, "__bytes", { value: bytes }); }
  get size() { return this.__bytes.length; }
  get type() { return ""; }
  arrayBuffer() { return Promise.resolve(this.__bytes.slice().buffer); }
  bytes() { return Promise.resolve(this.__bytes.slice()); }
  text() { let s; try { s = decodeURIComponent(escape(bytesToLatin1(this.__bytes))); } catch (_) { s = bytesToLatin1(this.__bytes); } return Promise.resolve(s); }
  slice(start, end) { return new WebSocketBlob(this.__bytes.slice(start, end)); }
}
Object.defineProperty(WebSocketBlob.prototype, Symbol.toStringTag, { value: "Blob", configurable: true });
function makeBlob(bytes) {
  if (typeof global.Blob === "function") { try { return new global.Blob([bytes]); } catch (_) { /* fall through */ } }
  return new WebSocketBlob(bytes);
}
// send()'s argument: [payload string, isBinary, byte count].
function sendPayload(data) {
  if (data instanceof ArrayBuffer) { const u8 = new Uint8Array(data); return [bytesToLatin1(u8), true, u8.length]; }
  if (ArrayBuffer.isView(data)) {
    const u8 = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    return [bytesToLatin1(u8), true, u8.length];
  }
  if (data instanceof WebSocketBlob) return [bytesToLatin1(data.__bytes), true, data.__bytes.length];
  if (typeof global.Blob === "function" && data instanceof global.Blob) {
    const bytes = data.__bytes instanceof Uint8Array ? bytesToLatin1(data.__bytes)
      : typeof data.__text === "string" ? unescape(encodeURIComponent(data.__text)) : "";
    return [bytes, true, typeof data.size === "number" ? data.size : bytes.length];
  }
  const s = toUSVString(data);
  return [s, false, utf8Length(s)];
}

// A minimal EventTarget, only if dom.js gave none.
const WSBase = typeof global.EventTarget === "function" ? global.EventTarget : class EventTarget {
  addEventListener(type, cb) {
    if (!cb) return;
    const m = this.__wsListeners || Object.defineProperty(this, "__wsListeners", { value: {} }).__wsListeners;
    (m[type] || (m[type] = [])).push(cb);
  }
  removeEventListener(type, cb) {
    const list = this.__wsListeners && this.__wsListeners[type];
    if (list) this.__wsListeners[type] = list.filter((l) => l !== cb);
  }
  dispatchEvent(ev) {
    for (const l of ((this.__wsListeners && this.__wsListeners[ev.type]) || []).slice()) {
      try { if (typeof l === "function") l.call(this, ev); else l.handleEvent(ev); }
      catch (e) { if (typeof host.reportException === "function") host.reportException(e); }
    }
    return true;
  }
};

// Fires a trusted event as the user agent does (dom.js's fire), with a fallback.
function wsFire(target, type, init) {
  if (typeof wsDom.fire === "function") { wsDom.fire(target, type, init); return; }
  let ev;
  try { ev = new global.Event(type); } catch (_) { ev = { type }; }
  for (const k in init || {}) { try { Object.defineProperty(ev, k, { value: init[k], enumerable: true, configurable: true }); } catch (_) {} }
  const h = target["on" + type];
  if (typeof h === "function") { try { h.call(target, ev); } catch (e) { if (typeof host.reportException === "function") host.reportException(e); } }
  target.dispatchEvent(ev);
}

const READY = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 };

// https://websockets.spec.whatwg.org/#the-websocket-interface
class WebSocket extends WSBase {
  constructor(url, protocols) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'WebSocket': 1 argument required, but only 0 present.");
    super();
    const u = toUSVString(url);
    // (DOMString or sequence<DOMString>): an iterable object is a sequence, anything else a string.
    let list = [];
    if (protocols !== undefined) {
      if (protocols !== null && (typeof protocols === "object" || typeof protocols === "function") && typeof protocols[Symbol.iterator] === "function") {
        list = Array.from(protocols, (p) => {
          if (typeof p === "symbol") throw new TypeError("Failed to construct 'WebSocket': Cannot convert a Symbol value to a string");
          return String(p);
        });
      } else {
        if (typeof protocols === "symbol") throw new TypeError("Failed to construct 'WebSocket': Cannot convert a Symbol value to a string");
        list = [String(protocols)];
      }
    }
    const s = { readyState: 0, url: "", origin: "", protocol: "", extensions: "", binaryType: "blob",
      buffered: 0, bufferedAfterClose: 0, handle: null };
    WS.set(this, s);
    const self = this;
    const handle = host.wsConnect(u, list, function (type, a, b, c) { wsEvent(self, s, type, a, b, c); });
    s.handle = handle;
    s.url = handle.url;
    s.origin = handle.origin;
    if (handle.blocked) s.readyState = 3;
  }
  get url() { return wsSlots(this).url; }
  get readyState() { return wsSlots(this).readyState; }
  get bufferedAmount() { const s = wsSlots(this); return s.buffered + s.bufferedAfterClose; }
  get extensions() { return wsSlots(this).extensions; }
  get protocol() { return wsSlots(this).protocol; }
  get binaryType() { return wsSlots(this).binaryType; }
  set binaryType(v) {
    const s = wsSlots(this);
    v = String(v);
    if (v !== "blob" && v !== "arraybuffer") {
      host.console("warn", `The provided value '${v}' is not a valid enum value of type BinaryType.`);
      return;
    }
    s.binaryType = v;
  }
  // https://websockets.spec.whatwg.org/#dom-websocket-send
  send(data) {
    const s = wsSlots(this);
    if (arguments.length < 1) throw new TypeError(wsFail("send", "1 argument required, but only 0 present."));
    const [payload, binary, size] = sendPayload(data);
    if (s.readyState === 0) throw wsError(wsFail("send", "Still in CONNECTING state."), "InvalidStateError");
    if (s.readyState === 2 || s.readyState === 3) {
      s.bufferedAfterClose += size;
      host.console("error", "WebSocket is already in CLOSING or CLOSED state.");
      return;
    }
    s.buffered += size;
    s.handle.send(payload, binary);
  }
  // https://websockets.spec.whatwg.org/#dom-websocket-close
  close(code, reason) {
    const s = wsSlots(this);
    let c = code === undefined ? undefined : clampUnsignedShort(code);
    const r = reason === undefined ? "" : toUSVString(reason);
    if (c !== undefined && c !== 1000 && !(c >= 3000 && c <= 4999))
      throw wsError(wsFail("close", `The close code must be either 1000, or between 3000 and 4999. ${c} is neither.`), "InvalidAccessError");
    if (c === undefined && r !== "") c = 1000;
    if (utf8Length(r) > 123) throw wsError(wsFail("close", "The close reason must not be greater than 123 UTF-8 bytes."), "SyntaxError");
    if (s.readyState === 2 || s.readyState === 3) return;
    s.readyState = 2;
    if (s.handle && typeof s.handle.close === "function") s.handle.close(c === undefined ? null : c, r);
  }
}
Object.defineProperty(WebSocket.prototype, Symbol.toStringTag, { value: "WebSocket", configurable: true });
// WebIDL lengths: the number of required arguments.
Object.defineProperty(WebSocket, "length", { value: 1, configurable: true });
Object.defineProperty(WebSocket.prototype.close, "length", { value: 0, configurable: true });
for (const [k, v] of Object.entries(READY)) {
  Object.defineProperty(WebSocket, k, { value: v, enumerable: true });
  Object.defineProperty(WebSocket.prototype, k, { value: v, enumerable: true });
}
if (typeof wsDom.defineEventHandlers === "function") {
  wsDom.defineEventHandlers(WebSocket.prototype, ["open", "error", "close", "message"]);
} else {
  for (const t of ["open", "error", "close", "message"]) {
    const key = Symbol("on" + t);
    Object.defineProperty(WebSocket.prototype, "on" + t, {
      get() { return this[key] || null; },
      set(v) { this[key] = typeof v === "function" || (v && typeof v === "object") ? v : null; },
      enumerable: true, configurable: true,
    });
  }
}

// The engine's callback: each call is one task of the WebSocket task source.
function wsEvent(ws, s, type, a, b, c) {
  switch (type) {
    case "open":
      // https://websockets.spec.whatwg.org/#feedback-from-the-protocol : established.
      if (s.readyState !== 0) return;
      s.readyState = 1;
      s.protocol = String(a || "");
      s.extensions = String(b || "");
      wsFire(ws, "open");
      return;
    case "message": {
      if (s.readyState !== 1) return;
      let data = a;
      if (b) data = s.binaryType === "arraybuffer" ? latin1ToBytes(a).buffer : makeBlob(latin1ToBytes(a));
      wsFire(ws, "message", { interface: "MessageEvent", data, origin: s.origin, lastEventId: "", source: null });
      return;
    }
    case "consumed":
      s.buffered = Math.max(0, s.buffered - Number(a || 0));
      return;
    case "error":
      s.readyState = 3;
      wsFire(ws, "error");
      return;
    case "close":
      s.readyState = 3;
      wsFire(ws, "close", { interface: "CloseEvent", code: Number(a), reason: String(b || ""), wasClean: !!c });
      return;
  }
}

Object.defineProperty(global, "WebSocket", { value: WebSocket, writable: true, configurable: true, enumerable: false });

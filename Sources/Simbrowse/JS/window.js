// window.js: evaluated last in every realm as the body of `function (host, global)`, after
// core.js and dom.js. The Window's own members, Location, the cross-realm WindowProxy and
// Location proxies (every trap asks the engine's origin checker through host.wp* / host.loc*),
// timers, storage, postMessage, URL and URLSearchParams.
"use strict";
const internals = host.internals = {};
const def = (obj, name, get, set, enumerable = true) =>
  Object.defineProperty(obj, name, { get, set, enumerable, configurable: true });
const fn = (obj, name, f) => Object.defineProperty(obj, name, { value: f, writable: true, enumerable: true, configurable: true });

// --- Window ------------------------------------------------------------------------------
// https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-window-object
const EventTargetCtor = global.EventTarget || class EventTarget {};
class Window extends EventTargetCtor {}
Object.defineProperty(Window.prototype, Symbol.toStringTag, { value: "Window", configurable: true });
global.Window = Window;
Object.defineProperty(global, "Window", { enumerable: false });
// Named child frames live on an object between the global and Window.prototype, so that a
// page's own globals shadow them (https://html.spec.whatwg.org/#named-access-on-the-window-object).
const windowProperties = Object.create(Window.prototype);
Object.defineProperty(windowProperties, Symbol.toStringTag, { value: "WindowProperties", configurable: true });
// JavaScriptCore's global object has an immutable prototype; the engine makes it with a class
// whose own prototype object is ordinary, so the chain becomes
// global -> (class prototype) -> WindowProperties -> Window.prototype -> EventTarget.prototype.
try { Object.setPrototypeOf(global, windowProperties); }
catch (_) { try { Object.setPrototypeOf(Object.getPrototypeOf(global), windowProperties); } catch (e) {} }
Object.defineProperty(global, Symbol.toStringTag, { value: "Window", configurable: true });

def(global, "window", () => global, undefined);
def(global, "self", () => global, (v) => { Object.defineProperty(global, "self", { value: v, writable: true, configurable: true }); });
def(global, "frames", () => global, (v) => { Object.defineProperty(global, "frames", { value: v, writable: true, configurable: true }); });
def(global, "parent", () => host.relative("parent"), undefined);
def(global, "top", () => host.relative("top"), undefined);
def(global, "opener", () => host.relative("opener"), (v) => host.setOpener(v));
def(global, "length", () => host.frameCount(), undefined);
def(global, "closed", () => host.isClosed(), undefined);
def(global, "name", () => host.getName(), (v) => host.setName(String(v)));
def(global, "origin", () => host.selfOrigin(), undefined);
def(global, "isSecureContext", () => host.isSecureContext(), undefined);
def(global, "document", () => internals.document, undefined);
def(global, "location", () => ownLocation, (v) => { ownLocation.href = v; });
def(global, "localStorage", () => storageFor("local"), undefined);
def(global, "sessionStorage", () => storageFor("session"), undefined);
fn(global, "postMessage", function postMessage(message, targetOrigin, transfer) {
  return host.postMessage(-1, message, normaliseTargetOrigin(targetOrigin));
});
fn(global, "open", function open(url, target, features) {
  return host.open(url === undefined ? "" : String(url), target === undefined ? "_blank" : String(target), features === undefined ? "" : String(features));
});
fn(global, "close", function close() { host.close(-1); });
fn(global, "focus", function focus() {});
fn(global, "blur", function blur() {});
fn(global, "stop", function stop() {});
fn(global, "print", function print() {});
fn(global, "alert", function alert(m) { host.dialog("alert", m === undefined ? "" : String(m)); });
fn(global, "confirm", function confirm(m) { host.dialog("confirm", m === undefined ? "" : String(m)); return false; });
fn(global, "prompt", function prompt(m) { host.dialog("prompt", m === undefined ? "" : String(m)); return null; });

function normaliseTargetOrigin(t) {
  if (t && typeof t === "object") return t.targetOrigin === undefined ? "/" : String(t.targetOrigin);
  if (t === undefined) return "/";
  return String(t);
}

// Indexed child frames: own accessors 0..n-1 on the global, kept in step by the engine.
let frameCountShown = 0;
internals.syncFrames = (count, names) => {
  for (let i = count; i < frameCountShown; i++) delete global[i];
  for (let i = frameCountShown; i < count; i++) {
    Object.defineProperty(global, i, { get: () => host.frameAt(i), enumerable: true, configurable: true });
  }
  frameCountShown = count;
  for (const k of Object.getOwnPropertyNames(windowProperties)) delete windowProperties[k];
  for (const n of names) {
    if (n && !(n in windowProperties)) Object.defineProperty(windowProperties, n, { get: () => host.namedFrame(n), configurable: true });
  }
};

// --- timers on virtual time --------------------------------------------------------------
// https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers
function timer(repeat) {
  return function (handler, timeout, ...args) {
    let cb = handler;
    if (typeof handler !== "function") { const code = String(handler); cb = () => (0, eval)(code); }
    const ms = Math.max(0, Number(timeout) || 0);
    return host.setTimer(() => cb.apply(global, args), ms, repeat);
  };
}
fn(global, "setTimeout", timer(false));
fn(global, "setInterval", timer(true));
fn(global, "clearTimeout", function clearTimeout(id) { host.clearTimer(Number(id) || 0); });
fn(global, "clearInterval", function clearInterval(id) { host.clearTimer(Number(id) || 0); });
if (typeof global.queueMicrotask !== "function") fn(global, "queueMicrotask", (f) => { Promise.resolve().then(f); });
fn(global, "requestAnimationFrame", (f) => host.setTimer(() => f(host.now()), 16, false));
fn(global, "cancelAnimationFrame", (id) => host.clearTimer(Number(id) || 0));

// Determinism: Date and Math.random follow the virtual clock and a seeded generator.
const RealDate = Date;
const EPOCH = RealDate.UTC(2026, 0, 1);
class VirtualDate extends RealDate {
  constructor(...a) { if (a.length === 0) super(EPOCH + host.now()); else super(...a); }
  static now() { return Math.floor(EPOCH + host.now()); }
}
Object.defineProperty(global, "Date", { value: VirtualDate, writable: true, configurable: true, enumerable: false });
let seed = host.randomSeed() >>> 0 || 0x9e3779b9;
Math.random = function random() {
  seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0;
  return seed / 4294967296;
};
global.performance = { now: () => host.now(), timeOrigin: EPOCH };
global.navigator = {
  userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 simbrowse",
  language: "en-US", languages: ["en-US"], cookieEnabled: true, onLine: true, platform: "Linux x86_64", webdriver: false,
};
global.history = { length: 1, state: null, pushState() {}, replaceState() {}, back() {}, forward() {}, go() {} };

// --- Location ----------------------------------------------------------------------------
// https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-location-interface
class Location {
  toString() { return host.locationGet("href"); }
  valueOf() { return this; }
  assign(url) { host.navigateSelf(String(url), false); }
  replace(url) { host.navigateSelf(String(url), true); }
  reload() {}
  get ancestorOrigins() { return host.ancestorOrigins(); }
}
for (const p of ["href", "origin", "protocol", "host", "hostname", "port", "pathname", "search", "hash"]) {
  def(Location.prototype, p, function () { return host.locationGet(p); },
    p === "origin" ? undefined : function (v) { host.locationSet(p, String(v)); });
}
Object.defineProperty(Location.prototype, Symbol.toStringTag, { value: "Location", configurable: true });
global.Location = Location;
Object.defineProperty(global, "Location", { enumerable: false });
const ownLocation = new Location();

// --- WindowProxy and Location seen from this realm -----------------------------------------
// A window of another realm is reached through a Proxy made here, for this realm: every trap
// asks the engine, which asks the origin checker (IsPlatformObjectSameOrigin, then the
// CrossOriginProperties allowlist: https://html.spec.whatwg.org/#crossorigingetownpropertyhelper-(-o,-p-)).
const windowProxies = new Map();
const locationProxies = new Map();
function makeProxy(id, kind) {
  const G = kind === "window" ? host.wpGet : host.locGet;
  const S = kind === "window" ? host.wpSet : host.locSet;
  const O = kind === "window" ? host.wpOther : host.locOther;
  return new Proxy(kind === "window" ? {} : {}, {
    get(t, key) { return G(id, key); },
    set(t, key, value) { S(id, key, value); return true; },
    has(t, key) { return O(id, "has", key); },
    deleteProperty(t, key) { return O(id, "delete", key); },
    defineProperty(t, key, desc) { return O(id, "define", key, desc); },
    getOwnPropertyDescriptor(t, key) {
      const d = O(id, "getOwnPropertyDescriptor", key);
      if (d) d.configurable = true;
      return d;
    },
    ownKeys(t) { return O(id, "ownKeys", null); },
    getPrototypeOf(t) { return O(id, "getPrototypeOf", null); },
    setPrototypeOf(t, p) { return O(id, "setPrototypeOf", null, p); },
    isExtensible(t) { return true; },
    preventExtensions(t) { return false; },
  });
}
internals.windowProxy = (id) => {
  let p = windowProxies.get(id);
  if (!p) { p = makeProxy(id, "window"); windowProxies.set(id, p); }
  return p;
};
internals.locationProxy = (id) => {
  let p = locationProxies.get(id);
  if (!p) { p = makeProxy(id, "location"); locationProxies.set(id, p); }
  return p;
};
// Functions a cross-origin window exposes, made in this realm and kept, so that
// `w.postMessage === w.postMessage` (https://html.spec.whatwg.org/#crossorigingetownpropertyhelper-(-o,-p-) step 3).
const crossOriginFunctions = new Map();
internals.crossOriginFunction = (id, name) => {
  const k = id + ":" + name;
  let f = crossOriginFunctions.get(k);
  if (f) return f;
  switch (name) {
    case "postMessage": f = function postMessage(message, targetOrigin) { return host.postMessage(id, message, normaliseTargetOrigin(targetOrigin)); }; break;
    case "close": f = function close() { host.close(id); }; break;
    case "focus": f = function focus() {}; break;
    case "blur": f = function blur() {}; break;
    case "replace": f = function replace(url) { host.navigateOther(id, String(url), true); }; break;
    default: return undefined;
  }
  crossOriginFunctions.set(k, f);
  return f;
};
internals.ownLocation = ownLocation;
internals.setDocument = (d) => { internals.document = d; };

// The entry list of a form (https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#constructing-the-form-data-set).
internals.formEntries = (form, submitter) => {
  const out = [];
  const controls = form.elements ? Array.from(form.elements) : Array.from(form.querySelectorAll("input, select, textarea, button"));
  for (const el of controls) {
    if (el.hasAttribute("disabled")) continue;
    const name = el.getAttribute("name");
    const tag = el.localName;
    const type = (el.getAttribute("type") || "").toLowerCase();
    if (tag === "input" && ["submit", "image", "button", "reset"].includes(type) || tag === "button") {
      if (el === submitter && name) out.push([name, el.value === undefined ? (el.getAttribute("value") || "") : String(el.value)]);
      continue;
    }
    if (!name) continue;
    if (tag === "input" && (type === "checkbox" || type === "radio")) {
      if (!el.checked) continue;
      out.push([name, el.hasAttribute("value") ? el.getAttribute("value") : "on"]);
      continue;
    }
    if (tag === "select") {
      for (const o of el.querySelectorAll("option")) if (o.selected || o.hasAttribute("selected")) out.push([name, o.hasAttribute("value") ? o.getAttribute("value") : o.textContent]);
      continue;
    }
    if (tag === "input" && type === "file") { out.push([name, ""]); continue; }
    out.push([name, el.value === undefined ? (el.getAttribute("value") || "") : String(el.value)]);
  }
  return out;
};

// --- structured clone (postMessage) ------------------------------------------------------
// https://html.spec.whatwg.org/multipage/structured-data.html : serialise in the sender's realm
// to plain records, deserialise in the receiver's realm with its own constructors.
internals.serialize = function serialize(value) {
  const memory = new Map();
  function ser(v) {
    if (v === null || typeof v !== "object" && typeof v !== "function") {
      if (typeof v === "symbol") throw new DOMException(`${String(v)} could not be cloned.`, "DataCloneError");
      return { t: "p", v: v === undefined ? undefined : v, u: v === undefined };
    }
    if (typeof v === "function") throw new DOMException(`${String(v)} could not be cloned.`, "DataCloneError");
    if (memory.has(v)) return { t: "ref", i: memory.get(v) };
    const id = memory.size; memory.set(v, id);
    const tag = Object.prototype.toString.call(v);
    if (tag === "[object Date]") return { t: "date", i: id, v: v.getTime() };
    if (tag === "[object RegExp]") return { t: "re", i: id, s: v.source, f: v.flags };
    if (tag === "[object Array]") return { t: "arr", i: id, v: Array.from(v, ser) };
    if (tag === "[object Map]") return { t: "map", i: id, v: [...v].map(([a, b]) => [ser(a), ser(b)]) };
    if (tag === "[object Set]") return { t: "set", i: id, v: [...v].map(ser) };
    if (v instanceof Error) return { t: "err", i: id, n: v.name, m: v.message };
    if (tag === "[object Object]") return { t: "obj", i: id, v: Object.keys(v).map((k) => [k, ser(v[k])]) };
    throw new DOMException(`${tag} could not be cloned.`, "DataCloneError");
  }
  return ser(value);
};
internals.deserialize = function deserialize(rec) {
  const memory = new Map();
  function de(r) {
    switch (r.t) {
      case "p": return r.u ? undefined : r.v;
      case "ref": return memory.get(r.i);
      case "date": { const d = new RealDate(r.v); memory.set(r.i, d); return d; }
      case "re": { const x = new RegExp(r.s, r.f); memory.set(r.i, x); return x; }
      case "arr": { const a = []; memory.set(r.i, a); for (const e of r.v) a.push(de(e)); return a; }
      case "map": { const m = new Map(); memory.set(r.i, m); for (const [a, b] of r.v) m.set(de(a), de(b)); return m; }
      case "set": { const s = new Set(); memory.set(r.i, s); for (const e of r.v) s.add(de(e)); return s; }
      case "err": { const C = { TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError }[r.n] || Error; const e = new C(r.m); memory.set(r.i, e); return e; }
      case "obj": { const o = {}; memory.set(r.i, o); for (const [k, e] of r.v) o[k] = de(e); return o; }
    }
    return undefined;
  }
  return de(rec);
};
fn(global, "structuredClone", function structuredClone(v) { return internals.deserialize(internals.serialize(v)); });

// --- storage -----------------------------------------------------------------------------
// https://html.spec.whatwg.org/multipage/webstorage.html
class Storage {
  get length() { return host.storage(this.__kind, "length"); }
  key(i) { return host.storage(this.__kind, "key", Number(i) >>> 0); }
  getItem(k) { return host.storage(this.__kind, "get", String(k)); }
  setItem(k, v) { host.storage(this.__kind, "set", String(k), String(v)); }
  removeItem(k) { host.storage(this.__kind, "remove", String(k)); }
  clear() { host.storage(this.__kind, "clear"); }
}
Object.defineProperty(Storage.prototype, Symbol.toStringTag, { value: "Storage", configurable: true });
global.Storage = Storage;
Object.defineProperty(global, "Storage", { enumerable: false });
const storages = {};
function storageFor(kind) {
  host.storageCheck(kind);  // throws SecurityError where the origin checker refuses (opaque origins)
  if (storages[kind]) return storages[kind];
  const s = new Storage();
  Object.defineProperty(s, "__kind", { value: kind });
  const proto = Storage.prototype;
  return storages[kind] = new Proxy(s, {
    get(t, k, r) { if (typeof k === "symbol" || k in proto || k === "__kind") return Reflect.get(t, k, t); const v = t.getItem(k); return v === null ? undefined : v; },
    set(t, k, v) { if (typeof k === "symbol" || k in proto) return Reflect.set(t, k, v); t.setItem(k, v); return true; },
    has(t, k) { return typeof k !== "symbol" && (k in proto || t.getItem(k) !== null); },
    deleteProperty(t, k) { t.removeItem(k); return true; },
    ownKeys(t) { const n = t.length, ks = []; for (let i = 0; i < n; i++) ks.push(t.key(i)); return ks; },
    getOwnPropertyDescriptor(t, k) { const v = t.getItem(k); return v === null ? undefined : { value: v, writable: true, enumerable: true, configurable: true }; },
  });
}

// --- URL and URLSearchParams, backed by the engine's URL parser ----------------------------
// https://url.spec.whatwg.org/#api
const URL_PARTS = ["href", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash", "origin"];
class URLSearchParams {
  constructor(init) {
    let list = [];
    if (init === undefined || init === null) list = [];
    else if (typeof init === "object" && typeof init[Symbol.iterator] === "function" && !(init instanceof URLSearchParams)) {
      for (const pair of init) {
        const p = Array.from(pair);
        if (p.length !== 2) throw new TypeError("Failed to construct 'URLSearchParams': The provided sequence element does not have a length of 2.");
        list.push([String(p[0]), String(p[1])]);
      }
    } else if (init instanceof URLSearchParams) list = init.__list.map((p) => p.slice());
    else if (typeof init === "object") list = Object.keys(init).map((k) => [k, String(init[k])]);
    else list = host.formParse(String(init));
    Object.defineProperty(this, "__list", { value: list, writable: true });
    Object.defineProperty(this, "__url", { value: null, writable: true });
  }
  __update() { if (this.__url) { const s = this.toString(); this.__url.__setSearchFromParams(s); } }
  get size() { return this.__list.length; }
  append(n, v) { this.__list.push([String(n), String(v)]); this.__update(); }
  delete(n, v) { n = String(n); this.__list = this.__list.filter((p) => !(p[0] === n && (v === undefined || p[1] === String(v)))); this.__update(); }
  get(n) { n = String(n); const p = this.__list.find((p) => p[0] === n); return p ? p[1] : null; }
  getAll(n) { n = String(n); return this.__list.filter((p) => p[0] === n).map((p) => p[1]); }
  has(n, v) { n = String(n); return this.__list.some((p) => p[0] === n && (v === undefined || p[1] === String(v))); }
  set(n, v) {
    n = String(n); v = String(v);
    const i = this.__list.findIndex((p) => p[0] === n);
    if (i < 0) this.__list.push([n, v]);
    else { this.__list[i][1] = v; this.__list = this.__list.filter((p, j) => j <= i || p[0] !== n); }
    this.__update();
  }
  sort() { this.__list = this.__list.map((p, i) => [p, i]).sort((a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1])).map((x) => x[0]); this.__update(); }
  forEach(cb, thisArg) { for (const [k, v] of this.__list) cb.call(thisArg, v, k, this); }
  keys() { return this.__list.map((p) => p[0])[Symbol.iterator](); }
  values() { return this.__list.map((p) => p[1])[Symbol.iterator](); }
  entries() { return this.__list.map((p) => [p[0], p[1]])[Symbol.iterator](); }
  [Symbol.iterator]() { return this.entries(); }
  toString() { return host.formSerialize(this.__list); }
}
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: "URLSearchParams", configurable: true });
class URL {
  constructor(url, base) {
    const parts = host.urlParse(String(url), base === undefined ? null : String(base));
    if (!parts) throw new TypeError(`Failed to construct 'URL': Invalid URL`);
    Object.defineProperty(this, "__parts", { value: parts, writable: true });
    Object.defineProperty(this, "__params", { value: null, writable: true });
  }
  static canParse(url, base) { return !!host.urlParse(String(url), base === undefined ? null : String(base)); }
  static parse(url, base) { try { return new URL(url, base); } catch (_) { return null; } }
  get searchParams() {
    if (!this.__params) { this.__params = new URLSearchParams(this.search); this.__params.__url = this; }
    return this.__params;
  }
  __setSearchFromParams(s) { this.__parts = host.urlSet(this.__parts[0], "search", s) || this.__parts; }
  toString() { return this.__parts[0]; }
  toJSON() { return this.__parts[0]; }
}
URL_PARTS.forEach((p, i) => {
  def(URL.prototype, p, function () { return this.__parts[i]; }, p === "origin" ? undefined : function (v) {
    const next = host.urlSet(this.__parts[0], p, String(v));
    if (next === null) { if (p === "href") throw new TypeError(`Failed to set the 'href' property on 'URL': Invalid URL`); return; }
    this.__parts = next;
    if (this.__params && p !== "hash") this.__params.__list = host.formParse(this.__parts[8]);
  });
});
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: "URL", configurable: true });
for (const [n, v] of [["URL", URL], ["URLSearchParams", URLSearchParams]]) {
  Object.defineProperty(global, n, { value: v, writable: true, configurable: true, enumerable: false });
}

// --- base64 ------------------------------------------------------------------------------
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
fn(global, "btoa", function btoa(s) {
  s = String(s);
  let out = "";
  for (let i = 0; i < s.length; i += 3) {
    const a = s.charCodeAt(i), b = s.charCodeAt(i + 1), c = s.charCodeAt(i + 2);
    if (a > 255 || b > 255 || c > 255) throw new DOMException("Failed to execute 'btoa' on 'Window': The string to be encoded contains characters outside of the Latin1 range.", "InvalidCharacterError");
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < s.length ? B64[(n >> 6) & 63] : "=") + (i + 2 < s.length ? B64[n & 63] : "=");
  }
  return out;
});
fn(global, "atob", function atob(s) {
  s = String(s).replace(/[\t\n\f\r ]/g, "");
  if (s.length % 4 === 0) s = s.replace(/==?$/, "");
  if (s.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(s)) throw new DOMException("Failed to execute 'atob' on 'Window': The string to be decoded is not correctly encoded.", "InvalidCharacterError");
  let out = "", buf = 0, bits = 0;
  for (const ch of s) { buf = (buf << 6) | B64.indexOf(ch); bits += 6; if (bits >= 8) { bits -= 8; out += String.fromCharCode((buf >> bits) & 255); } }
  return out;
});

// Event handler attributes on the window (onmessage, onload, onerror, ...).
if (host.dom && typeof host.dom.defineEventHandlers === "function") {
  host.dom.defineEventHandlers(global, ["load", "error", "message", "messageerror", "beforeunload", "unload", "pagehide", "pageshow",
    "hashchange", "popstate", "storage", "focus", "blur", "resize", "scroll", "unhandledrejection", "rejectionhandled", "securitypolicyviolation",
    "click", "submit", "DOMContentLoaded"].filter((n) => n !== "DOMContentLoaded"));
}

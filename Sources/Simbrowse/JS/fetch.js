// fetch.js: evaluated after window.js in every realm as the body of `function (host, global)`.
// Headers, Request, Response, FormData, fetch() and XMLHttpRequest. The network side (the
// fetch algorithm, CORS, preflights, the request log) is the engine's: host.fetchStart.
// https://fetch.spec.whatwg.org/ and https://xhr.spec.whatwg.org/
"use strict";

const exposeFetch = (name, value) =>
  Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
const tagFetch = (C, name) => Object.defineProperty(C.prototype, Symbol.toStringTag, { value: name, configurable: true });
const hidden = (obj, name, value) => Object.defineProperty(obj, name, { value, writable: true, configurable: true, enumerable: false });
const domErr = (message, name) => (global.DOMException ? new global.DOMException(message, name) : new Error(message));

// https://fetch.spec.whatwg.org/#concept-header-value-normalize
const normalizeValue = (v) => String(v).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const validName = (n) => TOKEN.test(n);
const validValue = (v) => !/[\0\r\n]/.test(v) && !/[^\u0000-\u00ff]/.test(v);

// --- Headers -----------------------------------------------------------------------------
// https://fetch.spec.whatwg.org/#headers-class
class Headers {
  constructor(init) {
    hidden(this, "__list", []);
    hidden(this, "__guard", "none");
    if (init !== undefined && init !== null) fillHeaders(this, init, "Failed to construct 'Headers': ");
  }
  append(name, value) { headersAppend(this, name, value, "Failed to execute 'append' on 'Headers': "); }
  delete(name) {
    name = String(name);
    if (!validName(name)) throw new TypeError("Failed to execute 'delete' on 'Headers': Invalid name");
    if (this.__guard === "immutable") throw new TypeError("Failed to execute 'delete' on 'Headers': Headers are immutable");
    if (!guardAllows(this, name, "")) return;
    const l = name.toLowerCase();
    this.__list = this.__list.filter((p) => p[0].toLowerCase() !== l);
  }
  get(name) {
    name = String(name);
    if (!validName(name)) throw new TypeError("Failed to execute 'get' on 'Headers': Invalid name");
    const l = name.toLowerCase();
    const vs = this.__list.filter((p) => p[0].toLowerCase() === l).map((p) => p[1]);
    return vs.length ? vs.join(", ") : null;
  }
  getSetCookie() { return this.__list.filter((p) => p[0].toLowerCase() === "set-cookie").map((p) => p[1]); }
  has(name) {
    name = String(name);
    if (!validName(name)) throw new TypeError("Failed to execute 'has' on 'Headers': Invalid name");
    const l = name.toLowerCase();
    return this.__list.some((p) => p[0].toLowerCase() === l);
  }
  set(name, value) {
    name = String(name); value = normalizeValue(value);
    if (!validName(name)) throw new TypeError("Failed to execute 'set' on 'Headers': Invalid name");
    if (!validValue(value)) throw new TypeError("Failed to execute 'set' on 'Headers': Invalid value");
    if (this.__guard === "immutable") throw new TypeError("Failed to execute 'set' on 'Headers': Headers are immutable");
    if (!guardAllows(this, name, value)) return;
    const l = name.toLowerCase();
    const i = this.__list.findIndex((p) => p[0].toLowerCase() === l);
    if (i < 0) this.__list.push([name, value]);
    else { this.__list[i][1] = value; this.__list = this.__list.filter((p, j) => j <= i || p[0].toLowerCase() !== l); }
  }
  // https://fetch.spec.whatwg.org/#concept-header-list-sort-and-combine : lower-case names,
  // sorted, values joined with ", " (set-cookie kept apart).
  __sorted() {
    const names = [...new Set(this.__list.map((p) => p[0].toLowerCase()))].sort();
    const out = [];
    for (const n of names) {
      if (n === "set-cookie") { for (const v of this.getSetCookie()) out.push([n, v]); }
      else out.push([n, this.get(n)]);
    }
    return out;
  }
  forEach(cb, thisArg) { for (const [k, v] of this.__sorted()) cb.call(thisArg, v, k, this); }
  keys() { return this.__sorted().map((p) => p[0])[Symbol.iterator](); }
  values() { return this.__sorted().map((p) => p[1])[Symbol.iterator](); }
  entries() { return this.__sorted()[Symbol.iterator](); }
  [Symbol.iterator]() { return this.entries(); }
}
tagFetch(Headers, "Headers");
function guardAllows(h, name, value) {
  const g = h.__guard;
  if (g === "none") return true;
  if (g === "request-no-cors") {
    const cur = h.get(name);
    return host.fetchHeaderAllowed(name, cur === null ? value : cur + ", " + value, g);
  }
  return host.fetchHeaderAllowed(name, value, g);
}
function headersAppend(h, name, value, prefix) {
  name = String(name); value = normalizeValue(value);
  if (!validName(name)) throw new TypeError(prefix + "Invalid name");
  if (!validValue(value)) throw new TypeError(prefix + "Invalid value");
  if (h.__guard === "immutable") throw new TypeError(prefix + "Headers are immutable");
  if (!guardAllows(h, name, value)) return;
  h.__list.push([name, value]);
}
// https://fetch.spec.whatwg.org/#concept-headers-fill
function fillHeaders(h, init, prefix) {
  if (init instanceof Headers) { for (const [n, v] of init.__list) headersAppend(h, n, v, prefix); return; }
  if (typeof init !== "object" && typeof init !== "function") throw new TypeError(prefix + "The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.");
  if (typeof init[Symbol.iterator] === "function") {
    for (const pair of init) {
      const p = Array.from(pair);
      if (p.length !== 2) throw new TypeError(prefix + "Invalid value");
      headersAppend(h, p[0], p[1], prefix);
    }
    return;
  }
  for (const k of Object.keys(init)) headersAppend(h, k, init[k], prefix);
}
const headersWithGuard = (guard, list) => {
  const h = new Headers();
  h.__list = list || [];
  h.__guard = guard;
  return h;
};

// --- FormData ----------------------------------------------------------------------------
// https://xhr.spec.whatwg.org/#interface-formdata
const isBlob = (v) => typeof global.Blob === "function" && v instanceof global.Blob;
class FormData {
  constructor(form) {
    hidden(this, "__list", []);
    if (form !== undefined && form !== null) {
      if (typeof form !== "object" || typeof form.querySelectorAll !== "function")
        throw new TypeError("Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'.");
      for (const el of form.querySelectorAll("input, select, textarea, button")) {
        const name = el.getAttribute("name");
        if (!name || el.hasAttribute("disabled")) continue;
        const type = (el.getAttribute("type") || "").toLowerCase();
        const tag = String(el.localName || "").toLowerCase();
        if (tag === "button" || ["submit", "button", "reset", "image", "file"].includes(type)) continue;
        if ((type === "checkbox" || type === "radio") && !el.hasAttribute("checked") && !el.checked) continue;
        const v = "value" in el && el.value !== undefined ? el.value : (el.getAttribute("value") || (type === "checkbox" || type === "radio" ? "on" : ""));
        this.__list.push([name, String(v)]);
      }
    }
  }
  append(name, value, filename) { this.__list.push([String(name), isBlob(value) ? value : String(value)]); }
  delete(name) { name = String(name); this.__list = this.__list.filter((p) => p[0] !== name); }
  get(name) { name = String(name); const p = this.__list.find((p) => p[0] === name); return p ? p[1] : null; }
  getAll(name) { name = String(name); return this.__list.filter((p) => p[0] === name).map((p) => p[1]); }
  has(name) { name = String(name); return this.__list.some((p) => p[0] === name); }
  set(name, value) {
    name = String(name); value = isBlob(value) ? value : String(value);
    const i = this.__list.findIndex((p) => p[0] === name);
    if (i < 0) this.__list.push([name, value]);
    else { this.__list[i][1] = value; this.__list = this.__list.filter((p, j) => j <= i || p[0] !== name); }
  }
  forEach(cb, thisArg) { for (const [k, v] of this.__list) cb.call(thisArg, v, k, this); }
  keys() { return this.__list.map((p) => p[0])[Symbol.iterator](); }
  values() { return this.__list.map((p) => p[1])[Symbol.iterator](); }
  entries() { return this.__list.map((p) => [p[0], p[1]])[Symbol.iterator](); }
  [Symbol.iterator]() { return this.entries(); }
}
tagFetch(FormData, "FormData");

// https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#multipart/form-data-encoding-algorithm
// with Chromium's boundary ("----WebKitFormBoundary" + 16 characters).
const BOUNDARY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
function multipart(fd) {
  let boundary = "----WebKitFormBoundary";
  for (let i = 0; i < 16; i++) boundary += BOUNDARY_CHARS[Math.floor(Math.random() * BOUNDARY_CHARS.length)];
  const esc = (s) => s.replace(/\r\n|\r|\n/g, "\r\n").replace(/\n/g, "%0A").replace(/\r/g, "%0D").replace(/"/g, "%22");
  let out = "";
  for (const [name, value] of fd.__list) {
    out += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + esc(name) + "\"";
    if (typeof value !== "string") out += "; filename=\"blob\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n";
    else out += "\r\n\r\n" + value.replace(/\r\n|\r|\n/g, "\r\n") + "\r\n";
  }
  out += "--" + boundary + "--\r\n";
  return { text: out, type: "multipart/form-data; boundary=" + boundary };
}

// https://fetch.spec.whatwg.org/#concept-bodyinit-extract : {text, bytes, type}.
function bytesToLatin1(u8) { let s = ""; for (let i = 0; i < u8.length; i++) s += String.fromCharCode(u8[i]); return s; }
function extractBody(body) {
  if (typeof body === "string") return { text: body, bytes: false, type: "text/plain;charset=UTF-8" };
  if (global.URLSearchParams && body instanceof global.URLSearchParams)
    return { text: body.toString(), bytes: false, type: "application/x-www-form-urlencoded;charset=UTF-8" };
  if (body instanceof FormData) { const m = multipart(body); return { text: m.text, bytes: false, type: m.type }; }
  if (body instanceof ArrayBuffer) return { text: bytesToLatin1(new Uint8Array(body)), bytes: true, type: null };
  if (ArrayBuffer.isView(body)) return { text: bytesToLatin1(new Uint8Array(body.buffer, body.byteOffset, body.byteLength)), bytes: true, type: null };
  if (isBlob(body) && typeof body.__text === "string") return { text: body.__text, bytes: false, type: body.type || null };
  return { text: String(body), bytes: false, type: "text/plain;charset=UTF-8" };
}

// --- Body mixin --------------------------------------------------------------------------
// https://fetch.spec.whatwg.org/#body-mixin
function utf8Decode(raw) {
  try { return decodeURIComponent(escape(raw)); } catch (_) { return raw; }
}
const bodyMembers = {
  get bodyUsed() { return !!this.__used; },
  get body() { return this.__raw === null ? null : {}; },
  text() { return consume(this, "text").then((b) => (b.utf8 !== undefined ? b.utf8 : utf8Decode(b.raw))); },
  json() { return this.text().then((t) => JSON.parse(t)); },
  arrayBuffer() {
    return consume(this, "arrayBuffer").then((b) => {
      const u8 = new Uint8Array(b.raw.length);
      for (let i = 0; i < b.raw.length; i++) u8[i] = b.raw.charCodeAt(i) & 0xff;
      return u8.buffer;
    });
  },
  bytes() { return this.arrayBuffer().then((ab) => new Uint8Array(ab)); },
  formData() { return this.text().then((t) => { const fd = new FormData(); for (const [k, v] of new global.URLSearchParams(t)) fd.append(k, v); return fd; }); },
  blob() {
    return this.text().then((t) => {
      if (typeof global.Blob === "function") return new global.Blob([t], { type: this.headers.get("content-type") || "" });
      return { size: t.length, type: this.headers.get("content-type") || "", text: () => Promise.resolve(t) };
    });
  },
};
function consume(obj, method) {
  const iface = obj instanceof Request ? "Request" : "Response";
  if (obj.__used) return Promise.reject(new TypeError(`Failed to execute '${method}' on '${iface}': body stream already read`));
  obj.__used = obj.__raw !== null;
  return Promise.resolve({ raw: obj.__raw === null ? "" : obj.__raw, utf8: obj.__utf8 === null ? undefined : obj.__utf8 });
}

// --- Request -----------------------------------------------------------------------------
// https://fetch.spec.whatwg.org/#request-class
const MODES = ["navigate", "same-origin", "no-cors", "cors"];
const CREDENTIALS = ["omit", "same-origin", "include"];
const REDIRECTS = ["follow", "error", "manual"];
function enumValue(init, key, allowed, type, prefix) {
  if (init[key] === undefined) return undefined;
  const v = String(init[key]);
  if (!allowed.includes(v)) throw new TypeError(`${prefix}Failed to read the '${key}' property from 'RequestInit': The provided value '${v}' is not a valid enum value of type ${type}.`);
  return v;
}
function baseURL() { try { return host.baseURL(); } catch (_) { return String(global.location && global.location.href); } }
function makeRequest(input, init, prefix, into) {
  init = init === undefined || init === null ? {} : init;
  const r = into || Object.create(Request.prototype);
  let method = "GET", url, headersInit, mode = "cors", credentials = "same-origin", redirect = "follow", src = null;
  let body = null;
  if (input instanceof Request) {
    src = input;
    url = input.url; method = input.method; mode = input.mode; credentials = input.credentials; redirect = input.redirect;
    headersInit = input.headers.__list.map((p) => p.slice());
    body = input.__raw === null ? null : { text: input.__raw, bytes: input.__bodyIsBytes, type: null };
    if (input.__used) throw new TypeError(prefix + "Cannot construct a Request with a Request object that has already been used.");
  } else {
    const s = String(input);
    let parsed;
    try { parsed = new global.URL(s, baseURL()); } catch (_) { throw new TypeError(prefix + "Failed to parse URL from " + s); }
    if (parsed.username || parsed.password) throw new TypeError(prefix + "Request cannot be constructed from a URL that includes credentials: " + s);
    url = parsed.href;
  }
  const m = enumValue(init, "mode", MODES, "RequestMode", prefix);
  if (m === "navigate") throw new TypeError(prefix + "Cannot construct a Request with a RequestInit whose mode member is set as 'navigate'.");
  if (m !== undefined) mode = m;
  const c = enumValue(init, "credentials", CREDENTIALS, "RequestCredentials", prefix);
  if (c !== undefined) credentials = c;
  const rd = enumValue(init, "redirect", REDIRECTS, "RequestRedirect", prefix);
  if (rd !== undefined) redirect = rd;
  if (init.method !== undefined) {
    const [norm, status] = host.fetchMethod(String(init.method));
    if (status === "invalid") throw new TypeError(`${prefix}'${init.method}' is not a valid HTTP method.`);
    if (status === "forbidden") throw new TypeError(`${prefix}'${init.method}' HTTP method is unsupported.`);
    method = norm;
  }
  if (mode === "no-cors" && !host.fetchSafelistedMethod(method)) throw new TypeError(`${prefix}'${method}' is unsupported in no-cors mode.`);
  const headers = headersWithGuard(mode === "no-cors" ? "request-no-cors" : "request");
  if (init.headers !== undefined) headersInit = init.headers;
  if (headersInit !== undefined && headersInit !== null) fillHeaders(headers, headersInit, prefix);
  if (init.body !== undefined && init.body !== null) {
    if (method === "GET" || method === "HEAD") throw new TypeError(prefix + "Request with GET/HEAD method cannot have body.");
    body = extractBody(init.body);
    if (body.type && !headers.has("Content-Type")) headers.__list.push(["Content-Type", body.type]);
  } else if (body && (method === "GET" || method === "HEAD")) {
    throw new TypeError(prefix + "Request with GET/HEAD method cannot have body.");
  }
  hidden(r, "__url", url); hidden(r, "__method", method); hidden(r, "__headers", headers);
  hidden(r, "__mode", mode); hidden(r, "__credentials", credentials); hidden(r, "__redirect", redirect);
  hidden(r, "__raw", body ? body.text : null); hidden(r, "__bodyIsBytes", body ? body.bytes : false);
  hidden(r, "__utf8", body && !body.bytes ? body.text : null);
  hidden(r, "__used", false);
  hidden(r, "__signal", init.signal !== undefined ? init.signal : (src ? src.__signal : null));
  return r;
}
class Request {
  constructor(input, init) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'Request': 1 argument required, but only 0 present.");
    makeRequest(input, init, "Failed to construct 'Request': ", this);
  }
  get url() { return this.__url; }
  get method() { return this.__method; }
  get headers() { return this.__headers; }
  get mode() { return this.__mode; }
  get credentials() { return this.__credentials; }
  get redirect() { return this.__redirect; }
  get destination() { return ""; }
  get referrer() { return "about:client"; }
  get referrerPolicy() { return ""; }
  get cache() { return "default"; }
  get integrity() { return ""; }
  get keepalive() { return false; }
  get signal() { return this.__signal; }
  clone() {
    if (this.__used) throw new TypeError("Failed to execute 'clone' on 'Request': Request body is already used");
    return new Request(this);
  }
}
Object.defineProperties(Request.prototype, Object.getOwnPropertyDescriptors(bodyMembers));
tagFetch(Request, "Request");

// --- Response ----------------------------------------------------------------------------
// https://fetch.spec.whatwg.org/#response-class
function initResponse(r, f) {
  hidden(r, "__type", f.type); hidden(r, "__status", f.status); hidden(r, "__statusText", f.statusText);
  hidden(r, "__url", f.url); hidden(r, "__redirected", f.redirected);
  hidden(r, "__headers", headersWithGuard(f.guard || "immutable", f.headers));
  hidden(r, "__raw", f.raw); hidden(r, "__utf8", f.utf8 === undefined ? null : f.utf8); hidden(r, "__used", false);
  return r;
}
class Response {
  constructor(body, init) {
    init = init === undefined || init === null ? {} : init;
    const status = init.status === undefined ? 200 : Number(init.status);
    if (!(status >= 200 && status <= 599)) throw new RangeError(`Failed to construct 'Response': The status provided (${status}) is outside the range [200, 599].`);
    const b = body === undefined || body === null ? null : extractBody(body);
    const headers = [];
    initResponse(this, { type: "default", status, statusText: init.statusText === undefined ? "" : String(init.statusText), url: "", redirected: false,
      headers, raw: b ? b.text : null, utf8: b && !b.bytes ? b.text : undefined, guard: "response" });
    if (init.headers !== undefined) fillHeaders(this.__headers, init.headers, "Failed to construct 'Response': ");
    if (b && b.type && !this.__headers.has("Content-Type")) this.__headers.__list.push(["Content-Type", b.type]);
  }
  static error() { return initResponse(Object.create(Response.prototype), { type: "error", status: 0, statusText: "", url: "", redirected: false, headers: [], raw: null }); }
  static json(data, init) {
    const r = new Response(JSON.stringify(data), init);
    r.__headers.set("Content-Type", "application/json");
    return r;
  }
  static redirect(url, status) {
    status = status === undefined ? 302 : Number(status);
    if (![301, 302, 303, 307, 308].includes(status)) throw new RangeError("Failed to execute 'redirect' on 'Response': Invalid status code");
    const parsed = new global.URL(String(url), baseURL());
    return initResponse(Object.create(Response.prototype), { type: "default", status, statusText: "", url: "", redirected: false, headers: [["Location", parsed.href]], raw: null });
  }
  get type() { return this.__type; }
  get url() { return this.__url; }
  get redirected() { return this.__redirected; }
  get status() { return this.__status; }
  get ok() { return this.__status >= 200 && this.__status <= 299; }
  get statusText() { return this.__statusText; }
  get headers() { return this.__headers; }
  clone() {
    if (this.__used) throw new TypeError("Failed to execute 'clone' on 'Response': Response body is already used");
    return initResponse(Object.create(Response.prototype), { type: this.__type, status: this.__status, statusText: this.__statusText,
      url: this.__url, redirected: this.__redirected, headers: this.__headers.__list.map((p) => p.slice()), raw: this.__raw,
      utf8: this.__utf8 === null ? undefined : this.__utf8, guard: this.__headers.__guard });
  }
}
Object.defineProperties(Response.prototype, Object.getOwnPropertyDescriptors(bodyMembers));
tagFetch(Response, "Response");

// --- fetch() -----------------------------------------------------------------------------
// https://fetch.spec.whatwg.org/#fetch-method
function requestDescriptor(req, kind, extra) {
  return Object.assign({
    method: req.__method, url: req.__url, headers: req.__headers.__list.map((p) => [p[0], p[1]]),
    body: req.__raw, bodyIsBytes: req.__bodyIsBytes && req.__utf8 === null, mode: req.__mode,
    credentials: req.__credentials, redirect: req.__redirect, kind,
  }, extra || {});
}
function fetch(input, init) {
  let req;
  try {
    if (arguments.length < 1) throw new TypeError("Failed to execute 'fetch' on 'Window': 1 argument required, but only 0 present.");
    req = makeRequest(input, init, "Failed to execute 'fetch' on 'Window': ");
  } catch (e) { return Promise.reject(e); }
  const signal = req.__signal;
  if (signal && signal.aborted) return Promise.reject(signal.reason !== undefined ? signal.reason : domErr("signal is aborted without reason", "AbortError"));
  return new Promise((resolve, reject) => {
    let settled = false;
    if (signal && typeof signal.addEventListener === "function") {
      signal.addEventListener("abort", () => { if (!settled) { settled = true; reject(signal.reason !== undefined ? signal.reason : domErr("signal is aborted without reason", "AbortError")); } });
    }
    const err = host.fetchStart(requestDescriptor(req, "fetch"), (res) => {
      if (settled) return;
      settled = true;
      if (res.error !== null) { reject(new TypeError(res.error)); return; }
      resolve(initResponse(Object.create(Response.prototype), { type: res.type, status: res.status, statusText: res.statusText,
        url: res.url, redirected: res.redirected, headers: res.headers, raw: res.raw, utf8: res.body }));
    });
    if (typeof err === "string") { settled = true; reject(new TypeError(err)); }
  });
}

// --- XMLHttpRequest ----------------------------------------------------------------------
// https://xhr.spec.whatwg.org/
const XHR_EVENTS = ["readystatechange", "loadstart", "progress", "abort", "error", "load", "timeout", "loadend"];
function makeEvent(type, target, progress) {
  let ev;
  const P = global.ProgressEvent;
  try {
    if (progress && typeof P === "function") ev = new P(type, progress);
    else if (typeof global.Event === "function") ev = new global.Event(type);
  } catch (_) { ev = undefined; }
  if (!ev) ev = { type, bubbles: false, cancelable: false, defaultPrevented: false, preventDefault() {}, stopPropagation() {}, stopImmediatePropagation() {} };
  const own = { target, currentTarget: target, srcElement: target };
  if (progress) Object.assign(own, { lengthComputable: progress.lengthComputable, loaded: progress.loaded, total: progress.total });
  for (const k in own) { try { Object.defineProperty(ev, k, { value: own[k], configurable: true }); } catch (_) {} }
  return ev;
}
class XMLHttpRequestEventTarget {
  constructor() { hidden(this, "__listeners", {}); hidden(this, "__handlers", {}); }
  addEventListener(type, cb, options) {
    if (typeof cb !== "function" && !(cb && typeof cb.handleEvent === "function")) return;
    type = String(type);
    const once = !!(options && typeof options === "object" && options.once);
    const list = this.__listeners[type] || (this.__listeners[type] = []);
    if (!list.some((l) => l.cb === cb)) list.push({ cb, once });
  }
  removeEventListener(type, cb) {
    const list = this.__listeners[String(type)];
    if (list) this.__listeners[String(type)] = list.filter((l) => l.cb !== cb);
  }
  dispatchEvent(ev) { this.__fire(ev); return true; }
  __fire(ev) {
    const type = ev.type;
    const h = this.__handlers[type];
    const call = (f) => {
      try { if (typeof f === "function") f.call(this, ev); else f.handleEvent(ev); }
      catch (e) { if (typeof host.reportException === "function") host.reportException(e); }
    };
    if (typeof h === "function") call(h);
    for (const l of (this.__listeners[type] || []).slice()) {
      if (l.once) this.removeEventListener(type, l.cb);
      call(l.cb);
    }
  }
}
for (const t of XHR_EVENTS.filter((t) => t !== "readystatechange")) {
  Object.defineProperty(XMLHttpRequestEventTarget.prototype, "on" + t, {
    get() { return this.__handlers[t] || null; },
    set(v) { this.__handlers[t] = typeof v === "function" ? v : null; }, configurable: true, enumerable: true,
  });
}
tagFetch(XMLHttpRequestEventTarget, "XMLHttpRequestEventTarget");
class XMLHttpRequestUpload extends XMLHttpRequestEventTarget {}
tagFetch(XMLHttpRequestUpload, "XMLHttpRequestUpload");

const XHR_STATES = { UNSENT: 0, OPENED: 1, HEADERS_RECEIVED: 2, LOADING: 3, DONE: 4 };
const xhrFail = (method, msg) => `Failed to execute '${method}' on 'XMLHttpRequest': ${msg}`;
class XMLHttpRequest extends XMLHttpRequestEventTarget {
  constructor() {
    super();
    const s = { readyState: 0, method: "GET", url: null, async: true, headers: [], send: false, withCredentials: false,
      response: null, error: false, responseType: "", timeout: 0, generation: 0, upload: new XMLHttpRequestUpload() };
    hidden(this, "__s", s);
  }
  get readyState() { return this.__s.readyState; }
  get status() { const r = this.__s.response; return r && !this.__s.error ? r.status : 0; }
  get statusText() { const r = this.__s.response; return r && !this.__s.error ? r.statusText : ""; }
  get responseURL() { const r = this.__s.response; return r && !this.__s.error ? r.url : ""; }
  get responseType() { return this.__s.responseType; }
  set responseType(v) {
    v = String(v);
    if (!["", "text", "json", "arraybuffer", "blob", "document"].includes(v)) return;
    if (this.__s.readyState === 3 || this.__s.readyState === 4) throw domErr(xhrFail("responseType", "The response type cannot be set if the object's state is LOADING or DONE."), "InvalidStateError");
    this.__s.responseType = v;
  }
  get withCredentials() { return this.__s.withCredentials; }
  set withCredentials(v) {
    if (this.__s.readyState > 1 || this.__s.send) throw domErr("Failed to set the 'withCredentials' property on 'XMLHttpRequest': The value may only be set if the object's state is UNSENT or OPENED.", "InvalidStateError");
    this.__s.withCredentials = !!v;
  }
  get timeout() { return this.__s.timeout; }
  set timeout(v) { this.__s.timeout = Number(v) || 0; }
  get upload() { return this.__s.upload; }
  get onreadystatechange() { return this.__handlers.readystatechange || null; }
  set onreadystatechange(v) { this.__handlers.readystatechange = typeof v === "function" ? v : null; }
  get responseText() {
    const s = this.__s;
    if (s.responseType !== "" && s.responseType !== "text") throw domErr(xhrFail("responseText", `The value is only accessible if the object's 'responseType' is '' or 'text' (was '${s.responseType}').`).replace("Failed to execute 'responseText'", "Failed to read the 'responseText' property from 'XMLHttpRequest'").replace(" on 'XMLHttpRequest'", ""), "InvalidStateError");
    if (s.readyState < 3 || s.error || !s.response) return "";
    return s.response.body;
  }
  get responseXML() { return null; }
  get response() {
    const s = this.__s;
    if (s.responseType === "" || s.responseType === "text") return this.responseText;
    if (s.readyState !== 4 || s.error || !s.response) return null;
    if (s.responseType === "json") { try { return JSON.parse(s.response.body); } catch (_) { return null; } }
    if (s.responseType === "arraybuffer") {
      const raw = s.response.raw, u8 = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) u8[i] = raw.charCodeAt(i) & 0xff;
      return u8.buffer;
    }
    return s.response.body;
  }
  open(method, url, async, user, password) {
    if (arguments.length < 2) throw new TypeError(xhrFail("open", `2 arguments required, but only ${arguments.length} present.`));
    const [norm, status] = host.fetchMethod(String(method));
    if (status === "invalid") throw domErr(xhrFail("open", `'${method}' is not a valid HTTP method.`), "SyntaxError");
    if (status === "forbidden") throw domErr(xhrFail("open", `'${method}' HTTP method is unsupported.`), "SecurityError");
    let parsed;
    try { parsed = new global.URL(String(url), baseURL()); } catch (_) { throw domErr(xhrFail("open", `Invalid URL`), "SyntaxError"); }
    if (user !== undefined && user !== null) parsed.username = String(user);
    if (password !== undefined && password !== null) parsed.password = String(password);
    const s = this.__s;
    s.generation++;
    Object.assign(s, { method: norm, url: parsed.href, async: arguments.length < 3 ? true : !!async, headers: [], send: false,
      response: null, error: false });
    if (s.readyState !== 1) { s.readyState = 1; this.__fire(makeEvent("readystatechange", this)); }
  }
  setRequestHeader(name, value) {
    const s = this.__s;
    if (s.readyState !== 1 || s.send) throw domErr(xhrFail("setRequestHeader", "The object's state must be OPENED."), "InvalidStateError");
    name = String(name); value = normalizeValue(value);
    if (!validName(name)) throw domErr(xhrFail("setRequestHeader", `'${name}' is not a valid HTTP header field name.`), "SyntaxError");
    if (!validValue(value)) throw domErr(xhrFail("setRequestHeader", `'${value}' is not a valid HTTP header field value.`), "SyntaxError");
    if (!host.fetchHeaderAllowed(name, value, "request")) { host.console("error", `Refused to set unsafe header "${name}"`); return; }
    const l = name.toLowerCase();
    const cur = s.headers.find((p) => p[0].toLowerCase() === l);
    if (cur) cur[1] = cur[1] + ", " + value; else s.headers.push([name, value]);
  }
  getResponseHeader(name) {
    const s = this.__s;
    if (s.readyState < 2 || s.error || !s.response) return null;
    const l = String(name).toLowerCase();
    const vs = s.response.headers.filter((p) => p[0].toLowerCase() === l).map((p) => p[1]);
    return vs.length ? vs.join(", ") : null;
  }
  getAllResponseHeaders() {
    const s = this.__s;
    if (s.readyState < 2 || s.error || !s.response) return "";
    const h = headersWithGuard("none", s.response.headers.map((p) => p.slice()));
    return h.__sorted().map(([k, v]) => k + ": " + v + "\r\n").join("");
  }
  overrideMimeType(mime) {}
  send(body) {
    const s = this.__s;
    if (s.readyState !== 1 || s.send) throw domErr(xhrFail("send", "The object's state must be OPENED."), "InvalidStateError");
    let b = null;
    if (body !== undefined && body !== null && s.method !== "GET" && s.method !== "HEAD") {
      b = extractBody(body);
      const ct = s.headers.find((p) => p[0].toLowerCase() === "content-type");
      if (!ct && b.type) s.headers.push(["Content-Type", b.type]);
      else if (ct && typeof body === "string" && /;\s*charset=/i.test(ct[1])) ct[1] = ct[1].replace(/(;\s*charset=)[^;]*/i, "$1UTF-8");
    }
    s.send = true;
    const gen = s.generation;
    const desc = { method: s.method, url: s.url, headers: s.headers.map((p) => [p[0], p[1]]), body: b ? b.text : null,
      bodyIsBytes: b ? b.bytes : false, mode: "cors", credentials: s.withCredentials ? "include" : "same-origin",
      redirect: "follow", kind: "xhr", sync: !s.async };
    if (!s.async) {
      host.console("warn", "[Deprecation] Synchronous XMLHttpRequest on the main thread is deprecated because of its detrimental effects to the end user's experience. For more help, check https://xhr.spec.whatwg.org/.");
      const res = host.fetchStart(desc, null);
      const r = typeof res === "string" ? { error: res } : res;
      if (r.error !== null && r.error !== undefined) {
        s.error = true; s.readyState = 4; s.send = false;
        this.__fire(makeEvent("readystatechange", this));
        throw domErr(xhrFail("send", `Failed to load '${s.url}'.`), "NetworkError");
      }
      s.response = r; s.readyState = 4; s.send = false;
      this.__fire(makeEvent("readystatechange", this));
      this.__fire(makeEvent("load", this, { lengthComputable: false, loaded: r.raw.length, total: 0 }));
      this.__fire(makeEvent("loadend", this, { lengthComputable: false, loaded: r.raw.length, total: 0 }));
      return;
    }
    this.__fire(makeEvent("loadstart", this, { lengthComputable: false, loaded: 0, total: 0 }));
    const err = host.fetchStart(desc, (r) => {
      if (s.generation !== gen || !s.send) return;
      if (r.error !== null) { this.__networkError(); return; }
      s.response = r;
      s.readyState = 2; this.__fire(makeEvent("readystatechange", this));
      if (s.generation !== gen) return;
      const n = r.raw.length;
      s.readyState = 3; this.__fire(makeEvent("readystatechange", this));
      this.__fire(makeEvent("progress", this, { lengthComputable: false, loaded: n, total: 0 }));
      if (s.generation !== gen) return;
      s.readyState = 4; s.send = false;
      this.__fire(makeEvent("readystatechange", this));
      this.__fire(makeEvent("load", this, { lengthComputable: false, loaded: n, total: 0 }));
      this.__fire(makeEvent("loadend", this, { lengthComputable: false, loaded: n, total: 0 }));
    });
    if (typeof err === "string") { const g = s.generation; host.setTimer(() => { if (s.generation === g) this.__networkError(); }, 0, false); }
  }
  // https://xhr.spec.whatwg.org/#request-error-steps
  __networkError() {
    const s = this.__s;
    s.error = true; s.response = null; s.readyState = 4; s.send = false;
    this.__fire(makeEvent("readystatechange", this));
    this.__fire(makeEvent("error", this, { lengthComputable: false, loaded: 0, total: 0 }));
    this.__fire(makeEvent("loadend", this, { lengthComputable: false, loaded: 0, total: 0 }));
  }
  abort() {
    const s = this.__s;
    s.generation++;
    if ((s.readyState === 1 && s.send) || s.readyState === 2 || s.readyState === 3) {
      s.error = true; s.response = null; s.readyState = 4; s.send = false;
      this.__fire(makeEvent("readystatechange", this));
      this.__fire(makeEvent("abort", this, { lengthComputable: false, loaded: 0, total: 0 }));
      this.__fire(makeEvent("loadend", this, { lengthComputable: false, loaded: 0, total: 0 }));
    }
    if (s.readyState === 4) { s.readyState = 0; s.error = false; }
  }
}
for (const [k, v] of Object.entries(XHR_STATES)) {
  Object.defineProperty(XMLHttpRequest, k, { value: v, enumerable: true });
  Object.defineProperty(XMLHttpRequest.prototype, k, { value: v, enumerable: true });
}
tagFetch(XMLHttpRequest, "XMLHttpRequest");

// --- securitypolicyviolation (fired by the engine when CSP blocks a fetch) ---------------------
// https://w3c.github.io/webappsec-csp/#report-violation
host.fireSecurityPolicyViolation = (info) => {
  const C = global.SecurityPolicyViolationEvent;
  const init = { bubbles: true, composed: true, blockedURI: info.blockedURI, effectiveDirective: info.effectiveDirective,
    violatedDirective: info.violatedDirective, originalPolicy: info.originalPolicy, documentURI: info.documentURI,
    disposition: "enforce", statusCode: 200, referrer: "", sourceFile: "", lineNumber: 0, columnNumber: 0, sample: "" };
  let ev;
  try { ev = typeof C === "function" ? new C("securitypolicyviolation", init) : new global.Event("securitypolicyviolation", { bubbles: true, composed: true }); }
  catch (_) { return; }
  for (const k of ["blockedURI", "effectiveDirective", "violatedDirective", "originalPolicy", "documentURI", "disposition", "statusCode", "referrer", "sourceFile", "lineNumber", "columnNumber", "sample"]) {
    if (ev[k] !== init[k]) { try { Object.defineProperty(ev, k, { value: init[k], configurable: true, enumerable: true }); } catch (_) {} }
  }
  const doc = global.document;
  if (doc && typeof doc.dispatchEvent === "function") doc.dispatchEvent(ev);
  else if (typeof global.dispatchEvent === "function") global.dispatchEvent(ev);
};

for (const [n, v] of [["Headers", Headers], ["Request", Request], ["Response", Response], ["FormData", FormData],
  ["XMLHttpRequestEventTarget", XMLHttpRequestEventTarget], ["XMLHttpRequestUpload", XMLHttpRequestUpload],
  ["XMLHttpRequest", XMLHttpRequest]]) {
  exposeFetch(n, v);
}
Object.defineProperty(global, "fetch", { value: fetch, writable: true, configurable: true, enumerable: true });

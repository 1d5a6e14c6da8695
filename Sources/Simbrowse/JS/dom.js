// dom.js: the DOM of one window realm (see Docs/DOM.md).
// The engine evaluates this file as `(function (host, global) { <this file> })(host, globalThis)`.
// HTML is parsed in Swift (libxml2) and arrives here as JSON trees; everything else lives here.
"use strict";

const dom = host.dom || (host.dom = {});

// ---------------------------------------------------------------------------------------------
// Internal slots. Symbol.for keys, so nodes that cross realms (same-origin frames) keep working.
const K = (n) => Symbol.for("simbrowse.dom." + n);
const TYPE = K("type"), PARENT = K("parent"), KIDS = K("kids"), DOC = K("doc"), NAME = K("name"),
  ATTRS = K("attrs"), DATA = K("data"), LISTENERS = K("listeners"), HANDLERS = K("handlers"),
  VERSION = K("version"), CACHE = K("cache"), EV = K("event"), COLL = K("coll"), STATE = K("state"),
  OWNER = K("owner"), NS = K("ns");
const HTML_NS = "http://www.w3.org/1999/xhtml";

// ---------------------------------------------------------------------------------------------
// Errors (Chromium's wording).
function domError(message, name) {
  const C = global.DOMException;
  if (typeof C === "function") return new C(message, name);
  const e = new Error(message); e.name = name; return e;
}
const failed = (method, iface, msg) => "Failed to execute '" + method + "' on '" + iface + "': " + msg;
function illegal() { throw new TypeError("Illegal constructor"); }
function needArgs(iface, method, n, got) {
  if (got < n) {
    const what = method ? failed(method, iface, "") : "Failed to construct '" + iface + "': ";
    throw new TypeError(what + n + " argument" + (n > 1 ? "s" : "") + " required, but only " + got + " present.");
  }
}
function report(e) {
  if (typeof host.reportException === "function") host.reportException(e);
  else throw e;
}

// ---------------------------------------------------------------------------------------------
// Interface objects: constructor functions whose prototype chain mirrors WebIDL.
function expose(name, value) {
  Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
}
// Image(), Option(): constructors whose prototype is an element interface's, made on first read.
function namedConstructor(name, ifaceName, f) {
  Object.defineProperty(global, name, {
    get() { f.prototype = proto(ifaceName); expose(name, f); return f; },
    set(v) { expose(name, v); },
    configurable: true, enumerable: false,
  });
}
// ctor: a function (gets a fresh prototype), or a class that already extends Parent.
function iface(name, Parent, ctor, isClass) {
  const C = ctor || function () { illegal(); };
  Object.defineProperty(C, "name", { value: name, configurable: true });
  if (isClass) {
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: name, configurable: true });
  } else {
    if (Parent) Object.setPrototypeOf(C, Parent);
    C.prototype = Object.create(Parent ? Parent.prototype : Object.prototype, {
      constructor: { value: C, writable: true, configurable: true },
      [Symbol.toStringTag]: { value: name, configurable: true },
    });
  }
  expose(name, C);
  MADE[name] = C;
  return C;
}
// Most interfaces are materialised on first use (an instance is created, or a script reads the
// global), which keeps the per-realm cost of this file low. LAZY[name] = [parent, setup, make]:
// parent is a name or constructor, setup(proto, C, name) defines members, make(Parent, name)
// builds a class (for constructible interfaces).
const LAZY = Object.create(null), MADE = Object.create(null);
function lazy(name, parent, setup, make) {
  LAZY[name] = [parent, setup, make];
  Object.defineProperty(global, name, {
    get() { return I(name); },
    set(v) { expose(name, v); },
    configurable: true, enumerable: false,
  });
}
function I(name) {
  const made = MADE[name];
  if (made) return made;
  const spec = LAZY[name];
  if (!spec) return undefined;
  const Parent = typeof spec[0] === "string" ? I(spec[0]) : spec[0];
  const C = MADE[name] = iface(name, Parent, spec[2] ? spec[2](Parent, name) : undefined, !!spec[2]);
  if (spec[1]) spec[1](C.prototype, C, name);
  const hooks = WHEN[name];
  if (hooks) { delete WHEN[name]; for (const f of hooks) f(C.prototype, C); }
  return C;
}
const proto = (name) => I(name).prototype;
// Runs f(prototype, C) once the interface exists: now if it does, else right after it is made.
const WHEN = Object.create(null);
function whenMade(name, f) {
  const C = MADE[name];
  if (C) f(C.prototype, C); else (WHEN[name] || (WHEN[name] = [])).push(f);
}

// Makes an object literal (whose __proto__ is the parent interface's prototype) C's prototype,
// keeping what was already defined on the old one. Cheaper than copying members one by one.
function members(C, lit) {
  const old = C.prototype;
  Object.defineProperties(lit, Object.getOwnPropertyDescriptors(old));
  C.prototype = lit;
  return lit;
}
// Copies getters, setters and methods of an object literal onto a prototype.
function def(target, members) {
  Object.defineProperties(target, Object.getOwnPropertyDescriptors(members));
  return target;
}
function constants(C, table) {
  const d = {};
  for (const k in table) d[k] = { value: table[k], enumerable: true };
  Object.defineProperties(C, d);
  Object.defineProperties(C.prototype, d);
}
const isObj = (x) => x !== null && (typeof x === "object" || typeof x === "function");
const lower = (s) => /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (c) => c.toLowerCase()) : s;
const upper = (s) => /[a-z]/.test(s) ? s.replace(/[a-z]+/g, (c) => c.toUpperCase()) : s;
const WS = /[\t\n\f\r ]+/;
const splitTokens = (s) => { const t = s.split(WS); if (t[0] === "") t.shift(); if (t.length && t[t.length - 1] === "") t.pop(); return t; };
const stripCollapse = (s) => splitTokens(s).join(" ");

// ---------------------------------------------------------------------------------------------
// Events. https://dom.spec.whatwg.org/#events
const now = () => (typeof host.now === "function" ? host.now() : 0);

class Event {
  constructor(type, init) {
    needArgs(new.target.name || "Event", null, 1, arguments.length);
    this[EV] = {
      type: String(type), bubbles: !!(init && init.bubbles), cancelable: !!(init && init.cancelable),
      composed: !!(init && init.composed), target: null, current: null, phase: 0, stop: false, stopNow: false,
      canceled: false, dispatching: false, trusted: false, initialized: true, passive: false,
      time: now(), path: null, x: null,
    };
  }
  get type() { return this[EV].type; }
  get target() { return this[EV].target; }
  get srcElement() { return this[EV].target; }
  get currentTarget() { return this[EV].current; }
  get eventPhase() { return this[EV].phase; }
  get bubbles() { return this[EV].bubbles; }
  get cancelable() { return this[EV].cancelable; }
  get composed() { return this[EV].composed; }
  get defaultPrevented() { return this[EV].canceled; }
  get isTrusted() { return this[EV].trusted; }
  get timeStamp() { return this[EV].time; }
  get returnValue() { return !this[EV].canceled; }
  set returnValue(v) { if (!v) this.preventDefault(); }
  get cancelBubble() { return this[EV].stop; }
  set cancelBubble(v) { if (v) this[EV].stop = true; }
  composedPath() { const e = this[EV]; return e.path && e.dispatching ? e.path.slice() : []; }
  preventDefault() { const e = this[EV]; if (e.cancelable && !e.passive) e.canceled = true; }
  stopPropagation() { this[EV].stop = true; }
  stopImmediatePropagation() { const e = this[EV]; e.stop = e.stopNow = true; }
  initEvent(type, bubbles, cancelable) {
    needArgs("Event", "initEvent", 1, arguments.length);
    const e = this[EV];
    if (e.dispatching) return;
    Object.assign(e, { type: String(type), bubbles: !!bubbles, cancelable: !!cancelable, initialized: true,
      stop: false, stopNow: false, canceled: false, target: null });
  }
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: "Event", configurable: true });
constants(Event, { NONE: 0, CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3 });
expose("Event", Event);

// Event interfaces that only add init-dictionary fields: name -> [parent, {field: default}].
const EVENT_FIELDS = {
  CustomEvent: ["Event", { detail: null }],
  MessageEvent: ["Event", { data: null, origin: "", lastEventId: "", source: null, ports: null }],
  ErrorEvent: ["Event", { message: "", filename: "", lineno: 0, colno: 0, error: null }],
  UIEvent: ["Event", { view: null, detail: 0 }],
  MouseEvent: ["UIEvent", { screenX: 0, screenY: 0, clientX: 0, clientY: 0, ctrlKey: false, shiftKey: false,
    altKey: false, metaKey: false, button: 0, buttons: 0, relatedTarget: null }],
  PointerEvent: ["MouseEvent", { pointerId: 0, width: 1, height: 1, pressure: 0, pointerType: "", isPrimary: false }],
  FocusEvent: ["UIEvent", { relatedTarget: null }],
  KeyboardEvent: ["UIEvent", { key: "", code: "", location: 0, ctrlKey: false, shiftKey: false, altKey: false,
    metaKey: false, repeat: false, isComposing: false }],
  SubmitEvent: ["Event", { submitter: null }],
  ProgressEvent: ["Event", { lengthComputable: false, loaded: 0, total: 0 }],
  CloseEvent: ["Event", { wasClean: false, code: 0, reason: "" }],
  PromiseRejectionEvent: ["Event", { promise: undefined, reason: undefined }],
  HashChangeEvent: ["Event", { oldURL: "", newURL: "" }],
  PopStateEvent: ["Event", { state: null }],
  PageTransitionEvent: ["Event", { persisted: false }],
  StorageEvent: ["Event", { key: null, oldValue: null, newValue: null, url: "", storageArea: null }],
  SecurityPolicyViolationEvent: ["Event", { documentURI: "", referrer: "", blockedURI: "", violatedDirective: "",
    effectiveDirective: "", originalPolicy: "", sourceFile: "", sample: "", disposition: "enforce", statusCode: 0,
    lineNumber: 0, columnNumber: 0 }],
};
function makeEventClass(Parent, name) {
  const fields = EVENT_FIELDS[name][1];
  return class extends Parent {
    constructor(type, init) {
      needArgs(name, null, 1, arguments.length);
      super(type, init);
      const x = this[EV].x || (this[EV].x = {});
      for (const k in fields) {
        const d = fields[k], v = init == null ? undefined : init[k];
        x[k] = v === undefined ? d : typeof d === "number" ? (Number(v) || 0) : typeof d === "string" ? String(v)
          : typeof d === "boolean" ? !!v : v;
      }
    }
  };
}
function eventMembers(p, C, name) {
  for (const k in EVENT_FIELDS[name][1]) {
    Object.defineProperty(p, k, { get() { return this[EV].x[k]; }, enumerable: true, configurable: true });
  }
  switch (name) {
    case "CustomEvent":
      def(p, {
        initCustomEvent(type, bubbles, cancelable, detail) {
          this.initEvent(type, bubbles, cancelable);
          this[EV].x.detail = detail === undefined ? null : detail;
        },
      });
      break;
    case "MessageEvent":
      def(p, { get ports() { const x = this[EV].x; return x.ports || (x.ports = Object.freeze([])); } });
      break;
    case "MouseEvent":
      def(p, {
        get pageX() { return this.clientX; }, get pageY() { return this.clientY; },
        get x() { return this.clientX; }, get y() { return this.clientY; },
        get offsetX() { return 0; }, get offsetY() { return 0; },
        getModifierState() { return false; },
      });
      break;
  }
}
for (const name in EVENT_FIELDS) {
  const parent = EVENT_FIELDS[name][0];
  lazy(name, parent === "Event" ? Event : parent, eventMembers, makeEventClass);
}
const eventClasses = dom.eventClasses = new Proxy({ Event }, { get: (t, k) => t[k] || (typeof k === "string" && LAZY[k] ? I(k) : undefined) });

// Listeners: target[LISTENERS] is a Map type -> [record], record {callback, capture, once, passive, removed, handler}.
function flattenCapture(options) { return typeof options === "boolean" ? options : !!(isObj(options) && options.capture); }
function listenersOf(t, type, create) {
  let m = t[LISTENERS];
  if (!m) { if (!create) return null; m = new Map(); Object.defineProperty(t, LISTENERS, { value: m, configurable: true }); }
  let list = m.get(type);
  if (!list && create) m.set(type, list = []);
  return list || null;
}
function addListener(t, type, record) {
  const list = listenersOf(t, type, true);
  if (!record.handler) {
    for (const l of list) if (l.callback === record.callback && l.capture === record.capture && !l.handler) return null;
  }
  list.push(record);
  return record;
}
function removeRecord(t, type, record) {
  record.removed = true;
  const list = listenersOf(t, type, false);
  if (list) { const i = list.indexOf(record); if (i >= 0) list.splice(i, 1); }
}

class EventTarget {
  constructor() {}
  addEventListener(type, callback, options) {
    const t = this == null ? global : this;
    needArgs("EventTarget", "addEventListener", 2, arguments.length);
    if (callback == null) return;
    if (!isObj(callback)) throw new TypeError(failed("addEventListener", "EventTarget", "parameter 2 is not of type 'Object'."));
    const o = isObj(options) ? options : null;
    const signal = o && o.signal;
    if (signal && signal.aborted) return;
    const rec = addListener(t, String(type), { callback, capture: flattenCapture(options), once: !!(o && o.once),
      passive: !!(o && o.passive), removed: false, handler: null });
    if (rec && signal && typeof signal.addEventListener === "function") {
      signal.addEventListener("abort", () => removeRecord(t, String(type), rec));
    }
  }
  removeEventListener(type, callback, options) {
    const t = this == null ? global : this;
    needArgs("EventTarget", "removeEventListener", 2, arguments.length);
    const list = listenersOf(t, String(type), false);
    if (!list || callback == null) return;
    const capture = flattenCapture(options);
    for (const l of list) {
      if (l.callback === callback && l.capture === capture && !l.handler) { removeRecord(t, String(type), l); return; }
    }
  }
  dispatchEvent(event) {
    const t = this == null ? global : this;
    needArgs("EventTarget", "dispatchEvent", 1, arguments.length);
    if (!isObj(event) || !event[EV]) throw new TypeError(failed("dispatchEvent", "EventTarget", "parameter 1 is not of type 'Event'."));
    return dispatch(t, event, false);
  }
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: "EventTarget", configurable: true });
expose("EventTarget", EventTarget);

function windowOf(doc) { return doc[STATE] && doc[STATE].view; }

// https://dom.spec.whatwg.org/#concept-event-dispatch (no shadow trees, no activation behaviour here)
function dispatch(target, event, trusted) {
  const e = event[EV];
  if (e.dispatching) throw domError(failed("dispatchEvent", "EventTarget", "The event is already being dispatched."), "InvalidStateError");
  if (!e.initialized) throw domError(failed("dispatchEvent", "EventTarget", "The event provided is uninitialized."), "InvalidStateError");
  e.trusted = !!trusted;
  e.dispatching = true;
  e.target = target;
  const path = [target];
  if (target[TYPE] !== undefined) {
    let n = target;
    while (n[PARENT]) { n = n[PARENT]; path.push(n); }
    if (n[TYPE] === 9 && e.type !== "load") { const w = windowOf(n); if (w) path.push(w); }
  }
  e.path = path;
  try {
    for (let i = path.length - 1; i > 0 && !e.stop; i--) invoke(path[i], event, e, 1, true);
    if (!e.stop) invoke(target, event, e, 2, true);
    if (!e.stop) invoke(target, event, e, 2, false);
    if (e.bubbles) for (let i = 1; i < path.length && !e.stop; i++) invoke(path[i], event, e, 3, false);
  } finally {
    e.dispatching = false; e.phase = 0; e.current = null; e.stop = false; e.stopNow = false; e.path = null;
  }
  return !e.canceled;
}

function invoke(current, event, e, phase, capture) {
  const list = listenersOf(current, e.type, false);
  if (!list || list.length === 0) return;
  e.current = current;
  e.phase = phase;
  const snapshot = list.slice();
  for (const l of snapshot) {
    if (l.removed || l.capture !== capture) continue;
    if (l.once) removeRecord(current, e.type, l);
    e.passive = l.passive;
    try {
      if (l.handler) runHandler(current, l.handler, event, e);
      else if (typeof l.callback === "function") l.callback.call(current, event);
      else {
        const h = l.callback.handleEvent;
        if (typeof h !== "function") throw new TypeError("The provided callback is not callable.");
        h.call(l.callback, event);
      }
    } catch (err) {
      report(err);
    }
    e.passive = false;
    if (e.stopNow) break;
  }
}

// Builds an event of the interface `init.interface` (or a default for the type) and dispatches it
// as the user agent would (isTrusted true). Returns false if a listener canceled it.
function defaultInterface(type, init) {
  switch (type) {
    case "message": case "messageerror": return "MessageEvent";
    case "error": return init && "message" in init ? "ErrorEvent" : "Event";
    case "click": case "auxclick": case "contextmenu": return "PointerEvent";
    case "dblclick": case "mousedown": case "mouseup": case "mousemove": case "mouseover": case "mouseout":
    case "mouseenter": case "mouseleave": return "MouseEvent";
    case "submit": return "SubmitEvent";
    case "close": return init && "code" in init ? "CloseEvent" : "Event";
    case "focus": case "blur": case "focusin": case "focusout": return "FocusEvent";
    case "keydown": case "keyup": case "keypress": return "KeyboardEvent";
    case "unhandledrejection": case "rejectionhandled": return "PromiseRejectionEvent";
    case "hashchange": return "HashChangeEvent";
    case "popstate": return "PopStateEvent";
    case "pageshow": case "pagehide": return "PageTransitionEvent";
    case "storage": return "StorageEvent";
    case "securitypolicyviolation": return "SecurityPolicyViolationEvent";
    case "progress": case "loadstart": case "loadend": case "abort": case "timeout": return "ProgressEvent";
    case "load": return init && "loaded" in init ? "ProgressEvent" : "Event";
    default: return init && "detail" in init ? "CustomEvent" : "Event";
  }
}
function fire(target, type, init, untrusted) {
  type = String(type);
  const name = (init && init.interface) || defaultInterface(type, init);
  const C = (LAZY[name] && I(name)) || Event;
  const event = new C(type, init || undefined);
  if (init) {
    for (const k in init) {
      if (k === "interface" || k === "bubbles" || k === "cancelable" || k === "composed" || k in event) continue;
      Object.defineProperty(event, k, { value: init[k], enumerable: true, configurable: true });
    }
  }
  return dispatch(target, event, !untrusted);
}
dom.Event = Event;
dom.fire = (target, type, init) => fire(target, type, init);
dom.dispatch = (target, event, trusted) => dispatch(target, event, trusted === undefined ? true : !!trusted);

// ---------------------------------------------------------------------------------------------
// Event handlers (onclick = ..., <img onerror="...">). https://html.spec.whatwg.org/#event-handler-attributes
const GLOBAL_HANDLERS = ["abort", "auxclick", "beforeinput", "beforetoggle", "blur", "cancel", "canplay",
  "canplaythrough", "change", "click", "close", "contextlost", "contextmenu", "contextrestored", "copy",
  "cuechange", "cut", "dblclick", "drag", "dragend", "dragenter", "dragleave", "dragover", "dragstart", "drop",
  "durationchange", "emptied", "ended", "error", "focus", "formdata", "input", "invalid", "keydown", "keypress",
  "keyup", "load", "loadeddata", "loadedmetadata", "loadstart", "mousedown", "mouseenter", "mouseleave",
  "mousemove", "mouseout", "mouseover", "mouseup", "paste", "pause", "play", "playing", "progress", "ratechange",
  "reset", "resize", "scroll", "scrollend", "securitypolicyviolation", "seeked", "seeking", "select", "slotchange",
  "stalled", "submit", "suspend", "timeupdate", "toggle", "volumechange", "waiting", "wheel", "animationend",
  "animationiteration", "animationstart", "transitionend", "pointerdown", "pointerup", "pointermove",
  "pointerover", "pointerout", "pointerenter", "pointerleave", "pointercancel", "gotpointercapture",
  "lostpointercapture", "focusin", "focusout"];
const WINDOW_HANDLERS = ["afterprint", "beforeprint", "beforeunload", "hashchange", "languagechange", "message",
  "messageerror", "offline", "online", "pagehide", "pageshow", "popstate", "rejectionhandled", "storage",
  "unhandledrejection", "unload"];
// Handlers of <body>/<frameset> that are the Window's (https://html.spec.whatwg.org/#the-body-element).
const BODY_FORWARDED = new Set(WINDOW_HANDLERS.concat(["blur", "error", "focus", "load", "resize", "scroll"]));
let handlerNames = null;  // Set of every name an element content attribute on<name> compiles
function isHandlerName(n) {
  if (!handlerNames) handlerNames = new Set(GLOBAL_HANDLERS.concat(WINDOW_HANDLERS, ["readystatechange", "visibilitychange"]));
  return handlerNames.has(n);
}
function isWindow(t) { return t === global || (t != null && t === dom.windowTarget); }

// value: a callable/object, or {code, el} for an uncompiled content attribute.
function setHandler(t, type, value) {
  let m = t[HANDLERS];
  if (!m) { m = new Map(); Object.defineProperty(t, HANDLERS, { value: m, configurable: true }); }
  const h = m.get(type);
  if (value === null) {
    if (h) { removeRecord(t, type, h.listener); m.delete(type); }
    return;
  }
  if (h) { h.value = value; return; }
  const rec = { callback: null, capture: false, once: false, passive: false, removed: false, handler: type };
  m.set(type, { value, listener: rec });
  addListener(t, type, rec);
}
function getHandler(t, type) {
  const m = t[HANDLERS];
  const h = m && m.get(type);
  if (!h) return null;
  const v = h.value;
  if (v && v.uncompiled) {
    const params = type === "error" && isWindow(t) ? ["event", "source", "lineno", "colno", "error"] : ["event"];
    try {
      h.value = new Function(...params, v.code);
    } catch (err) {
      report(err);
      removeRecord(t, type, h.listener); m.delete(type);
      return null;
    }
    return h.value;
  }
  return v;
}
function runHandler(t, type, event, e) {
  const f = getHandler(t, type);
  if (typeof f !== "function") return;
  if (type === "error" && isWindow(t) && e.x && "message" in e.x) {
    const x = e.x;
    if (f.call(t, x.message, x.filename, x.lineno, x.colno, x.error) === true) event.preventDefault();
    return;
  }
  const r = f.call(t, event);
  if (r === false && type !== "beforeunload") event.preventDefault();
}
function handlerAccessor(type) {
  return {
    get() { return getHandler(this == null ? global : this, type); },
    set(v) { setHandler(this == null ? global : this, type, isObj(v) ? v : null); },
    enumerable: true, configurable: true,
  };
}
let sharedHandlers = null;  // descriptors for GLOBAL_HANDLERS, shared by HTMLElement and Document
function defineEventHandlers(obj, names) {
  if (!names && !sharedHandlers) {
    sharedHandlers = {};
    for (const n of GLOBAL_HANDLERS) sharedHandlers["on" + n] = handlerAccessor(n);
  }
  if (!names) { Object.defineProperties(obj, sharedHandlers); return; }
  const d = {};
  for (const n of names) d["on" + n] = handlerAccessor(n);
  Object.defineProperties(obj, d);
}
dom.defineEventHandlers = defineEventHandlers;

// ---------------------------------------------------------------------------------------------
// Collections: NodeList, HTMLCollection, NamedNodeMap, DOMTokenList are live views. Each is a
// Proxy over an object of the interface's prototype; state.get() returns the current items.
function indexOf(k) {
  const c = k.charCodeAt(0);
  if (c < 48 || c > 57) return -1;
  const n = +k;
  return String(n) === k && n < 4294967295 ? n : -1;
}
const collectionTraps = {
  get(t, k, r) {
    if (typeof k === "string") {
      const i = indexOf(k);
      if (i >= 0) return t[COLL].get()[i];
      if (!(k in t) && t[COLL].named) { const v = t[COLL].named(k); if (v != null) return v; }
    }
    return Reflect.get(t, k, r);
  },
  set(t, k, v, r) {
    if (typeof k === "string" && indexOf(k) >= 0) return false;
    return Reflect.set(t, k, v, r);
  },
  has(t, k) {
    if (typeof k === "string") {
      const i = indexOf(k);
      if (i >= 0) return i < t[COLL].get().length;
      if (!(k in t) && t[COLL].named && t[COLL].named(k) != null) return true;
    }
    return Reflect.has(t, k);
  },
  ownKeys(t) {
    const n = t[COLL].get().length, keys = [];
    for (let i = 0; i < n; i++) keys.push(String(i));
    return keys.concat(Reflect.ownKeys(t));
  },
  getOwnPropertyDescriptor(t, k) {
    if (typeof k === "string") {
      const i = indexOf(k);
      if (i >= 0) {
        const a = t[COLL].get();
        return i < a.length ? { value: a[i], writable: false, enumerable: true, configurable: true } : undefined;
      }
    }
    return Reflect.getOwnPropertyDescriptor(t, k);
  },
  defineProperty(t, k, d) { return typeof k === "string" && indexOf(k) >= 0 ? false : Reflect.defineProperty(t, k, d); },
  deleteProperty(t, k) { return typeof k === "string" && indexOf(k) >= 0 ? false : Reflect.deleteProperty(t, k); },
};
function collection(proto, state) {
  const t = Object.create(proto);
  Object.defineProperty(t, COLL, { value: state });
  return new Proxy(t, collectionTraps);
}
const items = (c) => c[COLL].get();
function staticList(array) { return collection(proto("NodeList"), { get: () => array }); }
// A live list of the elements under `root` (tree order) that pass `filter`; recomputed when the
// document's version changes.
function liveElements(proto, root, filter, named) {
  let version = -1, doc = null, cache = null;
  return collection(proto, {
    get() {
      const d = root[DOC];
      if (d[VERSION] !== version || d !== doc || !cache) { version = d[VERSION]; doc = d; cache = []; collectDescendants(root, filter, cache); }
      return cache;
    },
    named,
  });
}
function collectDescendants(root, filter, out) {
  const kids = root[KIDS];
  for (let i = 0; i < kids.length; i++) {
    const n = kids[i];
    if (n[TYPE] === 1) {
      if (filter(n)) out.push(n);
      collectDescendants(n, filter, out);
    }
  }
  return out;
}
function iterators(proto) {
  def(proto, {
    forEach(cb, thisArg) { const a = items(this); for (let i = 0; i < a.length; i++) cb.call(thisArg, a[i], i, this); },
    keys() { return items(this).keys(); },
    values() { return items(this).values(); },
    entries() { return items(this).entries(); },
  });
  Object.defineProperty(proto, Symbol.iterator, { value: proto.values, writable: true, configurable: true });
}
lazy("NodeList", null, (p) => {
  def(p, {
    get length() { return items(this).length; },
    item(i) { const v = items(this)[Number(i) >>> 0]; return v === undefined ? null : v; },
  });
  iterators(p);
});
lazy("HTMLCollection", null, (p) => {
  def(p, {
    get length() { return items(this).length; },
    item(i) { const v = items(this)[Number(i) >>> 0]; return v === undefined ? null : v; },
    namedItem(name) { return namedElement(items(this), String(name)); },
  });
  Object.defineProperty(p, Symbol.iterator, { value: Array.prototype.values, writable: true, configurable: true });
});
lazy("HTMLFormControlsCollection", "HTMLCollection");
lazy("HTMLOptionsCollection", "HTMLCollection");
function namedElement(list, name) {
  if (name === "") return null;
  for (const el of list) if (getAttr(el, "id") === name) return el;
  for (const el of list) if (getAttr(el, "name") === name) return el;
  return null;
}
function htmlCollection(root, filter, p) {
  return liveElements(p || proto("HTMLCollection"), root, filter, function (name) {
    return namedElement(this.get(), name);
  });
}
function cached(node, key, make) {
  let c = node[CACHE];
  if (!c) { c = {}; Object.defineProperty(node, CACHE, { value: c }); }
  return c[key] || (c[key] = make());
}

// ---------------------------------------------------------------------------------------------
// Nodes. Internal slots: TYPE, PARENT, DOC (owner document; a document's is itself), KIDS
// (children array, for documents, fragments and elements), NAME (local name / doctype name),
// ATTRS (Attr objects), DATA (character data / attribute value), STATE (per-node extras).
const Node = iface("Node", EventTarget);
constants(Node, {
  ELEMENT_NODE: 1, ATTRIBUTE_NODE: 2, TEXT_NODE: 3, CDATA_SECTION_NODE: 4, ENTITY_REFERENCE_NODE: 5, ENTITY_NODE: 6,
  PROCESSING_INSTRUCTION_NODE: 7, COMMENT_NODE: 8, DOCUMENT_NODE: 9, DOCUMENT_TYPE_NODE: 10,
  DOCUMENT_FRAGMENT_NODE: 11, NOTATION_NODE: 12, DOCUMENT_POSITION_DISCONNECTED: 1, DOCUMENT_POSITION_PRECEDING: 2,
  DOCUMENT_POSITION_FOLLOWING: 4, DOCUMENT_POSITION_CONTAINS: 8, DOCUMENT_POSITION_CONTAINED_BY: 16,
  DOCUMENT_POSITION_IMPLEMENTATION_SPECIFIC: 32,
});
const isNode = (x) => isObj(x) && typeof x[TYPE] === "number";
function checkNode(x, method, n) {
  if (!isNode(x)) throw new TypeError(failed(method, "Node", "parameter " + (n || 1) + " is not of type 'Node'."));
  return x;
}
function nodeName(n) {
  switch (n[TYPE]) {
    case 1: return tagName(n);
    case 2: return n[NAME];
    case 3: return "#text";
    case 4: return "#cdata-section";
    case 8: return "#comment";
    case 9: return "#document";
    case 10: return n[NAME];
    case 11: return "#document-fragment";
    default: return "";
  }
}
function tagName(el) { return el[NS] ? el[NAME] : upper(el[NAME]); }
function bump(node) { const d = node[DOC]; d[VERSION] = (d[VERSION] + 1) | 0; }
function rootOf(n) { while (n[PARENT]) n = n[PARENT]; return n; }
function connected(n) { return rootOf(n)[TYPE] === 9; }
function indexIn(n) { return n[PARENT] ? n[PARENT][KIDS].indexOf(n) : -1; }
function sibling(n, d) {
  const p = n[PARENT];
  if (!p) return null;
  const k = p[KIDS], i = k.indexOf(n) + d;
  return i >= 0 && i < k.length ? k[i] : null;
}
function elementSibling(n, d) {
  const p = n[PARENT];
  if (!p) return null;
  const k = p[KIDS];
  for (let i = k.indexOf(n) + d; i >= 0 && i < k.length; i += d) if (k[i][TYPE] === 1) return k[i];
  return null;
}
function textOf(n) {  // descendant text content
  if (n[TYPE] === 3 || n[TYPE] === 4) return n[DATA];
  const kids = n[KIDS];
  if (!kids) return "";
  let s = "";
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i];
    if (c[TYPE] === 3 || c[TYPE] === 4) s += c[DATA];
    else if (c[TYPE] === 1 || c[TYPE] === 11) s += textOf(c);
  }
  return s;
}
function childText(el) {  // child text content (script text, title)
  let s = "";
  for (const c of el[KIDS]) if (c[TYPE] === 3 || c[TYPE] === 4) s += c[DATA];
  return s;
}
function elementsOf(node, out) {  // inclusive descendant elements in tree order
  if (node[TYPE] === 1) out.push(node);
  const kids = node[KIDS];
  if (kids) for (let i = 0; i < kids.length; i++) elementsOf(kids[i], out);
  return out;
}
function inert(doc) { const s = doc[STATE]; return !s || s.inert; }

// Node creation (internal: no constructors run).
function makeNode(proto, type, doc) {
  const n = Object.create(proto);
  n[TYPE] = type; n[PARENT] = null; n[DOC] = doc;
  return n;
}
function makeText(doc, data) { const n = makeNode(Text.prototype, 3, doc); n[DATA] = data; return n; }
function makeComment(doc, data) { const n = makeNode(Comment.prototype, 8, doc); n[DATA] = data; return n; }
function makeFragment(doc) { const n = makeNode(DocumentFragment.prototype, 11, doc); n[KIDS] = []; return n; }
function makeDoctype(doc, name, publicId, systemId) {
  const n = makeNode(DocumentType.prototype, 10, doc);
  n[NAME] = name; n[DATA] = [publicId || "", systemId || ""];
  return n;
}
function makeDocument(proto, url, contentType, isInert) {
  const d = Object.create(proto);
  d[TYPE] = 9; d[PARENT] = null; d[DOC] = d; d[KIDS] = []; d[VERSION] = 0;
  d[STATE] = { url: String(url), contentType: contentType || "text/html", ready: "loading", view: null,
    inert: !!isInert, parsing: null, currentScript: null, active: null, live: false };
  return d;
}

// --- mutation algorithms (https://dom.spec.whatwg.org/#mutation-algorithms) -----------------
function hierarchyError(method, msg) { return domError(failed(method, "Node", msg), "HierarchyRequestError"); }
function ensurePreInsert(node, parent, child, method) {
  const pt = parent[TYPE], nt = node[TYPE];
  if (pt !== 9 && pt !== 11 && pt !== 1) throw hierarchyError(method, "This node type does not support this method.");
  for (let p = parent; p; p = p[PARENT]) {
    if (p === node) throw hierarchyError(method, "The new child element contains the parent.");
  }
  if (child && child[PARENT] !== parent) {
    throw domError(failed(method, "Node", method === "insertBefore"
      ? "The node before which the new node is to be inserted is not a child of this node."
      : "The node to be replaced is not a child of this node."), "NotFoundError");
  }
  if (nt === 9 || nt === 2 || (nt === 3 && pt === 9) || (nt === 10 && pt !== 9)) {
    throw hierarchyError(method, "Nodes of type '" + nodeName(node) + "' may not be inserted inside nodes of type '" + nodeName(parent) + "'.");
  }
  if (pt === 9) ensureDocumentChild(node, parent, child, method, false);
}
function ensureDocumentChild(node, parent, child, method, replacing) {
  const kids = parent[KIDS], nt = node[TYPE];
  const countEl = kids.filter((k) => k[TYPE] === 1 && !(replacing && k === child)).length;
  const doctypeAfter = child && kids.slice(kids.indexOf(child) + (replacing ? 1 : 0)).some((k) => k[TYPE] === 10);
  if (nt === 11) {
    const els = node[KIDS].filter((k) => k[TYPE] === 1).length;
    if (els > 1 || node[KIDS].some((k) => k[TYPE] === 3)) throw hierarchyError(method, "Only one element on document allowed.");
    if (els === 1 && (countEl > 0 || doctypeAfter || (child && child[TYPE] === 10 && !replacing))) {
      throw hierarchyError(method, "Only one element on document allowed.");
    }
  } else if (nt === 1) {
    if (countEl > 0) throw hierarchyError(method, "Only one element on document allowed.");
    if ((child && child[TYPE] === 10 && !replacing) || doctypeAfter) throw hierarchyError(method, "Can't insert an element before a doctype.");
  } else if (nt === 10) {
    if (kids.some((k) => k[TYPE] === 10 && !(replacing && k === child))) throw hierarchyError(method, "Only one doctype on document allowed.");
    const idx = child ? kids.indexOf(child) : kids.length;
    if (kids.slice(0, idx).some((k) => k[TYPE] === 1) || (!child && countEl > 0)) {
      throw hierarchyError(method, "Can't insert a doctype after an element.");
    }
  }
}
function adopt(node, doc) {
  if (node[DOC] === doc) return;
  node[DOC] = doc;
  if (node[ATTRS]) for (const a of node[ATTRS]) a[DOC] = doc;
  const kids = node[KIDS];
  if (kids) for (let i = 0; i < kids.length; i++) adopt(kids[i], doc);
}
// Inserts node (or a fragment's children) into parent before child (null: at the end).
function insert(node, parent, child) {
  let nodes;
  if (node[TYPE] === 11) {
    nodes = node[KIDS].slice();
    if (nodes.length === 0) return;
    for (const n of nodes) n[PARENT] = null;
    node[KIDS].length = 0;
    bump(node);
  } else {
    if (node[PARENT]) removeNode(node);
    nodes = [node];
  }
  const doc = parent[DOC], kids = parent[KIDS];
  let i = child ? kids.indexOf(child) : kids.length;
  if (i < 0) i = kids.length;
  for (const n of nodes) {
    adopt(n, doc);
    n[PARENT] = parent;
    if (i === kids.length) kids.push(n); else kids.splice(i, 0, n);
    i++;
  }
  bump(parent);
  childrenChanged(parent);
  if (!inert(doc) && connected(parent)) {
    const els = [];
    for (const n of nodes) elementsOf(n, els);
    if (els.length) connectedSteps(els);
  }
}
function connectedSteps(els) {
  const f = host.nodeInserted;
  if (typeof f !== "function") return;
  // A callback may run script that moves things around: skip elements no longer connected.
  for (let i = 0; i < els.length; i++) if (i === 0 || connected(els[i])) f(els[i]);
}
function removeNode(node) {
  const parent = node[PARENT];
  const kids = parent[KIDS];
  const i = kids.indexOf(node);
  const wasConnected = !inert(parent[DOC]) && connected(parent);
  kids.splice(i, 1);
  node[PARENT] = null;
  bump(parent);
  childrenChanged(parent);
  if (wasConnected && typeof host.nodeRemoved === "function") {
    const els = elementsOf(node, []);
    for (const el of els) host.nodeRemoved(el);
  }
}
function replaceAll(node, parent) {
  const kids = parent[KIDS];
  while (kids.length) removeNode(kids[0]);
  if (node) insert(node, parent, null);
}
function preInsert(node, parent, child, method) {
  ensurePreInsert(node, parent, child, method);
  let ref = child;
  if (ref === node) ref = sibling(node, 1);
  insert(node, parent, ref);
  return node;
}
function appendRaw(parent, node) {  // no checks, no callbacks (building detached trees)
  node[PARENT] = parent;
  parent[KIDS].push(node);
}
// "children changed steps": a connected, not-yet-started script element whose text appears.
function childrenChanged(parent) {
  if (parent[TYPE] === 1 && parent[NAME] === "script" && !parent[NS]) maybeRunScript(parent);
}
// Turns the arguments of append()/prepend()/before()/after()/replaceWith() into one node.
function convertNodes(doc, args) {
  if (args.length === 1 && isNode(args[0])) return args[0];
  const frag = makeFragment(doc);
  for (const a of args) insert(isNode(a) ? a : makeText(doc, String(a)), frag, null);
  return frag;
}

members(Node, {
  __proto__: EventTarget.prototype,
  get nodeType() { return this[TYPE]; },
  get nodeName() { return nodeName(this); },
  get baseURI() { return typeof host.baseURL === "function" ? host.baseURL() : documentURL(this[DOC]); },
  get isConnected() { return connected(this); },
  get ownerDocument() { return this[TYPE] === 9 ? null : this[DOC]; },
  get parentNode() { return this[PARENT]; },
  get parentElement() { const p = this[PARENT]; return p && p[TYPE] === 1 ? p : null; },
  get childNodes() {
    const kids = this[KIDS];
    return cached(this, "childNodes", () => collection(proto("NodeList"), { get: kids ? () => kids : () => [] }));
  },
  get firstChild() { const k = this[KIDS]; return k && k.length ? k[0] : null; },
  get lastChild() { const k = this[KIDS]; return k && k.length ? k[k.length - 1] : null; },
  get previousSibling() { return sibling(this, -1); },
  get nextSibling() { return sibling(this, 1); },
  get nodeValue() { const t = this[TYPE]; return t === 3 || t === 4 || t === 8 || t === 2 || t === 7 ? this[DATA] : null; },
  set nodeValue(v) {
    const t = this[TYPE];
    v = v === null ? "" : String(v);
    if (t === 2) this.value = v; else if (t === 3 || t === 4 || t === 8 || t === 7) replaceData(this, 0, this[DATA].length, v);
  },
  get textContent() {
    const t = this[TYPE];
    if (t === 1 || t === 11) return textOf(this);
    if (t === 3 || t === 4 || t === 8 || t === 2 || t === 7) return this[DATA];
    return null;
  },
  set textContent(v) {
    const t = this[TYPE];
    v = v === null ? "" : String(v);
    if (t === 1 || t === 11) replaceAll(v === "" ? null : makeText(this[DOC], v), this);
    else if (t === 2) this.value = v;
    else if (t === 3 || t === 4 || t === 8 || t === 7) replaceData(this, 0, this[DATA].length, v);
  },
  hasChildNodes() { const k = this[KIDS]; return !!(k && k.length); },
  getRootNode() { return rootOf(this); },
  contains(other) {
    if (other == null) return false;
    for (let n = checkNode(other, "contains"); n; n = n[PARENT]) if (n === this) return true;
    return false;
  },
  isSameNode(other) { return this === other; },
  isEqualNode(other) { return other != null && equalNodes(this, checkNode(other, "isEqualNode")); },
  compareDocumentPosition(other) { return comparePosition(this, checkNode(other, "compareDocumentPosition")); },
  lookupNamespaceURI() { return null; },
  lookupPrefix() { return null; },
  isDefaultNamespace(ns) { return ns === HTML_NS && this[TYPE] === 1; },
  normalize() {
    const kids = this[KIDS];
    if (!kids) return;
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i];
      if (c[TYPE] === 3) {
        let s = c[DATA];
        while (i + 1 < kids.length && kids[i + 1][TYPE] === 3) { s += kids[i + 1][DATA]; removeNode(kids[i + 1]); }
        if (s === "") { removeNode(c); i--; } else if (s !== c[DATA]) replaceData(c, 0, c[DATA].length, s);
      } else if (c[KIDS]) c.normalize();
    }
  },
  cloneNode(deep) { return cloneNode(this, this[DOC], !!deep); },
  appendChild(node) {
    needArgs("Node", "appendChild", 1, arguments.length);
    return preInsert(checkNode(node, "appendChild"), this, null, "appendChild");
  },
  insertBefore(node, child) {
    needArgs("Node", "insertBefore", 2, arguments.length);
    checkNode(node, "insertBefore");
    if (child != null) checkNode(child, "insertBefore", 2);
    return preInsert(node, this, child == null ? null : child, "insertBefore");
  },
  removeChild(child) {
    needArgs("Node", "removeChild", 1, arguments.length);
    checkNode(child, "removeChild");
    if (child[PARENT] !== this) {
      throw domError(failed("removeChild", "Node", "The node to be removed is not a child of this node."), "NotFoundError");
    }
    removeNode(child);
    return child;
  },
  replaceChild(node, child) {
    needArgs("Node", "replaceChild", 2, arguments.length);
    checkNode(node, "replaceChild"); checkNode(child, "replaceChild", 2);
    const pt = this[TYPE], nt = node[TYPE];
    if (pt !== 9 && pt !== 11 && pt !== 1) throw hierarchyError("replaceChild", "This node type does not support this method.");
    for (let p = this; p; p = p[PARENT]) if (p === node) throw hierarchyError("replaceChild", "The new child element contains the parent.");
    if (child[PARENT] !== this) throw domError(failed("replaceChild", "Node", "The node to be replaced is not a child of this node."), "NotFoundError");
    if (nt === 9 || nt === 2 || (nt === 3 && pt === 9) || (nt === 10 && pt !== 9)) {
      throw hierarchyError("replaceChild", "Nodes of type '" + nodeName(node) + "' may not be inserted inside nodes of type '" + nodeName(this) + "'.");
    }
    if (pt === 9) ensureDocumentChild(node, this, child, "replaceChild", true);
    let ref = sibling(child, 1);
    if (ref === node) ref = sibling(node, 1);
    if (node === child) return child;
    removeNode(child);
    insert(node, this, ref);
    return child;
  },
});

function equalNodes(a, b) {
  if (a[TYPE] !== b[TYPE]) return false;
  switch (a[TYPE]) {
    case 1:
      if (a[NAME] !== b[NAME] || a[NS] !== b[NS] || a[ATTRS].length !== b[ATTRS].length) return false;
      for (const at of a[ATTRS]) if (getAttr(b, at[NAME]) !== at[DATA]) return false;
      break;
    case 10: if (a[NAME] !== b[NAME] || a[DATA][0] !== b[DATA][0] || a[DATA][1] !== b[DATA][1]) return false; break;
    case 2: case 3: case 4: case 8: if (a[DATA] !== b[DATA] || a[NAME] !== b[NAME]) return false; break;
  }
  const ak = a[KIDS] || [], bk = b[KIDS] || [];
  if (ak.length !== bk.length) return false;
  for (let i = 0; i < ak.length; i++) if (!equalNodes(ak[i], bk[i])) return false;
  return true;
}
function ancestors(n) { const out = []; for (; n; n = n[PARENT]) out.unshift(n); return out; }
function comparePosition(ref, other) {
  if (ref === other) return 0;
  const a = ancestors(other), b = ancestors(ref);
  if (a[0] !== b[0]) return 1 | 32 | 4;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === b.length) return 16 | 4;  // other is a descendant of ref
  if (i === a.length) return 8 | 2;   // other is an ancestor of ref
  const kids = a[i - 1][KIDS];
  return kids.indexOf(a[i]) < kids.indexOf(b[i]) ? 2 : 4;
}
function cloneNode(node, doc, deep) {
  let c;
  switch (node[TYPE]) {
    case 1:
      c = createElement(doc, node[NAME], node[NS]);
      for (const a of node[ATTRS]) setAttrRaw(c, a[NAME], a[DATA]);
      if (node[STATE]) c[STATE] = Object.assign({}, node[STATE]);
      break;
    case 3: c = makeText(doc, node[DATA]); break;
    case 4: c = makeNode(proto("CDATASection"), 4, doc); c[DATA] = node[DATA]; break;
    case 8: c = makeComment(doc, node[DATA]); break;
    case 10: c = makeDoctype(doc, node[NAME], node[DATA][0], node[DATA][1]); break;
    case 11: c = makeFragment(doc); break;
    case 9: c = makeDocument(Object.getPrototypeOf(node), node[STATE].url, node[STATE].contentType, true); doc = c; break;
    case 2: c = makeAttr(doc, node[NAME], node[DATA]); break;
    default: illegal();
  }
  if (deep && node[KIDS]) for (const k of node[KIDS]) appendRaw(c, cloneNode(k, doc, true));
  return c;
}

// --- CharacterData, Text, Comment, DocumentType, DocumentFragment ---------------------------
const CharacterData = iface("CharacterData", Node);
function replaceData(node, offset, count, data) {
  const s = node[DATA], len = s.length;
  offset = Number(offset) >>> 0;
  if (offset > len) throw domError("Failed to execute 'replaceData' on 'CharacterData': The offset " + offset + " is greater than the node's length (" + len + ").", "IndexSizeError");
  count = Math.min(Number(count) >>> 0, len - offset);
  node[DATA] = s.slice(0, offset) + data + s.slice(offset + count);
  bump(node);
  if (node[PARENT]) childrenChanged(node[PARENT]);
}
members(CharacterData, {
  __proto__: Node.prototype,
  get data() { return this[DATA]; },
  set data(v) { replaceData(this, 0, this[DATA].length, v === null ? "" : String(v)); },
  get length() { return this[DATA].length; },
  substringData(offset, count) {
    offset = Number(offset) >>> 0;
    if (offset > this[DATA].length) throw domError("Failed to execute 'substringData' on 'CharacterData': The offset " + offset + " is greater than the node's length (" + this[DATA].length + ").", "IndexSizeError");
    return this[DATA].substr(offset, Number(count) >>> 0);
  },
  appendData(data) { replaceData(this, this[DATA].length, 0, String(data)); },
  insertData(offset, data) { replaceData(this, offset, 0, String(data)); },
  deleteData(offset, count) { replaceData(this, offset, count, ""); },
  replaceData(offset, count, data) { replaceData(this, offset, count, String(data)); },
  get previousElementSibling() { return elementSibling(this, -1); },
  get nextElementSibling() { return elementSibling(this, 1); },
});
const Text = iface("Text", CharacterData, function Text(data) {
  if (!new.target) illegal();
  const n = makeText(global.document, data === undefined ? "" : String(data));
  if (new.target !== Text) Object.setPrototypeOf(n, new.target.prototype);
  return n;
});
members(Text, {
  __proto__: CharacterData.prototype,
  splitText(offset) {
    offset = Number(offset) >>> 0;
    const s = this[DATA];
    if (offset > s.length) throw domError("Failed to execute 'splitText' on 'Text': The offset " + offset + " is larger than the Text node's length.", "IndexSizeError");
    const n = makeText(this[DOC], s.slice(offset));
    if (this[PARENT]) insert(n, this[PARENT], sibling(this, 1));
    replaceData(this, offset, s.length - offset, "");
    return n;
  },
  get wholeText() {
    const p = this[PARENT];
    if (!p) return this[DATA];
    const k = p[KIDS];
    let i = k.indexOf(this), j = i;
    while (i > 0 && k[i - 1][TYPE] === 3) i--;
    while (j + 1 < k.length && k[j + 1][TYPE] === 3) j++;
    return k.slice(i, j + 1).map((t) => t[DATA]).join("");
  },
  get assignedSlot() { return null; },
});
lazy("CDATASection", Text);
const Comment = iface("Comment", CharacterData, function Comment(data) {
  if (!new.target) illegal();
  const n = makeComment(global.document, data === undefined ? "" : String(data));
  if (new.target !== Comment) Object.setPrototypeOf(n, new.target.prototype);
  return n;
});
const DocumentType = iface("DocumentType", Node);
members(DocumentType, {
  __proto__: Node.prototype,
  get name() { return this[NAME]; },
  get publicId() { return this[DATA][0]; },
  get systemId() { return this[DATA][1]; },
});
const DocumentFragment = iface("DocumentFragment", Node, function DocumentFragment() {
  if (!new.target) illegal();
  const n = makeFragment(global.document);
  if (new.target !== DocumentFragment) Object.setPrototypeOf(n, new.target.prototype);
  return n;
});
// ChildNode (remove/before/after/replaceWith) for element, character data, doctype.
const childNodeMixin = {
  remove() { if (this[PARENT]) removeNode(this); },
  before(...nodes) {
    const p = this[PARENT];
    if (!p) return;
    let ref = sibling(this, -1);
    while (ref && nodes.includes(ref)) ref = sibling(ref, -1);
    const node = convertNodes(this[DOC], nodes);
    preInsert(node, p, ref ? sibling(ref, 1) : p[KIDS][0] || null, "before");
  },
  after(...nodes) {
    const p = this[PARENT];
    if (!p) return;
    let ref = sibling(this, 1);
    while (ref && nodes.includes(ref)) ref = sibling(ref, 1);
    preInsert(convertNodes(this[DOC], nodes), p, ref, "after");
  },
  replaceWith(...nodes) {
    const p = this[PARENT];
    if (!p) return;
    let ref = sibling(this, 1);
    while (ref && nodes.includes(ref)) ref = sibling(ref, 1);
    const node = convertNodes(this[DOC], nodes);
    if (this[PARENT] === p) p.replaceChild(node, this);
    else preInsert(node, p, ref, "replaceWith");
  },
};
def(CharacterData.prototype, childNodeMixin);
def(DocumentType.prototype, childNodeMixin);

// ---------------------------------------------------------------------------------------------
// Attributes. el[ATTRS] is an array of Attr nodes (name in NAME, value in DATA).

function makeAttr(doc, name, value) {
  const a = makeNode(proto("Attr"), 2, doc);
  a[NAME] = name; a[DATA] = value; a[OWNER] = null;
  return a;
}
lazy("Attr", Node, (p) => def(p, {
  get name() { return this[NAME]; },
  get localName() { return this[NAME]; },
  get namespaceURI() { return null; },
  get prefix() { return null; },
  get specified() { return true; },
  get ownerElement() { return this[OWNER]; },
  get value() { return this[DATA]; },
  set value(v) { v = String(v); if (this[OWNER]) setAttr(this[OWNER], this[NAME], v); else this[DATA] = v; },
}));
function getAttr(el, name) {
  const a = el[ATTRS];
  for (let i = 0; i < a.length; i++) if (a[i][NAME] === name) return a[i][DATA];
  return null;
}
const hasAttr = (el, name) => getAttr(el, name) !== null;
// Sets without notifying the engine (parser, cloning); still runs the element's own steps.
function setAttrRaw(el, name, value) {
  const a = el[ATTRS];
  for (let i = 0; i < a.length; i++) if (a[i][NAME] === name) { a[i][DATA] = value; return; }
  const at = makeAttr(el[DOC], name, value);
  at[OWNER] = el;
  a.push(at);
  attributeSteps(el, name, null, value);
}
function setAttr(el, name, value) {
  const a = el[ATTRS];
  let old = null, found = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i][NAME] === name) { old = a[i][DATA]; a[i][DATA] = value; found = true; break; }
  }
  if (!found) { const at = makeAttr(el[DOC], name, value); at[OWNER] = el; a.push(at); }
  attributeChanged(el, name, old, value);
}
function removeAttr(el, name) {
  const a = el[ATTRS];
  for (let i = 0; i < a.length; i++) {
    if (a[i][NAME] === name) {
      const old = a[i][DATA];
      a[i][OWNER] = null;
      a.splice(i, 1);
      attributeChanged(el, name, old, null);
      return true;
    }
  }
  return false;
}
function attributeChanged(el, name, old, value) {
  bump(el);
  attributeSteps(el, name, old, value);
  if (typeof host.attributeChanged === "function" && !inert(el[DOC]) && connected(el)) host.attributeChanged(el, name, old, value);
  if (name === "src" && el[NAME] === "script" && old === null && value !== null && !el[NS]) maybeRunScript(el);
}
// The element's own reactions to an attribute change (before the engine hears of it).
function attributeSteps(el, name, old, value) {
  if (el[NS]) return;
  if (name.length > 2 && name.charCodeAt(0) === 111 && name.charCodeAt(1) === 110) {  // "on..."
    const type = name.slice(2);
    if (!isHandlerName(type)) return;
    let target = el;
    if ((el[NAME] === "body" || el[NAME] === "frameset") && BODY_FORWARDED.has(type)) {
      target = windowOf(el[DOC]);
      if (!target) return;
    }
    setHandler(target, type, value === null ? null : { uncompiled: true, code: value });
  } else if (name === "style") {
    const c = el[CACHE];
    if (c && c.style) c.style[STATE].dirty = true;
  } else if (name === "async" && el[NAME] === "script" && el[STATE]) {
    el[STATE].forceAsync = false;
  }
}
const NAME_START = /^[A-Za-z_:\u00C0-\uFFFF]/;
const NAME_REST = /^[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]*$/;
const validName = (n) => NAME_START.test(n) && NAME_REST.test(n.slice(1));
function attrName(el, name, method) {
  name = String(name);
  if (!validName(name)) {
    throw domError(failed(method, "Element", "'" + name + "' is not a valid attribute name."), "InvalidCharacterError");
  }
  return el[NS] ? name : lower(name);
}

// ---------------------------------------------------------------------------------------------
// Elements.
const Element = iface("Element", Node);
lazy("HTMLUnknownElement", "HTMLElement");
// host.dom.elementClasses[tag]: the interface object for a tag (materialised on read); the engine
// may store its own subclass there, which createElement then uses.
const customClasses = Object.create(null);
const elementClasses = dom.elementClasses = new Proxy(customClasses, {
  get(t, k) { return typeof k === "string" ? classFor(k) : undefined; },
});
// Tags whose interface is HTMLElement itself (others without an entry are HTMLUnknownElement).
let PLAIN = null;
const PLAIN_TAGS = "abbr acronym address article aside b basefont bdi bdo big center cite code dd dfn dt em " +
  "figcaption figure footer header hgroup i kbd main mark nav nobr noembed noframes noscript plaintext rb rp rt " +
  "rtc ruby s samp search section small strike strong sub summary sup tt u var wbr";
function classFor(name) {
  const C = customClasses[name];
  if (C) return C;
  const short = ifaceOfTag(name);
  if (short) return I("HTML" + short + "Element");
  if (!PLAIN) PLAIN = new Set(PLAIN_TAGS.split(" "));
  return PLAIN.has(name) || /^[a-z][^A-Z]*-/.test(name) ? HTMLElement : I("HTMLUnknownElement");
}
// The engine's lazy preludes hang stubs on element interfaces without materialising them early.
dom.whenElementClassMade = function (tag, f) {
  tag = String(tag);
  if (Object.prototype.hasOwnProperty.call(customClasses, tag)) { const C = classFor(tag); f(C.prototype, C); return; }
  const short = ifaceOfTag(tag);
  if (!PLAIN) PLAIN = new Set(PLAIN_TAGS.split(" "));
  whenMade(short ? "HTML" + short + "Element" : PLAIN.has(tag) || /^[a-z][^A-Z]*-/.test(tag) ? "HTMLElement" : "HTMLUnknownElement", f);
};
function createElement(doc, name, ns) {
  const C = ns ? Element : classFor(name);
  const el = Object.create(C.prototype);
  el[TYPE] = 1; el[PARENT] = null; el[DOC] = doc; el[KIDS] = []; el[NAME] = name; el[ATTRS] = [];
  if (ns) el[NS] = ns;
  if (name === "script" && !ns) el[STATE] = { started: false, parserInserted: false, forceAsync: true };
  return el;
}
function elementChildren(node) {
  return cached(node, "children", () => htmlCollection(node, (n) => n[PARENT] === node));
}
// ParentNode mixin (elements, documents, fragments).
const parentNodeMixin = {
  get children() { return elementChildren(this); },
  get firstElementChild() { for (const k of this[KIDS]) if (k[TYPE] === 1) return k; return null; },
  get lastElementChild() { const k = this[KIDS]; for (let i = k.length - 1; i >= 0; i--) if (k[i][TYPE] === 1) return k[i]; return null; },
  get childElementCount() { let n = 0; for (const k of this[KIDS]) if (k[TYPE] === 1) n++; return n; },
  append(...nodes) { preInsert(convertNodes(this[DOC], nodes), this, null, "append"); },
  prepend(...nodes) { preInsert(convertNodes(this[DOC], nodes), this, this[KIDS][0] || null, "prepend"); },
  replaceChildren(...nodes) {
    const node = convertNodes(this[DOC], nodes);
    ensurePreInsert(node, this, null, "replaceChildren");
    replaceAll(node, this);
  },
  querySelector(selectors) {
    needArgs(ifaceName(this), "querySelector", 1, arguments.length);
    const sel = parseSelector(String(selectors), "querySelector", this);
    return querySelect(this, sel, true)[0] || null;
  },
  querySelectorAll(selectors) {
    needArgs(ifaceName(this), "querySelectorAll", 1, arguments.length);
    const sel = parseSelector(String(selectors), "querySelectorAll", this);
    return staticList(querySelect(this, sel, false));
  },
  getElementsByTagName(name) {
    name = String(name);
    const key = "tag:" + name;
    if (name === "*") return cached(this, key, () => htmlCollection(this, () => true));
    const l = lower(name);
    return cached(this, key, () => htmlCollection(this, (n) => (n[NS] ? n[NAME] === name : n[NAME] === l)));
  },
  getElementsByClassName(names) {
    const wanted = splitTokens(String(names));
    return cached(this, "class:" + wanted.join(" "), () => htmlCollection(this, (n) => {
      if (!wanted.length) return false;
      const c = getAttr(n, "class");
      if (c === null) return false;
      const have = splitTokens(c);
      return wanted.every((w) => have.includes(w));
    }));
  },
};
function ifaceName(n) { return n[TYPE] === 9 ? "Document" : n[TYPE] === 11 ? "DocumentFragment" : "Element"; }

members(Element, {
  __proto__: Node.prototype,
  get tagName() { return tagName(this); },
  get localName() { return this[NAME]; },
  get namespaceURI() { return this[NS] || HTML_NS; },
  get prefix() { return null; },
  get id() { return getAttr(this, "id") || ""; },
  set id(v) { setAttr(this, "id", String(v)); },
  get className() { return getAttr(this, "class") || ""; },
  set className(v) { setAttr(this, "class", String(v)); },
  get classList() { return tokenList(this, "class"); },
  set classList(v) { setAttr(this, "class", String(v)); },
  get slot() { return getAttr(this, "slot") || ""; },
  set slot(v) { setAttr(this, "slot", String(v)); },
  get attributes() {
    const el = this;
    return cached(this, "attributes", () => collection(proto("NamedNodeMap"), {
      get: () => el[ATTRS], el,
      named: (n) => { for (const a of el[ATTRS]) if (a[NAME] === (el[NS] ? n : lower(n))) return a; return null; },
    }));
  },
  hasAttributes() { return this[ATTRS].length > 0; },
  getAttributeNames() { return this[ATTRS].map((a) => a[NAME]); },
  getAttribute(name) {
    needArgs("Element", "getAttribute", 1, arguments.length);
    name = String(name);
    return getAttr(this, this[NS] ? name : lower(name));
  },
  getAttributeNS(ns, name) { return getAttr(this, String(name)); },
  hasAttribute(name) {
    needArgs("Element", "hasAttribute", 1, arguments.length);
    name = String(name);
    return getAttr(this, this[NS] ? name : lower(name)) !== null;
  },
  hasAttributeNS(ns, name) { return getAttr(this, String(name)) !== null; },
  setAttribute(name, value) {
    needArgs("Element", "setAttribute", 2, arguments.length);
    setAttr(this, attrName(this, name, "setAttribute"), String(value));
  },
  setAttributeNS(ns, name, value) {
    name = String(name);
    const i = name.indexOf(":");
    setAttr(this, attrName(this, i >= 0 ? name.slice(i + 1) : name, "setAttributeNS"), String(value));
  },
  removeAttribute(name) {
    needArgs("Element", "removeAttribute", 1, arguments.length);
    name = String(name);
    removeAttr(this, this[NS] ? name : lower(name));
  },
  removeAttributeNS(ns, name) { removeAttr(this, String(name)); },
  toggleAttribute(name, force) {
    const n = attrName(this, name, "toggleAttribute");
    const has = hasAttr(this, n);
    if (has && force !== true) { removeAttr(this, n); return false; }
    if (!has && (force === undefined || force)) { setAttr(this, n, ""); return true; }
    return has;
  },
  getAttributeNode(name) { return this.attributes.getNamedItem(name); },
  setAttributeNode(attr) { return this.attributes.setNamedItem(attr); },
  removeAttributeNode(attr) { return this.attributes.removeNamedItem(attr.name); },
  get previousElementSibling() { return elementSibling(this, -1); },
  get nextElementSibling() { return elementSibling(this, 1); },
  matches(selectors) {
    needArgs("Element", "matches", 1, arguments.length);
    return matchesList(this, parseSelector(String(selectors), "matches", this), this);
  },
  webkitMatchesSelector(selectors) { return matchesList(this, parseSelector(String(selectors), "webkitMatchesSelector", this), this); },
  closest(selectors) {
    needArgs("Element", "closest", 1, arguments.length);
    const sel = parseSelector(String(selectors), "closest", this);
    for (let n = this; n && n[TYPE] === 1; n = n[PARENT]) if (matchesList(n, sel, this)) return n;
    return null;
  },
  get innerHTML() { return serializeChildren(this); },
  set innerHTML(html) {
    const frag = parseFragment(this, html === null ? "" : String(html));
    replaceAll(frag, this);
  },
  get outerHTML() { const out = []; serializeNode(this, out, null); return out.join(""); },
  set outerHTML(html) {
    const p = this[PARENT];
    if (!p) return;
    if (p[TYPE] === 9) {
      throw domError("Failed to set the 'outerHTML' property on 'Element': This element's parent is of type '#document'.", "NoModificationAllowedError");
    }
    const ctx = p[TYPE] === 11 ? createElement(this[DOC], "body") : p;
    const frag = parseFragment(ctx, html === null ? "" : String(html));
    p.replaceChild(frag, this);
  },
  insertAdjacentHTML(position, html) {
    needArgs("Element", "insertAdjacentHTML", 2, arguments.length);
    const where = adjacentPosition(position, "insertAdjacentHTML");
    let ctx = this;
    if (where === "beforebegin" || where === "afterend") {
      ctx = this[PARENT];
      if (!ctx || ctx[TYPE] === 9) throw domError(failed("insertAdjacentHTML", "Element", "The element has no parent."), "NoModificationAllowedError");
    }
    if (ctx[TYPE] !== 1 || ctx[NAME] === "html") ctx = createElement(this[DOC], "body");
    insertAdjacent(this, where, parseFragment(ctx, String(html)));
  },
  insertAdjacentElement(position, el) {
    const where = adjacentPosition(position, "insertAdjacentElement");
    if (!isNode(el) || el[TYPE] !== 1) throw new TypeError(failed("insertAdjacentElement", "Element", "parameter 2 is not of type 'Element'."));
    return insertAdjacent(this, where, el);
  },
  insertAdjacentText(position, text) {
    insertAdjacent(this, adjacentPosition(position, "insertAdjacentText"), makeText(this[DOC], String(text)));
  },
  getBoundingClientRect() { return rect(); },
  getClientRects() { return []; },
  scrollIntoView() {}, scroll() {}, scrollTo() {}, scrollBy() {},
  get clientTop() { return 0; }, get clientLeft() { return 0; }, get clientWidth() { return 0; }, get clientHeight() { return 0; },
  get scrollTop() { return 0; }, set scrollTop(v) {}, get scrollLeft() { return 0; }, set scrollLeft(v) {},
  get scrollWidth() { return 0; }, get scrollHeight() { return 0; },
  get shadowRoot() { return null; },
  attachShadow() { throw domError(failed("attachShadow", "Element", "This element does not support attachShadow"), "NotSupportedError"); },
});
def(Element.prototype, parentNodeMixin);
def(Element.prototype, childNodeMixin);
const HTMLElement = iface("HTMLElement", Element);
function rect() {
  return { x: 0, y: 0, width: 0, height: 0, top: 0, right: 0, bottom: 0, left: 0, toJSON() { return Object.assign({}, this); } };
}
function adjacentPosition(p, method) {
  const w = lower(String(p));
  if (w === "beforebegin" || w === "afterbegin" || w === "beforeend" || w === "afterend") return w;
  throw domError(failed(method, "Element", "The value provided ('" + p + "') is not one of 'beforeBegin', 'afterBegin', 'beforeEnd', or 'afterEnd'."), "SyntaxError");
}
function insertAdjacent(el, where, node) {
  switch (where) {
    case "beforebegin": if (!el[PARENT]) return null; preInsert(node, el[PARENT], el, "insertAdjacentElement"); break;
    case "afterbegin": preInsert(node, el, el[KIDS][0] || null, "insertAdjacentElement"); break;
    case "beforeend": preInsert(node, el, null, "insertAdjacentElement"); break;
    case "afterend": if (!el[PARENT]) return null; preInsert(node, el[PARENT], sibling(el, 1), "insertAdjacentElement"); break;
  }
  return node;
}

lazy("NamedNodeMap", null, (p) => {
def(p, {
  get length() { return items(this).length; },
  item(i) { return items(this)[Number(i) >>> 0] || null; },
  getNamedItem(name) { return this[COLL].named(String(name)); },
  getNamedItemNS(ns, name) { return this[COLL].named(String(name)); },
  setNamedItem(attr) {
    const el = this[COLL].el;
    if (!isNode(attr) || attr[TYPE] !== 2) throw new TypeError(failed("setNamedItem", "NamedNodeMap", "parameter 1 is not of type 'Attr'."));
    if (attr[OWNER] && attr[OWNER] !== el) throw domError(failed("setNamedItem", "NamedNodeMap", "The node provided is an attribute node that is already an attribute of another Element; attribute nodes must be explicitly cloned."), "InUseAttributeError");
    const old = this[COLL].named(attr[NAME]);
    if (old === attr) return attr;
    if (old) { old[OWNER] = null; el[ATTRS].splice(el[ATTRS].indexOf(old), 1); }
    attr[OWNER] = el;
    el[ATTRS].push(attr);
    attributeChanged(el, attr[NAME], old ? old[DATA] : null, attr[DATA]);
    return old;
  },
  removeNamedItem(name) {
    const a = this[COLL].named(String(name));
    if (!a) throw domError(failed("removeNamedItem", "NamedNodeMap", "No item with name '" + name + "' was found."), "NotFoundError");
    removeAttr(this[COLL].el, a[NAME]);
    return a;
  },
});
Object.defineProperty(p, Symbol.iterator, { value: Array.prototype.values, writable: true, configurable: true });
});

// DOMTokenList over an attribute (classList, relList, iframe.sandbox).
const SANDBOX_TOKENS = "allow-downloads allow-forms allow-modals allow-orientation-lock allow-pointer-lock allow-popups " +
  "allow-popups-to-escape-sandbox allow-presentation allow-same-origin allow-scripts " +
  "allow-storage-access-by-user-activation allow-top-navigation allow-top-navigation-by-user-activation " +
  "allow-top-navigation-to-custom-protocols";
const REL_TOKENS = "alternate dns-prefetch icon manifest modulepreload next pingback preconnect prefetch preload " +
  "search stylesheet noopener noreferrer opener";
function tokenList(el, attr, supported) {
  return cached(el, "tokens:" + attr, () => {
    const state = {
      el, attr, supported,
      get() { const v = getAttr(el, attr); return v === null ? [] : [...new Set(splitTokens(v))]; },
    };
    return collection(proto("DOMTokenList"), state);
  });
}
function checkToken(t, method) {
  t = String(t);
  if (t === "") throw domError(failed(method, "DOMTokenList", "The token provided must not be empty."), "SyntaxError");
  if (/[\t\n\f\r ]/.test(t)) throw domError(failed(method, "DOMTokenList", "The token provided ('" + t + "') contains HTML space characters, which are not valid in tokens."), "InvalidCharacterError");
  return t;
}
function writeTokens(list, tokens) {
  const s = list[COLL];
  if (getAttr(s.el, s.attr) === null && tokens.length === 0) return;
  setAttr(s.el, s.attr, tokens.join(" "));
}
lazy("DOMTokenList", null, (p) => {
def(p, {
  get length() { return items(this).length; },
  item(i) { const v = items(this)[Number(i) >>> 0]; return v === undefined ? null : v; },
  contains(t) { return items(this).includes(String(t)); },
  add(...tokens) {
    tokens = tokens.map((t) => checkToken(t, "add"));
    const cur = items(this);
    for (const t of tokens) if (!cur.includes(t)) cur.push(t);
    writeTokens(this, cur);
  },
  remove(...tokens) {
    tokens = tokens.map((t) => checkToken(t, "remove"));
    writeTokens(this, items(this).filter((t) => !tokens.includes(t)));
  },
  toggle(token, force) {
    const t = checkToken(token, "toggle");
    const cur = items(this);
    if (cur.includes(t)) {
      if (force === undefined || !force) { writeTokens(this, cur.filter((x) => x !== t)); return false; }
      return true;
    }
    if (force === undefined || force) { cur.push(t); writeTokens(this, cur); return true; }
    return false;
  },
  replace(token, newToken) {
    const a = checkToken(token, "replace"), b = checkToken(newToken, "replace");
    const cur = items(this);
    const i = cur.indexOf(a);
    if (i < 0) return false;
    writeTokens(this, [...new Set(cur.map((t) => (t === a ? b : t)))]);
    return true;
  },
  supports(token) {
    const s = this[COLL].supported;
    if (!s) throw new TypeError(failed("supports", "DOMTokenList", "DOMTokenList has no supported tokens."));
    return s.split(" ").includes(lower(String(token)));
  },
  get value() { return getAttr(this[COLL].el, this[COLL].attr) || ""; },
  set value(v) { setAttr(this[COLL].el, this[COLL].attr, String(v)); },
  toString() { return getAttr(this[COLL].el, this[COLL].attr) || ""; },
});
iterators(p);
});

// ---------------------------------------------------------------------------------------------
// Reflected attributes. Spec strings: "prop" | "prop:kind" | "prop=attr:kind"; kinds:
// str (default), bool, url, cors (nullable enumerated crossorigin), int/<default>, uint/<default>.
function resolveURL(el, v) {
  if (v === "") return "";
  const r = typeof host.resolveURL === "function" ? host.resolveURL(v) : null;
  return r == null ? v : r;
}
function parseInteger(v) {
  const m = /^[\t\n\f\r ]*([-+]?\d+)/.exec(v);
  if (!m) return null;
  const n = parseInt(m[1], 10);
  return n >= -2147483648 && n <= 2147483647 ? n : null;
}
function reflect(proto, spec) {
  for (const item of spec.split(" ")) {
    let [prop, kind] = item.split(":");
    let attr = lower(prop);
    const eq = prop.indexOf("=");
    if (eq >= 0) { attr = prop.slice(eq + 1); prop = prop.slice(0, eq); }
    const arg = kind && kind.includes("/") ? kind.split("/")[1] : undefined;
    if (arg !== undefined) kind = kind.split("/")[0];
    let get, set = function (v) { setAttr(this, attr, String(v)); };
    switch (kind || "str") {
      case "str": get = function () { const v = getAttr(this, attr); return v === null ? "" : v; }; break;
      case "bool":
        get = function () { return getAttr(this, attr) !== null; };
        set = function (v) { if (v) setAttr(this, attr, ""); else removeAttr(this, attr); };
        break;
      case "url": get = function () { const v = getAttr(this, attr); return v === null ? "" : resolveURL(this, v); }; break;
      case "cors":
        get = function () {
          const v = getAttr(this, attr);
          if (v === null) return null;
          return lower(v) === "use-credentials" ? "use-credentials" : "anonymous";
        };
        set = function (v) { if (v === null) removeAttr(this, attr); else setAttr(this, attr, String(v)); };
        break;
      case "int": {
        const d = Number(arg) || 0;
        get = function () { const v = getAttr(this, attr); const n = v === null ? null : parseInteger(v); return n === null ? d : n; };
        set = function (v) { setAttr(this, attr, String(v | 0)); };
        break;
      }
      case "uint": {
        const d = Number(arg) || 0;
        get = function () { const v = getAttr(this, attr); const n = v === null ? null : parseInteger(v); return n === null || n < 0 ? d : n; };
        set = function (v) { setAttr(this, attr, String(Math.max(0, Number(v) >>> 0 > 2147483647 ? d : Number(v) >>> 0))); };
        break;
      }
    }
    Object.defineProperty(proto, prop, { get, set, enumerable: true, configurable: true });
  }
}
function enumerated(proto, prop, attr, values, missing, invalid) {
  const list = values.split(" ");
  Object.defineProperty(proto, prop, {
    get() {
      const v = getAttr(this, attr);
      if (v === null) return missing;
      const l = lower(v);
      return list.includes(l) ? l : invalid;
    },
    set(v) { setAttr(this, attr, String(v)); },
    enumerable: true, configurable: true,
  });
}

// --- HTMLElement --------------------------------------------------------------------------
const FOCUSABLE = new Set(["a", "area", "button", "input", "select", "textarea", "iframe", "summary"]);
const strAttr = (el, name) => { const v = getAttr(el, name); return v === null ? "" : v; };
members(HTMLElement, {
  __proto__: Element.prototype,
  get title() { return strAttr(this, "title"); }, set title(v) { setAttr(this, "title", String(v)); },
  get lang() { return strAttr(this, "lang"); }, set lang(v) { setAttr(this, "lang", String(v)); },
  get accessKey() { return strAttr(this, "accesskey"); }, set accessKey(v) { setAttr(this, "accesskey", String(v)); },
  get nonce() { return strAttr(this, "nonce"); }, set nonce(v) { setAttr(this, "nonce", String(v)); },
  get translate() { return getAttr(this, "translate") !== "no"; }, set translate(v) { setAttr(this, "translate", v ? "yes" : "no"); },
  get hidden() { return hasAttr(this, "hidden"); }, set hidden(v) { if (v) setAttr(this, "hidden", ""); else removeAttr(this, "hidden"); },
  get inert() { return hasAttr(this, "inert"); }, set inert(v) { if (v) setAttr(this, "inert", ""); else removeAttr(this, "inert"); },
  get autofocus() { return hasAttr(this, "autofocus"); }, set autofocus(v) { if (v) setAttr(this, "autofocus", ""); else removeAttr(this, "autofocus"); },
  get dir() { const v = lower(strAttr(this, "dir")); return v === "ltr" || v === "rtl" || v === "auto" ? v : ""; },
  set dir(v) { setAttr(this, "dir", String(v)); },
  get tabIndex() {
    const v = getAttr(this, "tabindex");
    const n = v === null ? null : parseInteger(v);
    return n !== null ? n : FOCUSABLE.has(this[NAME]) ? 0 : -1;
  },
  set tabIndex(v) { setAttr(this, "tabindex", String(v | 0)); },
  get dataset() { return cached(this, "dataset", () => makeDataset(this)); },
  get style() { return cached(this, "style", () => makeStyle(this)); },
  set style(v) { setAttr(this, "style", String(v)); },
  get innerText() { return renderedText(this); },
  set innerText(v) { setRenderedText(this, v); },
  get outerText() { return renderedText(this); },
  get offsetParent() { return null; },
  get offsetTop() { return 0; }, get offsetLeft() { return 0; }, get offsetWidth() { return 0; }, get offsetHeight() { return 0; },
  get isContentEditable() { return false; },
  get contentEditable() { return "inherit"; },
  get draggable() { return this[NAME] === "img" || (this[NAME] === "a" && hasAttr(this, "href")); },
  get spellcheck() { return true; },
  focus() {
    if (!connected(this)) return;
    const st = this[DOC][STATE];
    if (st) st.active = this;
  },
  blur() { const st = this[DOC][STATE]; if (st && st.active === this) st.active = null; },
  click() { activate(this); },
});
defineEventHandlers(HTMLElement.prototype);

function renderedText(el) {
  let s = "";
  (function walk(n) {
    for (const c of n[KIDS]) {
      if (c[TYPE] === 3) s += c[DATA];
      else if (c[TYPE] === 1) {
        const name = c[NAME];
        if (name === "br") s += "\n";
        else if (name !== "script" && name !== "style" && name !== "template" && name !== "noscript" && name !== "head") walk(c);
      }
    }
  })(el);
  return s;
}
function setRenderedText(el, v) {
  v = v === null ? "" : String(v);
  const frag = makeFragment(el[DOC]);
  const lines = v.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    if (i > 0) appendRaw(frag, createElement(el[DOC], "br"));
    if (line) appendRaw(frag, makeText(el[DOC], line));
  });
  replaceAll(frag, el);
}

// dataset: a Proxy mapping camelCase names to data-* attributes.
lazy("DOMStringMap", null);
const dataAttr = (k) => "data-" + k.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
const dataKey = (a) => a.slice(5).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
function makeDataset(el) {
  const t = Object.create(proto("DOMStringMap"));
  const present = (k) => typeof k === "string" && getAttr(el, dataAttr(k)) !== null;
  return new Proxy(t, {
    get(t, k, r) { if (present(k)) return getAttr(el, dataAttr(k)); return Reflect.get(t, k, r); },
    set(t, k, v, r) {
      if (typeof k !== "string") return Reflect.set(t, k, v, r);
      if (/-[a-z]/.test(k)) throw domError("Failed to set a named property '" + k + "' on 'DOMStringMap': '" + k + "' is not a valid property name.", "SyntaxError");
      setAttr(el, dataAttr(k), String(v));
      return true;
    },
    deleteProperty(t, k) { if (typeof k === "string") removeAttr(el, dataAttr(k)); return true; },
    has(t, k) { return present(k) || Reflect.has(t, k); },
    ownKeys(t) {
      const keys = el[ATTRS].map((a) => a[NAME]).filter((n) => n.startsWith("data-") && !/[A-Z]/.test(n)).map(dataKey);
      return keys.concat(Reflect.ownKeys(t));
    },
    getOwnPropertyDescriptor(t, k) {
      if (present(k)) return { value: getAttr(el, dataAttr(k)), writable: true, enumerable: true, configurable: true };
      return Reflect.getOwnPropertyDescriptor(t, k);
    },
    defineProperty(t, k, d) { if (typeof k === "string" && "value" in d) { setAttr(el, dataAttr(k), String(d.value)); return true; } return false; },
  });
}

// style: a CSSStyleDeclaration kept in sync with the style attribute (both directions).

const cssName = (k) => k === "cssFloat" ? "float" : k.startsWith("--") ? k
  : k.replace(/^(webkit|moz|ms)(?=[A-Z])/, "-$1").replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
function parseDeclarations(text) {
  const out = [];
  let depth = 0, quote = "", start = 0;
  const parts = [];
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (i === text.length || (c === ";" && !quote && depth === 0)) { parts.push(text.slice(start, i)); start = i + 1; continue; }
    if (quote) { if (c === quote) quote = ""; } else if (c === "\"" || c === "'") quote = c;
    else if (c === "(") depth++; else if (c === ")") depth--;
  }
  for (const p of parts) {
    const i = p.indexOf(":");
    if (i < 0) continue;
    let name = p.slice(0, i).trim(), value = p.slice(i + 1).trim(), important = false;
    if (!name || !value) continue;
    if (!name.startsWith("--")) name = lower(name);
    const m = /!\s*important\s*$/i.exec(value);
    if (m) { important = true; value = value.slice(0, m.index).trim(); }
    const j = out.findIndex((d) => d[0] === name);
    if (j >= 0) out.splice(j, 1);
    out.push([name, value, important]);
  }
  return out;
}
function declarations(style) {
  const st = style[STATE];
  if (st.dirty) { st.decls = parseDeclarations(getAttr(st.el, "style") || ""); st.dirty = false; }
  return st.decls;
}
function writeStyle(style) {
  const st = style[STATE];
  const text = st.decls.map((d) => d[0] + ": " + d[1] + (d[2] ? " !important" : "") + ";").join(" ");
  setAttr(st.el, "style", text);
  st.dirty = false;
}
lazy("CSSStyleDeclaration", null, (p) => def(p, {
  get length() { return declarations(this).length; },
  item(i) { const d = declarations(this)[Number(i) >>> 0]; return d ? d[0] : ""; },
  getPropertyValue(name) { const d = declarations(this).find((x) => x[0] === String(name)); return d ? d[1] : ""; },
  getPropertyPriority(name) { const d = declarations(this).find((x) => x[0] === String(name)); return d && d[2] ? "important" : ""; },
  setProperty(name, value, priority) {
    name = String(name);
    if (!name.startsWith("--")) name = lower(name);
    if (value === null || value === undefined || String(value) === "") { this.removeProperty(name); return; }
    const decls = declarations(this);
    const d = decls.find((x) => x[0] === name);
    const important = lower(String(priority || "")) === "important";
    if (d) { d[1] = String(value).trim(); d[2] = important; } else decls.push([name, String(value).trim(), important]);
    writeStyle(this);
  },
  removeProperty(name) {
    name = String(name);
    const decls = declarations(this);
    const i = decls.findIndex((x) => x[0] === name);
    if (i < 0) return "";
    const v = decls[i][1];
    decls.splice(i, 1);
    writeStyle(this);
    return v;
  },
  get cssText() {
    return declarations(this).map((d) => d[0] + ": " + d[1] + (d[2] ? " !important" : "") + ";").join(" ");
  },
  set cssText(v) { this[STATE].decls = parseDeclarations(String(v)); writeStyle(this); },
  get cssFloat() { return this.getPropertyValue("float"); },
  set cssFloat(v) { this.setProperty("float", v); },
  get parentRule() { return null; },
}));
function makeStyle(el) {
  const t = Object.create(proto("CSSStyleDeclaration"));
  Object.defineProperty(t, STATE, { value: { el, decls: [], dirty: true } });
  return new Proxy(t, {
    get(t, k, r) {
      if (typeof k !== "string" || k in t) return Reflect.get(t, k, r);
      const i = indexOf(k);
      if (i >= 0) return t.item(i) || undefined;
      return t.getPropertyValue(cssName(k));
    },
    set(t, k, v, r) {
      if (typeof k !== "string" || k in t) return Reflect.set(t, k, v, r);
      t.setProperty(cssName(k), v == null ? "" : String(v));
      return true;
    },
  });
}

// Activation behaviour of click(). https://html.spec.whatwg.org/#dom-click
function activate(el) {
  const st = el[STATE] || (el[STATE] = {});
  if (st.clicking || isDisabledControl(el)) return;
  st.clicking = true;
  try {
    let undo = null;
    if (el[NAME] === "input") {
      const type = el.type;
      if (type === "checkbox") { const was = el.checked; el.checked = !was; undo = () => { el.checked = was; }; }
      else if (type === "radio") { const was = el.checked; el.checked = true; undo = () => { el.checked = was; }; }
    }
    // click() fires an untrusted event (isTrusted false), as browsers do.
    const ok = fire(el, "click", { bubbles: true, cancelable: true, composed: true, view: windowOf(el[DOC]) || null,
      detail: 0, pointerId: -1, interface: "PointerEvent" }, true);
    if (!ok) { if (undo) undo(); return; }
    if (!connected(el)) return;
    if (undo) {
      fire(el, "input", { bubbles: true, composed: true });
      fire(el, "change", { bubbles: true });
      return;
    }
    const name = el[NAME];
    if ((name === "a" || name === "area") && hasAttr(el, "href")) {
      if (typeof host.followHyperlink === "function") host.followHyperlink(el);
    } else if (isSubmitButton(el)) {
      const form = formOwner(el);
      if (form) submitForm(form, el);
    } else if ((name === "button" && el.type === "reset") || (name === "input" && el.type === "reset")) {
      const form = formOwner(el);
      if (form) form.reset();
    }
  } finally {
    st.clicking = false;
  }
}
function isSubmitButton(el) {
  if (el[NAME] === "button") return el.type === "submit";
  if (el[NAME] === "input") { const t = el.type; return t === "submit" || t === "image"; }
  return false;
}
function isDisabledControl(el) {
  const n = el[NAME];
  if (n !== "button" && n !== "input" && n !== "select" && n !== "textarea" && n !== "option" && n !== "fieldset") return false;
  if (hasAttr(el, "disabled")) return true;
  for (let p = el[PARENT]; p && p[TYPE] === 1; p = p[PARENT]) if (p[NAME] === "fieldset" && hasAttr(p, "disabled")) return true;
  return false;
}

// --- element interfaces ----------------------------------------------------------------------
// tag -> interface short name ("X" stands for HTMLXElement).
const TAGS = "a:Anchor area:Area audio:Audio base:Base blockquote:Quote q:Quote body:Body br:BR button:Button " +
  "canvas:Canvas caption:TableCaption col:TableCol colgroup:TableCol data:Data datalist:DataList " +
  "del:Mod ins:Mod details:Details dialog:Dialog div:Div dl:DList embed:Embed fieldset:FieldSet " +
  "form:Form h1:Heading h2:Heading h3:Heading h4:Heading h5:Heading h6:Heading head:Head hr:HR " +
  "html:Html iframe:IFrame img:Image input:Input label:Label legend:Legend li:LI link:Link map:Map " +
  "menu:Menu meta:Meta meter:Meter object:Object ol:OList optgroup:OptGroup option:Option " +
  "output:Output p:Paragraph picture:Picture pre:Pre listing:Pre xmp:Pre progress:Progress " +
  "script:Script select:Select slot:Slot source:Source span:Span style:Style table:Table " +
  "tbody:TableSection thead:TableSection tfoot:TableSection td:TableCell th:TableCell " +
  "template:Template textarea:TextArea time:Time title:Title tr:TableRow track:Track ul:UList " +
  "video:Video frame:Frame frameset:FrameSet marquee:Marquee param:Param font:Font dir:Directory";
let tagIface = null;  // Map tag -> interface short name, built on first use
function ifaceOfTag(tag) {
  if (!tagIface) {
    tagIface = new Map();
    for (const e of TAGS.split(" ")) { const i = e.indexOf(":"); tagIface.set(e.slice(0, i), e.slice(i + 1)); }
  }
  return tagIface.get(tag);
}
lazy("HTMLMediaElement", HTMLElement, elementMembers);
for (const short of ["Anchor", "Area", "Audio", "Base", "Quote", "Body", "BR", "Button", "Canvas", "TableCaption",
  "TableCol", "Data", "DataList", "Mod", "Details", "Dialog", "Div", "DList", "Embed", "FieldSet", "Form",
  "Heading", "Head", "HR", "Html", "IFrame", "Image", "Input", "Label", "Legend", "LI", "Link", "Map", "Menu",
  "Meta", "Meter", "Object", "OList", "OptGroup", "Option", "Output", "Paragraph", "Picture", "Pre", "Progress",
  "Script", "Select", "Slot", "Source", "Span", "Style", "Table", "TableSection", "TableCell", "Template",
  "TextArea", "Time", "Title", "TableRow", "Track", "UList", "Video", "Frame", "FrameSet", "Marquee", "Param",
  "Font", "Directory"]) {
  lazy("HTML" + short + "Element", short === "Audio" || short === "Video" ? "HTMLMediaElement" : HTMLElement, elementMembers);
}


// <iframe> https://html.spec.whatwg.org/#the-iframe-element
// Members of the element interfaces, defined when an interface is materialised (see I()).
function elementMembers(p, C, name) {
  switch (name) {
    case "HTMLIFrameElement": {
      reflect(p, "src:url srcdoc name allow allowFullscreen:bool width height referrerPolicy loading credentialless:bool csp");
      def(p, {
        get sandbox() { return tokenList(this, "sandbox", SANDBOX_TOKENS); },
        set sandbox(v) { setAttr(this, "sandbox", String(v)); },
        get contentWindow() { return typeof host.contentWindow === "function" && !inert(this[DOC]) ? host.contentWindow(this) : null; },
        get contentDocument() { return typeof host.contentDocument === "function" && !inert(this[DOC]) ? host.contentDocument(this) : null; },
        getSVGDocument() { return null; },
      });
      break;
    }
    case "HTMLFrameElement": {
      reflect(p, "src:url name scrolling frameBorder longDesc:url noResize:bool marginHeight marginWidth");
      def(p, {
        get contentWindow() { return typeof host.contentWindow === "function" && !inert(this[DOC]) ? host.contentWindow(this) : null; },
        get contentDocument() { return typeof host.contentDocument === "function" && !inert(this[DOC]) ? host.contentDocument(this) : null; },
      });
      break;
    }
    case "HTMLObjectElement": {
      reflect(p, "data:url type name width height useMap");
      def(p, { get contentDocument() { return null; }, get contentWindow() { return null; }, get form() { return formOwner(this); } });
      break;
    }
    case "HTMLEmbedElement": {
      reflect(p, "src:url type width height name align");
      break;
    }
    case "HTMLScriptElement": {
      reflect(p, "src:url type charset defer:bool crossOrigin:cors noModule:bool integrity referrerPolicy event htmlFor=for");
      def(p, {
        get async() { const st = scriptState(this); return st.forceAsync || hasAttr(this, "async"); },
        set async(v) { scriptState(this).forceAsync = false; if (v) setAttr(this, "async", ""); else removeAttr(this, "async"); },
        get text() { return childText(this); },
        set text(v) { v = v === null ? "" : String(v); replaceAll(v === "" ? null : makeText(this[DOC], v), this); },
      });
      // The engine's view of "already started" / "parser-inserted" (read and written by name).
      Object.defineProperty(p, "__sbStarted", {
        get() { return scriptState(this).started; }, set(v) { scriptState(this).started = !!v; }, configurable: true,
      });
      Object.defineProperty(p, "__sbParserInserted", {
        get() { return scriptState(this).parserInserted; }, set(v) { scriptState(this).parserInserted = !!v; }, configurable: true,
      });
      break;
    }
    case "HTMLAnchorElement": {
      reflect(p, "href:url target download ping rel hreflang type referrerPolicy charset coords name rev shape");
      urlUtils(p);
      def(p, { get text() { return textOf(this); }, set text(v) { this.textContent = v; } });
      break;
    }
    case "HTMLAreaElement": {
      reflect(p, "href:url target download ping rel alt coords shape referrerPolicy noHref:bool");
      urlUtils(p);
      break;
    }
    case "HTMLImageElement": {
      reflect(p, "src:url alt srcset sizes crossOrigin:cors useMap isMap:bool referrerPolicy decoding loading name lowsrc:url align border:str hspace:uint vspace:uint longDesc:url fetchPriority");
      def(p, {
        get width() { const st = this[STATE]; const v = parseInteger(getAttr(this, "width") || ""); return v !== null && v >= 0 ? v : st && st.naturalWidth || 0; },
        set width(v) { setAttr(this, "width", String(Number(v) >>> 0)); },
        get height() { const st = this[STATE]; const v = parseInteger(getAttr(this, "height") || ""); return v !== null && v >= 0 ? v : st && st.naturalHeight || 0; },
        set height(v) { setAttr(this, "height", String(Number(v) >>> 0)); },
        get naturalWidth() { return (this[STATE] && this[STATE].naturalWidth) || 0; },
        get naturalHeight() { return (this[STATE] && this[STATE].naturalHeight) || 0; },
        get complete() { const st = this[STATE]; return !hasAttr(this, "src") || getAttr(this, "src") === "" || !!(st && st.complete); },
        get currentSrc() { return (this[STATE] && this[STATE].currentSrc) || ""; },
        get x() { return 0; }, get y() { return 0; },
        decode() { return Promise.resolve(); },
      });
      break;
    }
    case "HTMLLinkElement": {
      reflect(p, "href:url crossOrigin:cors rel media hreflang type referrerPolicy integrity imageSrcset imageSizes disabled:bool charset rev target fetchPriority blocking");
      def(p, {
        get relList() { return tokenList(this, "rel", REL_TOKENS); },
        get as() { const v = lower(getAttr(this, "as") || ""); return ["fetch", "audio", "audioworklet", "document", "embed", "font", "image", "manifest", "object", "paintworklet", "report", "script", "serviceworker", "sharedworker", "style", "track", "video", "worker", "xslt"].includes(v) ? v : ""; },
        set as(v) { setAttr(this, "as", String(v)); },
        get sheet() { return null; },
      });
      break;
    }
    case "HTMLStyleElement": {
      reflect(p, "media type blocking disabled:bool");
      def(p, { get sheet() { return null; } });
      break;
    }
    case "HTMLMetaElement": {
      reflect(p, "name content httpEquiv=http-equiv media scheme");
      break;
    }
    case "HTMLBaseElement": {
      reflect(p, "target");
      def(p, {
        get href() { const v = getAttr(this, "href"); const base = documentURL(this[DOC]); if (v === null) return base; return resolveURL(this, v); },
        set href(v) { setAttr(this, "href", String(v)); },
      });
      break;
    }
    case "HTMLTitleElement": {
      def(p, { get text() { return childText(this); }, set text(v) { this.textContent = v; } });
      break;
    }
    case "HTMLCanvasElement": {
      reflect(p, "width:uint/300 height:uint/150");
      def(p, {
        getContext() { return null; },
        toDataURL() { return "data:,"; },
        toBlob(cb) { if (typeof cb === "function") cb(null); },
      });
      break;
    }
    case "HTMLBodyElement": {
      reflect(p, "text link vLink aLink bgColor background");
      forwardHandlers(p);
      break;
    }
    case "HTMLFrameSetElement": {
      forwardHandlers(p);
      break;
    }
    case "HTMLHtmlElement": {
      reflect(p, "version");
      break;
    }
    case "HTMLDivElement": {
      reflect(p, "align");
      break;
    }
    case "HTMLParagraphElement": {
      reflect(p, "align");
      break;
    }
    case "HTMLHeadingElement": {
      reflect(p, "align");
      break;
    }
    case "HTMLQuoteElement": {
      reflect(p, "cite:url");
      break;
    }
    case "HTMLModElement": {
      reflect(p, "cite:url dateTime=datetime");
      break;
    }
    case "HTMLOListElement": {
      reflect(p, "reversed:bool start:int/1 type");
      break;
    }
    case "HTMLLIElement": {
      reflect(p, "value:int type");
      break;
    }
    case "HTMLLabelElement": {
      reflect(p, "htmlFor=for");
      def(p, {
        get form() { const c = this.control; return c ? formOwner(c) : null; },
        get control() {
          const f = getAttr(this, "for");
          if (f !== null) { const el = byId(rootOf(this), f); return el && LABELABLE.has(el[NAME]) ? el : null; }
          return collectDescendants(this, (n) => LABELABLE.has(n[NAME]), [])[0] || null;
        },
      });
      break;
    }
    case "HTMLDetailsElement": {
      reflect(p, "open:bool name");
      break;
    }
    case "HTMLDialogElement": {
      reflect(p, "open:bool");
      def(p, {
        show() { setAttr(this, "open", ""); },
        showModal() { setAttr(this, "open", ""); },
        close(v) { if (hasAttr(this, "open")) { removeAttr(this, "open"); if (v !== undefined) this.returnValue = String(v); fire(this, "close", {}); } },
      });
      break;
    }
    case "HTMLMediaElement": {
      reflect(p, "src:url crossOrigin:cors preload autoplay:bool loop:bool controls:bool muted=muted:bool");
      def(p, {
        play() { return Promise.resolve(); }, pause() {}, load() {}, canPlayType() { return ""; },
        get paused() { return true; }, get currentSrc() { return ""; }, get readyState() { return 0; }, get networkState() { return 0; },
        get duration() { return NaN; }, get currentTime() { return 0; }, set currentTime(v) {}, get volume() { return 1; }, set volume(v) {},
      });
      break;
    }
    case "HTMLVideoElement": {
      reflect(p, "width:uint height:uint poster:url playsInline:bool");
      break;
    }
    case "HTMLSourceElement": {
      reflect(p, "src:url type srcset sizes media width:uint height:uint");
      break;
    }
    case "HTMLTrackElement": {
      reflect(p, "kind src:url srclang label default:bool");
      break;
    }
    case "HTMLTimeElement": {
      reflect(p, "dateTime=datetime");
      break;
    }
    case "HTMLDataElement": {
      reflect(p, "value");
      break;
    }
    case "HTMLTableElement": {
      reflect(p, "border align frame rules summary width bgColor cellPadding cellSpacing");
      break;
    }
    case "HTMLTableCellElement": {
      reflect(p, "colSpan=colspan:uint/1 rowSpan=rowspan:uint/1 headers abbr scope align");
      break;
    }
    case "HTMLMeterElement": {
      reflect(p, "value:int min:int max:int/1 low:int high:int optimum:int");
      break;
    }
    case "HTMLProgressElement": {
      reflect(p, "max:int/1");
      break;
    }
    case "HTMLSlotElement": {
      reflect(p, "name");
      break;
    }
    case "HTMLFontElement": {
      reflect(p, "color face size");
      break;
    }
    case "HTMLTemplateElement": {
      def(p, {
        get content() {
          return cached(this, "content", () => {
            // Template contents are parsed as the element's children here; content is a fragment holding them.
            const frag = makeFragment(this[DOC]);
            for (const k of this[KIDS].slice()) { removeNode(k); appendRaw(frag, k); k[PARENT] = frag; }
            return frag;
          });
        },
      });
      break;
    }
    case "HTMLFormElement": {
      reflect(p, "acceptCharset=accept-charset autocomplete name rel target noValidate:bool");
      enumerated(p, "method", "method", "get post dialog", "get", "get");
      enumerated(p, "enctype", "enctype", "application/x-www-form-urlencoded multipart/form-data text/plain",
        "application/x-www-form-urlencoded", "application/x-www-form-urlencoded");
      Object.defineProperty(p, "encoding", Object.getOwnPropertyDescriptor(p, "enctype"));
      def(p, {
        get action() {
          const v = getAttr(this, "action");
          return v === null || v === "" ? documentURL(this[DOC]) : resolveURL(this, v);
        },
        set action(v) { setAttr(this, "action", String(v)); },
        get relList() { return tokenList(this, "rel", REL_TOKENS); },
        get elements() {
          const form = this;
          return cached(this, "elements", () => liveElements(proto("HTMLFormControlsCollection"), { get [DOC]() { return form[DOC]; }, get [KIDS]() { return rootOf(form)[KIDS] || []; } },
            (n) => LISTED.has(n[NAME]) && !(n[NAME] === "input" && lower(getAttr(n, "type") || "") === "image") && formOwner(n) === form,
            function (name) { return namedElement(this.get(), name); }));
        },
        get length() { return this.elements.length; },
        submit() { if (typeof host.submitForm === "function" && connected(this)) host.submitForm(this, null); },
        requestSubmit(submitter) {
          if (submitter != null) {
            if (!isSubmitButton(submitter)) throw new TypeError(failed("requestSubmit", "HTMLFormElement", "The specified element is not a submit button."));
            if (formOwner(submitter) !== this) throw domError(failed("requestSubmit", "HTMLFormElement", "The specified element is not owned by this form element."), "NotFoundError");
          }
          submitForm(this, submitter == null ? null : submitter);
        },
        reset() {
          if (!fire(this, "reset", { bubbles: true, cancelable: true })) return;
          for (const el of this.elements) {
      const targets = el[NAME] === "select" ? [el].concat(optionsOf(el)) : [el];
      for (const t of targets) { const st = t[STATE]; if (st) { delete st.value; delete st.checked; delete st.selected; } }
    }
        },
        checkValidity() { return true; },
        reportValidity() { return true; },
      });
      break;
    }
    case "HTMLInputElement": {
      reflect(p, "name accept alt autocomplete dirName=dirname formAction=formaction:url formEnctype=formenctype formMethod=formmethod formNoValidate=formnovalidate:bool formTarget=formtarget max min pattern placeholder step src:url disabled:bool required:bool readOnly=readonly:bool multiple:bool autofocus:bool size:uint/20 maxLength=maxlength:int/-1 minLength=minlength:int/-1 useMap=usemap");
      enumerated(p, "type", "type", INPUT_TYPES, "text", "text");
      def(p, formProp);
      def(p, {
        get value() {
          const t = this.type;
          if (t === "checkbox" || t === "radio") { const v = getAttr(this, "value"); return v === null ? "on" : v; }
          if (DEFAULT_MODE.has(t)) return getAttr(this, "value") || "";
          if (t === "file") return "";
          const st = this[STATE];
          return st && st.value !== undefined ? st.value : (getAttr(this, "value") || "").replace(/[\r\n]/g, "");
        },
        set value(v) {
          v = v === null ? "" : String(v);
          const t = this.type;
          if (t === "checkbox" || t === "radio" || DEFAULT_MODE.has(t)) setAttr(this, "value", v);
          else if (t === "file") { if (v !== "") throw domError("Failed to set the 'value' property on 'HTMLInputElement': This input element accepts a filename, which may only be programmatically set to the empty string.", "InvalidStateError"); }
          else controlState(this).value = v;
        },
        get defaultValue() { return getAttr(this, "value") || ""; },
        set defaultValue(v) { setAttr(this, "value", String(v)); },
        get checked() { const st = this[STATE]; return st && st.checked !== undefined ? st.checked : hasAttr(this, "checked"); },
        set checked(v) {
          controlState(this).checked = !!v;
          if (v && this.type === "radio") {
            const name = getAttr(this, "name"), form = formOwner(this);
            if (name) {
              for (const other of collectDescendants(rootOf(this), (n) => n !== this && n[NAME] === "input" && getAttr(n, "name") === name, [])) {
                if (other.type === "radio" && formOwner(other) === form) controlState(other).checked = false;
              }
            }
          }
        },
        get defaultChecked() { return hasAttr(this, "checked"); },
        set defaultChecked(v) { if (v) setAttr(this, "checked", ""); else removeAttr(this, "checked"); },
        get indeterminate() { return !!controlState(this).indeterminate; },
        set indeterminate(v) { controlState(this).indeterminate = !!v; },
        get files() { return null; },
        get labels() { return staticList([]); },
        get validity() { return { valid: true }; },
        get validationMessage() { return ""; },
        get willValidate() { return true; },
        checkValidity() { return true; }, reportValidity() { return true; }, setCustomValidity() {},
        select() {}, setSelectionRange() {},
      });
      break;
    }
    case "HTMLButtonElement": {
      reflect(p, "name value disabled:bool formAction=formaction:url formEnctype=formenctype formMethod=formmethod formNoValidate=formnovalidate:bool formTarget=formtarget autofocus:bool");
      enumerated(p, "type", "type", "submit reset button", "submit", "submit");
      def(p, formProp);
      def(p, { checkValidity() { return true; }, reportValidity() { return true; }, setCustomValidity() {}, get labels() { return staticList([]); } });
      break;
    }
    case "HTMLTextAreaElement": {
      reflect(p, "name placeholder disabled:bool required:bool readOnly=readonly:bool autocomplete rows:uint/2 cols:uint/20 wrap maxLength=maxlength:int/-1 minLength=minlength:int/-1 autofocus:bool dirName=dirname");
      def(p, formProp);
      def(p, {
        get type() { return "textarea"; },
        get value() { const st = this[STATE]; return st && st.value !== undefined ? st.value : childText(this); },
        set value(v) { controlState(this).value = v === null ? "" : String(v); },
        get defaultValue() { return childText(this); },
        set defaultValue(v) { this.textContent = v; },
        get textLength() { return this.value.length; },
        checkValidity() { return true; }, reportValidity() { return true; }, setCustomValidity() {}, select() {}, setSelectionRange() {},
      });
      break;
    }
    case "HTMLSelectElement": {
      reflect(p, "name disabled:bool required:bool multiple:bool autocomplete size:uint autofocus:bool");
      def(p, formProp);
      def(p, {
        get type() { return hasAttr(this, "multiple") ? "select-multiple" : "select-one"; },
        get options() { const s = this; return cached(this, "options", () => htmlCollection(s, (n) => n[NAME] === "option", proto("HTMLOptionsCollection"))); },
        get selectedOptions() { const s = this; return cached(this, "selectedOptions", () => collection(proto("HTMLCollection"), { get: () => selectedOptions(s) })); },
        get length() { return optionsOf(this).length; },
        item(i) { return optionsOf(this)[Number(i) >>> 0] || null; },
        namedItem(name) { return namedElement(optionsOf(this), String(name)); },
        add(el, before) { this.insertBefore(el, typeof before === "number" ? optionsOf(this)[before] || null : before || null); },
        remove(i) { if (arguments.length === 0) { if (this[PARENT]) removeNode(this); return; } const o = optionsOf(this)[Number(i)]; if (o) o.remove(); },
        get value() { const o = selectedOptions(this)[0]; return o ? o.value : ""; },
        set value(v) { v = String(v); for (const o of optionsOf(this)) controlState(o).selected = o.value === v; },
        get selectedIndex() { const o = selectedOptions(this)[0]; return o ? optionsOf(this).indexOf(o) : -1; },
        set selectedIndex(i) { optionsOf(this).forEach((o, j) => { controlState(o).selected = j === Number(i); }); },
        checkValidity() { return true; }, reportValidity() { return true; }, setCustomValidity() {},
        get labels() { return staticList([]); },
      });
      break;
    }
    case "HTMLOptionElement": {
      reflect(p, "disabled:bool label");
      def(p, {
        get value() { const v = getAttr(this, "value"); return v === null ? stripCollapse(textOf(this)) : v; },
        set value(v) { setAttr(this, "value", String(v)); },
        get text() { return stripCollapse(textOf(this)); },
        set text(v) { this.textContent = v; },
        get label() { const v = getAttr(this, "label"); return v === null ? this.text : v; },
        set label(v) { setAttr(this, "label", String(v)); },
        get selected() { const st = this[STATE]; return st && st.selected !== undefined ? st.selected : hasAttr(this, "selected"); },
        set selected(v) {
          const sel = this.closest("select");
          if (v && sel && !hasAttr(sel, "multiple")) for (const o of optionsOf(sel)) controlState(o).selected = false;
          controlState(this).selected = !!v;
        },
        get defaultSelected() { return hasAttr(this, "selected"); },
        set defaultSelected(v) { if (v) setAttr(this, "selected", ""); else removeAttr(this, "selected"); },
        get index() { const sel = this.closest("select"); return sel ? optionsOf(sel).indexOf(this) : 0; },
        get form() { const sel = this.closest("select"); return sel ? formOwner(sel) : null; },
      });
      break;
    }
    case "HTMLFieldSetElement": {
      reflect(p, "disabled:bool name");
      def(p, formProp);
      def(p, { get type() { return "fieldset"; }, get elements() { const f = this; return cached(this, "elements", () => htmlCollection(f, (n) => LISTED.has(n[NAME]), proto("HTMLFormControlsCollection"))); } });
      break;
    }
    case "HTMLOutputElement": {
      reflect(p, "name htmlFor=for");
      def(p, formProp);
      def(p, { get type() { return "output"; }, get value() { return textOf(this); }, set value(v) { this.textContent = v; } });
      break;
    }
    case "HTMLLegendElement": {
      def(p, { get form() { const p = this[PARENT]; return p && p[NAME] === "fieldset" ? formOwner(p) : null; } });
      break;
    }
  }
}

// <script> https://html.spec.whatwg.org/#the-script-element
function scriptState(el) { return el[STATE] || (el[STATE] = { started: false, parserInserted: false, forceAsync: true }); }
// The engine's view of "already started" / "parser-inserted" (read and written by name).
// A connected script element inserted by script (not the parser) that was not runnable when
// inserted (no src, no text) and becomes runnable: text appears or src is set.
function maybeRunScript(el) {
  const st = scriptState(el);
  if (st.started || st.parserInserted) return;
  if (inert(el[DOC]) || !connected(el)) return;
  if (!hasAttr(el, "src") && childText(el) === "") return;
  if (typeof host.runScriptElement === "function") host.runScriptElement(el, false);
  st.started = true;
}

// <a>, <area> with URL decomposition (HTMLHyperlinkElementUtils).
function urlUtils(p) {
  def(p, {
    get relList() { return tokenList(this, "rel", REL_TOKENS); },
    toString() { return this.href; },
  });
  for (const part of ["protocol", "host", "hostname", "port", "pathname", "search", "hash", "origin", "username", "password"]) {
    Object.defineProperty(p, part, {
      get() {
        const href = this.href;
        if (href === "" || typeof global.URL !== "function") return "";
        try { return new global.URL(href)[part]; } catch (_) { return part === "protocol" ? ":" : ""; }
      },
      set(v) {
        if (part === "origin" || typeof global.URL !== "function") return;
        try { const u = new global.URL(this.href); u[part] = v; setAttr(this, "href", u.href); } catch (_) { /* ignored, as browsers do */ }
      },
      enumerable: true, configurable: true,
    });
  }
}

// <img>, Image()
function Image(width, height) {
  if (!new.target) throw new TypeError("Failed to construct 'Image': Please use the 'new' operator, this DOM object constructor cannot be called as a function.");
  const el = createElement(global.document, "img");
  if (width !== undefined) setAttrRaw(el, "width", String(Number(width) >>> 0));
  if (height !== undefined) setAttrRaw(el, "height", String(Number(height) >>> 0));
  return el;
}
namedConstructor("Image", "HTMLImageElement", Image);

// <link>, <style>, <meta>, <base>, <title>, <canvas>, <body>, misc
// <body>/<frameset> on* handlers for the Window's events are the Window's.
function forwardHandlers(p) {
  for (const n of BODY_FORWARDED) {
    Object.defineProperty(p, "on" + n, {
      get() { const w = windowOf(this[DOC]); return w ? getHandler(w, n) : null; },
      set(v) { const w = windowOf(this[DOC]); if (w) setHandler(w, n, isObj(v) ? v : null); },
      enumerable: true, configurable: true,
    });
  }
}
const LABELABLE = new Set(["button", "input", "meter", "output", "progress", "select", "textarea"]);

// --- forms ------------------------------------------------------------------------------------
const LISTED = new Set(["button", "fieldset", "input", "object", "output", "select", "textarea"]);
function byId(root, id) {
  if (!id) return null;
  const kids = root[KIDS];
  if (!kids) return null;
  for (let i = 0; i < kids.length; i++) {
    const n = kids[i];
    if (n[TYPE] === 1) {
      if (getAttr(n, "id") === id) return n;
      const r = byId(n, id);
      if (r) return r;
    }
  }
  return null;
}
function formOwner(el) {
  const f = getAttr(el, "form");
  if (f !== null && LISTED.has(el[NAME])) {
    if (!connected(el)) return null;
    const t = byId(rootOf(el), f);
    return t && t[NAME] === "form" ? t : null;
  }
  for (let p = el[PARENT]; p && p[TYPE] === 1; p = p[PARENT]) if (p[NAME] === "form" && !p[NS]) return p;
  return null;
}
const formProp = { get form() { return formOwner(this); } };
const controlState = (el) => el[STATE] || (el[STATE] = {});

function submitForm(form, submitter) {
  const st = controlState(form);
  if (st.submitting) return;
  st.submitting = true;
  try {
    if (!fire(form, "submit", { bubbles: true, cancelable: true, submitter: submitter || null, interface: "SubmitEvent" })) return;
  } finally {
    st.submitting = false;
  }
  if (typeof host.submitForm === "function" && connected(form)) host.submitForm(form, submitter || null);
}

const INPUT_TYPES = "hidden text search tel url email password date month week time datetime-local number range color checkbox radio file submit image reset button";
const DEFAULT_MODE = new Set(["hidden", "submit", "image", "reset", "button"]);
function optionsOf(select) { return collectDescendants(select, (n) => n[NAME] === "option", []); }
function selectedOptions(select) {
  const opts = optionsOf(select);
  const sel = opts.filter((o) => o.selected);
  if (!select.multiple && sel.length === 0) { const first = opts.find((o) => !hasAttr(o, "disabled")); return first ? [first] : []; }
  return select.multiple ? sel : sel.slice(-1);
}
function Option(text, value, defaultSelected, selected) {
  if (!new.target) throw new TypeError("Failed to construct 'Option': Please use the 'new' operator, this DOM object constructor cannot be called as a function.");
  const el = createElement(global.document, "option");
  if (text !== undefined && String(text) !== "") appendRaw(el, makeText(el[DOC], String(text)));
  if (value !== undefined) setAttrRaw(el, "value", String(value));
  if (defaultSelected) setAttrRaw(el, "selected", "");
  if (selected) controlState(el).selected = true;
  return el;
}
namedConstructor("Option", "HTMLOptionElement", Option);

// ---------------------------------------------------------------------------------------------
// HTML serialisation. https://html.spec.whatwg.org/#serialising-html-fragments
const VOID = new Set(["area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
  "keygen", "link", "meta", "param", "source", "track", "wbr"]);
const RAWTEXT = new Set(["style", "script", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript"]);
const ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\u00A0": "&nbsp;", "\"": "&quot;" };
const escText = (s) => /[&<>\u00A0]/.test(s) ? s.replace(/[&<>\u00A0]/g, (c) => ESC[c]) : s;
// Since 2025 (whatwg/html#11320, Chromium 138) "<" and ">" are escaped in attribute values too.
const escAttr = (s) => /[&"<>\u00A0]/.test(s) ? s.replace(/[&"<>\u00A0]/g, (c) => ESC[c]) : s;
function serializeChildren(node) {
  const out = [];
  const kids = node[NAME] === "template" && node[CACHE] && node[CACHE].content ? node[CACHE].content[KIDS] : node[KIDS];
  for (let i = 0; i < kids.length; i++) serializeNode(kids[i], out, node);
  return out.join("");
}
function serializeNode(n, out, parent) {
  switch (n[TYPE]) {
    case 1: {
      const name = n[NAME];
      out.push("<", name);
      for (const a of n[ATTRS]) out.push(" ", a[NAME], "=\"", escAttr(a[DATA]), "\"");
      out.push(">");
      if (VOID.has(name) && !n[NS]) return;
      out.push(serializeChildren(n), "</", name, ">");
      return;
    }
    case 3: case 4:
      out.push(parent && parent[TYPE] === 1 && !parent[NS] && RAWTEXT.has(parent[NAME]) ? n[DATA] : escText(n[DATA]));
      return;
    case 8: out.push("<!--", n[DATA], "-->"); return;
    case 7: out.push("<?", n[NAME], " ", n[DATA], ">"); return;
    case 10: out.push("<!DOCTYPE ", n[NAME], ">"); return;
    case 9: case 11: out.push(serializeChildren(n)); return;
  }
}

// ---------------------------------------------------------------------------------------------
// Building trees from the parser's JSON: [1, name, [[attr, value]...], [children]] | [3, text] |
// [8, text] | [10, name].
function parseJSON(json) { return typeof json === "string" ? JSON.parse(json) : json; }
// Detached build (fragments, DOMParser): no engine callbacks; scripts are marked already started.
function buildDetached(parent, list, doc) {
  for (const j of list) {
    let n;
    switch (j[0]) {
      case 1: {
        n = createElement(doc, j[1]);
        for (const a of j[2]) setAttrRaw(n, a[0], a[1]);
        if (j[1] === "script") scriptState(n).started = true;
        buildDetached(n, j[3], doc);
        break;
      }
      case 3: n = makeText(doc, j[1]); break;
      case 8: n = makeComment(doc, j[1]); break;
      case 10: n = makeDoctype(doc, j[1]); break;
      default: continue;
    }
    appendRaw(parent, n);
  }
}
// The fragment parsing algorithm (innerHTML and friends), context = an element.
function parseFragment(context, html) {
  const doc = context[DOC];
  const frag = makeFragment(doc);
  const json = typeof host.parseFragmentJSON === "function" ? host.parseFragmentJSON(html, context[NAME]) : "[]";
  buildDetached(frag, parseJSON(json), doc);
  return frag;
}
// Parser-style build: each node is appended to its parent as it is created; the engine hears of
// every connected element right after it is appended; a script runs after its text is in.
function buildParser(parent, list, doc, onScript) {
  const st = doc[STATE];
  for (const j of list) {
    switch (j[0]) {
      case 1: {
        const el = createElement(doc, j[1]);
        for (const a of j[2]) setAttrRaw(el, a[0], a[1]);
        const isScript = j[1] === "script";
        if (isScript) { const s = scriptState(el); s.parserInserted = true; s.forceAsync = false; if (onScript === false) s.started = true; }
        if (parent[TYPE] === 9 && parent[KIDS].some((k) => k[TYPE] === 1)) continue;  // one root element only
        insert(el, parent, null);
        buildParser(el, j[3], doc, onScript);
        if (isScript && onScript !== false && connected(el)) runParserScript(el, st, onScript);
        break;
      }
      case 3:
        if (parent[TYPE] === 9) continue;
        insert(makeText(doc, j[1]), parent, null);
        break;
      case 8: insert(makeComment(doc, j[1]), parent, null); break;
      case 10: if (parent[TYPE] === 9 && !parent[KIDS].some((k) => k[TYPE] === 10)) insert(makeDoctype(doc, j[1]), parent, null); break;
    }
  }
}
function runParserScript(el, st, onScript) {
  const s = scriptState(el);
  if (s.started) return;
  if (!hasAttr(el, "src") && childText(el) === "") return;  // nothing to run: not started (spec)
  const saved = st.parsing;
  st.parsing = { parent: el[PARENT], onScript };
  const inline = !hasAttr(el, "src");
  const prevScript = st.currentScript;
  if (inline) st.currentScript = el;
  try {
    if (typeof onScript === "function") onScript(el);
    else if (typeof host.runScriptElement === "function") host.runScriptElement(el);
  } finally {
    if (inline) st.currentScript = prevScript;
    st.parsing = saved;
    s.started = true;
  }
}
// host.dom.build(target, nodesJSON[, onScript]): target is a document (or any parent node).
// onScript: omitted/null -> host.runScriptElement(el); a function -> called instead; false -> scripts never run.
dom.build = function build(target, json, onScript) {
  const doc = target[DOC];
  const st = doc[STATE];
  const saved = st.parsing;
  st.parsing = { parent: target, onScript };
  try { buildParser(target, parseJSON(json), doc, onScript); } finally { st.parsing = saved; }
  return target;
};

// ---------------------------------------------------------------------------------------------
// Selectors (https://drafts.csswg.org/selectors-4/), the subset pages use:
// type, *, #id, .class, [attr], [attr=v], ~= |= ^= $= *= with i/s flags, :first-child,
// :last-child, :only-child, :first/last/only-of-type, :nth-(last-)child/of-type(An+B), :not(),
// :is(), :where(), :has() (descendant/child), :root, :empty, :scope, :checked, :disabled, :enabled,
// :link, :any-link, :required, :optional, :defined, state pseudo-classes that never match here
// (:hover, :focus, ...), known pseudo-elements (never match), and the four combinators.
let selectorCache = null;
function parseSelector(text, method, node) {
  if (!selectorCache) selectorCache = new Map();
  let sel = selectorCache.get(text);
  if (sel === undefined) {
    try { sel = new SelectorParser(text).list(); } catch (e) { sel = null; }
    if (selectorCache.size > 500) selectorCache.clear();
    selectorCache.set(text, sel);
  }
  if (sel === null) {
    throw domError(failed(method, ifaceName(node), "'" + text + "' is not a valid selector."), "SyntaxError");
  }
  return sel;
}
const NEVER = new Set(["hover", "active", "focus", "focus-visible", "focus-within", "visited", "target", "target-within",
  "playing", "paused", "fullscreen", "modal", "popover-open", "autofill", "user-invalid", "user-valid", "invalid",
  "placeholder-shown", "indeterminate", "default", "in-range", "out-of-range", "valid", "read-only", "read-write",
  "open", "closed", "host", "past", "current", "future", "focus-within"]);
const PSEUDO_ELEMENTS = new Set(["before", "after", "first-line", "first-letter", "marker", "placeholder", "selection",
  "backdrop", "file-selector-button", "cue", "part", "slotted", "grammar-error", "spelling-error", "target-text",
  "-webkit-scrollbar", "-webkit-input-placeholder", "highlight", "view-transition"]);
const SIMPLE_PSEUDOS = new Set(["first-child", "last-child", "only-child", "first-of-type", "last-of-type", "only-of-type",
  "root", "empty", "scope", "checked", "disabled", "enabled", "link", "any-link", "required", "optional", "defined"]);
class SelectorParser {
  constructor(s) { this.s = s; this.i = 0; }
  fail() { throw new SyntaxError("bad selector"); }
  peek() { return this.s[this.i]; }
  ws() { let m = false; while (/[ \t\n\r\f]/.test(this.s[this.i] || "")) { this.i++; m = true; } return m; }
  list(nested) {
    const out = [];
    for (;;) {
      this.ws();
      out.push(this.complex());
      this.ws();
      if (this.peek() === ",") { this.i++; continue; }
      if (nested ? this.peek() === ")" : this.i >= this.s.length) return out;
      this.fail();
    }
  }
  complex(relative) {
    const parts = [];
    let comb = relative ? " " : null;
    if (relative) { this.ws(); const c = this.peek(); if (c === ">" || c === "+" || c === "~") { comb = c; this.i++; this.ws(); } }
    for (;;) {
      parts.push({ comb, c: this.compound() });
      const hadWs = this.ws();
      const c = this.peek();
      if (c === ">" || c === "+" || c === "~") { this.i++; this.ws(); comb = c; continue; }
      if (c === undefined || c === "," || c === ")") return parts;
      if (hadWs) { comb = " "; continue; }
      this.fail();
    }
  }
  ident() {
    const s = this.s;
    let out = "", i = this.i;
    if (s[i] === "-") { out += "-"; i++; if (s[i] === "-") { out += "-"; i++; } }
    const start = i;
    for (;;) {
      const c = s[i];
      if (c === undefined) break;
      if (c === "\\") {
        const m = /^\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?/.exec(s.slice(i));
        if (m) { const cp = parseInt(m[1], 16); out += cp === 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? "\uFFFD" : String.fromCodePoint(cp); i += m[0].length; continue; }
        if (s[i + 1] === undefined || s[i + 1] === "\n") break;
        out += s[i + 1]; i += 2; continue;
      }
      if (/[A-Za-z0-9_\-]/.test(c) || c.charCodeAt(0) >= 0x80) {
        if (i === start && /[0-9]/.test(c) && !out.endsWith("--")) break;
        out += c; i++; continue;
      }
      break;
    }
    if (out === "" || out === "-" || (i === start && out !== "--")) this.fail();
    this.i = i;
    return out;
  }
  string() {
    const q = this.s[this.i++];
    let out = "";
    for (;;) {
      const c = this.s[this.i++];
      if (c === undefined) return out;  // EOF closes the string
      if (c === q) return out;
      if (c === "\n") this.fail();
      if (c === "\\") {
        const m = /^([0-9a-fA-F]{1,6})[ \t\n\r\f]?/.exec(this.s.slice(this.i));
        if (m) { out += String.fromCodePoint(parseInt(m[1], 16) || 0xFFFD); this.i += m[0].length; }
        else if (this.s[this.i] === "\n") this.i++;
        else if (this.s[this.i] !== undefined) out += this.s[this.i++];
        continue;
      }
      out += c;
    }
  }
  compound() {
    const c = { tag: null, ids: [], classes: [], attrs: [], pseudos: [], never: false };
    let any = false;
    if (this.peek() === "*") { this.i++; any = true; if (this.peek() === "|") this.fail(); }
    else if (/[A-Za-z_\-\\\u0080-\uFFFF]/.test(this.peek() || "")) { c.tag = this.ident(); any = true; }
    for (;;) {
      const ch = this.peek();
      if (ch === "#") { this.i++; c.ids.push(this.ident()); }
      else if (ch === ".") { this.i++; c.classes.push(this.ident()); }
      else if (ch === "[") { this.i++; c.attrs.push(this.attr()); }
      else if (ch === ":") {
        this.i++;
        if (this.peek() === ":") {
          this.i++;
          const name = lower(this.ident());
          if (!PSEUDO_ELEMENTS.has(name)) this.fail();
          if (this.peek() === "(") this.skipParens();
          c.never = true;
        } else this.pseudo(c);
      } else break;
      any = true;
    }
    if (!any) this.fail();
    return c;
  }
  skipParens() {
    let depth = 0;
    do { const ch = this.s[this.i++]; if (ch === undefined) this.fail(); if (ch === "(") depth++; else if (ch === ")") depth--; } while (depth > 0);
  }
  attr() {
    this.ws();
    const name = this.ident();
    this.ws();
    let op = null, value = null, flag = null;
    const ch = this.peek();
    if (ch === "]") { this.i++; return { name, op, value, flag }; }
    if (ch === "=") { op = "="; this.i++; }
    else if ("~|^$*".includes(ch) && this.s[this.i + 1] === "=") { op = ch + "="; this.i += 2; }
    else this.fail();
    this.ws();
    value = this.peek() === "\"" || this.peek() === "'" ? this.string() : this.ident();
    this.ws();
    if (/[iIsS]/.test(this.peek() || "")) { flag = lower(this.peek()); this.i++; this.ws(); }
    if (this.peek() !== "]") this.fail();
    this.i++;
    return { name, op, value, flag };
  }
  pseudo(c) {
    const name = lower(this.ident());
    if (this.peek() !== "(") {
      if (SIMPLE_PSEUDOS.has(name) || NEVER.has(name)) { c.pseudos.push({ name }); return; }
      if (name === "before" || name === "after" || name === "first-line" || name === "first-letter") { c.never = true; return; }
      this.fail();
    }
    this.i++;
    this.ws();
    let arg;
    switch (name) {
      case "not": case "is": case "where": case "matches": case "-webkit-any": arg = this.list(true); break;
      case "has": {
        arg = [];
        for (;;) { arg.push(this.complex(true)); this.ws(); if (this.peek() === ",") { this.i++; continue; } break; }
        break;
      }
      case "nth-child": case "nth-last-child": case "nth-of-type": case "nth-last-of-type": arg = this.anb(); break;
      case "lang": case "dir": arg = this.ident(); break;
      default: this.fail();
    }
    this.ws();
    if (this.peek() !== ")") this.fail();
    this.i++;
    c.pseudos.push({ name, arg });
  }
  anb() {
    const m = /^(?:([+-]?\d*)n\s*(?:([+-])\s*(\d+))?|([+-]?\d+)|(odd)|(even))/i.exec(this.s.slice(this.i));
    if (!m || m[0] === "") this.fail();
    this.i += m[0].length;
    if (m[5]) return [2, 1];
    if (m[6]) return [2, 0];
    if (m[4] !== undefined) return [0, parseInt(m[4], 10)];
    const a = m[1] === "" || m[1] === "+" ? 1 : m[1] === "-" ? -1 : parseInt(m[1], 10);
    const b = m[3] ? (m[2] === "-" ? -1 : 1) * parseInt(m[3], 10) : 0;
    return [a, b];
  }
}
function matchesList(el, list, scope) {
  for (const complex of list) if (matchComplex(el, complex, complex.length - 1, scope)) return true;
  return false;
}
function matchComplex(el, parts, i, scope) {
  if (!matchCompound(el, parts[i].c, scope)) return false;
  if (i === 0) return true;
  switch (parts[i].comb) {
    case ">": { const p = el[PARENT]; return !!p && p[TYPE] === 1 && matchComplex(p, parts, i - 1, scope); }
    case " ":
      for (let p = el[PARENT]; p && p[TYPE] === 1; p = p[PARENT]) if (matchComplex(p, parts, i - 1, scope)) return true;
      return false;
    case "+": { const s = elementSibling(el, -1); return !!s && matchComplex(s, parts, i - 1, scope); }
    case "~":
      for (let s = elementSibling(el, -1); s; s = elementSibling(s, -1)) if (matchComplex(s, parts, i - 1, scope)) return true;
      return false;
  }
  return false;
}
function attrValue(el, name) {
  if (el[NS]) return getAttr(el, name);
  return getAttr(el, lower(name));
}
function matchCompound(el, c, scope) {
  if (c.never) return false;
  if (c.is && el !== c.is) return false;
  if (c.tag !== null && (el[NS] ? el[NAME] !== c.tag : el[NAME] !== lower(c.tag))) return false;
  for (const id of c.ids) if (getAttr(el, "id") !== id) return false;
  if (c.classes.length) {
    const cls = getAttr(el, "class");
    if (cls === null) return false;
    const have = splitTokens(cls);
    for (const k of c.classes) if (!have.includes(k)) return false;
  }
  for (const a of c.attrs) {
    let v = attrValue(el, a.name);
    if (v === null) return false;
    if (a.op === null) continue;
    let w = a.value;
    if (a.flag === "i") { v = v.toLowerCase(); w = w.toLowerCase(); }
    switch (a.op) {
      case "=": if (v !== w) return false; break;
      case "~=": if (w === "" || /[ \t\n\r\f]/.test(w) || !splitTokens(v).includes(w)) return false; break;
      case "|=": if (v !== w && !v.startsWith(w + "-")) return false; break;
      case "^=": if (w === "" || !v.startsWith(w)) return false; break;
      case "$=": if (w === "" || !v.endsWith(w)) return false; break;
      case "*=": if (w === "" || !v.includes(w)) return false; break;
    }
  }
  for (const p of c.pseudos) if (!matchPseudo(el, p, scope)) return false;
  return true;
}
function siblingsOf(el, sameType) {
  const p = el[PARENT];
  if (!p) return [el];
  return p[KIDS].filter((k) => k[TYPE] === 1 && (!sameType || k[NAME] === el[NAME]));
}
function nth(a, b, pos) { // pos is 1-based
  if (a === 0) return pos === b;
  const n = (pos - b) / a;
  return Number.isInteger(n) && n >= 0;
}
function matchPseudo(el, p, scope) {
  switch (p.name) {
    case "first-child": return elementSibling(el, -1) === null;
    case "last-child": return elementSibling(el, 1) === null;
    case "only-child": return elementSibling(el, -1) === null && elementSibling(el, 1) === null;
    case "first-of-type": return siblingsOf(el, true)[0] === el;
    case "last-of-type": { const s = siblingsOf(el, true); return s[s.length - 1] === el; }
    case "only-of-type": return siblingsOf(el, true).length === 1;
    case "nth-child": return nth(p.arg[0], p.arg[1], siblingsOf(el, false).indexOf(el) + 1);
    case "nth-last-child": { const s = siblingsOf(el, false); return nth(p.arg[0], p.arg[1], s.length - s.indexOf(el)); }
    case "nth-of-type": return nth(p.arg[0], p.arg[1], siblingsOf(el, true).indexOf(el) + 1);
    case "nth-last-of-type": { const s = siblingsOf(el, true); return nth(p.arg[0], p.arg[1], s.length - s.indexOf(el)); }
    case "not": return !matchesList(el, p.arg, scope);
    case "is": case "where": case "matches": case "-webkit-any": return matchesList(el, p.arg, scope);
    case "has": return p.arg.some((rel) => hasRelative(el, rel));
    case "root": { const q = el[PARENT]; return !!q && q[TYPE] === 9; }
    case "scope": return scope && scope[TYPE] === 1 ? el === scope : !!el[PARENT] && el[PARENT][TYPE] === 9;
    case "empty": return el[KIDS].every((k) => k[TYPE] !== 1 && !((k[TYPE] === 3 || k[TYPE] === 4) && k[DATA] !== ""));
    case "checked": return (el[NAME] === "input" && (el.type === "checkbox" || el.type === "radio") && el.checked) || (el[NAME] === "option" && el.selected);
    case "disabled": return isDisabledControl(el) || (el[NAME] === "optgroup" && hasAttr(el, "disabled"));
    case "enabled": return ["button", "input", "select", "textarea", "option", "optgroup", "fieldset"].includes(el[NAME]) && !isDisabledControl(el);
    case "link": case "any-link": return (el[NAME] === "a" || el[NAME] === "area") && hasAttr(el, "href");
    case "required": return ["input", "select", "textarea"].includes(el[NAME]) && hasAttr(el, "required");
    case "optional": return ["input", "select", "textarea"].includes(el[NAME]) && !hasAttr(el, "required");
    case "defined": return true;
    case "lang": { for (let n = el; n && n[TYPE] === 1; n = n[PARENT]) { const l = getAttr(n, "lang"); if (l !== null) return lower(l) === lower(p.arg) || lower(l).startsWith(lower(p.arg) + "-"); } return false; }
    case "dir": return lower(p.arg) === "ltr";
    default: return false;  // :hover and friends
  }
}
function hasRelative(el, parts) {
  // Anchor the relative selector at el: [el] <comb> compound ... and test every candidate.
  const anchored = [{ comb: null, c: { tag: null, ids: [], classes: [], attrs: [], pseudos: [], never: false, is: el } }].concat(parts);
  const last = anchored.length - 1;
  const cands = [];
  const lead = parts[0].comb;
  if (lead === " " || lead === ">") collectDescendants(el, () => true, cands);
  else for (let s = elementSibling(el, 1); s; s = elementSibling(s, 1)) { cands.push(s); collectDescendants(s, () => true, cands); }
  for (const c of cands) if (matchComplex(c, anchored, last, el)) return true;
  return false;
}
function querySelect(root, list, first) {
  const out = [];
  const scope = root;
  (function walk(n) {
    const kids = n[KIDS];
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k[TYPE] !== 1) continue;
      if (matchesList(k, list, scope)) { out.push(k); if (first) return true; }
      if (walk(k)) return true;
    }
    return false;
  })(root);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Documents. domain, cookie, location and referrer belong to the engine (defined later on
// Document.prototype); nothing here defines them.
const Document = iface("Document", Node, function Document() {
  if (!new.target) illegal();
  const d = makeDocument(Document.prototype, "about:blank", "application/xml", true);
  d[STATE].ready = "complete";
  if (new.target !== Document) Object.setPrototypeOf(d, new.target.prototype);
  return d;
});
lazy("XMLDocument", Document);
function documentURL(doc) {
  const st = doc[STATE];
  if (st.live && doc === global.document && typeof host.documentURL === "function") return host.documentURL();
  return st.url;
}
function docElement(d) { for (const k of d[KIDS]) if (k[TYPE] === 1) return k; return null; }
function docHead(d) { const h = docElement(d); if (!h || h[NAME] !== "html") return null; for (const k of h[KIDS]) if (k[TYPE] === 1 && k[NAME] === "head") return k; return null; }
function docBody(d) {
  const h = docElement(d);
  if (!h || h[NAME] !== "html") return null;
  for (const k of h[KIDS]) if (k[TYPE] === 1 && (k[NAME] === "body" || k[NAME] === "frameset")) return k;
  return null;
}
function titleElement(d) {
  const root = docElement(d);
  if (!root) return null;
  if (root[NAME] === "title") return root;
  return collectDescendants(root, (n) => n[NAME] === "title" && !n[NS], [])[0] || null;
}
function validElementName(name) { return /^[A-Za-z][^\t\n\f\r />]*$/.test(name) || (validName(name)); }
members(Document, {
  __proto__: Node.prototype,
  get URL() { return documentURL(this); },
  get documentURI() { return documentURL(this); },
  get compatMode() { return this[KIDS].some((k) => k[TYPE] === 10) ? "CSS1Compat" : "BackCompat"; },
  get characterSet() { return "UTF-8"; },
  get charset() { return "UTF-8"; },
  get inputEncoding() { return "UTF-8"; },
  get contentType() { return this[STATE].contentType; },
  get doctype() { for (const k of this[KIDS]) if (k[TYPE] === 10) return k; return null; },
  get documentElement() { return docElement(this); },
  get head() { return docHead(this); },
  get body() { return docBody(this); },
  set body(v) {
    if (!isNode(v) || v[TYPE] !== 1 || (v[NAME] !== "body" && v[NAME] !== "frameset")) {
      throw domError("Failed to set the 'body' property on 'Document': The new body element is of type '" + (isNode(v) ? tagName(v) : String(v)) + "'. It must be either a 'BODY' or 'FRAMESET' element.", "HierarchyRequestError");
    }
    const old = docBody(this);
    if (old === v) return;
    if (old) old[PARENT].replaceChild(v, old);
    else { const root = docElement(this); if (!root) throw domError("Failed to set the 'body' property on 'Document': No document element exists.", "HierarchyRequestError"); root.appendChild(v); }
  },
  get title() { const t = titleElement(this); return t ? stripCollapse(childText(t)) : ""; },
  set title(v) {
    let t = titleElement(this);
    if (!t) {
      const head = docHead(this);
      if (!head) return;
      t = createElement(this, "title");
      head.appendChild(t);
    }
    t.textContent = String(v);
  },
  get dir() { const r = docElement(this); return r ? r.dir : ""; },
  set dir(v) { const r = docElement(this); if (r) r.dir = v; },
  get readyState() { return this[STATE].ready; },
  get defaultView() { return this[STATE].view; },
  get currentScript() { return this[STATE].currentScript; },
  get activeElement() {
    const a = this[STATE].active;
    return a && connected(a) && a[DOC] === this ? a : docBody(this) || docElement(this);
  },
  hasFocus() { return !inert(this); },
  get visibilityState() { return "visible"; },
  get hidden() { return false; },
  get designMode() { return "off"; },
  set designMode(v) {},
  get lastModified() {
    const d = new Date(), p = (n) => String(n).padStart(2, "0");
    return p(d.getMonth() + 1) + "/" + p(d.getDate()) + "/" + d.getFullYear() + " " + p(d.getHours()) + ":" + p(d.getMinutes()) + ":" + p(d.getSeconds());
  },
  get scrollingElement() { return docElement(this); },
  get fullscreenElement() { return null; },
  get implementation() { return cached(this, "implementation", () => { const i = Object.create(proto("DOMImplementation")); i[DOC] = this; return i; }); },
  get forms() { return cached(this, "forms", () => htmlCollection(this, (n) => n[NAME] === "form")); },
  get images() { return cached(this, "images", () => htmlCollection(this, (n) => n[NAME] === "img")); },
  get embeds() { return cached(this, "embeds", () => htmlCollection(this, (n) => n[NAME] === "embed")); },
  get plugins() { return this.embeds; },
  get scripts() { return cached(this, "scripts", () => htmlCollection(this, (n) => n[NAME] === "script")); },
  get links() { return cached(this, "links", () => htmlCollection(this, (n) => (n[NAME] === "a" || n[NAME] === "area") && hasAttr(n, "href"))); },
  get anchors() { return cached(this, "anchors", () => htmlCollection(this, (n) => n[NAME] === "a" && hasAttr(n, "name"))); },
  getElementById(id) { return byId(this, String(id)); },
  getElementsByName(name) {
    name = String(name);
    return cached(this, "name:" + name, () => liveElements(proto("NodeList"), this, (n) => getAttr(n, "name") === name));
  },
  createElement(name, options) {
    needArgs("Document", "createElement", 1, arguments.length);
    name = String(name);
    if (!validElementName(name)) {
      throw domError(failed("createElement", "Document", "The tag name provided ('" + name + "') is not a valid name."), "InvalidCharacterError");
    }
    return createElement(this, this[STATE].contentType === "text/html" ? lower(name) : name);
  },
  createElementNS(ns, qname) {
    qname = String(qname);
    if (!validName(qname)) throw domError(failed("createElementNS", "Document", "The qualified name provided ('" + qname + "') contains the invalid name-start character '" + qname[0] + "'."), "InvalidCharacterError");
    if (ns === HTML_NS) return createElement(this, qname);
    const el = createElement(this, qname, ns == null || ns === "" ? "null" : String(ns));
    return el;
  },
  createTextNode(data) { needArgs("Document", "createTextNode", 1, arguments.length); return makeText(this, String(data)); },
  createComment(data) { needArgs("Document", "createComment", 1, arguments.length); return makeComment(this, String(data)); },
  createCDATASection(data) {
    if (this[STATE].contentType === "text/html") throw domError(failed("createCDATASection", "Document", "This operation is not supported for HTML documents."), "NotSupportedError");
    const n = makeNode(proto("CDATASection"), 4, this); n[DATA] = String(data); return n;
  },
  createProcessingInstruction(target, data) {
    const n = makeNode(proto("ProcessingInstruction"), 7, this); n[NAME] = String(target); n[DATA] = String(data); return n;
  },
  createDocumentFragment() { return makeFragment(this); },
  createAttribute(name) { return makeAttr(this, lower(attrNameForCreate(name)), ""); },
  createEvent(name) {
    needArgs("Document", "createEvent", 1, arguments.length);
    const map = { event: "Event", events: "Event", htmlevents: "Event", customevent: "CustomEvent", messageevent: "MessageEvent",
      mouseevent: "MouseEvent", mouseevents: "MouseEvent", uievent: "UIEvent", uievents: "UIEvent", focusevent: "FocusEvent",
      keyboardevent: "KeyboardEvent", hashchangeevent: "HashChangeEvent", storageevent: "StorageEvent", errorevent: "ErrorEvent",
      closeevent: "CloseEvent", popstateevent: "PopStateEvent", pagetransitionevent: "PageTransitionEvent",
      progressevent: "ProgressEvent", submitevent: "SubmitEvent" };
    const C = eventClasses[map[lower(String(name))]];
    if (!C) throw domError(failed("createEvent", "Document", "The provided event type ('" + name + "') is invalid."), "NotSupportedError");
    const e = new C("");
    e[EV].initialized = false;
    return e;
  },
  importNode(node, deep) {
    checkNode(node, "importNode");
    if (node[TYPE] === 9) throw domError(failed("importNode", "Document", "The node provided is a document, which may not be imported."), "NotSupportedError");
    return cloneNode(node, this, !!deep);
  },
  adoptNode(node) {
    checkNode(node, "adoptNode");
    if (node[TYPE] === 9) throw domError(failed("adoptNode", "Document", "The node provided is a document, which may not be adopted."), "NotSupportedError");
    if (node[PARENT]) removeNode(node);
    adopt(node, this);
    return node;
  },
  write(...parts) { documentWrite(this, parts.join("")); },
  writeln(...parts) { documentWrite(this, parts.join("") + "\n"); },
  open() {
    if (!this[STATE].parsing) replaceAll(null, this);
    return this;
  },
  close() {},
  elementFromPoint() { return null; },
  elementsFromPoint() { return []; },
  getSelection() { return null; },
  execCommand() { return false; },
  queryCommandSupported() { return false; },
  exitFullscreen() { return Promise.resolve(); },
  hasStorageAccess() { return Promise.resolve(true); },
  requestStorageAccess() { return Promise.resolve(); },
  getElementsByTagNameNS(ns, name) { return this.getElementsByTagName(name); },
});
def(Document.prototype, parentNodeMixin);
const HTMLDocument = iface("HTMLDocument", Document);
defineEventHandlers(Document.prototype);
defineEventHandlers(Document.prototype, ["readystatechange", "visibilitychange"]);
function attrNameForCreate(name) {
  name = String(name);
  if (!validName(name)) throw domError(failed("createAttribute", "Document", "The localName provided ('" + name + "') contains an invalid character."), "InvalidCharacterError");
  return name;
}
// document.write: while a parser-inserted script runs, the markup is parsed in the context of
// the script's parent and built (scripts included) right after what the parser has built so far;
// otherwise it replaces the document (document.open), as after the load.
function documentWrite(doc, html) {
  const st = doc[STATE];
  if (inert(doc) && !st.parsing) return;
  if (st.parsing) {
    const parent = st.parsing.parent;
    const ctxName = parent[TYPE] === 1 ? parent[NAME] : "body";
    const json = host.parseFragmentJSON(html, ctxName === "html" ? "body" : ctxName);
    buildParser(parent[TYPE] === 9 ? (docBody(doc) || parent) : parent, parseJSON(json), doc, st.parsing.onScript);
    return;
  }
  replaceAll(null, doc);
  const saved = st.parsing;
  st.parsing = { parent: doc, onScript: undefined };
  try { buildParser(doc, parseJSON(host.parseDocumentJSON(html)), doc, undefined); } finally { st.parsing = saved; }
}
lazy("ProcessingInstruction", CharacterData, (p) => def(p, { get target() { return this[NAME]; } }));
function newHTMLDocument(owner, title) {
  const d = makeDocument(HTMLDocument.prototype, owner ? documentURL(owner) : "about:blank", "text/html", true);
  d[STATE].ready = "complete";
  d[STATE].url = "about:blank";
  appendRaw(d, makeDoctype(d, "html"));
  const html = createElement(d, "html"), head = createElement(d, "head"), body = createElement(d, "body");
  appendRaw(d, html); appendRaw(html, head);
  if (title !== undefined) { const t = createElement(d, "title"); appendRaw(t, makeText(d, String(title))); appendRaw(head, t); }
  appendRaw(html, body);
  return d;
}
lazy("DOMImplementation", null, (p) => def(p, {
  createHTMLDocument(title) { return newHTMLDocument(this[DOC], title); },
  createDocument(ns, qname, doctype) {
    const d = makeDocument(proto("XMLDocument"), "about:blank", ns === HTML_NS ? "application/xhtml+xml" : "application/xml", true);
    d[STATE].ready = "complete";
    if (doctype) insert(doctype, d, null);
    if (qname) insert(createElement(d, String(qname), ns == null ? "null" : String(ns)), d, null);
    return d;
  },
  createDocumentType(name, publicId, systemId) { return makeDoctype(this[DOC], String(name), String(publicId), String(systemId)); },
  hasFeature() { return true; },
}));
lazy("DOMParser", null, null, () => class DOMParser {
  parseFromString(str, type) {
    needArgs("DOMParser", "parseFromString", 2, arguments.length);
    type = String(type);
    const types = ["text/html", "text/xml", "application/xml", "application/xhtml+xml", "image/svg+xml"];
    if (!types.includes(type)) {
      throw new TypeError("Failed to execute 'parseFromString' on 'DOMParser': The provided value '" + type + "' is not a valid enum value of type DOMParserSupportedType.");
    }
    const d = makeDocument(type === "text/html" ? HTMLDocument.prototype : proto("XMLDocument"),
      global.document ? documentURL(global.document) : "about:blank", type, true);
    d[STATE].ready = "complete";
    buildDetached(d, parseJSON(host.parseDocumentJSON(String(str))), d);
    return d;
  }
});
lazy("XMLSerializer", null, null, () => class XMLSerializer {
  serializeToString(node) {
    checkNode(node, "serializeToString");
    const out = [];
    serializeNode(node, out, null);
    return out.join("");
  }
});
def(DocumentFragment.prototype, parentNodeMixin);
def(DocumentFragment.prototype, { getElementById(id) { return byId(this, String(id)); } });

// ---------------------------------------------------------------------------------------------
// The engine's side (host.dom). See Docs/DOM.md for the contract.
dom.createDocument = function createDocument(url, contentType) {
  const d = makeDocument(HTMLDocument.prototype, url === undefined ? "about:blank" : url, contentType || "text/html", false);
  d[STATE].live = true;
  return d;
};
dom.setDefaultView = function setDefaultView(doc, win) { doc[STATE].view = win || null; };
dom.setReadyState = function setReadyState(doc, state) {
  const st = doc[STATE];
  if (st.ready === state) return;
  st.ready = String(state);
  if (state !== "loading") fire(doc, "readystatechange", { bubbles: false, cancelable: false });
};
dom.setCurrentScript = function setCurrentScript(doc, el) { doc[STATE].currentScript = el || null; };
dom.textOf = function (el) { return childText(el); };
dom.getAttr = function (el, name) { return getAttr(el, String(name)); };
dom.setAttr = function (el, name, value) { if (value === null) removeAttr(el, String(name)); else setAttr(el, String(name), String(value)); };
dom.serialize = function (node) { const out = []; serializeNode(node, out, null); return out.join(""); };
dom.parseHTMLDocument = function (html, url) {  // a document without a browsing context (scripts never run)
  const d = makeDocument(HTMLDocument.prototype, url || "about:blank", "text/html", true);
  d[STATE].ready = "complete";
  buildDetached(d, parseJSON(host.parseDocumentJSON(String(html))), d);
  return d;
};
dom.setImageState = function (img, state) { Object.assign(controlState(img), state); };  // naturalWidth, naturalHeight, complete, currentSrc
// For a global object whose prototype cannot be changed (JavaScriptCore's globals have an
// immutable prototype): gives it EventTarget's methods as own properties.
dom.makeEventTarget = function (obj) {
  for (const k of ["addEventListener", "removeEventListener", "dispatchEvent"]) {
    Object.defineProperty(obj, k, { value: EventTarget.prototype[k], writable: true, enumerable: true, configurable: true });
  }
};
dom.windowTarget = dom.windowTarget || null;
dom.symbols = { TYPE, PARENT, KIDS, DOC, NAME, ATTRS, DATA, STATE };

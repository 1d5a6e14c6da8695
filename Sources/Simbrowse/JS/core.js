// core.js: evaluated first in every realm as the body of `function (host, global)`.
// DOMException, console, Chromium's wording of engine errors, and small shared helpers.
"use strict";

// https://webidl.spec.whatwg.org/#idl-DOMException
const legacyCodes = {
  IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
  NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11,
  SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
  TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
  QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
};
class DOMException extends Error {
  constructor(message, name) {
    super(message === undefined ? "" : String(message));
    Object.defineProperty(this, "name", { value: name === undefined ? "Error" : String(name), writable: true, configurable: true });
  }
  get code() { return legacyCodes[this.name] || 0; }
}
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: "DOMException", configurable: true });
// The legacy code constants, named as `n.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()
// .replace(/_ERROR$/, "_ERR")` names each entry of legacyCodes (written out: no per-realm loop).
Object.defineProperties(DOMException, {
  INDEX_SIZE_ERR: { value: 1 }, HIERARCHY_REQUEST_ERR: { value: 3 }, WRONG_DOCUMENT_ERR: { value: 4 },
  INVALID_CHARACTER_ERR: { value: 5 }, NO_MODIFICATION_ALLOWED_ERR: { value: 7 }, NOT_FOUND_ERR: { value: 8 },
  NOT_SUPPORTED_ERR: { value: 9 }, INVALID_STATE_ERR: { value: 11 }, SYNTAX_ERR: { value: 12 },
  INVALID_MODIFICATION_ERR: { value: 13 }, NAMESPACE_ERR: { value: 14 }, INVALID_ACCESS_ERR: { value: 15 },
  TYPE_MISMATCH_ERR: { value: 17 }, SECURITY_ERR: { value: 18 }, NETWORK_ERR: { value: 19 }, ABORT_ERR: { value: 20 },
  URLMISMATCH_ERR: { value: 21 }, QUOTA_EXCEEDED_ERR: { value: 22 }, TIMEOUT_ERR: { value: 23 },
  INVALID_NODE_TYPE_ERR: { value: 24 }, DATA_CLONE_ERR: { value: 25 },
});
global.DOMException = DOMException;
Object.defineProperty(global, "DOMException", { enumerable: false });

host.makeDOMException = (message, name) => new DOMException(message, name);
host.makeTypeError = (message) => new TypeError(message);

// Chromium's (V8's) wording of the engine's own errors. JavaScriptCore words them differently;
// this is the one place that rewrites them, for `e.message` in catch clauses (page scripts'
// catch clauses call it, see Realm.preparePageScript) and for "Uncaught ..." lines.
function chromiumMessage(name, message) {
  let m;
  if ((m = /^(null|undefined) is not an object \(evaluating '([\s\S]*)'\)$/.exec(message))) {
    const expr = m[2];
    const set = /^([\s\S]*?)\s*=(?!=)/.exec(expr);
    const target = set ? set[1] : expr;
    const pm = /(?:\.([A-Za-z_$][\w$]*)|\[(?:'([^']*)'|"([^"]*)"|(\d+))\])\s*$/.exec(target);
    const prop = pm ? (pm[1] || pm[2] || pm[3] || pm[4]) : null;
    if (set) return prop ? `Cannot set properties of ${m[1]} (setting '${prop}')` : `Cannot set properties of ${m[1]}`;
    return prop ? `Cannot read properties of ${m[1]} (reading '${prop}')` : `Cannot read properties of ${m[1]}`;
  }
  if ((m = /^Can't find variable: ([\s\S]*)$/.exec(message))) return `${m[1]} is not defined`;
  if ((m = /^([\s\S]*?) is not a function\. \(In '[\s\S]*', '[\s\S]*' is [\s\S]*\)$/.exec(message))) return `${m[1]} is not a function`;
  if ((m = /^([\s\S]*?) is not a constructor \(evaluating '[\s\S]*'\)$/.exec(message))) return `${m[1]} is not a constructor`;
  if ((m = /^Attempted to assign to readonly property\.$/.exec(message))) return "Cannot assign to read only property";
  if (message === "Cannot access uninitialized variable.") return "Cannot access a variable before initialization";
  return message;
}
function fixError(e) {
  try {
    if (e instanceof Error && !(e instanceof DOMException) && !e.__sbFixed) {
      const fixed = chromiumMessage(e.name, e.message);
      if (fixed !== e.message) Object.defineProperty(e, "message", { value: fixed, writable: true, configurable: true });
      Object.defineProperty(e, "__sbFixed", { value: true });
    }
  } catch (_) { /* a frozen or exotic object: leave it */ }
  return e;
}
Object.defineProperty(global, "__sbFixError", { value: fixError });
host.fixError = fixError;

// How Chromium prints an uncaught exception: "Uncaught <Name>: <message>".
host.describeUncaught = (e) => {
  if (e && typeof e === "object" && e instanceof Error) { fixError(e); return `${e.name}: ${e.message}`; }
  if (e && typeof e === "object" && "name" in e && "message" in e) return `${e.name}: ${e.message}`;
  if (typeof e === "string") return e;
  if (e && typeof e === "object") return "#<Object>";
  return String(e);
};
host.errorParts = (e) => {
  if (e && typeof e === "object") { fixError(e); return [String(e.name), String(e.message)]; }
  return ["Error", String(e)];
};

// https://console.spec.whatwg.org/ : formatting as Chromium prints simple values.
function formatArg(v) {
  if (typeof v === "string") return v;
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "function") return String(v);
  if (typeof v === "object") {
    if (v instanceof Error) return `${v.name}: ${v.message}`;
    try { return JSON.stringify(v); } catch (_) { return Object.prototype.toString.call(v); }
  }
  return String(v);
}
const consoleObj = {};
for (const level of ["log", "info", "warn", "error", "debug"]) {
  // Levels as Chromium's DevTools protocol names them (console.warn is "warning").
  const name = level === "warn" ? "warning" : level;
  consoleObj[level] = function (...args) { host.console(name, args.map(formatArg).join(" ")); };
}
consoleObj.trace = consoleObj.log;
consoleObj.dir = consoleObj.log;
consoleObj.table = consoleObj.log;
consoleObj.assert = function (cond, ...args) { if (!cond) host.console("error", "Assertion failed: " + args.map(formatArg).join(" ")); };
consoleObj.group = consoleObj.groupCollapsed = consoleObj.groupEnd = consoleObj.time = consoleObj.timeEnd = consoleObj.count = function () {};
Object.defineProperty(consoleObj, Symbol.toStringTag, { value: "console" });
Object.defineProperty(global, "console", { value: consoleObj, writable: true, configurable: true, enumerable: false });

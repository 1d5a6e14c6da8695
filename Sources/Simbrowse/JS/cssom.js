// cssom.js: evaluated per realm after fetch.js as the body of `function (host, global)`.
// Stylesheets and the CSSOM (see Docs/CSSOM.md):
//   1. the CSS Syntax Level 3 tokenizer and parser (https://drafts.csswg.org/css-syntax-3/),
//   2. values: colours, numbers, serialisation as Chromium gives it,
//   3. selectors (specificity, serialisation; matching is dom.js's) and media queries,
//   4. the CSSOM interfaces (https://drafts.csswg.org/cssom/): CSSStyleSheet, CSSRule and its
//      kinds, CSSStyleDeclaration, StyleSheetList, MediaList, CSSRuleList,
//   5. the owner elements (<link rel=stylesheet>, <style>), document.styleSheets, and host.cssom,
//      the engine's side (Embedding/Stylesheets.swift fetches sheets and calls it),
//   6. the cascade and getComputedStyle.
// The origin-clean flag is decided by the engine when a sheet is fetched; every read of the
// rules asks it again (host.styleRuleAccess), which records the decision and throws when blocked.
"use strict";

const SYM = host.dom.symbols;
const TYPE = SYM.TYPE, PARENT = SYM.PARENT, KIDS = SYM.KIDS, DOC = SYM.DOC, NAME = SYM.NAME, STATE = SYM.STATE;
const NS = Symbol.for("simbrowse.dom.ns");
const API = Symbol.for("simbrowse.cssom.api");   // Document.prototype[API]: the realm's cssom (cross-realm getComputedStyle)
const getAttr = (el, n) => host.dom.getAttr(el, n);
const domErr = (message, name) => (global.DOMException ? new global.DOMException(message, name) : Object.assign(new Error(message), { name }));
const failed = (method, iface, msg) => "Failed to execute '" + method + "' on '" + iface + "': " + msg;
const illegal = () => { throw new TypeError("Illegal constructor"); };
const hide = (o, k, v) => Object.defineProperty(o, k, { value: v, writable: true, configurable: true, enumerable: false });
const exposeCSS = (name, C) => {
  Object.defineProperty(C, "name", { value: name, configurable: true });
  Object.defineProperty(C.prototype, Symbol.toStringTag, { value: name, configurable: true });
  hide(global, name, C);
};
const isElement = (n) => n !== null && typeof n === "object" && n[TYPE] === 1;
const isHTML = (el, name) => isElement(el) && !el[NS] && el[NAME] === name;
function connectedTo(el) {  // the document el is connected to, or null
  let n = el;
  while (n && n[PARENT]) n = n[PARENT];
  return n && n[TYPE] === 9 && n === el[DOC] ? n : null;
}
const lowerASCII = (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

// ---------------------------------------------------------------------------------------------
// 1. Tokenizer. https://drafts.csswg.org/css-syntax-3/#tokenization
// Tokens: {t, v, ...}; t is one of ws str badstr url badurl delim num pct dim ident func at hash
// colon semi comma [ ] ( ) { } cdo cdc. Numbers keep {n (value), int (integer flag), sign}.
const isDigit = (c) => c >= 48 && c <= 57;
const isHex = (c) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isNameStart = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 0x80;
const isNameChar = (c) => isNameStart(c) || isDigit(c) || c === 45;
const isWS = (c) => c === 10 || c === 9 || c === 32;
const isNonPrintable = (c) => (c >= 0 && c <= 8) || c === 11 || (c >= 14 && c <= 31) || c === 127;

function tokenize(input) {
  const s = String(input).replace(/\r\n?|\f/g, "\n").replace(/\0/g, "\uFFFD");
  const n = s.length, out = [];
  let i = 0;
  const cp = (k) => (k < n ? s.charCodeAt(k) : -1);
  const validEscape = (a, b) => a === 92 && b !== 10 && b !== -1 ? true : a === 92 && b === -1 ? true : false;
  const startsIdent = (a, b, c) => {
    if (a === 45) return isNameStart(b) || b === 45 || (b === 92 && c !== 10);
    if (isNameStart(a)) return true;
    if (a === 92) return b !== 10;
    return false;
  };
  const startsNumber = (a, b, c) => {
    if (a === 43 || a === 45) return isDigit(b) || (b === 46 && isDigit(c));
    if (a === 46) return isDigit(b);
    return isDigit(a);
  };
  function escape() {  // after the backslash
    const c = cp(i);
    if (c === -1) return "\uFFFD";
    if (isHex(c)) {
      let h = "";
      while (h.length < 6 && isHex(cp(i))) h += s[i++];
      if (isWS(cp(i))) i++;
      const v = parseInt(h, 16);
      return v === 0 || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF ? "\uFFFD" : String.fromCodePoint(v);
    }
    i++;
    // A surrogate pair stays together.
    if (c >= 0xD800 && c <= 0xDBFF && cp(i) >= 0xDC00 && cp(i) <= 0xDFFF) { i++; return s.slice(i - 2, i); }
    return String.fromCharCode(c);
  }
  function name() {
    let r = "";
    for (;;) {
      const c = cp(i);
      if (isNameChar(c)) { r += s[i++]; continue; }
      if (c === 92 && cp(i + 1) !== 10 && cp(i + 1) !== -1) { i++; r += escape(); continue; }
      return r;
    }
  }
  function number() {
    let repr = "", int = true;
    if (cp(i) === 43 || cp(i) === 45) repr += s[i++];
    while (isDigit(cp(i))) repr += s[i++];
    if (cp(i) === 46 && isDigit(cp(i + 1))) { repr += s[i++]; while (isDigit(cp(i))) repr += s[i++]; int = false; }
    const e = cp(i);
    if ((e === 69 || e === 101) && (isDigit(cp(i + 1)) || ((cp(i + 1) === 43 || cp(i + 1) === 45) && isDigit(cp(i + 2))))) {
      repr += s[i++];
      if (!isDigit(cp(i))) repr += s[i++];
      while (isDigit(cp(i))) repr += s[i++];
      int = false;
    }
    return { n: Number(repr), int, sign: repr[0] === "+" || repr[0] === "-" };
  }
  function numeric() {
    const num = number();
    if (startsIdent(cp(i), cp(i + 1), cp(i + 2))) return { t: "dim", n: num.n, int: num.int, sign: num.sign, unit: name() };
    if (cp(i) === 37) { i++; return { t: "pct", n: num.n, int: num.int, sign: num.sign }; }
    return { t: "num", n: num.n, int: num.int, sign: num.sign };
  }
  function badUrlRemnants() {
    for (;;) {
      const c = cp(i);
      if (c === -1) return;
      if (c === 41) { i++; return; }
      if (c === 92 && cp(i + 1) !== 10) { i++; escape(); continue; }
      i++;
    }
  }
  function url() {
    let v = "";
    while (isWS(cp(i))) i++;
    for (;;) {
      const c = cp(i);
      if (c === 41) { i++; return { t: "url", v }; }
      if (c === -1) return { t: "url", v };
      if (isWS(c)) {
        while (isWS(cp(i))) i++;
        if (cp(i) === 41) { i++; return { t: "url", v }; }
        if (cp(i) === -1) return { t: "url", v };
        badUrlRemnants(); return { t: "badurl" };
      }
      if (c === 34 || c === 39 || c === 40 || isNonPrintable(c)) { i++; badUrlRemnants(); return { t: "badurl" }; }
      if (c === 92) {
        if (cp(i + 1) !== 10) { i++; v += escape(); continue; }
        i++; badUrlRemnants(); return { t: "badurl" };
      }
      v += s[i++];
    }
  }
  function identLike() {
    const v = name();
    if (lowerASCII(v) === "url" && cp(i) === 40) {
      i++;
      while (isWS(cp(i)) && isWS(cp(i + 1))) i++;
      const a = cp(i), b = cp(i + 1);
      if (a === 34 || a === 39 || (isWS(a) && (b === 34 || b === 39))) return { t: "func", v };
      return url();
    }
    if (cp(i) === 40) { i++; return { t: "func", v }; }
    return { t: "ident", v };
  }
  function string(end) {
    let v = "";
    for (;;) {
      const c = cp(i);
      if (c === end) { i++; return { t: "str", v }; }
      if (c === -1) return { t: "str", v };
      if (c === 10) return { t: "badstr" };
      if (c === 92) {
        const d = cp(i + 1);
        if (d === -1) { i++; continue; }
        if (d === 10) { i += 2; continue; }
        i++; v += escape(); continue;
      }
      v += s[i++];
    }
  }
  while (i < n) {
    const c = cp(i);
    if (c === 47 && cp(i + 1) === 42) {  // comment
      const j = s.indexOf("*/", i + 2);
      i = j < 0 ? n : j + 2;
      continue;
    }
    if (isWS(c)) { while (isWS(cp(i))) i++; out.push({ t: "ws" }); continue; }
    if (c === 34 || c === 39) { i++; out.push(string(c)); continue; }
    if (c === 35) {  // #
      if (isNameChar(cp(i + 1)) || (cp(i + 1) === 92 && cp(i + 2) !== 10)) {
        i++;
        const id = startsIdent(cp(i), cp(i + 1), cp(i + 2));
        out.push({ t: "hash", v: name(), id });
        continue;
      }
      i++; out.push({ t: "delim", v: "#" }); continue;
    }
    if (c === 40) { i++; out.push({ t: "(" }); continue; }
    if (c === 41) { i++; out.push({ t: ")" }); continue; }
    if (c === 43 || c === 46) {
      if (startsNumber(c, cp(i + 1), cp(i + 2))) { out.push(numeric()); continue; }
      i++; out.push({ t: "delim", v: s[i - 1] }); continue;
    }
    if (c === 44) { i++; out.push({ t: "comma" }); continue; }
    if (c === 45) {
      if (startsNumber(c, cp(i + 1), cp(i + 2))) { out.push(numeric()); continue; }
      if (cp(i + 1) === 45 && cp(i + 2) === 62) { i += 3; out.push({ t: "cdc" }); continue; }
      if (startsIdent(c, cp(i + 1), cp(i + 2))) { out.push(identLike()); continue; }
      i++; out.push({ t: "delim", v: "-" }); continue;
    }
    if (c === 58) { i++; out.push({ t: "colon" }); continue; }
    if (c === 59) { i++; out.push({ t: "semi" }); continue; }
    if (c === 60) {
      if (s.startsWith("<!--", i)) { i += 4; out.push({ t: "cdo" }); continue; }
      i++; out.push({ t: "delim", v: "<" }); continue;
    }
    if (c === 64) {
      if (startsIdent(cp(i + 1), cp(i + 2), cp(i + 3))) { i++; out.push({ t: "at", v: name() }); continue; }
      i++; out.push({ t: "delim", v: "@" }); continue;
    }
    if (c === 91) { i++; out.push({ t: "[" }); continue; }
    if (c === 92) {
      if (cp(i + 1) !== 10 && cp(i + 1) !== -1) { out.push(identLike()); continue; }
      i++; out.push({ t: "delim", v: "\\" }); continue;
    }
    if (c === 93) { i++; out.push({ t: "]" }); continue; }
    if (c === 123) { i++; out.push({ t: "{" }); continue; }
    if (c === 125) { i++; out.push({ t: "}" }); continue; }
    if (isDigit(c)) { out.push(numeric()); continue; }
    if (isNameStart(c)) { out.push(identLike()); continue; }
    // A delimiter (a whole code point).
    const ch = String.fromCodePoint(s.codePointAt(i));
    i += ch.length;
    out.push({ t: "delim", v: ch });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parsing. https://drafts.csswg.org/css-syntax-3/#parsing
// Component values: preserved tokens, {t:"func", v:name, args:[...]}, {t:"block", open:"{"|"["|"(", v:[...]}.
const CLOSE = { "{": "}", "[": "]", "(": ")" };
class Stream {
  constructor(tokens) { this.tk = tokens; this.i = 0; }
  peek() { return this.tk[this.i]; }
  next() { return this.tk[this.i++]; }
  done() { return this.i >= this.tk.length; }
}
function componentValue(st) {
  const t = st.next();
  if (t.t === "block" || (t.t === "func" && t.args)) return t;  // already a component value
  if (t.t === "{" || t.t === "[" || t.t === "(") return simpleBlock(st, t.t);
  if (t.t === "func") {
    const args = [];
    while (!st.done()) {
      if (st.peek().t === ")") { st.next(); break; }
      args.push(componentValue(st));
    }
    return { t: "func", v: t.v, args };
  }
  return t;
}
function simpleBlock(st, open) {
  const close = CLOSE[open], v = [];
  while (!st.done()) {
    if (st.peek().t === close) { st.next(); break; }
    v.push(componentValue(st));
  }
  return { t: "block", open, v };
}
function componentValues(text) {
  const st = new Stream(tokenize(text)), out = [];
  while (!st.done()) out.push(componentValue(st));
  return out;
}
// Rules as the parser gives them: {at: name|null, prelude: [cv], block: cv|null}.
function consumeRuleList(st, topLevel) {
  const rules = [];
  while (!st.done()) {
    const t = st.peek();
    if (t.t === "ws") { st.next(); continue; }
    if ((t.t === "cdo" || t.t === "cdc") && topLevel) { st.next(); continue; }
    if (t.t === "at") { rules.push(consumeAtRule(st)); continue; }
    const r = consumeQualifiedRule(st);
    if (r) rules.push(r);
  }
  return rules;
}
function consumeAtRule(st) {
  const name = st.next().v, prelude = [];
  while (!st.done()) {
    const t = st.peek();
    if (t.t === "semi") { st.next(); return { at: name, prelude, block: null }; }
    if (t.t === "{") { st.next(); return { at: name, prelude, block: simpleBlock(st, "{") }; }
    if (t.t === "block" && t.open === "{") { st.next(); return { at: name, prelude, block: t }; }  // a block's contents re-read
    prelude.push(componentValue(st));
  }
  return { at: name, prelude, block: null };
}
function consumeQualifiedRule(st) {
  const prelude = [];
  while (!st.done()) {
    const t = st.peek();
    if (t.t === "{") { st.next(); return { at: null, prelude, block: simpleBlock(st, "{") }; }
    if (t.t === "block" && t.open === "{") { st.next(); return { at: null, prelude, block: t }; }
    prelude.push(componentValue(st));
  }
  return null;  // EOF before the block: a parse error, nothing is returned
}
// The contents of a style block: declarations (nested rules are read and dropped).
// Returns [{name, cvs, important}] in order.
function consumeDeclarations(cvs) {
  const out = [];
  let i = 0;
  while (i < cvs.length) {
    const t = cvs[i];
    if (t.t === "ws" || t.t === "semi") { i++; continue; }
    if (t.t === "at") {  // a nested at-rule: skip to its block or semicolon
      while (i < cvs.length && cvs[i].t !== "semi" && !(cvs[i].t === "block" && cvs[i].open === "{")) i++;
      i++;
      continue;
    }
    let j = i;
    const part = [];
    let nestedRule = false;
    while (j < cvs.length && cvs[j].t !== "semi") {
      if (cvs[j].t === "block" && cvs[j].open === "{" && !(t.t === "ident" && hasColonAfterName(part) &&
          (t.v.startsWith("--") || knownProperty(lowerASCII(t.v))))) { nestedRule = true; j++; break; }
      part.push(cvs[j++]);
    }
    i = j + (nestedRule ? 0 : 1);
    if (nestedRule || t.t !== "ident") continue;
    const d = declarationFrom(part);
    if (d) out.push(d);
  }
  return out;
}
function hasColonAfterName(part) {
  let k = 1;
  while (k < part.length && part[k].t === "ws") k++;
  return k < part.length && part[k].t === "colon";
}
function declarationFrom(part) {
  let k = 1;
  while (k < part.length && part[k].t === "ws") k++;
  if (k >= part.length || part[k].t !== "colon") return null;
  k++;
  let value = part.slice(k);
  let important = false;
  const trimmed = trimWS(value);
  const n = trimmed.length;
  if (n >= 2 && trimmed[n - 1].t === "ident" && lowerASCII(trimmed[n - 1].v) === "important") {
    let m = n - 2;
    while (m >= 0 && trimmed[m].t === "ws") m--;
    if (m >= 0 && trimmed[m].t === "delim" && trimmed[m].v === "!") { important = true; value = trimmed.slice(0, m); }
  }
  return { name: part[0].v, cvs: trimWS(value), important };
}
function trimWS(cvs) {
  let a = 0, b = cvs.length;
  while (a < b && cvs[a].t === "ws") a++;
  while (b > a && cvs[b - 1].t === "ws") b--;
  return cvs.slice(a, b);
}
function splitCommas(cvs) {
  const out = [[]];
  for (const c of cvs) { if (c.t === "comma") out.push([]); else out[out.length - 1].push(c); }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 2. Values. https://drafts.csswg.org/cssom/#serializing-css-values
function fmtNum(x) {
  if (!isFinite(x)) return x > 0 ? "infinity" : x < 0 ? "-infinity" : "NaN";
  if (Object.is(x, -0)) x = 0;
  if (Number.isInteger(x) && Math.abs(x) < 1e21) return String(x);
  let r = String(Number(x.toPrecision(6)));
  if (/e/.test(r)) r = x.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");
  return r;
}
function escapeIdentChar(ch) { return "\\" + ch.codePointAt(0).toString(16) + " "; }
// https://drafts.csswg.org/cssom/#serialize-an-identifier
function serializeIdent(s) {
  let r = "";
  const cps = Array.from(s);
  if (cps.length === 1 && cps[0] === "-") return "\\-";
  cps.forEach((ch, k) => {
    const c = ch.codePointAt(0);
    if (c === 0) r += "\uFFFD";
    else if ((c >= 1 && c <= 31) || c === 127) r += escapeIdentChar(ch);
    else if (k === 0 && isDigit(c)) r += escapeIdentChar(ch);
    else if (k === 1 && isDigit(c) && cps[0] === "-") r += escapeIdentChar(ch);
    else if (c >= 0x80 || c === 45 || c === 95 || isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) r += ch;
    else r += "\\" + ch;
  });
  return r;
}
// https://drafts.csswg.org/cssom/#serialize-a-string
function serializeString(s) {
  let r = "\"";
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (c === 0) r += "\uFFFD";
    else if ((c >= 1 && c <= 31) || c === 127) r += escapeIdentChar(ch);
    else if (ch === "\"" || ch === "\\") r += "\\" + ch;
    else r += ch;
  }
  return r + "\"";
}

// Tables built on first use (a realm that never meets CSS pays nothing for them).
function lazyTable(build) {
  let real = null;
  const t = () => real || (real = build());
  return { get: (k) => t().get(k), has: (k) => t().has(k), keys: () => t().keys(), [Symbol.iterator]: () => t()[Symbol.iterator]() };
}
const once = (f) => { let v, done = false; return () => (done ? v : ((done = true), (v = f()))); };

// Colours. https://drafts.csswg.org/css-color-4/
const NAMED_COLORS = lazyTable(() => {
  const m = new Map();
  const list = "aliceblue f0f8ff antiquewhite faebd7 aqua 00ffff aquamarine 7fffd4 azure f0ffff beige f5f5dc bisque ffe4c4 black 000000 blanchedalmond ffebcd blue 0000ff blueviolet 8a2be2 brown a52a2a burlywood deb887 cadetblue 5f9ea0 chartreuse 7fff00 chocolate d2691e coral ff7f50 cornflowerblue 6495ed cornsilk fff8dc crimson dc143c cyan 00ffff darkblue 00008b darkcyan 008b8b darkgoldenrod b8860b darkgray a9a9a9 darkgreen 006400 darkgrey a9a9a9 darkkhaki bdb76b darkmagenta 8b008b darkolivegreen 556b2f darkorange ff8c00 darkorchid 9932cc darkred 8b0000 darksalmon e9967a darkseagreen 8fbc8f darkslateblue 483d8b darkslategray 2f4f4f darkslategrey 2f4f4f darkturquoise 00ced1 darkviolet 9400d3 deeppink ff1493 deepskyblue 00bfff dimgray 696969 dimgrey 696969 dodgerblue 1e90ff firebrick b22222 floralwhite fffaf0 forestgreen 228b22 fuchsia ff00ff gainsboro dcdcdc ghostwhite f8f8ff gold ffd700 goldenrod daa520 gray 808080 green 008000 greenyellow adff2f grey 808080 honeydew f0fff0 hotpink ff69b4 indianred cd5c5c indigo 4b0082 ivory fffff0 khaki f0e68c lavender e6e6fa lavenderblush fff0f5 lawngreen 7cfc00 lemonchiffon fffacd lightblue add8e6 lightcoral f08080 lightcyan e0ffff lightgoldenrodyellow fafad2 lightgray d3d3d3 lightgreen 90ee90 lightgrey d3d3d3 lightpink ffb6c1 lightsalmon ffa07a lightseagreen 20b2aa lightskyblue 87cefa lightslategray 778899 lightslategrey 778899 lightsteelblue b0c4de lightyellow ffffe0 lime 00ff00 limegreen 32cd32 linen faf0e6 magenta ff00ff maroon 800000 mediumaquamarine 66cdaa mediumblue 0000cd mediumorchid ba55d3 mediumpurple 9370db mediumseagreen 3cb371 mediumslateblue 7b68ee mediumspringgreen 00fa9a mediumturquoise 48d1cc mediumvioletred c71585 midnightblue 191970 mintcream f5fffa mistyrose ffe4e1 moccasin ffe4b5 navajowhite ffdead navy 000080 oldlace fdf5e6 olive 808000 olivedrab 6b8e23 orange ffa500 orangered ff4500 orchid da70d6 palegoldenrod eee8aa palegreen 98fb98 paleturquoise afeeee palevioletred db7093 papayawhip ffefd5 peachpuff ffdab9 peru cd853f pink ffc0cb plum dda0dd powderblue b0e0e6 purple 800080 rebeccapurple 663399 red ff0000 rosybrown bc8f8f royalblue 4169e1 saddlebrown 8b4513 salmon fa8072 sandybrown f4a460 seagreen 2e8b57 seashell fff5ee sienna a0522d silver c0c0c0 skyblue 87ceeb slateblue 6a5acd slategray 708090 slategrey 708090 snow fffafa springgreen 00ff7f steelblue 4682b4 tan d2b48c teal 008080 thistle d8bfd8 tomato ff6347 turquoise 40e0d0 violet ee82ee wheat f5deb3 white ffffff whitesmoke f5f5f5 yellow ffff00 yellowgreen 9acd32";
  const p = list.split(" ");
  for (let k = 0; k < p.length; k += 2) { const h = parseInt(p[k + 1], 16); m.set(p[k], { r: h >> 16, g: (h >> 8) & 255, b: h & 255, a: 1 }); }
  return m;
});
// Chromium's -webkit-link (unvisited links) and the system colours pages meet most.
const SPECIAL_COLORS = lazyTable(() => new Map([["-webkit-link", { r: 0, g: 0, b: 238, a: 1 }], ["linktext", { r: 0, g: 0, b: 238, a: 1 }],
  ["canvastext", { r: 0, g: 0, b: 0, a: 1 }], ["canvas", { r: 255, g: 255, b: 255, a: 1 }], ["graytext", { r: 128, g: 128, b: 128, a: 1 }],
  ["buttontext", { r: 0, g: 0, b: 0, a: 1 }], ["buttonface", { r: 239, g: 239, b: 239, a: 1 }], ["field", { r: 255, g: 255, b: 255, a: 1 }],
  ["fieldtext", { r: 0, g: 0, b: 0, a: 1 }], ["highlight", { r: 181, g: 213, b: 255, a: 1 }], ["highlighttext", { r: 0, g: 0, b: 0, a: 1 }],
  ["-webkit-activelink", { r: 255, g: 0, b: 0, a: 1 }], ["visitedtext", { r: 85, g: 26, b: 139, a: 1 }], ["activetext", { r: 255, g: 0, b: 0, a: 1 }]]));
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
function hexColor(h) {
  if (!/^[0-9a-fA-F]+$/.test(h) || ![3, 4, 6, 8].includes(h.length)) return null;
  const d = h.length <= 4 ? Array.from(h, (c) => parseInt(c + c, 16)) : h.match(/../g).map((x) => parseInt(x, 16));
  return { r: d[0], g: d[1], b: d[2], a: d.length === 4 ? d[3] / 255 : 1 };
}
function colorArgs(args) {  // legacy (commas) or modern (spaces, "/" alpha) syntax -> [c1, c2, c3, alpha|null] or null
  const parts = args.filter((c) => c.t !== "ws");
  if (parts.some((c) => c.t === "comma")) {
    const groups = splitCommas(args).map(trimWS);
    if (groups.length !== 3 && groups.length !== 4) return null;
    if (groups.some((g) => g.length !== 1)) return null;
    return [groups[0][0], groups[1][0], groups[2][0], groups[3] ? groups[3][0] : null];
  }
  const slash = parts.findIndex((c) => c.t === "delim" && c.v === "/");
  const main = slash < 0 ? parts : parts.slice(0, slash);
  if (main.length !== 3) return null;
  if (slash >= 0 && parts.length !== slash + 2) return null;
  return [main[0], main[1], main[2], slash >= 0 ? parts[slash + 1] : null];
}
function alphaOf(c) {
  if (c === null) return 1;
  if (c.t === "num") return clamp(c.n, 0, 1);
  if (c.t === "pct") return clamp(c.n / 100, 0, 1);
  if (c.t === "ident" && lowerASCII(c.v) === "none") return 0;
  return NaN;
}
function hueOf(c) {
  if (c.t === "num") return c.n;
  if (c.t === "dim") {
    const u = lowerASCII(c.unit);
    if (u === "deg") return c.n;
    if (u === "rad") return c.n * 180 / Math.PI;
    if (u === "grad") return c.n * 0.9;
    if (u === "turn") return c.n * 360;
  }
  if (c.t === "ident" && lowerASCII(c.v) === "none") return 0;
  return NaN;
}
function hslToRgb(h, s, l) {
  h = ((h % 360) + 360) % 360 / 360;
  s = clamp(s, 0, 1); l = clamp(l, 0, 1);
  const f = (n) => { const k = (n + h * 12) % 12; const a = s * Math.min(l, 1 - l); return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)); };
  return [f(0) * 255, f(8) * 255, f(4) * 255];
}
// A colour value (one component value) -> {r, g, b, a} | "currentcolor" | null.
function parseColor(c) {
  if (!c) return null;
  if (c.t === "ident") {
    const v = lowerASCII(c.v);
    if (v === "currentcolor") return "currentcolor";
    if (v === "transparent") return { r: 0, g: 0, b: 0, a: 0 };
    return NAMED_COLORS.get(v) || SPECIAL_COLORS.get(v) || null;
  }
  if (c.t === "hash") return hexColor(c.v);
  if (c.t !== "func") return null;
  const f = lowerASCII(c.v);
  const a = colorArgs(c.args);
  if (!a) return null;
  if (f === "rgb" || f === "rgba") {
    const pct = a[0].t === "pct";
    const ch = (x) => {
      if (x.t === "ident" && lowerASCII(x.v) === "none") return 0;
      if (x.t === "num" && !pct) return clamp(x.n, 0, 255);
      if (x.t === "pct" && pct) return clamp(x.n * 2.55, 0, 255);
      return NaN;
    };
    const r = ch(a[0]), g = ch(a[1]), b = ch(a[2]), al = alphaOf(a[3]);
    if ([r, g, b, al].some(Number.isNaN)) return null;
    return { r: Math.round(r), g: Math.round(g), b: Math.round(b), a: al };
  }
  if (f === "hsl" || f === "hsla") {
    const h = hueOf(a[0]);
    const p = (x) => (x.t === "pct" ? x.n / 100 : x.t === "num" ? x.n / 100 : x.t === "ident" && lowerASCII(x.v) === "none" ? 0 : NaN);
    const s = p(a[1]), l = p(a[2]), al = alphaOf(a[3]);
    if ([h, s, l, al].some(Number.isNaN)) return null;
    const [r, g, b] = hslToRgb(h, s, l);
    return { r: Math.round(r), g: Math.round(g), b: Math.round(b), a: al };
  }
  if (f === "hwb") {
    const h = hueOf(a[0]);
    const p = (x) => (x.t === "pct" ? x.n / 100 : x.t === "num" ? x.n / 100 : NaN);
    let w = p(a[1]), bk = p(a[2]);
    const al = alphaOf(a[3]);
    if ([h, w, bk, al].some(Number.isNaN)) return null;
    if (w + bk >= 1) { const g = w / (w + bk) * 255; return { r: Math.round(g), g: Math.round(g), b: Math.round(g), a: al }; }
    const rgb = hslToRgb(h, 1, 0.5).map((x) => Math.round((x / 255 * (1 - w - bk) + w) * 255));
    return { r: rgb[0], g: rgb[1], b: rgb[2], a: al };
  }
  return null;
}
// https://drafts.csswg.org/cssom/#serializing-css-values (<alphavalue>): two decimals when they
// give back the same 8-bit value, else three.
function fmtAlpha(a) {
  const byte = Math.round(a * 255);
  let r = Math.round(a * 100) / 100;
  if (Math.round(r * 255) !== byte) r = Math.round(a * 1000) / 1000;
  return fmtNum(r);
}
function colorText(c) {
  if (c === "currentcolor") return "currentcolor";
  return c.a >= 1 ? "rgb(" + c.r + ", " + c.g + ", " + c.b + ")" : "rgba(" + c.r + ", " + c.g + ", " + c.b + ", " + fmtAlpha(c.a) + ")";
}

// Keywords that Chromium stores as identifiers (so it serialises them lower-cased).
const KEYWORDS = lazyTable(() => {
  const k = new Set(("auto none normal inherit initial unset revert revert-layer block inline inline-block flex inline-flex grid " +
  "inline-grid table inline-table table-row table-cell table-column table-caption table-row-group table-header-group " +
  "table-footer-group table-column-group list-item contents flow-root run-in hidden visible collapse scroll clip static " +
  "relative absolute fixed sticky left right center top bottom middle baseline justify start end solid dashed dotted double " +
  "groove ridge inset outset bold bolder lighter italic oblique small-caps uppercase lowercase capitalize underline overline " +
  "line-through nowrap pre pre-wrap pre-line break-spaces both content-box border-box padding-box pointer default text move " +
  "wait help crosshair not-allowed grab grabbing row column row-reverse column-reverse wrap wrap-reverse stretch " +
  "space-between space-around space-evenly flex-start flex-end self-start self-end thin medium thick xx-small x-small small " +
  "large x-large xx-large xxx-large smaller larger repeat repeat-x repeat-y no-repeat cover contain fill ltr rtl disc circle " +
  "square decimal outside inside transparent currentcolor min-content max-content fit-content serif sans-serif monospace " +
  "cursive fantasy system-ui ease ease-in ease-out ease-in-out linear infinite alternate forwards backwards running paused " +
  "separate break-word break-all keep-all anywhere ellipsis manual upper-alpha lower-alpha upper-roman lower-roman all").split(" "));
  for (const c of NAMED_COLORS.keys()) k.add(c);
  return k;
});
const CSS_WIDE = new Set(["initial", "inherit", "unset", "revert", "revert-layer"]);
// Properties whose identifiers are names (kept as written).
const NAME_VALUED = new Set(["font-family", "font", "animation-name", "animation", "grid-area", "grid-template-areas",
  "grid-row", "grid-column", "grid-row-start", "grid-row-end", "grid-column-start", "grid-column-end", "counter-reset",
  "counter-increment", "counter-set", "container-name", "container", "view-transition-name", "anchor-name", "position-anchor",
  "transition-property", "will-change", "src", "unicode-range", "font-feature-settings", "font-variation-settings", "quotes", "content"]);

// Properties whose unitless 0 is a length (so it serialises as 0px).
function ZERO_IS_LENGTH(prop) {
  const info = LONGHANDS.get(prop);
  if (info) return info.kind === "size" || info.kind === "box" || info.kind === "length" || info.kind === "border" || info.kind === "fontsize";
  return /^(margin|padding|inset|border|border-(top|right|bottom|left)|border-width|border-radius|outline|gap|(margin|padding|inset)-(block|inline)(-start|-end)?|border-spacing|background-position|background-size|object-position|text-underline-offset|scroll-(margin|padding)(-[a-z]+)?)$/.test(prop);
}
const GENERIC_FAMILIES = new Set(["serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "math", "emoji",
  "fangsong", "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded"]);
// Serialises component values as Chromium gives a specified value (`color: #F00` -> `rgb(255, 0, 0)`).
function serializeValue(cvs, prop) {
  const keepNames = prop && (prop.startsWith("--") || NAME_VALUED.has(prop));
  if (prop && prop.startsWith("--")) return serializeRaw(cvs).trim();
  if (prop === "display" && cvs.every((c) => c.t === "ident" || c.t === "ws")) {
    // Chromium keeps the legacy single keyword where one exists ("inline flex" -> "inline-flex").
    const text = nonWS(cvs).map((c) => lowerASCII(c.v)).join(" ");
    return LEGACY_DISPLAY[text] || text;
  }
  let out = "";
  let space = false;
  const zeroPx = !!prop && ZERO_IS_LENGTH(prop);
  const emit = (s, glue) => {
    if (space && out !== "" && !glue && !out.endsWith(" ")) out += " ";
    space = false;
    out += s;
  };
  for (const c of cvs) {
    switch (c.t) {
      case "ws": space = true; break;
      case "comma": out += ", "; space = false; break;
      case "delim":
        if (c.v === "/") { out = out.replace(/ $/, ""); out += " / "; space = false; }
        else emit(c.v);
        break;
      default: {
        const col = keepNames ? null : parseColor(c);
        // Named colours, transparent and currentcolor stay keywords; #hex, rgb(), hsl() become rgb()/rgba().
        if (col) emit(c.t === "ident" ? lowerASCII(c.v) : colorText(col));
        else if (zeroPx && c.t === "num" && c.n === 0) emit("0px");  // Chromium stores a unitless 0 length as 0px
        else emit(serializeCV(c, keepNames));
      }
    }
  }
  return out.replace(/ $/, "");
}
function serializeCV(c, keepNames) {
  switch (c.t) {
    case "ident": {
      const l = lowerASCII(c.v);
      return (!keepNames && KEYWORDS.has(l)) || CSS_WIDE.has(l) || GENERIC_FAMILIES.has(l) ? l : serializeIdent(c.v);
    }
    case "num": return fmtNum(c.n);
    case "pct": return fmtNum(c.n) + "%";
    case "dim": return fmtNum(c.n) + serializeIdent(lowerASCII(c.unit));
    case "str": return serializeString(c.v);
    case "url": return "url(" + serializeString(c.v) + ")";
    case "hash": return "#" + serializeIdent(c.v);
    case "func": {
      const f = lowerASCII(c.v);
      if (f === "url" || f === "src") return f + "(" + serializeValue(c.args, null) + ")";
      if (f === "var" || f === "env") return f + "(" + serializeRaw(c.args).trim() + ")";
      return f + "(" + serializeValue(c.args, keepNames ? "font-family" : null) + ")";
    }
    case "block": return c.open + serializeValue(c.v, null) + CLOSE[c.open];
    case "colon": return ":";
    case "semi": return ";";
    case "at": return "@" + serializeIdent(c.v);
    case "delim": return c.v;
    case "cdo": return "<!--";
    case "cdc": return "-->";
    default: return "";
  }
}
// Round-trips component values without normalising (custom properties, unknown at-rules).
function serializeRaw(cvs) {
  let out = "";
  for (const c of cvs) {
    switch (c.t) {
      case "ws": out += " "; break;
      case "comma": out += ","; break;
      case "func": out += serializeIdent(c.v) + "(" + serializeRaw(c.args) + ")"; break;
      case "block": out += c.open + serializeRaw(c.v) + CLOSE[c.open]; break;
      case "ident": out += serializeIdent(c.v); break;
      case "num": out += (c.sign && c.n >= 0 ? "+" : "") + fmtNum(c.n); break;
      case "pct": out += fmtNum(c.n) + "%"; break;
      case "dim": out += fmtNum(c.n) + serializeIdent(c.unit); break;
      default: out += serializeCV(c, true);
    }
  }
  return out.replace(/\s+/g, " ");
}

// ---------------------------------------------------------------------------------------------
// Properties: the longhands getComputedStyle resolves ([inherited, initial value, kind]), the
// shorthands it expands, and other names the parser keeps (unknown names are dropped, as in
// Chromium). Kinds: color length size(non-negative) box(margin-like, auto allowed) fontsize
// fontweight lineheight border(width) number integer keyword(default) raw.
const LONGHANDS = lazyTable(() => {
  const m = new Map();
  const longhands = (inherited, initial, kind, names) => {
    for (const n of names.split(" ")) m.set(n, { inherited, initial, kind });
  };
  longhands(true, "rgb(0, 0, 0)", "color", "color");
  longhands(false, "rgba(0, 0, 0, 0)", "color", "background-color");
  longhands(false, "currentcolor", "color", "border-top-color border-right-color border-bottom-color border-left-color outline-color text-decoration-color column-rule-color");
  longhands(true, "currentcolor", "color", "caret-color");
  longhands(false, "inline", "display", "display");
  longhands(true, "visible", "keyword", "visibility");
  longhands(false, "1", "number", "opacity");
  longhands(true, "\"Times New Roman\"", "raw", "font-family");
  longhands(true, "16px", "fontsize", "font-size");
  longhands(true, "400", "fontweight", "font-weight");
  longhands(true, "normal", "keyword", "font-style font-variant font-stretch white-space letter-spacing word-break overflow-wrap font-kerning");
  longhands(true, "normal", "lineheight", "line-height");
  longhands(true, "start", "keyword", "text-align");
  longhands(true, "none", "keyword", "text-transform text-shadow");
  longhands(true, "0px", "length", "text-indent word-spacing");
  longhands(false, "none", "keyword", "text-decoration-line float clear transform filter box-shadow background-image resize clip-path mask-image backdrop-filter");
  longhands(false, "solid", "keyword", "text-decoration-style");
  longhands(false, "auto", "size", "width height min-width min-height flex-basis");
  longhands(false, "none", "size", "max-width max-height");
  longhands(false, "0px", "box", "margin-top margin-right margin-bottom margin-left");
  longhands(false, "0px", "size", "padding-top padding-right padding-bottom padding-left outline-offset");
  longhands(false, "3px", "border", "border-top-width border-right-width border-bottom-width border-left-width outline-width column-rule-width");
  longhands(false, "none", "keyword", "border-top-style border-right-style border-bottom-style border-left-style outline-style column-rule-style");
  longhands(false, "0px", "size", "border-top-left-radius border-top-right-radius border-bottom-right-radius border-bottom-left-radius");
  longhands(false, "static", "keyword", "position");
  longhands(false, "auto", "box", "top right bottom left");
  longhands(false, "auto", "integer", "z-index");
  longhands(false, "visible", "keyword", "overflow-x overflow-y");
  longhands(false, "content-box", "keyword", "box-sizing");
  longhands(true, "auto", "keyword", "cursor pointer-events quotes");
  longhands(true, "disc", "keyword", "list-style-type");
  longhands(true, "outside", "keyword", "list-style-position");
  longhands(true, "none", "keyword", "list-style-image");
  longhands(true, "ltr", "keyword", "direction");
  longhands(false, "baseline", "keyword", "vertical-align");
  longhands(false, "normal", "raw", "content");
  longhands(false, "row", "keyword", "flex-direction");
  longhands(false, "nowrap", "keyword", "flex-wrap");
  longhands(false, "normal", "keyword", "justify-content align-items align-content row-gap column-gap justify-items");
  longhands(false, "auto", "keyword", "align-self justify-self table-layout user-select");
  longhands(false, "0", "number", "flex-grow order");
  longhands(false, "1", "number", "flex-shrink");
  longhands(true, "separate", "keyword", "border-collapse");
  longhands(false, "clip", "keyword", "text-overflow");
  longhands(true, "8", "keyword", "tab-size");
  longhands(true, "top", "keyword", "caption-side");
  longhands(true, "show", "keyword", "empty-cells");
  longhands(false, "repeat", "keyword", "background-repeat");
  longhands(false, "0% 0%", "keyword", "background-position");
  longhands(false, "auto", "keyword", "background-size");
  longhands(false, "scroll", "keyword", "background-attachment");
  longhands(false, "border-box", "keyword", "background-clip");
  longhands(false, "padding-box", "keyword", "background-origin");
  return m;
});

const SIDES = ["top", "right", "bottom", "left"];
// Shorthand -> its longhands (in serialisation order).
const SHORTHANDS = lazyTable(() => new Map([
  ["margin", SIDES.map((s) => "margin-" + s)],
  ["padding", SIDES.map((s) => "padding-" + s)],
  ["inset", SIDES.slice()],
  ["border-width", SIDES.map((s) => "border-" + s + "-width")],
  ["border-style", SIDES.map((s) => "border-" + s + "-style")],
  ["border-color", SIDES.map((s) => "border-" + s + "-color")],
  ["border-radius", ["border-top-left-radius", "border-top-right-radius", "border-bottom-right-radius", "border-bottom-left-radius"]],
  ...SIDES.map((s) => ["border-" + s, ["border-" + s + "-width", "border-" + s + "-style", "border-" + s + "-color"]]),
  ["border", [].concat(...["width", "style", "color"].map((k) => SIDES.map((s) => "border-" + s + "-" + k)))],
  ["outline", ["outline-color", "outline-style", "outline-width"]],
  ["overflow", ["overflow-x", "overflow-y"]],
  ["gap", ["row-gap", "column-gap"]],
  ["text-decoration", ["text-decoration-line", "text-decoration-style", "text-decoration-color"]],
  ["list-style", ["list-style-position", "list-style-image", "list-style-type"]],
  ["background", ["background-image", "background-position", "background-size", "background-repeat", "background-attachment",
    "background-origin", "background-clip", "background-color"]],
  ["font", ["font-style", "font-variant", "font-weight", "font-stretch", "font-size", "line-height", "font-family"]],
  ["flex", ["flex-grow", "flex-shrink", "flex-basis"]],
  ["flex-flow", ["flex-direction", "flex-wrap"]],
]));
const OTHER_PROPERTIES = lazyTable(() => new Set(("accent-color align-tracks all animation animation-composition animation-delay " +
  "animation-direction animation-duration animation-fill-mode animation-iteration-count animation-name animation-play-state " +
  "animation-timing-function animation-timeline appearance aspect-ratio backface-visibility background-blend-mode " +
  "background-position-x background-position-y block-size border-block border-block-color border-block-end " +
  "border-block-start border-block-style border-block-width border-image border-image-outset border-image-repeat " +
  "border-image-slice border-image-source border-image-width border-inline border-inline-color border-inline-end " +
  "border-inline-start border-inline-style border-inline-width border-spacing box-decoration-break break-after break-before " +
  "break-inside clip color-scheme column-count column-fill column-rule column-span column-width columns contain " +
  "contain-intrinsic-size container container-name container-type content-visibility counter-increment counter-reset " +
  "counter-set field-sizing font-display font-feature-settings font-optical-sizing font-palette font-synthesis " +
  "font-variant-caps font-variant-east-asian font-variant-ligatures font-variant-numeric font-variation-settings " +
  "forced-color-adjust grid grid-area grid-auto-columns grid-auto-flow grid-auto-rows grid-column grid-column-end " +
  "grid-column-start grid-row grid-row-end grid-row-start grid-template grid-template-areas grid-template-columns " +
  "grid-template-rows hanging-punctuation hyphens image-orientation image-rendering inline-size inset-block inset-block-end " +
  "inset-block-start inset-inline inset-inline-end inset-inline-start isolation line-break margin-block margin-block-end " +
  "margin-block-start margin-inline margin-inline-end margin-inline-start mask mask-clip mask-composite mask-mode mask-origin " +
  "mask-position mask-repeat mask-size math-style max-block-size max-inline-size min-block-size min-inline-size " +
  "mix-blend-mode object-fit object-position offset orphans overflow-anchor overflow-block overflow-clip-margin " +
  "overflow-inline overscroll-behavior overscroll-behavior-x overscroll-behavior-y padding-block padding-block-end " +
  "padding-block-start padding-inline padding-inline-end padding-inline-start page page-break-after page-break-before " +
  "page-break-inside paint-order perspective perspective-origin place-content place-items place-self print-color-adjust " +
  "rotate ruby-position scale scroll-behavior scroll-margin scroll-margin-block scroll-margin-bottom scroll-margin-inline " +
  "scroll-margin-left scroll-margin-right scroll-margin-top scroll-padding scroll-padding-block scroll-padding-bottom " +
  "scroll-padding-inline scroll-padding-left scroll-padding-right scroll-padding-top scroll-snap-align scroll-snap-stop " +
  "scroll-snap-type scrollbar-color scrollbar-gutter scrollbar-width shape-image-threshold shape-margin shape-outside size " +
  "speak src text-align-last text-combine-upright text-decoration-skip-ink text-decoration-thickness text-emphasis " +
  "text-orientation text-rendering text-size-adjust text-underline-offset text-underline-position text-wrap text-wrap-mode " +
  "text-wrap-style touch-action transform-box transform-origin transform-style transition transition-behavior " +
  "transition-delay transition-duration transition-property transition-timing-function translate unicode-bidi " +
  "unicode-range view-transition-name white-space-collapse widows will-change word-wrap writing-mode zoom " +
  "ascent-override descent-override line-gap-override size-adjust font-named-instance anchor-name position-anchor " +
  "position-area position-try inherits initial-value syntax system symbols additive-symbols negative prefix suffix range pad " +
  "fallback speak-as").split(" ")));
function knownProperty(name) {
  return LONGHANDS.has(name) || SHORTHANDS.has(name) || OTHER_PROPERTIES.has(name) || name.startsWith("--") ||
    /^-webkit-[a-z-]+$/.test(name);
}
const LENGTH_UNITS = new Set(["px", "em", "rem", "ex", "ch", "pt", "pc", "in", "cm", "mm", "q", "vw", "vh", "vmin", "vmax",
  "svw", "svh", "lvw", "lvh", "dvw", "dvh", "cqw", "cqh", "lh", "rlh", "vi", "vb"]);
const DISPLAY_VALUES = lazyTable(() => new Set(["none", "block", "inline", "inline-block", "flex", "inline-flex", "grid", "inline-grid", "table",
  "inline-table", "table-row", "table-cell", "table-column", "table-caption", "table-row-group", "table-header-group",
  "table-footer-group", "table-column-group", "list-item", "contents", "flow-root", "run-in", "ruby", "ruby-text", "math",
  "-webkit-box", "-webkit-inline-box", "flow", "inline flex", "block flex", "inline grid", "block grid", "inline flow-root",
  "block flow", "inline flow", "block list-item", "inline list-item"]));
const isLength = (c, allowNeg) => (c.t === "dim" && LENGTH_UNITS.has(lowerASCII(c.unit)) && (allowNeg || c.n >= 0)) ||
  (c.t === "num" && c.n === 0) || (c.t === "pct" && (allowNeg || c.n >= 0)) ||
  (c.t === "func" && /^(calc|min|max|clamp|-webkit-calc)$/i.test(c.v));
const hasVar = (cvs) => cvs.some((c) => (c.t === "func" && (/^(var|env|attr)$/i.test(c.v) || hasVar(c.args))) || (c.t === "block" && hasVar(c.v)));
const nonWS = (cvs) => cvs.filter((c) => c.t !== "ws");
const identIs = (c, ...words) => c && c.t === "ident" && words.includes(lowerASCII(c.v));

// Whether a declaration's value is valid for its property (a light grammar check for the
// properties getComputedStyle resolves; other properties take any non-empty value).
function validDeclaration(name, cvs) {
  if (name.startsWith("--")) return true;
  const parts = nonWS(cvs);
  if (parts.length === 0) return false;
  if (parts.some((c) => c.t === "badstr" || c.t === "badurl" || c.t === "semi" || (c.t === "delim" && c.v === "!"))) return false;
  if (hasVar(cvs)) return true;
  if (parts.length === 1 && identIs(parts[0], ...CSS_WIDE)) return true;
  if (parts.some((c) => identIs(c, ...CSS_WIDE))) return false;
  const info = LONGHANDS.get(name);
  const one = parts.length === 1 ? parts[0] : null;
  if (info) {
    switch (info.kind) {
      case "color": return !!one && !!parseColor(one);
      case "display": return DISPLAY_VALUES.has(parts.map((c) => (c.t === "ident" ? lowerASCII(c.v) : "?")).join(" "));
      case "fontsize": return !!one && (isLength(one, false) || identIs(one, "xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large", "xxx-large", "smaller", "larger", "math"));
      case "fontweight": return !!one && ((one.t === "num" && one.n >= 1 && one.n <= 1000) || identIs(one, "normal", "bold", "bolder", "lighter"));
      case "lineheight": return !!one && ((one.t === "num" && one.n >= 0) || isLength(one, false) || identIs(one, "normal"));
      case "border": return !!one && (isLength(one, false) && one.t !== "pct" || identIs(one, "thin", "medium", "thick"));
      case "size": return !!one && (isLength(one, false) || identIs(one, "auto", "none", "min-content", "max-content", "fit-content", "stretch", "-webkit-fill-available"))
        && !(identIs(one, "none") && !name.startsWith("max-")) && !(identIs(one, "auto") && name.startsWith("max-"));
      case "box": return !!one && (isLength(one, true) || identIs(one, "auto"));
      case "length": return !!one && (isLength(one, true) || identIs(one, "normal"));
      case "number": return !!one && (one.t === "num" || (name === "opacity" && one.t === "pct"));
      case "integer": return !!one && ((one.t === "num" && one.int) || identIs(one, "auto"));
      default: return true;
    }
  }
  switch (name) {
    case "margin": return parts.length <= 4 && parts.every((c) => isLength(c, true) || identIs(c, "auto"));
    case "inset": return parts.length <= 4 && parts.every((c) => isLength(c, true) || identIs(c, "auto"));
    case "padding": return parts.length <= 4 && parts.every((c) => isLength(c, false));
    case "border-width": return parts.length <= 4 && parts.every((c) => (isLength(c, false) && c.t !== "pct") || identIs(c, "thin", "medium", "thick"));
    case "border-color": return parts.length <= 4 && parts.every((c) => !!parseColor(c));
    case "border-style": return parts.length <= 4 && parts.every((c) => c.t === "ident" && BORDER_STYLES.has(lowerASCII(c.v)));
    default: return true;
  }
}
const BORDER_STYLES = new Set(["none", "hidden", "dotted", "dashed", "solid", "double", "groove", "ridge", "inset", "outset"]);

// Expands a declaration into [longhand, cvs] pairs (longhands and unknown names map to themselves).
function expand(name, cvs) {
  const sub = SHORTHANDS.get(name);
  if (!sub) return [[name, cvs]];
  const parts = nonWS(cvs);
  if (parts.length === 1 && identIs(parts[0], ...CSS_WIDE)) return sub.map((l) => [l, parts]);
  const boxed = (list) => {  // 1-4 values -> top right bottom left
    const [t, r = t, b = t, l = r] = list;
    return [t, r, b, l];
  };
  switch (name) {
    case "margin": case "padding": case "inset": case "border-width": case "border-style": case "border-color": case "border-radius": {
      if (parts.length < 1 || parts.length > 4) return [];
      return boxed(parts).map((v, k) => [sub[k], [v]]);
    }
    case "overflow": case "gap": case "flex-flow": {
      if (parts.length < 1 || parts.length > 2) return [];
      if (name === "flex-flow") {
        const dir = parts.find((c) => identIs(c, "row", "row-reverse", "column", "column-reverse"));
        const wrap = parts.find((c) => identIs(c, "nowrap", "wrap", "wrap-reverse"));
        return [["flex-direction", dir ? [dir] : [{ t: "ident", v: "row" }]], ["flex-wrap", wrap ? [wrap] : [{ t: "ident", v: "nowrap" }]]];
      }
      return [[sub[0], [parts[0]]], [sub[1], [parts[1] || parts[0]]]];
    }
    case "border": case "border-top": case "border-right": case "border-bottom": case "border-left": case "outline": {
      let width = null, style = null, color = null;
      for (const c of parts) {
        if (!style && c.t === "ident" && BORDER_STYLES.has(lowerASCII(c.v))) style = c;
        else if (!width && ((isLength(c, false) && c.t !== "pct") || identIs(c, "thin", "medium", "thick"))) width = c;
        else if (!color && parseColor(c)) color = c;
        else return [];
      }
      width = width || { t: "ident", v: "medium" };
      style = style || { t: "ident", v: "none" };
      color = color || { t: "ident", v: "currentcolor" };
      if (name === "outline") return [["outline-color", [color]], ["outline-style", [style]], ["outline-width", [width]]];
      const sides = name === "border" ? SIDES : [name.slice(7)];
      const out = [];
      for (const s of sides) out.push(["border-" + s + "-width", [width]], ["border-" + s + "-style", [style]], ["border-" + s + "-color", [color]]);
      return out;
    }
    case "text-decoration": {
      let line = [], style = null, color = null;
      for (const c of parts) {
        if (identIs(c, "none", "underline", "overline", "line-through", "blink")) line.push(c);
        else if (identIs(c, "solid", "double", "dotted", "dashed", "wavy")) style = c;
        else if (parseColor(c)) color = c;
      }
      return [["text-decoration-line", line.length ? spaced(line) : [{ t: "ident", v: "none" }]],
        ["text-decoration-style", [style || { t: "ident", v: "solid" }]], ["text-decoration-color", [color || { t: "ident", v: "currentcolor" }]]];
    }
    case "list-style": {
      let pos = null, img = null, type = null;
      for (const c of parts) {
        if (identIs(c, "inside", "outside")) pos = c;
        else if (c.t === "url" || (c.t === "func" && /gradient|^url$/i.test(c.v))) img = c;
        else type = c;
      }
      return [["list-style-position", [pos || { t: "ident", v: "outside" }]], ["list-style-image", [img || { t: "ident", v: "none" }]],
        ["list-style-type", [type || { t: "ident", v: "disc" }]]];
    }
    case "background": {
      let color = null, image = null, repeat = null;
      for (const c of parts) {
        if (c.t === "url" || (c.t === "func" && /gradient|^url$/i.test(c.v))) image = c;
        else if (identIs(c, "repeat", "repeat-x", "repeat-y", "no-repeat", "space", "round")) repeat = c;
        else if (parseColor(c) && !identIs(c, "currentcolor") || identIs(c, "currentcolor")) color = c;
        else if (identIs(c, "none")) image = c;
      }
      return [["background-color", [color || { t: "ident", v: "transparent" }]], ["background-image", [image || { t: "ident", v: "none" }]],
        ["background-repeat", [repeat || { t: "ident", v: "repeat" }]]];
    }
    case "font": {
      // [style || variant || weight || stretch]? size[/line-height]? family
      let k = 0, style = null, weight = null, variant = null, size = null, lh = null;
      const words = cvs.filter((c) => c.t !== "ws");
      for (; k < words.length; k++) {
        const c = words[k];
        if (identIs(c, "italic", "oblique")) style = c;
        else if (identIs(c, "bold", "bolder", "lighter") || (c.t === "num" && c.n >= 1 && c.n <= 1000)) weight = c;
        else if (identIs(c, "small-caps")) variant = c;
        else if (identIs(c, "normal")) continue;
        else break;
      }
      if (k < words.length) { size = words[k++]; }
      if (k < words.length && words[k].t === "delim" && words[k].v === "/") { lh = words[k + 1]; k += 2; }
      const familyStart = size ? cvs.indexOf(lh || size) + 1 : -1;
      const family = familyStart > 0 ? trimWS(cvs.slice(familyStart)) : [];
      if (!size || !family.length) return [];
      return [["font-style", [style || { t: "ident", v: "normal" }]], ["font-variant", [variant || { t: "ident", v: "normal" }]],
        ["font-weight", [weight || { t: "ident", v: "normal" }]], ["font-size", [size]], ["line-height", [lh || { t: "ident", v: "normal" }]],
        ["font-family", family]];
    }
    case "flex": {
      if (parts.length === 1 && identIs(parts[0], "none")) return [["flex-grow", [{ t: "num", n: 0 }]], ["flex-shrink", [{ t: "num", n: 0 }]], ["flex-basis", [{ t: "ident", v: "auto" }]]];
      if (parts.length === 1 && identIs(parts[0], "auto")) return [["flex-grow", [{ t: "num", n: 1 }]], ["flex-shrink", [{ t: "num", n: 1 }]], ["flex-basis", [{ t: "ident", v: "auto" }]]];
      const nums = parts.filter((c) => c.t === "num");
      const basis = parts.find((c) => c.t !== "num" || (c.n === 0 && nums.length > 2));
      return [["flex-grow", [nums[0] || { t: "num", n: 1 }]], ["flex-shrink", [nums[1] || { t: "num", n: 1 }]], ["flex-basis", [basis || { t: "pct", n: 0 }]]];
    }
    default: return [[name, cvs]];
  }
}
const spaced = (list) => list.flatMap((c, k) => (k ? [{ t: "ws" }, c] : [c]));
// 1-4 side values -> the shortest form (https://drafts.csswg.org/css-box-4/#margin-shorthand).
function collapseSides(v) {
  const [t, r, b, l] = v;
  if (r === l) { if (t === b) return t === r ? t : t + " " + r; return t + " " + r + " " + b; }
  return v.join(" ");
}

// ---------------------------------------------------------------------------------------------
// 3. Selectors: split, specificity, serialisation (matching is dom.js's Element.prototype.matches).
// https://drafts.csswg.org/selectors-4/#specificity-rules
const LEGACY_PSEUDO_ELEMENTS = new Set(["before", "after", "first-line", "first-letter"]);
function specificity(cvs) {
  let a = 0, b = 0, c = 0;
  for (let k = 0; k < cvs.length; k++) {
    const t = cvs[k];
    if (t.t === "hash") a++;
    else if (t.t === "delim" && t.v === "." && cvs[k + 1] && cvs[k + 1].t === "ident") { b++; k++; }
    else if (t.t === "block" && t.open === "[") b++;
    else if (t.t === "ident") c++;
    else if (t.t === "colon") {
      const elementish = cvs[k + 1] && cvs[k + 1].t === "colon";
      if (elementish) k++;
      const p = cvs[k + 1];
      if (!p) continue;
      k++;
      if (elementish) { c++; continue; }
      if (p.t === "ident") { if (LEGACY_PSEUDO_ELEMENTS.has(lowerASCII(p.v))) c++; else b++; continue; }
      if (p.t === "func") {
        const f = lowerASCII(p.v);
        if (f === "where") continue;
        if (f === "is" || f === "not" || f === "has" || f === "matches" || f === "-webkit-any") {
          const best = maxSpecificity(p.args);
          a += best[0]; b += best[1]; c += best[2];
          continue;
        }
        if (f === "nth-child" || f === "nth-last-child") {
          b++;
          const of = p.args.findIndex((x) => identIs(x, "of"));
          if (of >= 0) { const best = maxSpecificity(p.args.slice(of + 1)); a += best[0]; b += best[1]; c += best[2]; }
          continue;
        }
        if (f === "host" || f === "slotted" || f === "part" || f === "highlight") { c += f === "host" ? 0 : 1; b += f === "host" ? 1 : 0; continue; }
        b++;
      }
    }
  }
  return [a, b, c];
}
function maxSpecificity(cvs) {
  let best = [0, 0, 0];
  for (const part of splitCommas(cvs)) {
    const s = specificity(trimWS(part));
    if (s[0] > best[0] || (s[0] === best[0] && (s[1] > best[1] || (s[1] === best[1] && s[2] > best[2])))) best = s;
  }
  return best;
}
const specValue = (s) => s[0] * 1e6 + s[1] * 1e3 + s[2];
// https://drafts.csswg.org/cssom/#serialize-a-selector
function serializeSelector(cvs) {
  let out = "", space = false;
  for (let k = 0; k < cvs.length; k++) {
    const t = cvs[k];
    if (t.t === "ws") { space = true; continue; }
    if (t.t === "comma") { out = out.trimEnd() + ", "; space = false; continue; }
    if (t.t === "delim" && (t.v === ">" || t.v === "+" || t.v === "~")) {
      // "||" and ">>>" are rare; a combinator gets one space each side.
      out = out.trimEnd() + " " + t.v + " ";
      space = false;
      continue;
    }
    if (space && out !== "" && !out.endsWith(" ")) out += " ";
    space = false;
    const prev = cvs[k - 1];
    switch (t.t) {
      case "ident": {
        const afterColon = prev && prev.t === "colon";
        const afterDot = prev && prev.t === "delim" && prev.v === ".";
        out += afterColon || (!afterDot && !(prev && prev.t === "delim" && prev.v === "|")) ? serializeIdent(lowerASCII(t.v)) : serializeIdent(t.v);
        break;
      }
      case "hash": out += "#" + serializeIdent(t.v); break;
      case "block": out += t.open === "[" ? serializeAttributeSelector(t.v) : t.open + serializeSelector(t.v) + CLOSE[t.open]; break;
      case "func": {
        const f = lowerASCII(t.v);
        out += serializeIdent(f) + "(" + (/^nth-/.test(f) ? serializeNth(t.args) : serializeSelector(t.args)) + ")";
        break;
      }
      case "colon": out += ":"; break;
      case "str": out += serializeString(t.v); break;
      default: out += serializeCV(t, true);
    }
  }
  return out.trim();
}
function serializeAttributeSelector(v) {
  const p = nonWS(v);
  let k = 0, out = "[";
  if (p[k] && p[k].t === "delim" && p[k].v === "|") { out += "|"; k++; }
  if (p[k]) { out += p[k].t === "ident" ? serializeIdent(p[k].v) : serializeCV(p[k], true); k++; }
  if (p[k] && p[k].t === "delim" && p[k].v === "|" && p[k + 1] && p[k + 1].t !== "delim") { out += "|" + serializeIdent(p[k + 1].v); k += 2; }
  let op = "";
  while (p[k] && p[k].t === "delim") op += p[k++].v;
  if (op) {
    out += op;
    const val = p[k++];
    if (val) out += serializeString(val.t === "str" || val.t === "ident" ? val.v : serializeCV(val, true));
    if (p[k] && p[k].t === "ident") out += " " + lowerASCII(p[k].v);
  }
  return out + "]";
}
function serializeNth(args) {
  return serializeRaw(args).trim().replace(/\s*([+-])\s*(?=\d)/g, (m, s) => (m.trim() === s ? s : s)).replace(/\s+of\s+/i, " of ").toLowerCase();
}

// Whether a selector list is valid: dom.js's parser decides (what it cannot match is invalid here too).
let probeElement = null;
const nativeMatches = global.Element && global.Element.prototype.matches;
function validSelector(text) {
  if (!text) return false;
  if (!probeElement) {
    try { probeElement = host.dom.parseHTMLDocument("").createElement("div"); } catch (e) { return true; }
  }
  try { nativeMatches.call(probeElement, text); return true; } catch (e) { return false; }
}
function matchesSelector(el, text) {
  try { return nativeMatches.call(el, text); } catch (e) { return false; }
}

// ---------------------------------------------------------------------------------------------
// Media queries. https://drafts.csswg.org/mediaqueries-4/
// A query: {not, only, type, features: [{name, value (cvs)|null, op, raw}]} or {invalid: true}.
const VIEWPORT = { width: 800, height: 600 };
function parseMediaList(text) {
  const cvs = typeof text === "string" ? componentValues(text) : text;
  if (nonWS(cvs).length === 0) return [];
  return splitCommas(cvs).map((part) => parseMediaQuery(nonWS(part)));
}
function parseMediaQuery(p) {
  const q = { not: false, only: false, type: null, features: [] };
  let k = 0;
  if (p.length === 0) return { invalid: true };
  if (identIs(p[k], "not")) { q.not = true; k++; }
  else if (identIs(p[k], "only")) { q.only = true; k++; }
  if (p[k] && p[k].t === "ident" && !identIs(p[k], "and", "or", "not")) { q.type = lowerASCII(p[k].v); k++; }
  else if (q.not || q.only) {
    if (q.only) return { invalid: true };
  }
  let expectAnd = q.type !== null;
  while (k < p.length) {
    if (expectAnd) {
      if (!identIs(p[k], "and")) return { invalid: true };
      k++;
      expectAnd = false;
      continue;
    }
    const b = p[k++];
    if (!b || b.t !== "block" || b.open !== "(") return { invalid: true };
    const f = parseFeature(b.v);
    if (!f) return { invalid: true };
    q.features.push(f);
    expectAnd = true;
  }
  if (!expectAnd && (q.type !== null || q.features.length)) return { invalid: true };
  if (q.type === null && q.features.length === 0) return { invalid: true };
  return q;
}
function parseFeature(v) {
  const p = nonWS(v);
  if (p.length === 1 && p[0].t === "ident") return { name: lowerASCII(p[0].v), value: null, op: null };
  if (p.length >= 3 && p[0].t === "ident" && p[1].t === "colon") return { name: lowerASCII(p[0].v), value: p.slice(2), op: ":" };
  // Range syntax with one comparison: (width >= 600px) or (600px < width).
  const ops = [];
  let k = 0;
  const left = [], right = [];
  for (; k < p.length && p[k].t !== "delim"; k++) left.push(p[k]);
  while (k < p.length && p[k].t === "delim" && /^[<>=]$/.test(p[k].v)) ops.push(p[k++].v);
  for (; k < p.length; k++) right.push(p[k]);
  const op = ops.join("");
  if (!["<", "<=", ">", ">=", "="].includes(op) || !left.length || !right.length) return null;
  if (left.length === 1 && left[0].t === "ident") return { name: lowerASCII(left[0].v), value: right, op };
  if (right.length === 1 && right[0].t === "ident") {
    const flip = { "<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "=" }[op];
    return { name: lowerASCII(right[0].v), value: left, op: flip, reversed: op };
  }
  return null;
}
function serializeMediaQuery(q) {
  if (q.invalid) return "not all";
  const parts = [];
  if (q.not) parts.push("not");
  if (q.only) parts.push("only");
  if (q.type) parts.push(q.type);
  for (const f of q.features) {
    if (parts.length && !(parts.length === 1 && (q.not || q.only) && !q.type)) parts.push("and");
    if (f.op === null) parts.push("(" + f.name + ")");
    else if (f.op === ":") parts.push("(" + f.name + ": " + serializeValue(f.value, null) + ")");
    else if (f.reversed) parts.push("(" + serializeValue(f.value, null) + " " + f.reversed + " " + f.name + ")");
    else parts.push("(" + f.name + " " + f.op + " " + serializeValue(f.value, null) + ")");
  }
  return parts.join(" ");
}
const serializeMediaList = (list) => list.map(serializeMediaQuery).join(", ");
function mediaLength(v) {
  const p = nonWS(v || []);
  if (p.length !== 1) return NaN;
  const c = p[0];
  if (c.t === "num" && c.n === 0) return 0;
  if (c.t !== "dim") return NaN;
  const u = lowerASCII(c.unit);
  const f = { px: 1, em: 16, rem: 16, pt: 4 / 3, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, vw: VIEWPORT.width / 100, vh: VIEWPORT.height / 100 }[u];
  return f === undefined ? NaN : c.n * f;
}
function compare(a, op, b) {
  switch (op) { case "<": return a < b; case "<=": return a <= b; case ">": return a > b; case ">=": return a >= b; default: return a === b; }
}
function featureMatches(f) {
  let name = f.name, op = f.op;
  if (op === ":" && /^(min|max)-/.test(name)) { op = name.startsWith("min-") ? ">=" : "<="; name = name.slice(4); }
  else if (op === ":") op = "=";
  const word = f.value && nonWS(f.value).length === 1 && nonWS(f.value)[0].t === "ident" ? lowerASCII(nonWS(f.value)[0].v) : null;
  const num = f.value && nonWS(f.value).length === 1 && nonWS(f.value)[0].t === "num" ? nonWS(f.value)[0].n : NaN;
  switch (name) {
    case "width": case "height": case "device-width": case "device-height": {
      const have = name.endsWith("width") ? VIEWPORT.width : VIEWPORT.height;
      if (op === null) return have > 0;
      return compare(have, op, mediaLength(f.value));
    }
    case "orientation": return op === null || word === (VIEWPORT.width >= VIEWPORT.height ? "landscape" : "portrait");
    case "prefers-color-scheme": return op === null ? false : word === "light";
    case "prefers-reduced-motion": case "prefers-reduced-transparency": case "prefers-reduced-data": return op === null ? false : word === "no-preference";
    case "prefers-contrast": return op === null ? false : word === "no-preference";
    case "forced-colors": case "inverted-colors": return op === null ? false : word === "none";
    case "scripting": return op === null || word === "enabled";
    case "hover": case "any-hover": return op === null ? true : word === "hover";
    case "pointer": case "any-pointer": return op === null ? true : word === "fine";
    case "color": return op === null ? true : compare(8, op, num);
    case "monochrome": case "grid": return op === null ? false : compare(0, op, num);
    case "resolution": {
      const p = f.value && nonWS(f.value)[0];
      const dppx = p && p.t === "dim" ? ({ dppx: 1, x: 1, dpi: 1 / 96, dpcm: 2.54 / 96 })[lowerASCII(p.unit)] * p.n : NaN;
      return op === null ? true : compare(1, op, dppx);
    }
    case "display-mode": return word === "browser";
    case "aspect-ratio": {
      const p = nonWS(f.value || []);
      if (op === null) return true;
      const ratio = p.length === 3 && p[1].t === "delim" && p[1].v === "/" ? p[0].n / p[2].n : p.length === 1 ? p[0].n : NaN;
      return compare(VIEWPORT.width / VIEWPORT.height, op, ratio);
    }
    default: return false;
  }
}
function queryMatches(q) {
  if (q.invalid) return false;
  let ok = q.type === null || q.type === "all" || q.type === "screen";
  if (ok) for (const f of q.features) if (!featureMatches(f)) { ok = false; break; }
  return q.not ? !ok : ok;
}
const mediaListMatches = (list) => list.length === 0 || list.some(queryMatches);

// @supports conditions. https://drafts.csswg.org/css-conditional-3/#at-supports
function supportsCondition(cvs) {
  const p = nonWS(cvs);
  if (p.length === 0) return false;
  if (identIs(p[0], "not")) return p.length === 2 ? !supportsInParens(p[1]) : false;
  let result = supportsInParens(p[0]);
  for (let k = 1; k < p.length; k += 2) {
    const op = p[k], next = p[k + 1];
    if (!next) return false;
    if (identIs(op, "and")) result = result && supportsInParens(next);
    else if (identIs(op, "or")) result = result || supportsInParens(next);
    else return false;
  }
  return result;
}
function supportsInParens(c) {
  if (c.t === "func" && lowerASCII(c.v) === "selector") return validSelector(serializeSelector(c.args));
  if (c.t !== "block" || c.open !== "(") return false;
  const inner = nonWS(c.v);
  if (inner.length >= 1 && (inner[0].t === "block" || identIs(inner[0], "not") || (inner[0].t === "func" && lowerASCII(inner[0].v) === "selector"))) return supportsCondition(c.v);
  const d = c.v[0] && c.v[0].t === "ident" ? declarationFrom(trimWS(c.v)) : null;
  if (!d) return false;
  const name = d.name.startsWith("--") ? d.name : lowerASCII(d.name);
  return knownProperty(name) && validDeclaration(name, d.cvs) && !d.important;
}

// ---------------------------------------------------------------------------------------------
// 4. The CSSOM. https://drafts.csswg.org/cssom/
// Every CSSOM object's state lives in `priv` (not reachable from page scripts):
//   sheet  {kind:"sheet", obj, rules, href, ownerNode, originClean, disabled, media, constructed, title, failed}
//   rule   {kind, obj, sheet, parent, ...} (kind: style media supports import font-face page namespace
//          keyframes keyframe layer container other)
//   decls  {kind:"decls", list:[{name, value, important}], rule}   computed {kind:"computed", el}
const priv = new WeakMap();
function recOf(o, iface) {
  const r = o !== null && typeof o === "object" ? priv.get(o) : undefined;
  if (!r) throw new TypeError("Illegal invocation");
  return r;
}
const needArgs = (iface, method, n, got) => {
  if (got < n) throw new TypeError(failed(method, iface, n + " argument" + (n > 1 ? "s" : "") + " required, but only " + got + " present."));
};

// --- parsing into CSSOM records -------------------------------------------------------------
const KNOWN_AT_RULES = new Set(["property", "counter-style", "font-feature-values", "font-palette-values", "view-transition",
  "position-try", "scope", "starting-style", "-webkit-keyframes"]);
function parseSheetText(text, sheet) {
  return buildRules(consumeRuleList(new Stream(tokenize(String(text).replace(/^\uFEFF/, ""))), true), sheet, null, true);
}
function buildRules(raw, sheet, parent, top) {
  const out = [];
  let early = top;  // @import and @namespace only before other rules
  for (const r of raw) {
    const rec = buildRule(r, sheet, parent, early);
    if (!rec) continue;
    if (rec.kind !== "import" && rec.kind !== "namespace" && !(rec.kind === "layer" && rec.statement)) early = false;
    out.push(rec);
  }
  return out;
}
function newRule(kind, sheet, parent, extra) {
  const rec = Object.assign({ kind, sheet, parent }, extra);
  rec.obj = Object.create(kind === "layer" && rec.statement ? CSSLayerStatementRule.prototype : RULE_PROTOS[kind]());
  priv.set(rec.obj, rec);
  return rec;
}
function blockDecls(block, rule) {
  const d = { kind: "decls", list: [], rule, obj: null };
  if (block) for (const x of consumeDeclarations(block.v)) addDeclaration(d.list, x.name, x.cvs, x.important);
  return d;
}
// Adds a parsed declaration if its property is known and its value valid (later wins, but a
// normal declaration does not replace an !important one of the same block).
function addDeclaration(list, rawName, cvs, important) {
  const name = rawName.startsWith("--") ? rawName : lowerASCII(rawName);
  if (!knownProperty(name) || !validDeclaration(name, cvs)) return false;
  const k = list.findIndex((e) => e.name === name);
  if (k >= 0) {
    if (list[k].important && !important) return false;
    list.splice(k, 1);
  }
  list.push({ name, value: serializeValue(cvs, name), important: !!important });
  return true;
}
function buildRule(r, sheet, parent, early) {
  if (r.at === null) {
    const sel = trimWS(r.prelude);
    const rule = newRule("style", sheet, parent, {});
    if (!setSelectors(rule, sel)) return null;
    rule.decls = blockDecls(r.block, rule);
    return rule;
  }
  const name = lowerASCII(r.at);
  const prelude = trimWS(r.prelude);
  const nested = (rec) => { rec.rules = r.block ? buildRules(consumeRuleList(new Stream(r.block.v), false), sheet, rec, false) : []; return rec; };
  switch (name) {
    case "media":
      if (!r.block) return null;
      return nested(newRule("media", sheet, parent, { media: newMediaList(parseMediaList(prelude), null) }));
    case "supports":
      if (!r.block || !prelude.length) return null;
      return nested(newRule("supports", sheet, parent, { condition: serializeValue(prelude, null) }));
    case "container":
      if (!r.block) return null;
      return nested(newRule("container", sheet, parent, { condition: serializeValue(prelude, null) }));
    case "layer":
      if (!r.block) return newRule("layer", sheet, parent, { statement: true, names: splitCommas(prelude).map((p) => serializeRaw(trimWS(p))) });
      return nested(newRule("layer", sheet, parent, { statement: false, names: [serializeRaw(prelude).trim()] }));
    case "import": {
      if (!early || r.block) return null;
      const p = nonWS(prelude);
      const first = p[0];
      let href = null;
      if (first && (first.t === "url" || first.t === "str")) href = first.v;
      else if (first && first.t === "func" && lowerASCII(first.v) === "url") { const a = nonWS(first.args)[0]; href = a && a.t === "str" ? a.v : null; }
      if (href === null) return null;
      return newRule("import", sheet, parent, { href, media: newMediaList(parseMediaList(trimWS(prelude.slice(prelude.indexOf(first) + 1))), null) });
    }
    case "namespace": {
      if (!early || r.block) return null;
      const p = nonWS(prelude);
      let prefix = "", uri = p[0];
      if (p.length === 2 && p[0].t === "ident") { prefix = p[0].v; uri = p[1]; }
      if (!uri || (uri.t !== "url" && uri.t !== "str")) return null;
      return newRule("namespace", sheet, parent, { prefix, uri: uri.v });
    }
    case "font-face":
      if (!r.block || prelude.length) return null;
      { const rule = newRule("font-face", sheet, parent, {}); rule.decls = blockDecls(r.block, rule); return rule; }
    case "page": {
      if (!r.block) return null;
      const rule = newRule("page", sheet, parent, { selector: serializeSelector(prelude), rules: [] });
      rule.decls = blockDecls(r.block, rule);
      return rule;
    }
    case "keyframes": case "-webkit-keyframes": {
      const p = nonWS(prelude);
      if (!r.block || p.length !== 1 || (p[0].t !== "ident" && p[0].t !== "str") || (p[0].t === "ident" && CSS_WIDE.has(lowerASCII(p[0].v)))) return null;
      const rule = newRule("keyframes", sheet, parent, { name: p[0].v, prefixed: name !== "keyframes", rules: [] });
      for (const kr of consumeRuleList(new Stream(r.block.v), false)) {
        const key = keyText(kr.prelude);
        if (kr.at !== null || key === null) continue;
        const k = newRule("keyframe", sheet, rule, { key });
        k.decls = blockDecls(kr.block, k);
        rule.rules.push(k);
      }
      return rule;
    }
    case "charset": return null;  // dropped from the CSSOM
    default: {
      if (!KNOWN_AT_RULES.has(name)) return null;
      let text = "@" + name + (prelude.length ? " " + serializeRaw(prelude).trim() : "");
      if (r.block) {
        const decls = consumeDeclarations(r.block.v);
        text += decls.length ? " { " + decls.map((d) => d.name + ": " + serializeRaw(d.cvs).trim() + ";").join(" ") + " }" : " { }";
      } else text += ";";
      return newRule("other", sheet, parent, { name, text });
    }
  }
}
function keyText(prelude) {
  const parts = splitCommas(prelude).map((p) => nonWS(p));
  const keys = [];
  for (const p of parts) {
    if (p.length !== 1) return null;
    if (identIs(p[0], "from")) keys.push("0%");
    else if (identIs(p[0], "to")) keys.push("100%");
    else if (p[0].t === "pct" && p[0].n >= 0 && p[0].n <= 100) keys.push(fmtNum(p[0].n) + "%");
    else return null;
  }
  return keys.join(", ");
}
function setSelectors(rule, cvs) {
  const text = serializeSelector(cvs);
  if (!text || !validSelector(text)) return false;
  rule.selectorText = text;
  rule.selectors = splitCommas(cvs).map((part) => {
    const p = trimWS(part);
    return { text: serializeSelector(p), spec: specValue(specificity(p)) };
  });
  return true;
}
// Parses exactly one rule (https://drafts.csswg.org/cssom/#parse-a-css-rule).
function parseOneRule(text, sheet, parent, allowImport) {
  const st = new Stream(tokenize(text));
  while (!st.done() && st.peek().t === "ws") st.next();
  if (st.done()) return null;
  const raw = st.peek().t === "at" ? consumeAtRule(st) : consumeQualifiedRule(st);
  while (!st.done() && st.peek().t === "ws") st.next();
  if (!raw || !st.done()) return null;
  return buildRule(raw, sheet, parent, allowImport);
}

// --- cssText ---------------------------------------------------------------------------------
function declText(d) { return d.list.map((e) => e.name + ": " + e.value + (e.important ? " !important" : "") + ";").join(" "); }
function blockText(d) { const t = declText(d); return t ? "{ " + t + " }" : "{ }"; }
function groupText(rec, head) {
  return head + " {\n" + rec.rules.map((r) => "  " + ruleText(r).replace(/\n/g, "\n  ") + "\n").join("") + "}";
}
function ruleText(rec) {
  switch (rec.kind) {
    case "style": return rec.selectorText + " " + blockText(rec.decls);
    case "media": { const m = mediaText(rec.media); return groupText(rec, "@media" + (m ? " " + m : "")); }
    case "supports": return groupText(rec, "@supports " + rec.condition);
    case "container": return groupText(rec, "@container " + rec.condition);
    case "layer": return rec.statement ? "@layer " + rec.names.join(", ") + ";" : groupText(rec, "@layer" + (rec.names[0] ? " " + rec.names[0] : ""));
    case "import": { const m = mediaText(rec.media); return "@import url(" + serializeString(rec.href) + ")" + (m ? " " + m : "") + ";"; }
    case "namespace": return "@namespace " + (rec.prefix ? serializeIdent(rec.prefix) + " " : "") + "url(" + serializeString(rec.uri) + ");";
    case "font-face": return "@font-face " + blockText(rec.decls);
    case "page": return "@page " + (rec.selector ? rec.selector + " " : "") + blockText(rec.decls);
    case "keyframes": return "@" + (rec.prefixed ? "-webkit-" : "") + "keyframes " + serializeIdent(rec.name) + " { \n" +
      rec.rules.map((k) => "  " + ruleText(k) + "\n").join("") + "}";
    case "keyframe": return rec.key + " " + blockText(rec.decls);
    default: return rec.text;
  }
}

// --- CSSStyleDeclaration -----------------------------------------------------------------------
// Longhand -> {value, important}, in first-declared order, shorthands expanded.
function expandedList(d) {
  const m = new Map();
  for (const e of d.list) {
    for (const [l, cv] of expand(e.name, e.cvs || (e.cvs = trimWS(componentValues(e.value))))) {
      const old = m.get(l);
      if (old && old.important && !e.important) continue;
      if (old) m.delete(l);
      m.set(l, { value: serializeValue(cv, l), important: e.important });
    }
  }
  return m;
}
function composeShorthand(name, get) {  // get(longhand) -> value or undefined
  const sub = SHORTHANDS.get(name);
  const vals = sub.map(get);
  if (vals.some((v) => v === undefined || v === "")) return "";
  switch (name) {
    case "margin": case "padding": case "inset": case "border-width": case "border-style": case "border-color": case "border-radius":
      return collapseSides(vals);
    case "overflow": case "gap": return vals[0] === vals[1] ? vals[0] : vals.join(" ");
    case "border": {
      const sides = SIDES.map((s) => ["width", "style", "color"].map((k) => get("border-" + s + "-" + k)).join(" "));
      return sides.every((x) => x === sides[0]) ? sides[0] : "";
    }
    default: return vals.join(" ");
  }
}
function propName(p) { p = String(p); return p.startsWith("--") ? p : lowerASCII(p); }
const COMPUTED_READONLY = (method, p) => domErr(failed(method, "CSSStyleDeclaration", "These styles are computed, and therefore the '" + p + "' property is read-only."), "NoModificationAllowedError");
function declGet(rec, p) {
  if (rec.kind === "computed") return computedValue(rec, p);
  const e = rec.list.filter((x) => x.name === p).pop();
  if (e) return e.value;
  const m = expandedList(rec);
  if (SHORTHANDS.has(p)) {
    const sub = SHORTHANDS.get(p);
    const imp = sub.map((l) => m.get(l) && m.get(l).important);
    if (imp.some((x) => x !== imp[0])) return "";
    return composeShorthand(p, (l) => (m.get(l) ? m.get(l).value : undefined));
  }
  const v = m.get(p);
  return v ? v.value : "";
}
function declSet(rec, p, value, priority, method) {
  if (rec.kind === "computed") throw COMPUTED_READONLY(method || "setProperty", p);
  if (!knownProperty(p)) return;
  value = value === null ? "" : String(value);
  if (value.trim() === "") { declRemove(rec, p); return; }
  const prio = lowerASCII(String(priority === undefined || priority === null ? "" : priority));
  if (prio !== "" && prio !== "important") return;
  const cvs = trimWS(componentValues(value));
  if (!validDeclaration(p, cvs)) return;
  const entry = { name: p, value: serializeValue(cvs, p), important: prio === "important" };
  const sub = SHORTHANDS.get(p) || [];
  rec.list = rec.list.filter((e) => !sub.includes(e.name));
  const k = rec.list.findIndex((e) => e.name === p);
  if (k >= 0) rec.list[k] = entry; else rec.list.push(entry);
  declChanged(rec);
}
function declRemove(rec, p) {
  if (rec.kind === "computed") throw COMPUTED_READONLY("removeProperty", p);
  const old = declGet(rec, p);
  const sub = SHORTHANDS.get(p) || [];
  const before = rec.list.length;
  rec.list = rec.list.filter((e) => e.name !== p && !sub.includes(e.name));
  if (rec.list.length !== before) declChanged(rec);
  return old;
}
function declChanged(rec) { if (rec.onchange) rec.onchange(); }
function declObject(rec) {
  if (!rec.obj) {
    ensureDeclAccessors();
    rec.obj = Object.create(DeclProto);
    priv.set(rec.obj, rec);
  }
  return rec.obj;
}
// The prototype of the CSSOM's declarations: below CSSStyleDeclaration.prototype (whose own
// members serve dom.js's element.style), made on first use.
let DeclProto = null;
const declMembers = {
  get length() { const r = recOf(this); return r.kind === "computed" ? (connectedTo(r.el) ? computedNames().length : 0) : expandedList(r).size; },
  item(i) {
    const r = recOf(this);
    i = Number(i) >>> 0;
    if (r.kind === "computed") return connectedTo(r.el) ? computedNames()[i] || "" : "";
    return [...expandedList(r).keys()][i] || "";
  },
  getPropertyValue(p) { needArgs("CSSStyleDeclaration", "getPropertyValue", 1, arguments.length); return declGet(recOf(this), propName(p)); },
  getPropertyPriority(p) {
    needArgs("CSSStyleDeclaration", "getPropertyPriority", 1, arguments.length);
    const r = recOf(this);
    if (r.kind === "computed") return "";
    p = propName(p);
    const e = r.list.filter((x) => x.name === p).pop();
    if (e) return e.important ? "important" : "";
    const m = expandedList(r);
    const sub = SHORTHANDS.get(p) || [p];
    return sub.every((l) => m.get(l) && m.get(l).important) ? "important" : "";
  },
  setProperty(p, value, priority) {
    needArgs("CSSStyleDeclaration", "setProperty", 2, arguments.length);
    declSet(recOf(this), propName(p), value, priority);
  },
  removeProperty(p) { needArgs("CSSStyleDeclaration", "removeProperty", 1, arguments.length); return declRemove(recOf(this), propName(p)); },
  get cssText() { const r = recOf(this); return r.kind === "computed" ? "" : declText(r); },
  set cssText(v) {
    const r = recOf(this);
    if (r.kind === "computed") throw domErr("Failed to set the 'cssText' property on 'CSSStyleDeclaration': These styles are computed, and therefore they can't be modified.", "NoModificationAllowedError");
    r.list = [];
    for (const x of consumeDeclarations(componentValues(v === null ? "" : String(v)))) addDeclaration(r.list, x.name, x.cvs, x.important);
    declChanged(r);
  },
  get cssFloat() { return declGet(recOf(this), "float"); },
  set cssFloat(v) { declSet(recOf(this), "float", v, "", "cssFloat"); },
  get parentRule() { const r = recOf(this); return r.kind === "decls" && r.rule ? r.rule.obj : null; },
};
// Named properties: camelCase (backgroundColor, webkitTransform and WebkitTransform) and the
// property names themselves (style["background-color"]), defined on first use.
function ensureDeclAccessors() {
  if (DeclProto) return;
  const Iface = global.CSSStyleDeclaration;
  DeclProto = Object.create(Iface ? Iface.prototype : Object.prototype);
  Object.defineProperties(DeclProto, Object.getOwnPropertyDescriptors(declMembers));
  const names = new Set([...LONGHANDS.keys(), ...SHORTHANDS.keys(), ...OTHER_PROPERTIES]);
  const props = {};
  for (const name of names) {
    const camel = name.replace(/-([a-z])/g, (m, c) => c.toUpperCase());
    const desc = {
      get() { return declGet(recOf(this), name); },
      set(v) { declSet(recOf(this), name, v, "", null); },
      configurable: true, enumerable: true,
    };
    for (const k of [camel, name]) if (!(k in DeclProto)) props[k] = desc;
  }
  props.float = props.float || { get() { return declGet(recOf(this), "float"); }, set(v) { declSet(recOf(this), "float", v, ""); }, configurable: true, enumerable: true };
  Object.defineProperties(DeclProto, props);
}

// --- MediaList -------------------------------------------------------------------------------
// {kind:"medialist", list, source (() -> attribute text) | null, seen}
function newMediaList(list, source) {
  const rec = { kind: "medialist", list, source, seen: source ? source() : null, obj: null };
  rec.obj = Object.create(MediaList.prototype);
  priv.set(rec.obj, rec);
  return rec;
}
function mediaSync(rec) {
  if (rec.source) {
    const now = rec.source();
    if (now !== rec.seen) { rec.seen = now; rec.list = parseMediaList(now || ""); }
  }
  return rec.list;
}
const mediaText = (rec) => serializeMediaList(mediaSync(rec));
class MediaList {
  constructor() { illegal(); }
  get mediaText() { return mediaText(recOf(this)); }
  set mediaText(v) { const r = recOf(this); mediaSync(r); r.list = parseMediaList(v === null ? "" : String(v)); }
  get length() { return mediaSync(recOf(this)).length; }
  item(i) { const l = mediaSync(recOf(this)); const q = l[Number(i) >>> 0]; return q ? serializeMediaQuery(q) : null; }
  appendMedium(m) {
    needArgs("MediaList", "appendMedium", 1, arguments.length);
    const r = recOf(this);
    const l = mediaSync(r);
    const q = parseMediaList(String(m));
    if (q.length !== 1 || q[0].invalid) return;
    const text = serializeMediaQuery(q[0]);
    if (!l.some((x) => serializeMediaQuery(x) === text)) l.push(q[0]);
  }
  deleteMedium(m) {
    needArgs("MediaList", "deleteMedium", 1, arguments.length);
    const r = recOf(this);
    const l = mediaSync(r);
    const q = parseMediaList(String(m));
    const text = q.length === 1 ? serializeMediaQuery(q[0]) : "";
    const k = l.findIndex((x) => serializeMediaQuery(x) === text);
    if (k < 0) throw domErr(failed("deleteMedium", "MediaList", "Failed to delete '" + m + "'."), "NotFoundError");
    l.splice(k, 1);
  }
  toString() { return this.mediaText; }
}
exposeCSS("MediaList", MediaList);

// --- lists (CSSRuleList, StyleSheetList): live, index access through a Proxy ------------------
function liveList(proto, items, wrap) {
  const target = Object.create(proto);
  const index = (k) => (typeof k === "string" && /^(0|[1-9]\d*)$/.test(k) ? Number(k) : -1);
  const proxy = new Proxy(target, {
    get(t, k, r) { const i = index(k); if (i >= 0) { const x = items()[i]; return x ? wrap(x) : undefined; } return Reflect.get(t, k, r); },
    has(t, k) { const i = index(k); return i >= 0 ? i < items().length : Reflect.has(t, k); },
    ownKeys(t) { return items().map((x, i) => String(i)).concat(Reflect.ownKeys(t)); },
    getOwnPropertyDescriptor(t, k) {
      const i = index(k);
      if (i >= 0) { const x = items()[i]; return x ? { value: wrap(x), writable: false, enumerable: true, configurable: true } : undefined; }
      return Reflect.getOwnPropertyDescriptor(t, k);
    },
    set(t, k, v, r) { return index(k) >= 0 ? true : Reflect.set(t, k, v, r); },
    defineProperty(t, k, d) { return index(k) >= 0 ? false : Reflect.defineProperty(t, k, d); },
  });
  const rec = { kind: "list", items, wrap };
  priv.set(proxy, rec);
  priv.set(target, rec);
  return proxy;
}
class CSSRuleList {
  constructor() { illegal(); }
  get length() { return recOf(this).items().length; }
  item(i) { const r = recOf(this); const x = r.items()[Number(i) >>> 0]; return x ? r.wrap(x) : null; }
  [Symbol.iterator]() { const r = recOf(this); return r.items().map(r.wrap)[Symbol.iterator](); }
}
exposeCSS("CSSRuleList", CSSRuleList);
class StyleSheetList {
  constructor() { illegal(); }
  get length() { return recOf(this).items().length; }
  item(i) { const r = recOf(this); const x = r.items()[Number(i) >>> 0]; return x ? r.wrap(x) : null; }
  [Symbol.iterator]() { const r = recOf(this); return r.items().map(r.wrap)[Symbol.iterator](); }
}
exposeCSS("StyleSheetList", StyleSheetList);
const ruleObj = (r) => r.obj;
function rulesOf(rec) { return rec.ruleList || (rec.ruleList = liveList(CSSRuleList.prototype, () => rec.rules, ruleObj)); }

// --- StyleSheet, CSSStyleSheet ---------------------------------------------------------------
// The engine decides (host.styleRuleAccess records the verdict and throws the SecurityError).
function checkRuleAccess(sheet, member) {
  if (typeof host.styleRuleAccess === "function") { host.styleRuleAccess(member, !!sheet.originClean, sheet.href || ""); return; }
  if (!sheet.originClean) {
    const msg = member === "cssRules" || member === "rules" ? "Failed to read the '" + member + "' property from 'CSSStyleSheet': Cannot access rules"
      : failed(member, "CSSStyleSheet", "Cannot access StyleSheet to " + (member === "insertRule" || member === "addRule" ? "insertRule" : "deleteRule"));
    throw domErr(msg, "SecurityError");
  }
}
function newSheet(init) {
  const rec = Object.assign({ kind: "sheet", rules: [], href: null, ownerNode: null, originClean: true, disabled: false,
    constructed: false, title: null, failed: false }, init);
  rec.obj = Object.create(CSSStyleSheet.prototype);
  priv.set(rec.obj, rec);
  return rec;
}
function sheetRec(o, method) {
  const r = recOf(o);
  if (r.kind !== "sheet") throw new TypeError("Illegal invocation");
  return r;
}
class StyleSheet {
  constructor() { illegal(); }
  get type() { sheetRec(this); return "text/css"; }
  get href() { return sheetRec(this).href; }
  get ownerNode() { return sheetRec(this).ownerNode; }
  get parentStyleSheet() { sheetRec(this); return null; }
  get title() { const r = sheetRec(this); if (r.ownerNode) { const t = getAttr(r.ownerNode, "title"); return t === null || t === "" ? null : t; } return r.title; }
  get media() { return sheetRec(this).media.obj; }
  set media(v) { sheetRec(this).media.obj.mediaText = v; }
  get disabled() { return sheetRec(this).disabled; }
  set disabled(v) { sheetRec(this).disabled = !!v; }
}
exposeCSS("StyleSheet", StyleSheet);
class CSSStyleSheet extends StyleSheet {
  // https://drafts.csswg.org/cssom/#dom-cssstylesheet-cssstylesheet (constructed style sheets)
  constructor(options) {
    // StyleSheet's constructor is illegal; build the object by hand.
    const o = Object.create(new.target ? new.target.prototype : CSSStyleSheet.prototype);
    const rec = newSheet({ constructed: true });
    priv.delete(rec.obj);
    rec.obj = o;
    priv.set(o, rec);
    const opts = options || {};
    rec.media = newMediaList(parseMediaList(opts.media === undefined ? "" : typeof opts.media === "string" ? opts.media : String(opts.media.mediaText || "")), null);
    rec.disabled = !!opts.disabled;
    return o;
  }
  get ownerRule() { sheetRec(this); return null; }
  get cssRules() { const r = sheetRec(this); checkRuleAccess(r, "cssRules"); return rulesOf(r); }
  get rules() { const r = sheetRec(this); checkRuleAccess(r, "rules"); return rulesOf(r); }
  insertRule(rule, index) {
    needArgs("CSSStyleSheet", "insertRule", 1, arguments.length);
    return sheetInsert(sheetRec(this), String(rule), index === undefined ? 0 : Number(index) >>> 0, "insertRule");
  }
  deleteRule(index) {
    needArgs("CSSStyleSheet", "deleteRule", 1, arguments.length);
    sheetDelete(sheetRec(this), Number(index) >>> 0, "deleteRule");
  }
  addRule(selector, style, index) {
    const r = sheetRec(this);
    selector = selector === undefined ? "undefined" : String(selector);
    style = style === undefined ? "undefined" : String(style);
    const text = selector + " { " + style + (style ? " " : "") + "}";
    checkRuleAccess(r, "addRule");
    sheetInsert(r, text, index === undefined ? r.rules.length : Number(index) >>> 0, "addRule");
    return -1;
  }
  removeRule(index) { sheetDelete(sheetRec(this), index === undefined ? 0 : Number(index) >>> 0, "removeRule"); }
  replace(text) {
    const r = sheetRec(this);
    if (!r.constructed) return Promise.reject(domErr(failed("replace", "CSSStyleSheet", "Can't call replace on non-constructed CSSStyleSheets."), "NotAllowedError"));
    r.rules = parseSheetText(String(text), r).filter((x) => x.kind !== "import");
    return Promise.resolve(this);
  }
  replaceSync(text) {
    needArgs("CSSStyleSheet", "replaceSync", 1, arguments.length);
    const r = sheetRec(this);
    if (!r.constructed) throw domErr(failed("replaceSync", "CSSStyleSheet", "Can't call replaceSync on non-constructed CSSStyleSheets."), "NotAllowedError");
    r.rules = parseSheetText(String(text), r).filter((x) => x.kind !== "import");
  }
}
exposeCSS("CSSStyleSheet", CSSStyleSheet);
function sheetInsert(r, text, index, method) {
  if (method === "insertRule") checkRuleAccess(r, "insertRule");
  if (index > r.rules.length) {
    throw domErr(failed(method, "CSSStyleSheet", "The index provided (" + index + ") is larger than the maximum index (" + r.rules.length + ")."), "IndexSizeError");
  }
  const early = r.rules.slice(0, index).every((x) => x.kind === "import" || x.kind === "namespace");
  const rule = parseOneRule(text, r, null, true);
  if (!rule) throw domErr(failed(method, "CSSStyleSheet", "Failed to parse the rule '" + text + "'."), "SyntaxError");
  if (rule.kind === "import" && r.constructed) throw domErr(failed(method, "CSSStyleSheet", "Can't insert @import rules into a constructed stylesheet."), "SyntaxError");
  if ((rule.kind === "import" || rule.kind === "namespace") && !early) throw domErr(failed(method, "CSSStyleSheet", "Failed to insert the rule."), "HierarchyRequestError");
  if (rule.kind !== "import" && r.rules.slice(index).some((x) => x.kind === "import")) throw domErr(failed(method, "CSSStyleSheet", "Failed to insert the rule."), "HierarchyRequestError");
  r.rules.splice(index, 0, rule);
  return index;
}
function sheetDelete(r, index, method) {
  checkRuleAccess(r, method);
  if (index >= r.rules.length) {
    throw domErr(failed(method, "CSSStyleSheet", "The index provided (" + index + ") is larger than the maximum index (" + ((r.rules.length - 1) >>> 0) + ")."), "IndexSizeError");
  }
  const [gone] = r.rules.splice(index, 1);
  gone.sheet = null; gone.parent = null;
}

// --- CSSRule and its kinds -------------------------------------------------------------------
const RULE_TYPES = { STYLE_RULE: 1, CHARSET_RULE: 2, IMPORT_RULE: 3, MEDIA_RULE: 4, FONT_FACE_RULE: 5, PAGE_RULE: 6,
  KEYFRAMES_RULE: 7, KEYFRAME_RULE: 8, MARGIN_RULE: 9, NAMESPACE_RULE: 10, COUNTER_STYLE_RULE: 11, SUPPORTS_RULE: 12,
  FONT_FEATURE_VALUES_RULE: 14 };
const TYPE_OF = { style: 1, import: 3, media: 4, "font-face": 5, page: 6, keyframes: 7, keyframe: 8, namespace: 10, supports: 12 };
const ruleRec = (o) => { const r = recOf(o); if (!r.obj || r.kind === "sheet" || r.kind === "decls") throw new TypeError("Illegal invocation"); return r; };
class CSSRule {
  constructor() { illegal(); }
  get type() { const r = ruleRec(this); return r.kind === "other" ? (r.name === "counter-style" ? 11 : r.name === "font-feature-values" ? 14 : 0) : TYPE_OF[r.kind] || 0; }
  get cssText() { return ruleText(ruleRec(this)); }
  set cssText(v) { ruleRec(this); }
  get parentRule() { const r = ruleRec(this); return r.parent ? r.parent.obj : null; }
  get parentStyleSheet() { const r = ruleRec(this); let p = r; while (p.parent) p = p.parent; return p.sheet ? p.sheet.obj : null; }
}
{
  const d = {};
  for (const k in RULE_TYPES) d[k] = { value: RULE_TYPES[k], enumerable: true };
  Object.defineProperties(CSSRule, d);
  Object.defineProperties(CSSRule.prototype, d);
}
exposeCSS("CSSRule", CSSRule);
const styleOf = (r) => declObject(r.decls);
class CSSStyleRule extends CSSRule {
  get selectorText() { return ruleRec(this).selectorText; }
  set selectorText(v) { const r = ruleRec(this); setSelectors(r, trimWS(componentValues(String(v)))); }
  get style() { return styleOf(ruleRec(this)); }
  set style(v) { styleOf(ruleRec(this)).cssText = v; }
}
exposeCSS("CSSStyleRule", CSSStyleRule);
function groupInsert(r, text, index, iface) {
  if (index > r.rules.length) throw domErr(failed("insertRule", iface, "the index " + index + " must be less than or equal to the length of the rule list."), "IndexSizeError");
  const rule = parseOneRule(text, r.sheet, r, false);
  if (!rule) throw domErr(failed("insertRule", iface, "the rule '" + text + "' is invalid and cannot be parsed."), "SyntaxError");
  if (rule.kind === "import" || rule.kind === "namespace") throw domErr(failed("insertRule", iface, "'@import' rules cannot be inserted inside a group rule."), "HierarchyRequestError");
  r.rules.splice(index, 0, rule);
  return index;
}
class CSSGroupingRule extends CSSRule {
  get cssRules() { return rulesOf(ruleRec(this)); }
  insertRule(rule, index) {
    needArgs("CSSGroupingRule", "insertRule", 1, arguments.length);
    return groupInsert(ruleRec(this), String(rule), index === undefined ? 0 : Number(index) >>> 0, "CSSGroupingRule");
  }
  deleteRule(index) {
    needArgs("CSSGroupingRule", "deleteRule", 1, arguments.length);
    const r = ruleRec(this);
    index = Number(index) >>> 0;
    if (index >= r.rules.length) throw domErr(failed("deleteRule", "CSSGroupingRule", "the index " + index + " is greated than the length of the rule list."), "IndexSizeError");
    r.rules.splice(index, 1);
  }
}
exposeCSS("CSSGroupingRule", CSSGroupingRule);
class CSSConditionRule extends CSSGroupingRule {
  get conditionText() { const r = ruleRec(this); return r.kind === "media" ? mediaText(r.media) : r.condition; }
}
exposeCSS("CSSConditionRule", CSSConditionRule);
class CSSMediaRule extends CSSConditionRule {
  get media() { return ruleRec(this).media.obj; }
  set media(v) { ruleRec(this).media.obj.mediaText = v; }
}
exposeCSS("CSSMediaRule", CSSMediaRule);
class CSSSupportsRule extends CSSConditionRule {}
exposeCSS("CSSSupportsRule", CSSSupportsRule);
class CSSContainerRule extends CSSConditionRule {
  get containerName() { return ""; }
  get containerQuery() { return ruleRec(this).condition; }
}
exposeCSS("CSSContainerRule", CSSContainerRule);
class CSSLayerBlockRule extends CSSGroupingRule { get name() { return ruleRec(this).names[0] || ""; } }
exposeCSS("CSSLayerBlockRule", CSSLayerBlockRule);
class CSSLayerStatementRule extends CSSRule { get nameList() { return Object.freeze(ruleRec(this).names.slice()); } }
exposeCSS("CSSLayerStatementRule", CSSLayerStatementRule);
class CSSImportRule extends CSSRule {
  get href() { return ruleRec(this).href; }
  get media() { return ruleRec(this).media.obj; }
  get styleSheet() { ruleRec(this); return null; }  // imported sheets are not fetched (Docs/CSSOM.md)
  get layerName() { ruleRec(this); return null; }
  get supportsText() { ruleRec(this); return null; }
}
exposeCSS("CSSImportRule", CSSImportRule);
class CSSFontFaceRule extends CSSRule { get style() { return styleOf(ruleRec(this)); } }
exposeCSS("CSSFontFaceRule", CSSFontFaceRule);
class CSSPageRule extends CSSGroupingRule {
  get selectorText() { return ruleRec(this).selector; }
  set selectorText(v) { ruleRec(this).selector = serializeSelector(trimWS(componentValues(String(v)))); }
  get style() { return styleOf(ruleRec(this)); }
}
exposeCSS("CSSPageRule", CSSPageRule);
class CSSNamespaceRule extends CSSRule {
  get namespaceURI() { return ruleRec(this).uri; }
  get prefix() { return ruleRec(this).prefix; }
}
exposeCSS("CSSNamespaceRule", CSSNamespaceRule);
class CSSKeyframeRule extends CSSRule {
  get keyText() { return ruleRec(this).key; }
  set keyText(v) {
    const k = keyText(trimWS(componentValues(String(v))));
    if (k === null) throw domErr("Failed to set the 'keyText' property on 'CSSKeyframeRule': The key '" + v + "' is invalid and cannot be parsed", "SyntaxError");
    ruleRec(this).key = k;
  }
  get style() { return styleOf(ruleRec(this)); }
}
exposeCSS("CSSKeyframeRule", CSSKeyframeRule);
class CSSKeyframesRule extends CSSRule {
  get name() { return ruleRec(this).name; }
  set name(v) { ruleRec(this).name = String(v); }
  get cssRules() { return rulesOf(ruleRec(this)); }
  get length() { return ruleRec(this).rules.length; }
  findRule(key) {
    const r = ruleRec(this);
    const k = keyText(trimWS(componentValues(String(key))));
    for (let i = r.rules.length - 1; i >= 0; i--) if (r.rules[i].key === k) return r.rules[i].obj;
    return null;
  }
  appendRule(text) {
    needArgs("CSSKeyframesRule", "appendRule", 1, arguments.length);
    const r = ruleRec(this);
    const raw = consumeRuleList(new Stream(tokenize(String(text))), false);
    const key = raw.length === 1 && raw[0].at === null ? keyText(raw[0].prelude) : null;
    if (key === null) throw domErr(failed("appendRule", "CSSKeyframesRule", "Failed to parse the keyframe rule '" + text + "'."), "SyntaxError");
    const k = newRule("keyframe", r.sheet, r, { key });
    k.decls = blockDecls(raw[0].block, k);
    r.rules.push(k);
  }
  deleteRule(key) {
    const r = ruleRec(this);
    const k = keyText(trimWS(componentValues(String(key))));
    for (let i = r.rules.length - 1; i >= 0; i--) if (r.rules[i].key === k) { r.rules.splice(i, 1); return; }
  }
}
exposeCSS("CSSKeyframesRule", CSSKeyframesRule);
const RULE_PROTOS = {
  style: () => CSSStyleRule.prototype, media: () => CSSMediaRule.prototype, supports: () => CSSSupportsRule.prototype,
  container: () => CSSContainerRule.prototype, import: () => CSSImportRule.prototype, "font-face": () => CSSFontFaceRule.prototype,
  page: () => CSSPageRule.prototype, namespace: () => CSSNamespaceRule.prototype, keyframes: () => CSSKeyframesRule.prototype,
  keyframe: () => CSSKeyframeRule.prototype, other: () => CSSRule.prototype,
};
RULE_PROTOS.layer = () => CSSLayerBlockRule.prototype;  // a statement (@layer a, b;) is a CSSLayerStatementRule

// The CSS namespace: CSS.escape, CSS.supports.
if (!global.CSS) {
  const CSSns = {
    escape(ident) { needArgs("CSS", "escape", 1, arguments.length); return serializeIdent(String(ident)); },
    supports(a, b) {
      needArgs("CSS", "supports", 1, arguments.length);
      if (arguments.length >= 2) {
        const name = propName(a);
        const cvs = trimWS(componentValues(String(b)));
        return knownProperty(name) && !cvs.some((c) => c.t === "delim" && c.v === "!") && validDeclaration(name, cvs);
      }
      const cvs = trimWS(componentValues(String(a)));
      return supportsCondition(cvs) || supportsCondition([{ t: "block", open: "(", v: cvs }]);
    },
  };
  Object.defineProperty(CSSns, Symbol.toStringTag, { value: "CSS", configurable: true });
  hide(global, "CSS", CSSns);
}

// ---------------------------------------------------------------------------------------------
// 5. Owner elements, document.styleSheets, and the engine's side (host.cssom).
// https://html.spec.whatwg.org/multipage/semantics.html#link-type-stylesheet
// https://html.spec.whatwg.org/multipage/semantics.html#update-a-style-block
const linkSheets = new WeakMap();   // <link> -> {gen (the current load), sheet}
const styleBlocks = new WeakMap();  // <style> -> {text, sheet}
function linkState(el) { let s = linkSheets.get(el); if (!s) linkSheets.set(el, s = { gen: 0, sheet: null }); return s; }
const relTokens = (el) => lowerASCII(getAttr(el, "rel") || "").split(/[\t\n\f\r ]+/).filter(Boolean);
const ownerMedia = (el) => newMediaList(parseMediaList(getAttr(el, "media") || ""), () => getAttr(el, "media"));
function linkSheet(el) {
  const s = linkSheets.get(el);
  return s && s.sheet && connectedTo(el) ? s.sheet : null;
}
// A <style> element's sheet: made when it is connected, made anew when its text changes.
function styleSheetOf(el) {
  if (!connectedTo(el)) { styleBlocks.delete(el); return null; }
  const type = getAttr(el, "type");
  if (type !== null && type.trim() !== "" && lowerASCII(type.trim()) !== "text/css") return null;
  const text = host.dom.textOf(el);
  let s = styleBlocks.get(el);
  if (!s || s.text !== text) {
    const rec = newSheet({ ownerNode: el, disabled: s ? s.sheet.disabled : false });
    rec.media = ownerMedia(el);
    rec.rules = parseSheetText(text, rec);
    s = { text, sheet: rec };
    styleBlocks.set(el, s);
  }
  return s.sheet;
}
// The document's style sheets in tree order (https://drafts.csswg.org/cssom/#documentorshadowroot-document-or-shadow-root-css-style-sheets).
function documentSheets(doc) {
  const out = [];
  const walk = (n) => {
    for (const k of n[KIDS]) {
      if (k[TYPE] !== 1) continue;
      if (!k[NS]) {
        if (k[NAME] === "style") { const r = styleSheetOf(k); if (r) out.push(r); }
        else if (k[NAME] === "link") { const r = linkSheet(k); if (r) out.push(r); }
      }
      walk(k);
    }
  };
  walk(doc);
  return out;
}
const adopted = new WeakMap();  // document -> [sheet records]
const sheetLists = new WeakMap();
const DocumentProto = global.Document && global.Document.prototype;
if (DocumentProto) {
  Object.defineProperty(DocumentProto, "styleSheets", {
    get() {
      let l = sheetLists.get(this);
      if (!l) sheetLists.set(this, l = liveList(StyleSheetList.prototype, () => documentSheets(this), (r) => r.obj));
      return l;
    },
    configurable: true, enumerable: true,
  });
  Object.defineProperty(DocumentProto, "adoptedStyleSheets", {
    get() { return (adopted.get(this) || []).map((r) => r.obj); },
    set(v) {
      const list = Array.from(v == null ? [] : v, (s) => {
        const r = priv.get(s);
        if (!r || r.kind !== "sheet") throw new TypeError("Failed to set the 'adoptedStyleSheets' property on 'Document': Failed to convert value to 'CSSStyleSheet'.");
        if (!r.constructed) throw domErr("Failed to set the 'adoptedStyleSheets' property on 'Document': Can't adopt non-constructed stylesheets.", "NotAllowedError");
        return r;
      });
      adopted.set(this, list);
    },
    configurable: true, enumerable: true,
  });
}
const LinkProto = host.dom.elementClasses.link.prototype;
const StyleProto = host.dom.elementClasses.style.prototype;
Object.defineProperty(LinkProto, "sheet", { get() { const r = linkSheet(this); return r ? r.obj : null; }, configurable: true, enumerable: true });
Object.defineProperty(StyleProto, "sheet", { get() { const r = styleSheetOf(this); return r ? r.obj : null; }, configurable: true, enumerable: true });
Object.defineProperty(StyleProto, "disabled", {
  get() { const r = styleSheetOf(this); return r ? r.disabled : false; },
  set(v) { const r = styleSheetOf(this); if (r) r.disabled = !!v; },
  configurable: true, enumerable: true,
});

// What the engine calls (Embedding/Stylesheets.swift).
host.cssom = {
  // A <link> the parser inserted (not a script): its sheet blocks later scripts, so the engine
  // fetches it at once. https://html.spec.whatwg.org/multipage/semantics.html#contributes-a-script-blocking-style-sheet
  parserInserted(el) { const st = el[DOC] && el[DOC][STATE]; return !!(st && st.parsing && !st.currentScript); },
  isStylesheetLink(el) { return relTokens(el).includes("stylesheet"); },
  // A new load supersedes any earlier one of the same element.
  startLoad(el) { return ++linkState(el).gen; },
  isCurrent(el, gen) { const s = linkSheets.get(el); return !!s && s.gen === gen && !!connectedTo(el); },
  // The fetch ended: the sheet (empty when the load failed, as Chromium keeps one) replaces the old.
  finishLoad(el, gen, text, href, originClean, ok) {
    const s = linkState(el);
    if (s.gen !== gen) return false;
    const rec = newSheet({ href: String(href), ownerNode: el, originClean: !!originClean, failed: !ok });
    rec.media = ownerMedia(el);
    rec.rules = ok ? parseSheetText(String(text), rec) : [];
    rec.disabled = relTokens(el).includes("alternate");
    s.sheet = rec;
    return true;
  },
  dropSheet(el) { const s = linkSheets.get(el); if (s) { s.gen++; s.sheet = null; } },
  setDisabled(el, disabled) { const s = linkSheets.get(el); if (s && s.sheet) s.sheet.disabled = !!disabled; },
  hasSheet(el) { return !!linkSheet(el); },
  styleInserted(el) { return !!styleSheetOf(el); },
};

// ---------------------------------------------------------------------------------------------
// 6. The cascade and getComputedStyle.
// https://drafts.csswg.org/css-cascade-5/#cascading ; https://drafts.csswg.org/cssom/#dom-window-getcomputedstyle
// The user-agent sheet: a subset of Chromium's html.css.
const UA_CSS = `
html, address, blockquote, body, center, dd, details, dialog[open], dir, div, dl, dt, fieldset, figcaption, figure, footer,
form, frameset, h1, h2, h3, h4, h5, h6, header, hgroup, hr, legend, listing, main, menu, nav, ol, optgroup, p, plaintext,
pre, search, section, summary, ul, xmp, article, aside, frame { display: block }
head, link, meta, script, style, title, template, area, base, basefont, datalist, noembed, noframes, param, rp, noscript,
dialog:not([open]) { display: none }
[hidden] { display: none }
li { display: list-item }
table { display: table; border-collapse: separate; box-sizing: border-box; text-indent: initial }
caption { display: table-caption; text-align: center }
colgroup { display: table-column-group }
col { display: table-column }
thead { display: table-header-group; vertical-align: middle }
tbody { display: table-row-group; vertical-align: middle }
tfoot { display: table-footer-group; vertical-align: middle }
tr { display: table-row; vertical-align: inherit }
td, th { display: table-cell; vertical-align: inherit; padding: 1px }
th { font-weight: bold; text-align: center }
input, select, textarea, button, meter, progress, marquee { display: inline-block }
iframe { border: 2px inset }
slot { display: contents }
body { margin: 8px }
p { margin-top: 1em; margin-bottom: 1em }
blockquote, figure { margin: 1em 40px }
h1 { font-size: 2em; margin-top: 0.67em; margin-bottom: 0.67em; font-weight: bold }
h2 { font-size: 1.5em; margin-top: 0.83em; margin-bottom: 0.83em; font-weight: bold }
h3 { font-size: 1.17em; margin-top: 1em; margin-bottom: 1em; font-weight: bold }
h4 { margin-top: 1.33em; margin-bottom: 1.33em; font-weight: bold }
h5 { font-size: 0.83em; margin-top: 1.67em; margin-bottom: 1.67em; font-weight: bold }
h6 { font-size: 0.67em; margin-top: 2.33em; margin-bottom: 2.33em; font-weight: bold }
ul, menu, dir { margin-top: 1em; margin-bottom: 1em; padding-left: 40px; list-style-type: disc }
ol { margin-top: 1em; margin-bottom: 1em; padding-left: 40px; list-style-type: decimal }
ul ul, ol ul { list-style-type: circle }
ul ul ul, ol ul ul, ul ol ul, ol ol ul { list-style-type: square }
li ul, li ol, ul ul, ul ol, ol ol, ol ul { margin-top: 0; margin-bottom: 0 }
dl { margin-top: 1em; margin-bottom: 1em }
dd { margin-left: 40px }
pre, xmp, plaintext, listing { white-space: pre; margin-top: 1em; margin-bottom: 1em }
pre, code, kbd, samp, tt, xmp, plaintext, listing { font-family: monospace }
b, strong { font-weight: bolder }
i, cite, em, var, dfn, address { font-style: italic }
u, ins { text-decoration: underline }
s, strike, del { text-decoration: line-through }
small { font-size: smaller }
big { font-size: larger }
sub { vertical-align: sub; font-size: smaller }
sup { vertical-align: super; font-size: smaller }
center { text-align: center }
hr { color: gray; border-style: inset; border-width: 1px; margin: 0.5em auto; overflow: hidden }
mark { background-color: yellow; color: black }
a:any-link { color: -webkit-link; text-decoration: underline; cursor: pointer }
nobr { white-space: nowrap }
fieldset { margin-left: 2px; margin-right: 2px; border: 2px groove rgb(192, 192, 192) }
legend { padding-left: 2px; padding-right: 2px }
`;
let uaSheet = null;
function uaRules() {
  if (!uaSheet) { uaSheet = newSheet({}); uaSheet.media = newMediaList([], null); uaSheet.rules = parseSheetText(UA_CSS, uaSheet); }
  return uaSheet.rules;
}
function authorSheets(doc) {
  return documentSheets(doc).concat(adopted.get(doc) || []);
}
const cvsOf = (e) => e.cvs || (e.cvs = trimWS(componentValues(e.value)));
// The declarations that apply to el, in cascade order (the last one wins):
// origin and importance, then the style attribute, then specificity, then order of appearance.
function cascadeFor(el) {
  const found = [];
  let order = 0;
  const visit = (rules, ua) => {
    for (const r of rules) {
      if (r.kind === "style") {
        let best = -1;
        for (const s of r.selectors) if (s.spec > best && matchesSelector(el, s.text)) best = s.spec;
        order++;
        if (best < 0) continue;
        for (const e of r.decls.list) found.push({ e, band: ua ? (e.important ? 3 : 0) : (e.important ? 2 : 1), inline: 0, spec: best, order });
      } else if (r.kind === "media") { if (mediaListMatches(mediaSync(r.media))) visit(r.rules, ua); }
      else if (r.kind === "supports") { if (supportsCondition(componentValues(r.condition))) visit(r.rules, ua); }
      else if (r.kind === "layer" && !r.statement) visit(r.rules, ua);
    }
  };
  visit(uaRules(), true);
  for (const sh of authorSheets(el[DOC])) if (!sh.disabled && mediaListMatches(mediaSync(sh.media))) visit(sh.rules, false);
  const inline = getAttr(el, "style");
  if (inline) {
    const list = [];
    for (const x of consumeDeclarations(componentValues(inline))) addDeclaration(list, x.name, x.cvs, x.important);
    for (const e of list) found.push({ e, band: e.important ? 2 : 1, inline: 1, spec: 0, order: ++order });
  }
  found.sort((a, b) => a.band - b.band || a.inline - b.inline || a.spec - b.spec || a.order - b.order);
  return found;
}
// var() substitution (https://drafts.csswg.org/css-variables/#substitute-a-var); null: invalid at computed-value time.
function substitute(cvs, customs, seen) {
  const out = [];
  for (const c of cvs) {
    if (c.t === "func" && lowerASCII(c.v) === "var") {
      const args = c.args;
      const nameTok = nonWS(args)[0];
      if (!nameTok || nameTok.t !== "ident" || !nameTok.v.startsWith("--")) return null;
      const comma = args.findIndex((x) => x.t === "comma");
      const fallback = comma >= 0 ? trimWS(args.slice(comma + 1)) : null;
      let v = seen.has(nameTok.v) ? undefined : customs.get(nameTok.v);
      if (v !== undefined && hasVar(v)) v = substitute(v, customs, new Set([...seen, nameTok.v])) || undefined;
      if (v !== undefined) out.push(...v);
      else if (fallback) { const f = substitute(fallback, customs, seen); if (f === null) return null; out.push(...f); }
      else return null;
    } else if (c.t === "func") {
      const a = substitute(c.args, customs, seen);
      if (a === null) return null;
      out.push({ t: "func", v: c.v, args: a });
    } else if (c.t === "block") {
      const a = substitute(c.v, customs, seen);
      if (a === null) return null;
      out.push({ t: "block", open: c.open, v: a });
    } else out.push(c);
  }
  return out;
}
const FONT_SIZES = { "xx-small": 9, "x-small": 10, small: 13, medium: 16, large: 18, "x-large": 24, "xx-large": 32, "xxx-large": 48 };
function lengthPx(c, ctx, forFont) {
  if (c.t === "num") return c.n === 0 ? 0 : NaN;
  if (c.t !== "dim") return NaN;
  const em = forFont ? ctx.parentFont : ctx.font;
  const W = VIEWPORT.width, H = VIEWPORT.height;
  const f = { px: 1, pt: 4 / 3, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, q: 96 / 101.6, em, rem: ctx.rootFont,
    ex: em / 2, ch: em / 2, lh: em * 1.2, rlh: ctx.rootFont * 1.2, vw: W / 100, vh: H / 100, vmin: Math.min(W, H) / 100,
    vmax: Math.max(W, H) / 100, svw: W / 100, svh: H / 100, lvw: W / 100, lvh: H / 100, dvw: W / 100, dvh: H / 100,
    vi: W / 100, vb: H / 100 }[lowerASCII(c.unit)];
  return f === undefined ? NaN : c.n * f;
}
const px = (n) => fmtNum(n) + "px";
const LEGACY_DISPLAY = { "block flow": "block", "inline flow": "inline", "inline flow-root": "inline-block", "block flex": "flex",
  "inline flex": "inline-flex", "block grid": "grid", "inline grid": "inline-grid", "block flow-root": "flow-root",
  "block list-item": "list-item", "inline list-item": "inline list-item", flow: "block" };
const BLOCKIFY = { inline: "block", "inline-block": "block", "inline-table": "table", "inline-flex": "flex", "inline-grid": "grid",
  "table-row-group": "block", "table-column": "block", "table-column-group": "block", "table-header-group": "block",
  "table-footer-group": "block", "table-row": "block", "table-cell": "block", "table-caption": "block", "run-in": "block",
  "inline list-item": "list-item", "-webkit-inline-box": "-webkit-box", ruby: "block", "ruby-text": "block" };
function computeValue(name, info, cvs, ctx) {
  const p = nonWS(cvs);
  const one = p.length === 1 ? p[0] : null;
  switch (info.kind) {
    case "color": {
      const c = parseColor(one);
      if (!c) return null;
      if (c === "currentcolor") return name === "color" ? (ctx.parent ? ctx.parent.values.get("color") : "rgb(0, 0, 0)") : ctx.values.get("color");
      return colorText(c);
    }
    case "display": {
      const text = p.map((c) => (c.t === "ident" ? lowerASCII(c.v) : "")).join(" ");
      return LEGACY_DISPLAY[text] || text;
    }
    case "fontsize": {
      if (!one) return null;
      if (one.t === "ident") {
        const k = lowerASCII(one.v);
        if (k in FONT_SIZES) return px(FONT_SIZES[k]);
        if (k === "smaller") return px(ctx.parentFont / 1.2);
        if (k === "larger") return px(ctx.parentFont * 1.2);
        return null;
      }
      if (one.t === "pct") return px(ctx.parentFont * one.n / 100);
      const v = lengthPx(one, ctx, true);
      return isNaN(v) ? null : px(v);
    }
    case "fontweight": {
      if (!one) return null;
      if (one.t === "num") return fmtNum(one.n);
      const parentW = ctx.parent ? parseFloat(ctx.parent.values.get("font-weight")) : 400;
      switch (lowerASCII(one.v)) {
        case "normal": return "400";
        case "bold": return "700";
        case "bolder": return String(parentW < 350 ? 400 : parentW < 550 ? 700 : 900);
        case "lighter": return String(parentW < 550 ? 100 : parentW < 750 ? 400 : 700);
        default: return null;
      }
    }
    case "lineheight": {
      if (!one) return null;
      if (identIs(one, "normal")) return "normal";
      if (one.t === "num") return fmtNum(one.n);
      if (one.t === "pct") return px(ctx.font * one.n / 100);
      const v = lengthPx(one, ctx, false);
      return isNaN(v) ? null : px(v);
    }
    case "border": {
      if (!one) return null;
      if (one.t === "ident") return { thin: "1px", medium: "3px", thick: "5px" }[lowerASCII(one.v)] || null;
      const v = lengthPx(one, ctx, false);
      return isNaN(v) ? null : px(v);
    }
    case "size": case "box": case "length": {
      if (!one) return serializeValue(cvs, name);
      if (one.t === "ident") return lowerASCII(one.v);
      if (one.t === "pct") return fmtNum(one.n) + "%";  // a percentage needs layout; kept as specified
      const v = lengthPx(one, ctx, false);
      return isNaN(v) ? serializeValue(cvs, name) : px(v);
    }
    case "number": {
      if (!one) return null;
      let n = one.t === "pct" ? one.n / 100 : one.n;
      if (name === "opacity") n = clamp(n, 0, 1);
      return fmtNum(n);
    }
    case "integer": return one && one.t === "num" ? fmtNum(Math.round(one.n)) : identIs(one, "auto") ? "auto" : null;
    default: return serializeValue(cvs, name);
  }
}
// The computed values of el (and, on the way, of its ancestors): {values: Map, customs: Map}.
const computeOrder = once(() => ["font-size", "color", ...[...LONGHANDS.keys()].filter((n) => n !== "font-size" && n !== "color")]);
const computedNames = once(() => [...LONGHANDS.keys()].sort());
function computeElement(el, memo) {
  const have = memo.get(el);
  if (have) return have;
  const parentEl = el[PARENT] && el[PARENT][TYPE] === 1 ? el[PARENT] : null;
  const parent = parentEl ? computeElement(parentEl, memo) : null;
  const found = cascadeFor(el);
  const customs = new Map(parent ? parent.customs : []);
  for (const f of found) if (f.e.name.startsWith("--")) customs.set(f.e.name, cvsOf(f.e));
  for (const [k, v] of [...customs]) {
    if (!hasVar(v)) continue;
    const r = substitute(v, customs, new Set([k]));
    if (r === null) customs.delete(k); else customs.set(k, r);
  }
  const specified = new Map();
  const UNSET = [{ t: "ident", v: "unset" }];
  for (const f of found) {
    if (f.e.name.startsWith("--")) continue;
    let cvs = cvsOf(f.e);
    if (hasVar(cvs)) {
      const r = substitute(cvs, customs, new Set());
      cvs = r === null || !validDeclaration(f.e.name, r) ? UNSET : trimWS(r);
    }
    for (const [l, cv] of expand(f.e.name, cvs)) specified.set(l, cv);
  }
  const values = new Map();
  const root = el[DOC] && el[DOC][KIDS].find((k) => k[TYPE] === 1);
  const rootFont = !root || root === el || !memo.has(root) ? 16 : parseFloat(memo.get(root).values.get("font-size"));
  const ctx = { el, parent, values, parentFont: parent ? parseFloat(parent.values.get("font-size")) : 16, font: 16, rootFont };
  const initial = (info) => (info.initial === "currentcolor" ? values.get("color") : info.initial);
  for (const name of computeOrder()) {
    const info = LONGHANDS.get(name);
    const cvs = specified.get(name);
    let kw = cvs && cvs.length === 1 && cvs[0].t === "ident" ? lowerASCII(cvs[0].v) : null;
    if (kw !== null && !CSS_WIDE.has(kw)) kw = null;
    const inherited = () => (parent ? parent.values.get(name) : initial(info));
    let v;
    if (!cvs || kw === "unset" || kw === "revert" || kw === "revert-layer") v = info.inherited ? inherited() : initial(info);
    else if (kw === "inherit") v = inherited();
    else if (kw === "initial") v = initial(info);
    else {
      v = computeValue(name, info, cvs, ctx);
      if (v === null) v = info.inherited ? inherited() : initial(info);
    }
    values.set(name, v);
    if (name === "font-size") ctx.font = parseFloat(v);
  }
  // A border (or outline) whose style is none or hidden has no width.
  for (const s of SIDES) {
    const st = values.get("border-" + s + "-style");
    if (st === "none" || st === "hidden") values.set("border-" + s + "-width", "0px");
  }
  if (values.get("outline-style") === "none") values.set("outline-width", "0px");
  if (values.get("column-rule-style") === "none") values.set("column-rule-width", "0px");
  // Blockification (https://drafts.csswg.org/css-display-3/#transformations): the root, floats and
  // absolutely positioned boxes.
  const d = values.get("display");
  const pos = values.get("position");
  if (el === root ? d !== "none" : (d !== "none" && d !== "contents" && (values.get("float") !== "none" || pos === "absolute" || pos === "fixed"))) {
    values.set("display", el === root && d === "contents" ? "block" : BLOCKIFY[d] || d);
    if (values.get("float") !== "none" && (pos === "absolute" || pos === "fixed")) values.set("float", "none");
  }
  const rec = { values, customs };
  memo.set(el, rec);
  return rec;
}
const localApi = { compute(el) { return computeElement(el, new Map()); } };
if (DocumentProto) Object.defineProperty(DocumentProto, API, { get() { return localApi; }, configurable: true });
function computedShorthand(p, v) {
  const g = (n) => v.get(n);
  switch (p) {
    case "background":
      return [g("background-color"), g("background-image"), g("background-repeat"), g("background-attachment"),
        g("background-position"), "/", g("background-size"), g("background-origin"), g("background-clip")].join(" ");
    case "font": {
      const parts = [];
      if (g("font-style") !== "normal") parts.push(g("font-style"));
      if (g("font-variant") !== "normal") parts.push(g("font-variant"));
      if (g("font-weight") !== "400") parts.push(g("font-weight"));
      if (g("font-stretch") !== "normal") parts.push(g("font-stretch"));
      parts.push(g("font-size") + (g("line-height") !== "normal" ? " / " + g("line-height") : ""), g("font-family"));
      return parts.join(" ");
    }
    case "outline": return [g("outline-color"), g("outline-style"), g("outline-width")].join(" ");
    case "text-decoration": case "list-style": case "flex": case "flex-flow":
    case "border-top": case "border-right": case "border-bottom": case "border-left":
      return SHORTHANDS.get(p).map(g).join(" ");
    default: return composeShorthand(p, g);
  }
}
function computedValue(rec, p) {
  const el = rec.el;
  if (!connectedTo(el)) return "";
  const api = (el[DOC] && el[DOC][API]) || localApi;  // the element's own realm has its document's sheets
  const c = api.compute(el);
  if (p.startsWith("--")) { const v = c.customs.get(p); return v ? serializeRaw(v).trim() : ""; }
  if (c.values.has(p)) return c.values.get(p);
  if (SHORTHANDS.has(p)) return computedShorthand(p, c.values);
  return "";
}
Object.defineProperty(global, "getComputedStyle", {
  value: function getComputedStyle(elt, pseudoElt) {
    needArgs("Window", "getComputedStyle", 1, arguments.length);
    if (!isElement(elt)) throw new TypeError(failed("getComputedStyle", "Window", "parameter 1 is not of type 'Element'."));
    return declObject({ kind: "computed", el: elt, pseudo: pseudoElt == null ? "" : String(pseudoElt), obj: null });
  },
  writable: true, enumerable: true, configurable: true,
});

// matchMedia (https://drafts.csswg.org/cssom-view/#dom-window-matchmedia): the viewport never
// changes here, so a MediaQueryList never fires `change`.
if (global.EventTarget) {
  class MediaQueryList extends global.EventTarget {
    constructor() { super(); illegal(); }
    get media() { return recOf(this).text; }
    get matches() { return mediaListMatches(recOf(this).list); }
    addListener(f) { if (typeof f === "function") this.addEventListener("change", f); }
    removeListener(f) { if (typeof f === "function") this.removeEventListener("change", f); }
  }
  exposeCSS("MediaQueryList", MediaQueryList);
  if (host.dom.defineEventHandlers) host.dom.defineEventHandlers(MediaQueryList.prototype, ["change"]);
  Object.defineProperty(global, "matchMedia", {
    value: function matchMedia(query) {
      needArgs("Window", "matchMedia", 1, arguments.length);
      const list = parseMediaList(String(query));
      const o = Object.create(MediaQueryList.prototype);
      priv.set(o, { kind: "mql", list, text: serializeMediaList(list) });
      return o;
    },
    writable: true, enumerable: true, configurable: true,
  });
}

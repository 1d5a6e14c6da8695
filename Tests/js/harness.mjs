// Loads Sources/Simbrowse/JS/dom.js into a fresh node:vm realm with a fake engine (`host`).
import fs from "node:fs";
import vm from "node:vm";

const domSource = fs.readFileSync(new URL("../../Sources/Simbrowse/JS/dom.js", import.meta.url), "utf8");

// A deliberately small HTML -> JSON parser (the real one is libxml2 in Swift): tags, quoted and
// unquoted attributes, a few entities, void elements, raw text in script/style.
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const RAW = new Set(["script", "style"]);
const decode = (s) => s.replace(/&(amp|lt|gt|quot|nbsp|#39);/g, (_, e) => ({ amp: "&", lt: "<", gt: ">", quot: "\"", nbsp: "\u00A0", "#39": "'" })[e]);
export function toyParse(html) {
  const root = [1, "#root", [], []];
  const stack = [root];
  const top = () => stack[stack.length - 1];
  let i = 0;
  while (i < html.length) {
    if (html.startsWith("<!--", i)) {
      const j = html.indexOf("-->", i + 4);
      top()[3].push([8, html.slice(i + 4, j)]);
      i = j + 3;
    } else if (html.startsWith("<!", i)) {
      const j = html.indexOf(">", i);
      top()[3].push([10, html.slice(i + 2, j).replace(/^doctype\s+/i, "").toLowerCase()]);
      i = j + 1;
    } else if (html.startsWith("</", i)) {
      const j = html.indexOf(">", i);
      const name = html.slice(i + 2, j).trim().toLowerCase();
      for (let k = stack.length - 1; k > 0; k--) if (stack[k][1] === name) { stack.length = k; break; }
      i = j + 1;
    } else if (html[i] === "<" && /[a-zA-Z]/.test(html[i + 1] || "")) {
      const m = /^<([a-zA-Z][\w-]*)((?:\s+[^\s=>\/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/.exec(html.slice(i));
      const name = m[1].toLowerCase();
      const attrs = [];
      for (const a of m[2].matchAll(/([^\s=>\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
        const n = a[1].toLowerCase();
        if (!attrs.some((x) => x[0] === n)) attrs.push([n, decode(a[2] ?? a[3] ?? a[4] ?? "")]);
      }
      const el = [1, name, attrs, []];
      top()[3].push(el);
      i += m[0].length;
      if (RAW.has(name)) {
        const j = html.toLowerCase().indexOf("</" + name, i);
        const text = html.slice(i, j < 0 ? html.length : j);
        if (text) el[3].push([3, text]);
        i = j < 0 ? html.length : html.indexOf(">", j) + 1;
      } else if (!VOID.has(name)) stack.push(el);
    } else {
      let j = html.indexOf("<", i + 1);
      if (j < 0) j = html.length;
      const t = decode(html.slice(i, j));
      const kids = top()[3];
      if (kids.length && kids[kids.length - 1][0] === 3) kids[kids.length - 1][1] += t; else kids.push([3, t]);
      i = j;
    }
  }
  return root[3];
}

// A realm: { ctx, global, host, calls, run(code) }.
export function makeRealm({ url = "http://a.test/dir/page.html", withDocument = true } = {}) {
  const ctx = vm.createContext({});
  vm.runInContext(`
    globalThis.DOMException = class DOMException extends Error {
      constructor(message, name) { super(message === undefined ? "" : String(message)); Object.defineProperty(this, "name", { value: name === undefined ? "Error" : String(name), writable: true, configurable: true }); }
    };
    Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: "DOMException" });`, ctx);
  const global = vm.runInContext("globalThis", ctx);
  const calls = [];
  const host = {
    parseDocumentJSON(html) { return JSON.stringify(toyParse(html)); },
    parseFragmentJSON(html, context) { calls.push(["parseFragment", context]); return JSON.stringify(toyParse(html)); },
    nodeInserted(el) { calls.push(["inserted", el.localName, el.id || null]); },
    nodeRemoved(el) { calls.push(["removed", el.localName, el.id || null]); },
    attributeChanged(el, name, oldValue, newValue) { calls.push(["attr", el.localName, name, oldValue, newValue]); },
    contentWindow(el) { return { fakeWindowFor: el.getAttribute("name") }; },
    contentDocument() { return null; },
    runScriptElement(el, parserInserted) {
      calls.push(["run", el.id || null, parserInserted === undefined ? "parser" : "late"]);
      el.__sbStarted = true;
      if (!el.hasAttribute("src")) {
        try { vm.runInContext(el.text, ctx); } catch (e) { host.reportException(e); }
      }
    },
    documentURL() { return url; },
    baseURL() { return url; },
    resolveURL(s) { try { return new URL(s, url).href; } catch { return null; } },
    reportException(e) { calls.push(["exception", e && e.name, e && e.message]); },
    followHyperlink(a) { calls.push(["follow", a.href]); },
    submitForm(form, submitter) { calls.push(["submit", form.id || null, submitter ? submitter.id || submitter.localName : null]); },
  };
  // The engine's way of loading the prelude.
  vm.runInContext("(function (host, global) {" + domSource + "\n})", ctx)(host, global);
  // Arrays made in the realm have the realm's Array.prototype: copy them for deepEqual.
  const plain = (v) => (Array.isArray(v) ? JSON.parse(JSON.stringify(v)) : v);
  const realm = { ctx, global, host, calls, dom: host.dom, run: (code) => plain(vm.runInContext("{" + code + "\n}", ctx)) };
  if (withDocument) {
    const doc = host.dom.createDocument(url, "text/html");
    global.document = doc;
    host.dom.setDefaultView(doc, global);
    host.dom.windowTarget = global;
    // As window.js does: the global is an EventTarget, with window event handlers.
    Object.setPrototypeOf(global, global.EventTarget.prototype);
    host.dom.defineEventHandlers(global, ["load", "error", "message", "click", "submit"]);
    global.window = global;
    realm.document = doc;
  }
  realm.log = [];
  global.log = (...a) => realm.log.push(a.join(" "));
  return realm;
}

// Builds a document from markup with the toy parser, the way the engine does.
export function loadPage(html, options) {
  const realm = makeRealm(options);
  realm.host.dom.setReadyState(realm.document, "loading");
  realm.host.dom.build(realm.document, JSON.stringify(toyParse(html)));
  return realm;
}

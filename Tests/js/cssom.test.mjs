// node --test Tests/js/ : cssom.js on top of dom.js in a node:vm realm with a fake engine (see
// harness.mjs). The engine's side of a <link> load (Embedding/Stylesheets.swift) is played by
// calling host.cssom.startLoad / finishLoad by hand.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import vm from "node:vm";
import { makeRealm, loadPage } from "./harness.mjs";

const cssomSource = fs.readFileSync(new URL("../../Sources/Simbrowse/JS/cssom.js", import.meta.url), "utf8");
function withCSSOM(realm) {
  vm.runInContext("(function (host, global) {" + cssomSource + "\n})", realm.ctx)(realm.host, realm.global);
  return realm;
}
const page = (html) => withCSSOM(loadPage("<!doctype html><html><head></head><body>" + html + "</body></html>"));
const rules = (r, css) => r.run(`(() => { const s = new CSSStyleSheet(); s.replaceSync(${JSON.stringify(css)}); return Array.from(s.cssRules, (x) => x.cssText); })()`);
function thrown(r, code) {
  try { r.run(code); } catch (e) { return e.name + ": " + e.message; }
  return "no exception";
}

describe("CSS Syntax: tokenizer and parser", () => {
  test("comments, escapes, strings, urls, numbers", () => {
    const r = page("");
    assert.deepEqual(rules(r, "/* x */ .a\\:b{content:'it\\'s'} #\\31 x{color:red} p{width:+.50E1px;background:url( a b.png )} p{margin:-0.0px}"),
      [".a\\:b { content: \"it's\"; }", "#\\31 x { color: red; }", "p { width: 5px; }", "p { margin: 0px; }"]);
  });
  test("an unclosed block and string at EOF still make a rule; a bad url drops the declaration", () => {
    const r = page("");
    assert.deepEqual(rules(r, "p { background: url(a\"b); color: red } div { content: \"abc"), ["p { color: red; }", "div { content: \"abc\"; }"]);
  });
  test("invalid selectors and unknown at-rules drop the rule, the rest parses", () => {
    const r = page("");
    assert.deepEqual(rules(r, "p:nope { color: red } @whatever x { } h1, h2 { color: blue } {} p { }"),
      ["h1, h2 { color: blue; }", "p { }"]);
  });
  test("declarations: !important, duplicates, unknown properties, invalid values, custom properties", () => {
    const r = page("");
    assert.deepEqual(rules(r, "p { color: red ! IMPORTANT; color: blue; colr: red; width: -5px; height: auto; --X: { a: b } ; display: inline flex }"),
      ["p { color: red !important; height: auto; --X: { a: b }; display: inline-flex; }"]);
  });
  test("nested style rules are read and dropped", () => {
    const r = page("");
    assert.deepEqual(rules(r, "p { color: red; a:hover { color: blue } & b { color: green } margin: 0 }"), ["p { color: red; margin: 0px; }"]);
  });
});

describe("values", () => {
  test("colours as Chromium serialises specified values", () => {
    const r = page("");
    assert.deepEqual(rules(r, `a { color: #abc } b { color: #aabbcc80 } i { color: rgba(10%, 20%, 30%, .333) } s { color: hsl(240deg 100% 50% / 0.5) }
      u { color: Transparent } q { color: currentColor } em { color: hwb(0 0% 0%) } dt { color: rgb(300, -1, 127.5) }`), [
      "a { color: rgb(170, 187, 204); }", "b { color: rgba(170, 187, 204, 0.5); }", "i { color: rgba(26, 51, 77, 0.333); }",
      "s { color: rgba(0, 0, 255, 0.5); }", "u { color: transparent; }", "q { color: currentcolor; }", "em { color: rgb(255, 0, 0); }",
      "dt { color: rgb(255, 0, 128); }"]);
  });
  test("font-family keeps names; keywords are lower-cased; commas get one space", () => {
    const r = page("");
    assert.deepEqual(rules(r, "p { font-family: Arial,'Helvetica Neue' , SANS-SERIF; text-align: CENTER }"),
      ["p { font-family: Arial, \"Helvetica Neue\", sans-serif; text-align: center; }"]);
  });
});

describe("selectors and media queries", () => {
  test("selector serialisation", () => {
    const r = page("");
    assert.deepEqual(r.run(`(() => { const s = new CSSStyleSheet(); s.replaceSync("A   >B+c~D ,  [data-x = 'y' i]:NOT(.z) , li:nth-child( 2n + 1 ) {}");
      return s.cssRules[0].selectorText; })()`), "a > b + c ~ d, [data-x=\"y\" i]:not(.z), li:nth-child(2n+1)");
  });
  test("media text and evaluation (an 800x600 screen)", () => {
    const r = page("");
    assert.deepEqual(r.run(`["screen AND (MIN-WIDTH:600px)", "print", "(max-width: 500px)", "not print", "(width >= 700px)", "foo(", "(orientation: landscape), print"]
      .map((q) => matchMedia(q).media + " " + matchMedia(q).matches)`),
      ["screen and (min-width: 600px) true", "print false", "(max-width: 500px) false", "not print true", "(width >= 700px) true",
        "not all false", "(orientation: landscape), print true"]);
  });
});

describe("the cascade and getComputedStyle", () => {
  test("specificity beats order, order breaks ties, the style attribute beats both, !important beats it", () => {
    const r = page(`<style>#x { color: red } p.c { color: green } p { color: blue } .c { color: yellow } .i { color: lime !important }</style>
      <p id=x class=c>1</p><p class=c>2</p><p class=c style="color: navy">3</p><p class="c i" style="color: navy">4</p>`);
    assert.deepEqual(r.run(`Array.from(document.querySelectorAll("p"), (p) => getComputedStyle(p).color)`),
      ["rgb(255, 0, 0)", "rgb(0, 128, 0)", "rgb(0, 0, 128)", "rgb(0, 255, 0)"]);
  });
  test("inheritance, em, rem, percentages of font-size, keywords", () => {
    const r = page(`<style>html { font-size: 10px } div { font-size: 2em; color: rgb(1, 2, 3) } span { font-size: 150% } b { font-size: 2rem; line-height: 1.5 } i { font-size: larger; line-height: 120% }</style>
      <div><span id=s>s<b id=b>b</b><i id=i>i</i></span></div>`);
    assert.deepEqual(r.run(`["s", "b", "i"].map((id) => { const c = getComputedStyle(document.getElementById(id)); return [c.fontSize, c.color, c.lineHeight].join(" "); })`),
      ["30px rgb(1, 2, 3) normal", "20px rgb(1, 2, 3) 1.5", "36px rgb(1, 2, 3) 43.2px"]);
  });
  test("var() with fallbacks; an invalid substitution is unset", () => {
    const r = page(`<style>:root { --c: rgb(4, 5, 6); --w: 7px } p { color: var(--c); width: var(--w); height: var(--nope, 9px); background-color: var(--nope) }
      span { color: var(--w) }</style><p id=p><span id=s>x</span></p>`);
    assert.deepEqual(r.run(`(() => { const p = getComputedStyle(document.getElementById("p")), s = getComputedStyle(document.getElementById("s"));
      return [p.color, p.width, p.height, p.backgroundColor, s.color, p.getPropertyValue("--w")]; })()`),
      ["rgb(4, 5, 6)", "7px", "9px", "rgba(0, 0, 0, 0)", "rgb(4, 5, 6)", "7px"]);
  });
  test("a detached element has no computed style", () => {
    const r = page("");
    assert.equal(r.run(`getComputedStyle(document.createElement("p")).display`), "");
  });
});

describe("the engine's side: <link> loads and the origin-clean flag", () => {
  const linked = (originClean, ok) => {
    const r = page(`<p id=t>x</p>`);
    r.run(`globalThis.l = document.createElement("link"); l.rel = "stylesheet"; l.href = "http://b.test/s.css"; document.head.appendChild(l);`);
    const gen = r.host.cssom.startLoad(r.global.l);
    assert.equal(r.host.cssom.isCurrent(r.global.l, gen), true);
    assert.equal(r.run(`l.sheet`), null);
    r.host.cssom.finishLoad(r.global.l, gen, "#t { color: rgb(255, 0, 0) }", "http://b.test/s.css", originClean, ok);
    return r;
  };
  test("an origin-clean sheet: readable and applied", () => {
    const r = linked(true, true);
    assert.deepEqual(r.run(`[l.sheet.cssRules.length, l.sheet.href, getComputedStyle(document.getElementById("t")).color, document.styleSheets.length]`),
      [1, "http://b.test/s.css", "rgb(255, 0, 0)", 1]);
  });
  test("not origin-clean: applied, but the rules are out of reach (the messages without the engine)", () => {
    const r = linked(false, true);
    assert.equal(r.run(`getComputedStyle(document.getElementById("t")).color`), "rgb(255, 0, 0)");
    assert.equal(thrown(r, `l.sheet.cssRules`), "SecurityError: Failed to read the 'cssRules' property from 'CSSStyleSheet': Cannot access rules");
    assert.equal(thrown(r, `l.sheet.deleteRule(0)`), "SecurityError: Failed to execute 'deleteRule' on 'CSSStyleSheet': Cannot access StyleSheet to deleteRule");
  });
  test("a failed load: an empty sheet that does not apply", () => {
    const r = linked(false, false);
    assert.deepEqual(r.run(`[l.sheet === null, getComputedStyle(document.getElementById("t")).color]`), [false, "rgb(0, 0, 0)"]);
  });
  test("a newer load supersedes an older one; a removed link has no sheet", () => {
    const r = page(``);
    r.run(`globalThis.l = document.createElement("link"); l.rel = "stylesheet"; document.head.appendChild(l);`);
    const g1 = r.host.cssom.startLoad(r.global.l), g2 = r.host.cssom.startLoad(r.global.l);
    assert.equal(r.host.cssom.finishLoad(r.global.l, g1, "p {}", "http://a.test/1.css", true, true), false);
    assert.equal(r.host.cssom.finishLoad(r.global.l, g2, "p {}", "http://a.test/2.css", true, true), true);
    assert.equal(r.run(`l.sheet.href`), "http://a.test/2.css");
    r.run(`l.remove()`);
    assert.deepEqual(r.run(`[l.sheet, document.styleSheets.length]`), [null, 0]);
  });
  test("parser-inserted: during a build, outside scripts", () => {
    const r = withCSSOM(makeRealm());
    const seen = [];
    r.host.nodeInserted = (el) => { if (el.localName === "link") seen.push(r.host.cssom.parserInserted(el)); };
    r.host.dom.build(r.document, JSON.stringify([[1, "html", [], [[1, "head", [], [[1, "link", [["rel", "stylesheet"]], []]]], [1, "body", [], []]]]]));
    r.run(`document.head.appendChild(document.createElement("link"))`);
    assert.deepEqual(seen, [true, false]);
  });
});

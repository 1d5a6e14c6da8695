// node --test Tests/js/ : dom.js in a node:vm realm with a fake engine (see harness.mjs).
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { makeRealm, loadPage, toyParse } from "./harness.mjs";

const tag = (r, expr) => r.run(`Object.prototype.toString.call(${expr})`);
const calls = (r, kind) => r.calls.filter((c) => c[0] === kind);
function thrown(r, code) {
  try { r.run(code); } catch (e) { return e.name + ": " + e.message; }
  return "no exception";
}

describe("parser-style build", () => {
  test("scripts run in order, seeing only what precedes them", () => {
    const r = loadPage(`<!doctype html><html><head><title>t</title>
      <script id=s1>log("s1", document.body === null, document.scripts.length)</script></head>
      <body><p id=a>x</p><script id=s2>log("s2", document.getElementById("a").textContent, document.getElementById("b"), document.currentScript.id)</script>
      <p id=b>y</p><script id=s3>log("s3", document.getElementById("b").textContent)</script></body></html>`);
    assert.deepEqual(r.log, ["s1 true 1", "s2 x  s2", "s3 y"]);
    assert.equal(r.document.currentScript, null);
  });

  test("nodeInserted right after each element is appended, runScriptElement after the script's text", () => {
    const r = makeRealm();
    r.dom.build(r.document, JSON.stringify([[10, "html"], [1, "html", [], [[1, "head", [], []],
      [1, "body", [], [[1, "div", [["id", "d"]], [[1, "iframe", [["name", "x"], ["src", "/inner"]], []]]],
        [1, "script", [["id", "s"]], [[3, "log(document.querySelector('iframe').name)"]]], [1, "p", [["id", "after"]], []]]]]]]));
    assert.deepEqual(r.calls, [["inserted", "html", null], ["inserted", "head", null], ["inserted", "body", null],
      ["inserted", "div", "d"], ["inserted", "iframe", null], ["inserted", "script", "s"], ["run", "s", "parser"],
      ["inserted", "p", "after"]]);
    assert.deepEqual(r.log, ["x"]);
    const s = r.document.getElementById("s");
    assert.equal(s.__sbParserInserted, true);
    assert.equal(s.__sbStarted, true);
    assert.equal(r.document.doctype.name, "html");
    assert.equal(r.document.compatMode, "CSS1Compat");
  });

  test("build with onScript=false never runs scripts; a function replaces host.runScriptElement", () => {
    const r = makeRealm();
    r.dom.build(r.document, JSON.stringify(toyParse("<html><head></head><body><script>log(1)</script></body></html>")), false);
    assert.deepEqual(calls(r, "run"), []);
    assert.equal(r.document.scripts[0].__sbStarted, true);
    const r2 = makeRealm();
    const seen = [];
    r2.dom.build(r2.document, toyParse("<html><body><script id=q>1</script></body></html>"), (el) => seen.push(el.id));
    assert.deepEqual(seen, ["q"]);
  });

  test("document.write during parsing inserts after the running script, and its scripts run", () => {
    const r = loadPage(`<html><body><p id=a></p><script>document.write("<b id=w>written</b><script>log('inner', document.getElementById('w').id)<\\/script>")</script><p id=z></p></body></html>`);
    assert.deepEqual(r.log, ["inner w"]);
    assert.deepEqual(r.run(`[...document.body.children].map(e => e.id || e.localName)`), ["a", "script", "w", "script", "z"]);
  });

  test("readyState and readystatechange", () => {
    const r = makeRealm();
    r.dom.setReadyState(r.document, "loading");
    r.run(`document.addEventListener("readystatechange", () => log(document.readyState))`);
    r.dom.setReadyState(r.document, "interactive");
    r.dom.setReadyState(r.document, "complete");
    assert.deepEqual(r.log, ["interactive", "complete"]);
  });
});

describe("insertion and removal callbacks", () => {
  test("inserted subtree reports every element in tree order; detached changes are silent", () => {
    const r = loadPage("<html><head></head><body></body></html>");
    r.calls.length = 0;
    r.run(`
      const d = document.createElement("div"); d.id = "outer";
      d.innerHTML = '<span id="a"><i id="b"></i></span><iframe id="f" name="n"></iframe>';
      document.body.appendChild(d);`);
    assert.deepEqual(r.calls, [["parseFragment", "div"], ["inserted", "div", "outer"], ["inserted", "span", "a"],
      ["inserted", "i", "b"], ["inserted", "iframe", "f"]]);
    r.calls.length = 0;
    r.run(`document.getElementById("f").setAttribute("src", "/x"); document.getElementById("outer").remove();`);
    assert.deepEqual(r.calls, [["attr", "iframe", "src", null, "/x"], ["removed", "div", "outer"], ["removed", "span", "a"],
      ["removed", "i", "b"], ["removed", "iframe", "f"]]);
    r.calls.length = 0;
    r.run(`const x = document.createElement("iframe"); x.src = "/y"; x.name = "q";`);
    assert.deepEqual(r.calls, []);
  });

  test("moving a connected element reports removal then insertion", () => {
    const r = loadPage("<html><body><div id=a><iframe id=f></iframe></div><div id=b></div></body></html>");
    r.calls.length = 0;
    r.run(`document.getElementById("b").appendChild(document.getElementById("f"))`);
    assert.deepEqual(r.calls, [["removed", "iframe", "f"], ["inserted", "iframe", "f"]]);
  });

  test("scripts inserted with innerHTML are already started; created scripts are left to the engine", () => {
    const r = loadPage("<html><body></body></html>");
    r.calls.length = 0;
    r.run(`document.body.innerHTML = "<script id=i>log('bad')<\\/script>";`);
    assert.deepEqual(calls(r, "run"), []);
    assert.equal(r.run(`document.getElementById("i").__sbStarted`), true);
    assert.deepEqual(r.log, []);
    r.calls.length = 0;
    r.run(`const s = document.createElement("script"); s.id = "c"; s.text = "log('created')"; document.body.appendChild(s);`);
    // The engine runs a script-inserted script when it hears of the insertion.
    assert.deepEqual(r.calls, [["inserted", "script", "c"]]);
    assert.equal(r.run(`document.getElementById("c").__sbStarted || document.getElementById("c").__sbParserInserted`), false);
    assert.equal(r.run(`document.createElement("script").async`), true);
  });

  test("an empty connected script runs (late) when text is added", () => {
    const r = loadPage("<html><body></body></html>");
    r.run(`const s = document.createElement("script"); s.id = "e"; document.body.appendChild(s);`);
    r.calls.length = 0;
    r.run(`document.getElementById("e").textContent = "log('late')";`);
    assert.deepEqual(calls(r, "run"), [["run", "e", "late"]]);
    assert.deepEqual(r.log, ["late"]);
  });
});

describe("events", () => {
  test("capture, target, bubble order through document and window", () => {
    const r = loadPage("<html><body><div id=o><p id=t></p></div></body></html>");
    r.run(`
      const t = document.getElementById("t"), o = document.getElementById("o");
      const L = (n) => (e) => log(n + ":" + e.eventPhase + ":" + (e.currentTarget === window ? "window" : e.currentTarget.nodeName));
      for (const [x, n] of [[window, "w"], [document, "d"], [o, "o"], [t, "t"]]) {
        x.addEventListener("ping", L(n + "C"), true);
        x.addEventListener("ping", L(n + "B"));
      }
      t.dispatchEvent(new Event("ping", { bubbles: true }));`);
    assert.deepEqual(r.log, ["wC:1:window", "dC:1:#document", "oC:1:DIV", "tC:2:P", "tB:2:P", "oB:3:DIV", "dB:3:#document", "wB:3:window"]);
  });

  test("non-bubbling events, stopPropagation, stopImmediatePropagation", () => {
    const r = loadPage("<html><body><p id=t></p></body></html>");
    r.run(`
      const t = document.getElementById("t");
      document.body.addEventListener("x", () => log("body"));
      t.addEventListener("x", (e) => { log("t1"); e.stopImmediatePropagation(); });
      t.addEventListener("x", () => log("t2"));
      t.dispatchEvent(new Event("x", { bubbles: true }));
      t.dispatchEvent(new Event("y"));
      document.body.addEventListener("z", () => log("body-z"));
      t.addEventListener("z", (e) => { log("t-z"); e.stopPropagation(); });
      t.addEventListener("z", () => log("t-z2"));
      t.dispatchEvent(new Event("z", { bubbles: true }));`);
    assert.deepEqual(r.log, ["t1", "t-z", "t-z2"]);
  });

  test("once, passive, handleEvent objects, duplicates, removal, signal", () => {
    const r = loadPage("<html><body></body></html>");
    r.run(`
      const b = document.body;
      const f = () => log("f");
      b.addEventListener("e", f); b.addEventListener("e", f); b.addEventListener("e", f, true);
      b.addEventListener("e", () => log("once"), { once: true });
      b.addEventListener("e", { handleEvent(ev) { log("obj " + (this.tag) + " " + ev.type); }, tag: "T" });
      b.addEventListener("e", (ev) => { ev.preventDefault(); log("passive " + ev.defaultPrevented); }, { passive: true });
      const ac = { aborted: false, listeners: [], addEventListener(t, cb) { this.listeners.push(cb); } };
      b.addEventListener("e", () => log("signal"), { signal: ac });
      log(b.dispatchEvent(new Event("e", { cancelable: true })));
      ac.listeners.forEach((cb) => cb());
      b.removeEventListener("e", f);
      log("--");
      b.dispatchEvent(new Event("e"));`);
    assert.deepEqual(r.log, ["f", "f", "once", "obj T e", "passive false", "signal", "true", "--", "f", "obj T e", "passive false"]);
  });

  test("listener exceptions are reported and dispatch continues; preventDefault is the return value", () => {
    const r = loadPage("<html><body></body></html>");
    const ok = r.run(`
      document.body.addEventListener("e", () => { throw new TypeError("boom"); });
      document.body.addEventListener("e", (e) => { log("second"); e.preventDefault(); });
      document.body.dispatchEvent(new Event("e", { cancelable: true }))`);
    assert.equal(ok, false);
    assert.deepEqual(r.log, ["second"]);
    assert.deepEqual(calls(r, "exception"), [["exception", "TypeError", "boom"]]);
  });

  test("load at an element or the document does not reach the window", () => {
    const r = loadPage("<html><body><img id=i></body></html>");
    r.run(`
      window.addEventListener("load", () => log("window"), true);
      document.addEventListener("load", () => log("document"), true);
      document.getElementById("i").addEventListener("load", (e) => log("img " + e.isTrusted));`);
    r.dom.fire(r.document.getElementById("i"), "load", { bubbles: false });
    assert.deepEqual(r.log, ["document", "img true"]);
  });

  test("event object state", () => {
    const r = loadPage("<html><body></body></html>");
    const out = r.run(`
      const e = new CustomEvent("c", { detail: { a: 1 }, bubbles: true });
      const seen = [];
      document.body.addEventListener("c", (ev) => seen.push(ev.target === document.body, ev.composedPath().length, ev.isTrusted, ev.detail.a));
      document.body.dispatchEvent(e);
      [seen, e.eventPhase, e.currentTarget, e.target === document.body, Object.prototype.toString.call(e), e instanceof Event, e.timeStamp]`);
    assert.deepEqual(out, [[true, 4, false, 1], 0, null, true, "[object CustomEvent]", true, 0]);
    assert.equal(thrown(r, `new Event()`), "TypeError: Failed to construct 'Event': 1 argument required, but only 0 present.");
    assert.equal(thrown(r, `const e = new Event("x"); document.body.addEventListener("x", () => document.body.dispatchEvent(e)); document.body.dispatchEvent(e)`), "no exception");
    assert.deepEqual(calls(r, "exception")[0], ["exception", "InvalidStateError", "Failed to execute 'dispatchEvent' on 'EventTarget': The event is already being dispatched."]);
    assert.equal(r.run(`const m = new MessageEvent("message", { data: 5, origin: "http://b.test" }); [m.data, m.origin, m.lastEventId, m.source, m.ports.length].join()`), "5,http://b.test,,,0");
    assert.equal(r.run(`const x = new ErrorEvent("error", { message: "m", lineno: 3 }); [x.message, x.filename, x.lineno, x.colno, x.error].join()`), "m,,3,0,");
    assert.equal(r.run(`const ce = document.createEvent("Event"); try { document.dispatchEvent(ce) } catch (err) { err.name + ": " + err.message }`),
      "InvalidStateError: Failed to execute 'dispatchEvent' on 'EventTarget': The event provided is uninitialized.");
  });

  test("host.dom.fire picks the interface, sets isTrusted and extra fields", () => {
    const r = loadPage("<html><body></body></html>");
    r.run(`window.addEventListener("message", (e) => log(Object.prototype.toString.call(e), e.data, e.origin, e.isTrusted, e.source === window))`);
    const ret = r.dom.fire(r.global, "message", { data: "hi", origin: "http://b.test", source: r.global });
    assert.equal(ret, true);
    assert.deepEqual(r.log, ["[object MessageEvent] hi http://b.test true true"]);
    const ev = new r.global.MessageEvent("message", { data: 1 });
    r.dom.dispatch(r.global, ev);
    assert.equal(ev.isTrusted, true);
  });
});

describe("event handlers", () => {
  test("IDL attributes and content attributes", () => {
    const r = loadPage(`<html><body><button id=b onclick="log('attr', event.type, this.id); return false">x</button></body></html>`);
    const res = r.run(`
      const b = document.getElementById("b");
      b.addEventListener("click", () => log("listener"));
      const first = b.dispatchEvent(new Event("click", { cancelable: true }));
      b.onclick = function (e) { log("prop", e.type); };
      b.dispatchEvent(new Event("click"));
      b.setAttribute("onclick", "log('again')");
      b.dispatchEvent(new Event("click"));
      b.onclick = null;
      b.dispatchEvent(new Event("click"));
      [first, typeof b.onclick, b.onclick]`);
    assert.deepEqual(r.log, ["attr click b", "listener", "prop click", "listener", "again", "listener", "listener"]);
    assert.deepEqual(res, [false, "object", null]);
  });

  test("compiled content attribute is a function; syntax errors are reported", () => {
    const r = loadPage(`<html><body><img id=i onerror="log('img error')"><p id=p onclick="(("></p></body></html>`);
    assert.equal(r.run(`typeof document.getElementById("i").onerror`), "function");
    r.dom.fire(r.document.getElementById("i"), "error", {});
    assert.deepEqual(r.log, ["img error"]);
    assert.equal(r.run(`document.getElementById("p").onclick`), null);
    assert.equal(calls(r, "exception")[0][1], "SyntaxError");
  });

  test("<body onload> and body.onmessage are the window's", () => {
    const r = loadPage(`<html><body onload="log('body onload', this === window)"></body></html>`);
    r.dom.fire(r.global, "load", {});
    r.run(`document.body.onmessage = (e) => log("msg " + e.data); log(window.onmessage === document.body.onmessage)`);
    r.dom.fire(r.global, "message", { data: 7 });
    assert.deepEqual(r.log, ["body onload true", "true", "msg 7"]);
  });

  test("window.onerror gets (message, source, lineno, colno, error) and true cancels", () => {
    const r = loadPage("<html><body></body></html>");
    r.run(`window.onerror = function (m, s, l, c, e) { log(m, s, l, c, e.message); return true; };`);
    const notCanceled = r.dom.fire(r.global, "error", { message: "Uncaught Error: x", filename: "http://a.test/", lineno: 4, colno: 2,
      error: new r.global.Error("x"), cancelable: true });
    assert.equal(notCanceled, false);
    assert.deepEqual(r.log, ["Uncaught Error: x http://a.test/ 4 2 x"]);
  });
});

describe("tree and nodes", () => {
  test("structure, childNodes liveness, siblings, textContent", () => {
    const r = loadPage("<html><head><title> A  b </title></head><body><div id=d>a<b>b</b><!--c-->d</div></body></html>");
    const out = r.run(`
      const d = document.getElementById("d");
      const kids = d.childNodes;
      const before = kids.length;
      d.appendChild(document.createTextNode("e"));
      [before, kids.length, kids[1].nodeName, kids.item(2).nodeType, [...kids].map(n => n.nodeName).join(),
       d.textContent, d.firstChild.nodeValue, d.lastChild.data, kids[1].nextSibling.nodeName, kids[1].previousSibling.nodeName,
       d.parentNode === document.body, d.parentElement.tagName, document.title, d.childElementCount, d.firstElementChild.tagName,
       d.contains(kids[1].firstChild), document.contains(d), d.isConnected, d.hasChildNodes(), d.ownerDocument === document,
       document.ownerDocument, Object.prototype.toString.call(kids), kids instanceof NodeList]`);
    assert.deepEqual(out, [4, 5, "B", 8, "#text,B,#comment,#text,#text", "abde", "a", "e", "#comment", "#text", true, "BODY",
      "A b", 1, "B", true, true, true, true, true, null, "[object NodeList]", true]);
  });

  test("insertBefore, replaceChild, removeChild, fragments, append/prepend/before/after/replaceWith", () => {
    const r = loadPage("<html><body><ul id=u><li id=a></li><li id=c></li></ul></body></html>");
    const out = r.run(`
      const u = document.getElementById("u"), ids = () => [...u.children].map(e => e.id).join("");
      const b = document.createElement("li"); b.id = "b";
      u.insertBefore(b, document.getElementById("c"));
      const r1 = ids();
      const f = document.createDocumentFragment();
      for (const id of ["x", "y"]) { const li = document.createElement("li"); li.id = id; f.appendChild(li); }
      u.appendChild(f);
      const r2 = ids() + f.childNodes.length;
      const z = document.createElement("li"); z.id = "z";
      const old = u.replaceChild(z, document.getElementById("x"));
      const r3 = ids() + old.id + (old.parentNode === null);
      u.removeChild(z);
      u.prepend("t", document.createElement("hr"));
      u.append("!");
      document.getElementById("a").before("<");
      document.getElementById("a").after(">");
      document.getElementById("y").replaceWith("Y");
      [r1, r2, r3, ids(), u.textContent]`);
    assert.deepEqual(out, ["abc", "abcxy0", "abczyxtrue", "abc", "t<>Y!"]);
  });

  test("hierarchy and not-found errors use Chromium's messages", () => {
    const r = loadPage("<html><body><div id=d><p id=p></p></div></body></html>");
    assert.equal(thrown(r, `const d = document.getElementById("d"); d.firstChild.appendChild(d)`),
      "HierarchyRequestError: Failed to execute 'appendChild' on 'Node': The new child element contains the parent.");
    assert.equal(thrown(r, `document.body.removeChild(document.getElementById("p"))`),
      "NotFoundError: Failed to execute 'removeChild' on 'Node': The node to be removed is not a child of this node.");
    assert.equal(thrown(r, `document.body.insertBefore(document.createElement("a"), document.getElementById("p"))`),
      "NotFoundError: Failed to execute 'insertBefore' on 'Node': The node before which the new node is to be inserted is not a child of this node.");
    assert.equal(thrown(r, `document.appendChild(document.createElement("div"))`),
      "HierarchyRequestError: Failed to execute 'appendChild' on 'Node': Only one element on document allowed.");
    assert.equal(thrown(r, `document.appendChild(document.createTextNode("x"))`),
      "HierarchyRequestError: Failed to execute 'appendChild' on 'Node': Nodes of type '#text' may not be inserted inside nodes of type '#document'.");
    assert.equal(thrown(r, `document.createTextNode("x").appendChild(document.createElement("b"))`),
      "HierarchyRequestError: Failed to execute 'appendChild' on 'Node': This node type does not support this method.");
    assert.equal(thrown(r, `document.body.appendChild({})`),
      "TypeError: Failed to execute 'appendChild' on 'Node': parameter 1 is not of type 'Node'.");
    assert.equal(thrown(r, `document.createElement("1a")`),
      "InvalidCharacterError: Failed to execute 'createElement' on 'Document': The tag name provided ('1a') is not a valid name.");
    assert.equal(thrown(r, `document.body.setAttribute("a b", "")`),
      "InvalidCharacterError: Failed to execute 'setAttribute' on 'Element': 'a b' is not a valid attribute name.");
    assert.equal(thrown(r, `new Node()`), "TypeError: Illegal constructor");
    assert.equal(thrown(r, `new HTMLDivElement()`), "TypeError: Illegal constructor");
  });

  test("cloneNode copies attributes, deep children and script state", () => {
    const r = loadPage("<html><body><div id=d class=c><span>x</span><script id=s>log('ran')</script></div></body></html>");
    const out = r.run(`
      const d = document.getElementById("d");
      const shallow = d.cloneNode(), deep = d.cloneNode(true);
      [shallow.outerHTML, deep.innerHTML === d.innerHTML, deep.querySelector("script").__sbStarted, deep.isEqualNode(d), shallow.isEqualNode(d)]`);
    assert.deepEqual(out, ['<div id="d" class="c"></div>', true, true, true, false]);
  });

  test("compareDocumentPosition and normalize", () => {
    const r = loadPage("<html><body><p id=a></p><p id=b></p></body></html>");
    assert.deepEqual(r.run(`const a = document.getElementById("a"), b = document.getElementById("b");
      const p = document.createElement("p"); p.append("x", "y", ""); p.normalize();
      [a.compareDocumentPosition(b), b.compareDocumentPosition(a), document.body.compareDocumentPosition(a), a.compareDocumentPosition(document.body), p.childNodes.length, p.firstChild.data]`),
      [4, 2, 20, 10, 1, "xy"]);
  });
});

describe("elements and attributes", () => {
  test("attributes, classList, dataset, style", () => {
    const r = loadPage("<html><body><div id=d class='a b' data-foo-bar=1 style='color: red; margin : 0'></div></body></html>");
    const out = r.run(`
      const d = document.getElementById("d");
      d.classList.add("c", "a"); d.classList.remove("b"); const t1 = d.classList.toggle("x"); const t2 = d.classList.toggle("x");
      d.dataset.helloWorld = "hw";
      const before = d.style.color;
      d.style.backgroundColor = "blue"; d.style.color = "";
      [d.className, d.classList.length, d.classList.contains("c"), t1, t2, d.classList[0], d.dataset.fooBar, d.getAttribute("data-hello-world"),
       Object.keys(d.dataset).join(), before, d.style.margin, d.getAttribute("style"), d.style.cssText, d.attributes.length,
       d.attributes[0].name, d.attributes.id.value, d.getAttributeNames().join(), d.hasAttribute("ID"), d.tagName, d.localName]`);
    assert.deepEqual(out, ["a c", 2, true, true, false, "a", "1", "hw", "fooBar,helloWorld", "red", "0",
      "margin: 0; background-color: blue;", "margin: 0; background-color: blue;", 5, "id", "d",
      "id,class,data-foo-bar,style,data-hello-world", true, "DIV", "div"]);
    assert.equal(thrown(r, `document.body.classList.add("")`), "SyntaxError: Failed to execute 'add' on 'DOMTokenList': The token provided must not be empty.");
    assert.equal(thrown(r, `document.body.classList.add("a b")`),
      "InvalidCharacterError: Failed to execute 'add' on 'DOMTokenList': The token provided ('a b') contains HTML space characters, which are not valid in tokens.");
  });

  test("innerHTML serialisation and round trip", () => {
    const r = loadPage("<html><body></body></html>");
    const html = r.run(`
      const d = document.createElement("div");
      const p = document.createElement("p"); p.setAttribute("title", 'a"b&c<d>\u00a0'); p.append("1 < 2 & 3 > 0\u00a0");
      const s = document.createElement("script"); s.text = "if (a < b && c) x = '</p>';";
      const st = document.createElement("style"); st.textContent = "a > b { }";
      d.append(p, document.createElement("br"), document.createElement("img"), s, st, document.createComment(" c "), "t");
      d.innerHTML`);
    assert.equal(html, `<p title="a&quot;b&amp;c&lt;d&gt;&nbsp;">1 &lt; 2 &amp; 3 &gt; 0&nbsp;</p><br><img><script>if (a < b && c) x = '</p>';</script><style>a > b { }</style><!-- c -->t`);
    const back = r.run(`const e = document.createElement("div"); e.innerHTML = '<p title="x &amp; y">a &lt; b</p><input disabled>'; [e.innerHTML, e.firstChild.title, e.outerHTML]`);
    assert.deepEqual(back, ['<p title="x &amp; y">a &lt; b</p><input disabled="">', "x & y", '<div><p title="x &amp; y">a &lt; b</p><input disabled=""></div>']);
  });

  test("insertAdjacentHTML, outerHTML setter, textContent/innerText setters", () => {
    const r = loadPage("<html><body><div id=d><span id=s>x</span></div></body></html>");
    const out = r.run(`
      const s = document.getElementById("s");
      s.insertAdjacentHTML("beforebegin", "<i>1</i>");
      s.insertAdjacentHTML("afterbegin", "<i>2</i>");
      s.insertAdjacentHTML("beforeEnd", "<i>3</i>");
      s.insertAdjacentHTML("afterend", "<i>4</i>");
      const a = document.getElementById("d").innerHTML;
      s.outerHTML = "<b>new</b>";
      const b = document.getElementById("d").innerHTML;
      const p = document.createElement("p"); p.innerText = "a\\nb"; const c = p.innerHTML;
      p.textContent = "<x>"; [a, b, c, p.innerHTML]`);
    assert.deepEqual(out, ['<i>1</i><span id="s"><i>2</i>x<i>3</i></span><i>4</i>', "<i>1</i><b>new</b><i>4</i>", "a<br>b", "&lt;x&gt;"]);
    assert.equal(thrown(r, `document.body.insertAdjacentHTML("middle", "")`),
      "SyntaxError: Failed to execute 'insertAdjacentHTML' on 'Element': The value provided ('middle') is not one of 'beforeBegin', 'afterBegin', 'beforeEnd', or 'afterEnd'.");
    assert.equal(thrown(r, `document.documentElement.outerHTML = "<p>"`),
      "NoModificationAllowedError: Failed to set the 'outerHTML' property on 'Element': This element's parent is of type '#document'.");
  });

  test("toStringTag and instanceof", () => {
    const r = loadPage("<html><head></head><body></body></html>");
    const names = r.run(`["iframe", "script", "a", "form", "input", "textarea", "select", "button", "img", "link", "style", "canvas",
      "body", "head", "html", "div", "p", "span", "title", "blink", "x-custom", "section"].map((t) => Object.prototype.toString.call(document.createElement(t)).slice(8, -1))`);
    assert.deepEqual(names, ["HTMLIFrameElement", "HTMLScriptElement", "HTMLAnchorElement", "HTMLFormElement", "HTMLInputElement",
      "HTMLTextAreaElement", "HTMLSelectElement", "HTMLButtonElement", "HTMLImageElement", "HTMLLinkElement", "HTMLStyleElement",
      "HTMLCanvasElement", "HTMLBodyElement", "HTMLHeadElement", "HTMLHtmlElement", "HTMLDivElement", "HTMLParagraphElement",
      "HTMLSpanElement", "HTMLTitleElement", "HTMLUnknownElement", "HTMLElement", "HTMLElement"]);
    assert.equal(tag(r, "document"), "[object HTMLDocument]");
    assert.equal(tag(r, "document.createTextNode('')"), "[object Text]");
    assert.equal(tag(r, "document.createComment('')"), "[object Comment]");
    assert.equal(tag(r, "document.createDocumentFragment()"), "[object DocumentFragment]");
    assert.equal(tag(r, "document.body.children"), "[object HTMLCollection]");
    assert.equal(tag(r, "document.body.classList"), "[object DOMTokenList]");
    assert.equal(tag(r, "document.body.attributes"), "[object NamedNodeMap]");
    assert.equal(tag(r, "new Image()"), "[object HTMLImageElement]");
    assert.deepEqual(r.run(`const f = document.createElement("iframe");
      [f instanceof HTMLIFrameElement, f instanceof HTMLElement, f instanceof Element, f instanceof Node, f instanceof EventTarget,
       document instanceof Document, document instanceof HTMLDocument, new Image() instanceof Image, f.constructor === HTMLIFrameElement,
       Object.getPrototypeOf(HTMLIFrameElement.prototype) === HTMLElement.prototype, HTMLElement.name, new Text("x").data,
       typeof Document.prototype.cookie, Object.getOwnPropertyNames(document).length]`),
      [true, true, true, true, true, true, true, true, true, true, "HTMLElement", "x", "undefined", 0]);
  });
});

describe("reflected attributes", () => {
  test("iframe", () => {
    const r = loadPage(`<html><body><iframe id=f name=x src="/inner?a=1" sandbox="allow-scripts  allow-forms"></iframe><iframe id=g sandbox src=""></iframe></body></html>`);
    const out = r.run(`
      const f = document.getElementById("f"), g = document.getElementById("g");
      const sb = f.sandbox;
      const a = [f.src, f.name, sb.value, sb.length, sb.contains("allow-forms"), sb.supports("allow-popups"), String(sb), g.src, g.sandbox.length, g.width];
      f.sandbox = "allow-same-origin"; f.src = "other"; g.width = 300; f.srcdoc = "<p>";
      a.concat([sb.value, f.getAttribute("src"), f.src, g.getAttribute("width"), g.width, f.srcdoc, f.contentWindow.fakeWindowFor, f.contentDocument, f.allowFullscreen])`);
    assert.deepEqual(out, ["http://a.test/inner?a=1", "x", "allow-scripts  allow-forms", 2, true, true, "allow-scripts  allow-forms", "", 0, "",
      "allow-same-origin", "other", "http://a.test/dir/other", "300", "300", "<p>", "x", null, false]);
  });

  test("script, anchor, image, link, canvas", () => {
    const r = loadPage("<html><body><a id=a href='../x?q#h' target=_blank rel='noopener noreferrer'>t</a></body></html>");
    const out = r.run(`
      const s = document.createElement("script");
      const co = [s.crossOrigin]; s.setAttribute("crossorigin", ""); co.push(s.crossOrigin); s.crossOrigin = "USE-credentials"; co.push(s.crossOrigin);
      s.setAttribute("crossorigin", "bogus"); co.push(s.crossOrigin); s.crossOrigin = null; co.push(s.hasAttribute("crossorigin"));
      s.src = "js/a.js"; s.type = "module"; s.defer = true; s.async = false;
      const a = document.getElementById("a");
      const img = new Image(10);
      img.src = "i.png";
      const link = document.createElement("link"); link.rel = "stylesheet"; link.href = "/s.css"; link.as = "STYLE";
      const c = document.createElement("canvas");
      [co, s.src, s.type, s.defer, s.async, s.getAttribute("defer"), a.href, a.target, a.rel, a.relList.length, a.text,
       img.src, img.width, img.alt, img.crossOrigin, link.href, link.rel, link.as, c.width, c.height, (c.width = 20, c.getAttribute("width"))]`);
    assert.deepEqual(out, [[null, "anonymous", "use-credentials", "anonymous", false], "http://a.test/dir/js/a.js", "module", true, false, "",
      "http://a.test/x?q#h", "_blank", "noopener noreferrer", 2, "t", "http://a.test/dir/i.png", 10, "", null, "http://a.test/s.css",
      "stylesheet", "style", 300, 150, "20"]);
  });

  test("forms: action, method, enctype, elements, controls", () => {
    const r = loadPage(`<html><body><form id=f><input name=q value=v><input type=checkbox name=c checked><textarea name=t>hi</textarea>
      <select name=s><option>a<option value=2 selected>b</select><button id=b>go</button><input type=image></form><input form=f name=outside></body></html>`);
    const out = r.run(`
      const f = document.getElementById("f");
      const a = [f.action, f.method, f.enctype, f.target];
      f.method = "POST"; f.setAttribute("enctype", "MULTIPART/form-data"); f.action = "/post";
      const q = f.elements.q; q.value = "changed";
      [a, f.method, f.enctype, f.action, f.elements.length, [...f.elements].map(e => e.name || e.localName).join(), q.value, q.defaultValue,
       f.elements.c.checked, f.elements.c.value, f.elements.t.value, f.elements.s.value, f.elements.s.selectedIndex, document.getElementById("b").type,
       document.getElementById("b").form === f, f.elements.outside.form === f, q.type, document.forms.length, document.forms.f === f]`);
    assert.deepEqual(out, [["http://a.test/dir/page.html", "get", "application/x-www-form-urlencoded", ""], "post", "multipart/form-data",
      "http://a.test/post", 6, "q,c,t,s,button,outside", "changed", "v", true, "on", "hi", "2", 1, "submit", true, true, "text", 1, true]);
  });

  test("click(): links, submit buttons (cancelable submit event), checkboxes", () => {
    const r = loadPage(`<html><body><a id=a href=/next>n</a><a id=n>no href</a><form id=f><button id=b>go</button></form>
      <input type=checkbox id=c><button id=d disabled>x</button></body></html>`);
    r.run(`
      document.getElementById("a").click(); document.getElementById("n").click();
      document.addEventListener("click", (e) => log("click " + e.target.id + " " + Object.prototype.toString.call(e) + " " + e.isTrusted));
      document.getElementById("b").click();
      const f = document.getElementById("f");
      f.addEventListener("submit", (e) => { log("submit " + e.submitter.id); e.preventDefault(); }, { once: true });
      document.getElementById("b").click();
      const c = document.getElementById("c"); c.click(); log("checked " + c.checked);
      document.getElementById("d").click();
      f.submit();
      f.requestSubmit();`);
    assert.deepEqual(calls(r, "follow"), [["follow", "http://a.test/next"]]);
    assert.deepEqual(calls(r, "submit"), [["submit", "f", "b"], ["submit", "f", null], ["submit", "f", null]]);
    assert.deepEqual(r.log, ["click b [object PointerEvent] false", "click b [object PointerEvent] false", "submit b", "click c [object PointerEvent] false", "checked true"]);
  });
});

describe("selectors", () => {
  const page = `<html><head></head><body><div id=main class="box big"><p class=x>1</p><p lang=en-US data-k="v w">2</p>
    <ul><li>a</li><li class=x>b</li><li>c</li></ul><a href="https://e.test/x.pdf">l</a></div><span id=last></span></body></html>`;
  const ids = (r, sel, root = "document") => r.run(`[...${root}.querySelectorAll(${JSON.stringify(sel)})].map(e => e.id || e.localName + (e.className ? "." + e.className : "") + ":" + e.textContent).join(" ")`);
  test("simple, compound, attribute, pseudo-classes, combinators, lists", () => {
    const r = loadPage(page);
    assert.equal(ids(r, "p"), "p.x:1 p:2");
    assert.equal(ids(r, "#main > .x"), "p.x:1");
    assert.equal(ids(r, ".x"), "p.x:1 li.x:b");
    assert.equal(ids(r, "div.box.big"), "main");
    assert.equal(ids(r, "[lang]"), "p:2");
    assert.equal(ids(r, "[data-k~=w]"), "p:2");
    assert.equal(ids(r, "[lang|=en]"), "p:2");
    assert.equal(ids(r, "a[href^='https:'][href$=\".pdf\"]"), "a:l");
    assert.equal(ids(r, "[href*=e\\.test]"), "a:l");
    assert.equal(ids(r, "[LANG=EN-us i]"), "p:2");
    assert.equal(ids(r, "li:first-child, li:last-child"), "li:a li:c");
    assert.equal(ids(r, "li:not(.x)"), "li:a li:c");
    assert.equal(ids(r, "li:nth-child(2n+1)"), "li:a li:c");
    assert.equal(ids(r, "p + ul > li.x"), "li.x:b");
    assert.equal(ids(r, "p ~ a"), "a:l");
    assert.equal(ids(r, "body > *"), "main last");
    assert.equal(ids(r, "div :is(li, a)"), "li:a li.x:b li:c a:l");
    assert.equal(ids(r, "div:has(> ul li.x)"), "main");
    assert.equal(r.run(`document.querySelector(":root").localName`), "html");
    assert.equal(ids(r, "span:empty"), "last");
    assert.equal(ids(r, "p::before, a:hover"), "");
    assert.equal(r.run(`document.getElementById("main").querySelector(":scope > p").textContent`), "1");
    assert.equal(r.run(`document.querySelector("li.x").closest("div").id`), "main");
    assert.equal(r.run(`document.querySelector("li.x").matches("ul > .x")`), true);
    assert.equal(r.run(`document.querySelector("nope")`), null);
    assert.equal(r.run(`document.getElementById("main").querySelectorAll("div p").length`), 2);
  });
  test("invalid selectors throw SyntaxError with the method and interface", () => {
    const r = loadPage(page);
    for (const [code, msg] of [
      [`document.querySelector("p[")`, "Failed to execute 'querySelector' on 'Document': 'p[' is not a valid selector."],
      [`document.querySelectorAll("")`, "Failed to execute 'querySelectorAll' on 'Document': '' is not a valid selector."],
      [`document.body.querySelector("a >")`, "Failed to execute 'querySelector' on 'Element': 'a >' is not a valid selector."],
      [`document.body.matches(":nope")`, "Failed to execute 'matches' on 'Element': ':nope' is not a valid selector."],
      [`document.body.closest("1a")`, "Failed to execute 'closest' on 'Element': '1a' is not a valid selector."],
      [`document.createDocumentFragment().querySelector("a,")`, "Failed to execute 'querySelector' on 'DocumentFragment': 'a,' is not a valid selector."],
    ]) assert.equal(thrown(r, code), "SyntaxError: " + msg);
  });
});

describe("documents", () => {
  test("document members", () => {
    const r = loadPage("<html><head><title>T</title></head><body><img id=i name=n><a href=x>l</a><script>1</script><form></form></body></html>");
    const out = r.run(`
      const a = [document.URL, document.documentURI, document.characterSet, document.contentType, document.compatMode, document.readyState,
        document.defaultView === window, document.images.length, document.links.length, document.scripts.length, document.forms.length,
        document.getElementsByName("n").length, document.getElementsByTagName("IMG")[0].id, document.documentElement.tagName,
        document.head.tagName, document.body.tagName, document.title, document.activeElement === document.body];
      const live = document.getElementsByTagName("p"); const n0 = live.length;
      document.body.append(document.createElement("p"));
      document.title = "New";
      a.concat([n0, live.length, document.title, document.querySelector("title").textContent, document.createElement("DIV").tagName,
        document.createElementNS("http://www.w3.org/2000/svg", "svg").tagName, document.createEvent("MouseEvents") instanceof MouseEvent])`);
    assert.deepEqual(out, ["http://a.test/dir/page.html", "http://a.test/dir/page.html", "UTF-8", "text/html", "BackCompat", "loading",
      true, 1, 1, 1, 1, 1, "i", "HTML", "HEAD", "BODY", "T", true, 0, 1, "New", "New", "DIV", "svg", true]);
  });

  test("DOMParser and createHTMLDocument never run scripts or notify the engine", () => {
    const r = loadPage("<html><body></body></html>");
    r.calls.length = 0;
    const out = r.run(`
      const d = new DOMParser().parseFromString("<p id=x onclick='log(1)'>hi</p><script>log('no')<\\/script><iframe src=/x></iframe>", "text/html");
      const h = document.implementation.createHTMLDocument("t");
      h.body.innerHTML = "<iframe></iframe><script>log('no2')<\\/script>";
      [d.getElementById("x").textContent, Object.prototype.toString.call(d), d.querySelector("iframe").contentWindow, h.title, h.URL, d.readyState]`);
    assert.deepEqual(out, ["hi", "[object HTMLDocument]", null, "t", "about:blank", "complete"]);
    assert.deepEqual(r.calls.filter((c) => c[0] !== "parseFragment"), []);
    assert.deepEqual(r.log, []);
  });

  test("nodes move between documents (adoption)", () => {
    const r = loadPage("<html><body></body></html>");
    assert.equal(r.run(`const h = document.implementation.createHTMLDocument(""); const p = h.createElement("p"); document.body.appendChild(p); p.ownerDocument === document`), true);
  });

  test("engine-owned members are left configurable", () => {
    const r = loadPage("<html><body></body></html>");
    r.run(`for (const n of ["domain", "cookie", "location", "referrer"]) Object.defineProperty(Document.prototype, n, { get() { return n; }, configurable: true });`);
    assert.equal(r.run(`document.domain + document.cookie`), "domaincookie");
  });
});

describe("more behaviour", () => {
  test("attributeChanged reports changes made through views and reflections", () => {
    const r = loadPage("<html><body><div id=d></div></body></html>");
    r.calls.length = 0;
    r.run(`const d = document.getElementById("d"); d.classList.add("a"); d.style.color = "red"; d.dataset.x = "1"; d.hidden = true; d.hidden = false; d.removeAttribute("nope");`);
    assert.deepEqual(r.calls, [["attr", "div", "class", null, "a"], ["attr", "div", "style", null, "color: red;"],
      ["attr", "div", "data-x", null, "1"], ["attr", "div", "hidden", null, ""], ["attr", "div", "hidden", "", null]]);
  });

  test("style reads follow later attribute changes", () => {
    const r = loadPage("<html><body><div id=d style='color: red'></div></body></html>");
    assert.deepEqual(r.run(`const d = document.getElementById("d"); const a = d.style.color; d.setAttribute("style", "display:none !important; color: blue");
      [a, d.style.color, d.style.display, d.style.getPropertyPriority("display"), d.style.length, d.style[0], d.style.cssFloat, typeof d.style.setProperty]`),
      ["red", "blue", "none", "important", 2, "display", "", "function"]);
  });

  test("live collections track mutations", () => {
    const r = loadPage("<html><body><p class='a b'>1</p></body></html>");
    assert.deepEqual(r.run(`const c = document.getElementsByClassName("a"), k = document.body.children, n = document.body.childNodes;
      const x = [c.length, k.length, n.length];
      const p = document.createElement("p"); p.className = "b a"; document.body.append(p, "t");
      x.push(c.length, k.length, n.length, c[1] === p, k.item(1) === p);
      p.className = "b"; x.push(c.length); x`), [1, 1, 1, 2, 2, 3, true, true, 1]);
  });

  test("a connected script-inserted script runs late when src is set", () => {
    const r = loadPage("<html><body></body></html>");
    r.run(`const s = document.createElement("script"); s.id = "late"; document.body.appendChild(s);`);
    r.calls.length = 0;
    r.run(`document.getElementById("late").src = "x.js";`);
    assert.deepEqual(r.calls, [["attr", "script", "src", null, "x.js"], ["run", "late", "late"]]);
  });

  test("select, option, textarea values and form reset", () => {
    const r = loadPage(`<html><body><form id=f><select id=s><option value=a>A<option value=b>B</select><textarea id=t>x</textarea><input id=i value=v></form></body></html>`);
    assert.deepEqual(r.run(`const s = document.getElementById("s"), t = document.getElementById("t"), i = document.getElementById("i");
      const out = [s.value, s.selectedIndex, s.options.length, s.type];
      s.value = "b"; t.value = "changed"; i.value = "w";
      out.push(s.value, s.selectedIndex, s.options[1].selected, t.value, t.defaultValue, i.value, document.querySelector("option:checked").value);
      document.getElementById("f").reset();
      out.push(s.value, t.value, i.value); out`),
      ["a", 0, 2, "select-one", "b", 1, true, "changed", "x", "w", "b", "a", "x", "v"]);
  });

  test("document.body setter, template content, getRootNode, Text.splitText", () => {
    const r = loadPage("<html><body><template id=t><b>in</b></template></body></html>");
    assert.deepEqual(r.run(`const t = document.getElementById("t");
      const frag = t.content; const a = [Object.prototype.toString.call(frag), frag.firstChild.tagName, t.childNodes.length, t.innerHTML];
      const nb = document.createElement("body"); nb.id = "nb"; document.body = nb;
      const x = document.createTextNode("hello"); const p = document.createElement("p"); p.append(x); const y = x.splitText(2);
      a.concat([document.body.id, x.data, y.data, p.childNodes.length, y.getRootNode() === p, x.wholeText])`),
      ["[object DocumentFragment]", "B", 0, "<b>in</b>", "nb", "he", "llo", 2, true, "hello"]);
  });

  test("textContent and innerText skip what they should", () => {
    const r = loadPage("<html><body><div id=d>a<script>s</script><style>t</style><br>b</div></body></html>");
    assert.deepEqual(r.run(`const d = document.getElementById("d"); [d.textContent, d.innerText, document.textContent, document.doctype]`),
      ["astb", "a\nb", null, null]);
  });
});

// images.js: evaluated per realm after fetch.js as the body of `function (host, global)`.
// <img> loading (the "update the image data" algorithm, simplified), decode(), and the canvas
// with its 2D context and ImageData. Pixels, decoding, PNG encoding and the origin-clean
// decisions are the engine's (Sources/Simbrowse/Embedding/*.swift); this file keeps the element
// state, fires the events and words the argument errors as Chromium does. See Docs/Canvas.md.
// https://html.spec.whatwg.org/multipage/embedded-content.html#the-img-element
// https://html.spec.whatwg.org/multipage/canvas.html
"use strict";

const dom = host.dom;
const SYM = dom.symbols;
// Symbol.for keys: an image or canvas of one realm may be drawn by a context of another
// (same-origin frames share objects), and every realm must find the same state.
const IMG = Symbol.for("simbrowse.images.img");        // <img>: { gen, started, handle, broken, waiters }
const BACKING = Symbol.for("simbrowse.images.canvas"); // <canvas>: the engine's bitmap handle
const CONTEXT = Symbol.for("simbrowse.images.context"); // <canvas>: its CanvasRenderingContext2D
const C2D = Symbol.for("simbrowse.images.c2d");         // a context's state
const IDATA = Symbol.for("simbrowse.images.imagedata"); // an ImageData's { width, height, data }

const hiddenProp = (obj, key, value) => Object.defineProperty(obj, key, { value, writable: true, configurable: true, enumerable: false });
const exposeImages = (name, value) => Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
const domErr = (message, name) => (typeof global.DOMException === "function" ? new global.DOMException(message, name) : Object.assign(new Error(message), { name }));
const failedTo = (method, iface, msg) => "Failed to execute '" + method + "' on '" + iface + "': " + msg;
const isElement = (x, tag) => x !== null && typeof x === "object" && x[SYM.TYPE] === 1 && x[SYM.NAME] === tag;
const lowerASCII = (s) => String(s).replace(/[A-Z]+/g, (c) => c.toLowerCase());
const queueTask = (f) => host.imageQueueTask(f);

// ---------------------------------------------------------------------------------------------
// Patching the element interfaces without materialising them early: dom.js makes interfaces on
// first use, so the patch runs when HTMLImageElement/HTMLCanvasElement is first asked for,
// through the global name or through host.dom.elementClasses (which createElement uses).
function patchWhenMade(tag, ifaceName, patch) {
  const original = Object.getOwnPropertyDescriptor(global, ifaceName);
  if (!original) return;
  let C = null;
  const ensure = () => {
    if (C) return C;
    C = original.get ? original.get.call(global) : original.value;
    if (C && C.prototype) patch(C.prototype);
    return C;
  };
  Object.defineProperty(global, ifaceName, {
    get() { return ensure(); },
    set(v) { exposeImages(ifaceName, v); },
    configurable: true, enumerable: false,
  });
  Object.defineProperty(dom.elementClasses, tag, { get: ensure, configurable: true, enumerable: true });
}
// Wraps attribute-changing members so `changed(el, name)` runs after them; `when(el)` filters.
function afterAttributeChange(p, names, changed) {
  const wrap = (key, argName) => {
    const d = Object.getOwnPropertyDescriptor(p, key) || lookupDescriptor(p, key);
    if (!d || typeof d.value !== "function") return;
    const f = d.value;
    Object.defineProperty(p, key, {
      value: { [key](...args) {
        const r = f.apply(this, args);
        const n = argName(args);
        if (n !== null && names.includes(n)) changed(this, n);
        return r;
      } }[key],
      writable: true, configurable: true, enumerable: d.enumerable,
    });
  };
  const first = (args) => (args.length ? lowerASCII(args[0]) : null);
  const second = (args) => (args.length > 1 && (args[0] === null || args[0] === "" || args[0] === undefined) ? lowerASCII(args[1]) : null);
  wrap("setAttribute", first);
  wrap("removeAttribute", first);
  wrap("toggleAttribute", first);
  wrap("setAttributeNS", second);
  wrap("removeAttributeNS", second);
  for (const n of names) {
    // The reflected IDL attribute of each content attribute (src, crossOrigin, width, ...).
    for (const key of Object.getOwnPropertyNames(p)) {
      if (lowerASCII(key) !== n) continue;
      const d = Object.getOwnPropertyDescriptor(p, key);
      if (!d || !d.set) continue;
      const set = d.set;
      Object.defineProperty(p, key, {
        get: d.get,
        set: { [key](v) { set.call(this, v); changed(this, n); } }[key],
        enumerable: d.enumerable, configurable: true,
      });
    }
  }
}
function lookupDescriptor(o, key) {
  for (let p = Object.getPrototypeOf(o); p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, key);
    if (d) return d;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// <img>
// The document's list of available images (https://html.spec.whatwg.org/multipage/images.html#list-of-available-images):
// a URL already fetched with the same CORS mode is used again at once, without a request.
const available = new Map();
const imgState = (el) => el[IMG] || (hiddenProp(el, IMG, { gen: 0, started: false, handle: null, broken: false, waiters: [] }), el[IMG]);
const corsMode = (v) => (v === null ? "no-cors" : lowerASCII(v) === "use-credentials" ? "use-credentials" : "anonymous");

function settle(st, ok) {
  const w = st.waiters;
  st.waiters = [];
  for (const [resolve, reject] of w) {
    if (ok) resolve(undefined);
    else reject(domErr("The source image cannot be decoded.", "EncodingError"));
  }
}
function fireImageEvent(el, type) { dom.fire(el, type, { bubbles: false, cancelable: false }); }

// https://html.spec.whatwg.org/multipage/images.html#update-the-image-data (no srcset, no
// <picture>): the image is fetched in a task, decoded by the engine, then load or error fires.
function updateImageData(el) {
  const doc = el[SYM.DOC];
  // Only documents of a browsing context load images (not DOMParser's or <template>'s).
  if (!doc || !doc.defaultView) return;
  const st = imgState(el);
  st.started = true;
  const gen = ++st.gen;
  const src = dom.getAttr(el, "src");
  if (src === null) {
    // No source: the current request is unavailable; nothing fires.
    st.handle = null; st.broken = false;
    dom.setImageState(el, { naturalWidth: 0, naturalHeight: 0, complete: true, currentSrc: "" });
    settle(st, false);
    return;
  }
  const url = src === "" ? null : host.resolveURL(src);
  if (url === null || url === undefined) {
    // An empty or unparsable src: the request is broken and error fires in a task.
    st.handle = null; st.broken = true;
    dom.setImageState(el, { naturalWidth: 0, naturalHeight: 0, complete: true, currentSrc: src === "" ? "" : src });
    queueTask(() => { if (st.gen === gen) { fireImageEvent(el, "error"); settle(st, false); } });
    return;
  }
  const co = dom.getAttr(el, "crossorigin");
  const key = corsMode(co) + " " + url;
  const hit = available.get(key);
  if (hit) {
    st.handle = hit.handle; st.broken = false;
    dom.setImageState(el, { naturalWidth: hit.width, naturalHeight: hit.height, complete: true, currentSrc: url });
    queueTask(() => { if (st.gen === gen) { fireImageEvent(el, "load"); settle(st, true); } });
    return;
  }
  dom.setImageState(el, { complete: false, currentSrc: url });
  // The fetch starts once the current task is done ("await a stable state", a microtask here):
  // a src set twice in one task fetches only the last URL.
  Promise.resolve().then(() => { if (st.gen === gen) fetchImage(el, st, gen, url, co, key); });
}
function fetchImage(el, st, gen, url, co, key) {
  host.imageFetch(url, co, (r) => {
    if (st.gen !== gen) return;  // a newer src (or a removed one) replaced this request
    if (r && r.ok) {
      st.handle = r.handle; st.broken = false;
      available.set(key, { handle: r.handle, width: r.width, height: r.height });
      dom.setImageState(el, { naturalWidth: r.width, naturalHeight: r.height, complete: true });
      fireImageEvent(el, "load");
      settle(st, true);
    } else {
      st.handle = null; st.broken = true;
      dom.setImageState(el, { naturalWidth: 0, naturalHeight: 0, complete: true });
      fireImageEvent(el, "error");
      settle(st, false);
    }
  });
}

const IMG_ATTRS = ["src", "srcset", "crossorigin", "referrerpolicy"];
function imageAttributeChanged(el, name) {
  if (!IMG_ATTRS.includes(name)) return;
  // A crossorigin or referrerpolicy change matters only to an image that has a source.
  if (name !== "src" && dom.getAttr(el, "src") === null) return;
  if (name === "srcset") return;  // srcset is not supported: src decides
  updateImageData(el);
}
host.images = {
  // From the engine: an img was inserted into a document (the parser's included).
  inserted(el) {
    const st = el[IMG];
    if ((!st || !st.started) && dom.getAttr(el, "src") !== null) updateImageData(el);
  },
  // From the engine: an attribute of a connected img changed.
  attributeChanged(el, name) { imageAttributeChanged(el, String(name)); },
};

patchWhenMade("img", "HTMLImageElement", (p) => {
  // Connected images hear of attribute changes through the engine (host.attributeChanged);
  // images out of the document load too, so their changes are caught here.
  afterAttributeChange(p, IMG_ATTRS, (el, name) => { if (!el.isConnected) imageAttributeChanged(el, name); });
  Object.defineProperty(p, "decode", {
    // https://html.spec.whatwg.org/multipage/embedded-content.html#dom-img-decode
    value: function decode() {
      const st = this[IMG];
      return new Promise((resolve, reject) => {
        const done = st && st.started && (st.handle || st.broken) && this.complete;
        if (done && st.handle && !st.broken) resolve(undefined);
        else if (!st || !st.started || (done && st.broken)) reject(domErr("The source image cannot be decoded.", "EncodingError"));
        else st.waiters.push([resolve, reject]);
      });
    },
    writable: true, configurable: true, enumerable: true,
  });
});

// ---------------------------------------------------------------------------------------------
// <canvas> and CanvasRenderingContext2D
// The canvas API (ImageData, the 2D context, gradients, patterns) is made on first use: most
// pages never touch a canvas, and every realm evaluates this file.
const MAX_CANVAS_PIXELS = 4096 * 4096;
function canvasSize(canvas) {
  const w = canvas.width, h = canvas.height;
  // A canvas too big to allocate has no bitmap (Chromium's would be unusable too).
  return w * h > MAX_CANVAS_PIXELS ? [0, 0] : [w, h];
}
function backing(canvas) {
  let b = canvas[BACKING];
  if (!b) {
    const [w, h] = canvasSize(canvas);
    b = host.canvasNew(w, h);
    hiddenProp(canvas, BACKING, b);
  }
  return b;
}
function canvasDimensionsSet(canvas) {
  const b = canvas[BACKING];
  if (b) { const [w, h] = canvasSize(canvas); host.canvasReset(b, w, h); }
  const ctx = canvas[CONTEXT];
  if (ctx) { const s = ctx[C2D]; s.state = canvasAPI().defaultState(); s.stack = []; s.path = []; }
}

let canvasAPIMade = null;
function canvasAPI() {
  if (canvasAPIMade) return canvasAPIMade;
  // ---------------------------------------------------------------------------------------------
  // ImageData https://html.spec.whatwg.org/multipage/canvas.html#imagedata
  function makeImageData(data, width, height) {
    const o = Object.create(ImageData.prototype);
    hiddenProp(o, IDATA, { data, width, height });
    return o;
  }
  class ImageData {
    constructor(a, b, c) {
      const n = arguments.length;
      const ctor = (msg) => "Failed to construct 'ImageData': " + msg;
      if (n < 2) throw new TypeError(ctor("2 arguments required, but only " + n + " present."));
      let data, w, h;
      if (a instanceof Uint8ClampedArray) {
        data = a;
        w = b >>> 0;
        if (data.length === 0) throw domErr(ctor("The input data has zero elements."), "InvalidStateError");
        if (data.length % 4 !== 0) throw domErr(ctor("The input data length is not a multiple of 4."), "InvalidStateError");
        if (w === 0) throw domErr(ctor("The source width is zero or not a number."), "IndexSizeError");
        const pixels = data.length / 4;
        if (pixels % w !== 0) throw domErr(ctor("The input data length is not a multiple of (4 * width)."), "IndexSizeError");
        h = pixels / w;
        if (c !== undefined && (c >>> 0) !== h) throw domErr(ctor("The input data length is not equal to (4 * width * height)."), "IndexSizeError");
      } else if (typeof a === "object" && a !== null && ArrayBuffer.isView(a)) {
        throw new TypeError(ctor("parameter 1 is not of type 'Uint8ClampedArray'."));
      } else {
        w = Number(a) >>> 0; h = Number(b) >>> 0;
        if (w === 0) throw domErr(ctor("The source width is zero or not a number."), "IndexSizeError");
        if (h === 0) throw domErr(ctor("The source height is zero or not a number."), "IndexSizeError");
        if (w * h > 4096 * 4096) throw new RangeError(ctor("Out of memory at ImageData creation."));
        data = new Uint8ClampedArray(w * h * 4);
      }
      hiddenProp(this, IDATA, { data, width: w, height: h });
    }
    get width() { return idata(this).width; }
    get height() { return idata(this).height; }
    get data() { return idata(this).data; }
    get colorSpace() { return "srgb"; }
  }
  function idata(o) {
    const s = o !== null && typeof o === "object" ? o[IDATA] : undefined;
    if (!s) throw new TypeError("Illegal invocation");
    return s;
  }
  Object.defineProperty(ImageData.prototype, Symbol.toStringTag, { value: "ImageData", configurable: true });
  exposeImages("ImageData", ImageData);

  function defaultState() {
    return {
      fillStyle: "#000000", fillColor: [0, 0, 0, 1], strokeStyle: "#000000", strokeColor: [0, 0, 0, 1],
      globalAlpha: 1, globalCompositeOperation: "source-over", lineWidth: 1, lineCap: "butt", lineJoin: "miter",
      miterLimit: 10, lineDashOffset: 0, dash: [], font: "10px sans-serif", textAlign: "start", textBaseline: "alphabetic",
      direction: "inherit", letterSpacing: "0px", wordSpacing: "0px", fontKerning: "auto", imageSmoothingEnabled: true,
      imageSmoothingQuality: "low", shadowBlur: 0, shadowColor: "rgba(0, 0, 0, 0)", shadowOffsetX: 0, shadowOffsetY: 0,
      filter: "none", m: [1, 0, 0, 1, 0, 0],
    };
  }
  // https://html.spec.whatwg.org/multipage/canvas.html#concept-canvas-set-bitmap-dimensions
  const illegalToken = Symbol("construct");
  class CanvasGradient {
    constructor(token) { if (token !== illegalToken) throw new TypeError("Illegal constructor"); hiddenProp(this, "__stops", []); }
    addColorStop(offset, color) {
      offset = Number(offset);
      if (!(offset >= 0 && offset <= 1)) throw domErr(failedTo("addColorStop", "CanvasGradient", "The provided value (" + offset + ") is outside the range (0.0, 1.0)."), "IndexSizeError");
      const c = host.canvasColor(String(color));
      if (!c) throw domErr(failedTo("addColorStop", "CanvasGradient", "The value provided ('" + String(color) + "') could not be parsed as a color."), "SyntaxError");
      this.__stops.push([offset, c]);
    }
  }
  class CanvasPattern {
    constructor(token) { if (token !== illegalToken) throw new TypeError("Illegal constructor"); }
    setTransform() {}
  }
  Object.defineProperty(CanvasGradient.prototype, Symbol.toStringTag, { value: "CanvasGradient", configurable: true });
  Object.defineProperty(CanvasPattern.prototype, Symbol.toStringTag, { value: "CanvasPattern", configurable: true });
  exposeImages("CanvasGradient", CanvasGradient);
  exposeImages("CanvasPattern", CanvasPattern);

  const C = "CanvasRenderingContext2D";
  const finite = (...xs) => xs.every((x) => Number.isFinite(x));
  function needN(method, n, got) {
    if (got < n) throw new TypeError(failedTo(method, C, n + " argument" + (n > 1 ? "s" : "") + " required, but only " + got + " present."));
  }
  function c2d(o) {
    const s = o !== null && typeof o === "object" ? o[C2D] : undefined;
    if (!s) throw new TypeError("Illegal invocation");
    return s;
  }
  // Paint with a style: a colour paints; gradients paint their first stop; patterns nothing.
  function styleColor(style, color) {
    if (color) return color;
    if (style instanceof CanvasGradient && style.__stops.length) return style.__stops.slice().sort((a, b) => a[0] - b[0])[0][1].slice(1);
    return null;
  }
  function fillRectWith(s, color, x, y, w, h) {
    if (!color) return;
    const st = s.state, m = st.m;
    host.canvasFillRect(backing(s.canvas), x, y, w, h, color[0], color[1], color[2], color[3], st.globalAlpha, m[0], m[1], m[2], m[3], m[4], m[5]);
  }
  function multiply(m, n) {
    return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3],
      m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
  }
  function styleProperty(kind) {
    const styleKey = kind + "Style", colorKey = kind + "Color";
    return {
      get() { return c2d(this).state[styleKey]; },
      set(v) {
        const st = c2d(this).state;
        if (v instanceof CanvasGradient || v instanceof CanvasPattern) { st[styleKey] = v; st[colorKey] = null; return; }
        const c = host.canvasColor(String(v));
        if (!c) return;  // an invalid colour is ignored
        st[styleKey] = c[0]; st[colorKey] = c.slice(1);
      },
      enumerable: true, configurable: true,
    };
  }
  function plain(name, check) {
    return {
      get() { return c2d(this).state[name]; },
      set(v) { const st = c2d(this).state; const r = check(v, st[name]); if (r !== undefined) st[name] = r; },
      enumerable: true, configurable: true,
    };
  }
  const num = (pred) => (v) => { v = Number(v); return Number.isFinite(v) && pred(v) ? v : undefined; };
  const oneOf = (list) => (v) => (list.includes(String(v)) ? String(v) : undefined);
  const COMPOSITE = "source-over source-in source-out source-atop destination-over destination-in destination-out destination-atop lighter copy xor multiply screen overlay darken lighten color-dodge color-burn hard-light soft-light difference exclusion hue saturation color luminosity".split(" ");

  // The image argument of drawImage: [handle, width, height] or null when there is nothing to draw.
  function imageSource(image) {
    if (isElement(image, "img")) {
      const st = image[IMG];
      if (st && st.broken) throw domErr(failedTo("drawImage", C, "The HTMLImageElement provided is in the 'broken' state."), "InvalidStateError");
      // Not loaded (yet): nothing is drawn. While a new src loads, the current image is drawn.
      if (!st || !st.handle) return null;
      return [st.handle, image.naturalWidth, image.naturalHeight];
    }
    if (isElement(image, "canvas")) {
      const [w, h] = canvasSize(image);
      if (w === 0 || h === 0) throw domErr(failedTo("drawImage", C, "The image argument is a canvas element with a width or height of 0."), "InvalidStateError");
      return [backing(image), w, h];
    }
    throw new TypeError(failedTo("drawImage", C, "The provided value is not of type '(CSSImageValue or HTMLCanvasElement or HTMLImageElement or HTMLVideoElement or ImageBitmap or OffscreenCanvas or SVGImageElement or VideoFrame)'."));
  }

  class CanvasRenderingContext2D {
    constructor(token, canvas) {
      if (token !== illegalToken) throw new TypeError("Illegal constructor");
      hiddenProp(this, C2D, { canvas, state: defaultState(), stack: [], path: [] });
    }
    get canvas() { return c2d(this).canvas; }
    getContextAttributes() { c2d(this); return { alpha: true, colorSpace: "srgb", desynchronized: false, willReadFrequently: false }; }
    isContextLost() { return false; }

    // state https://html.spec.whatwg.org/multipage/canvas.html#the-canvas-state
    save() { const s = c2d(this); s.stack.push(Object.assign({}, s.state, { m: s.state.m.slice(), dash: s.state.dash.slice() })); }
    restore() { const s = c2d(this); if (s.stack.length) s.state = s.stack.pop(); }
    reset() { const s = c2d(this); canvasDimensionsSet(s.canvas); }

    // transformations
    scale(x, y) { needN("scale", 2, arguments.length); this.transform(Number(x), 0, 0, Number(y), 0, 0); }
    rotate(a) {
      needN("rotate", 1, arguments.length);
      a = Number(a); if (!finite(a)) return;
      this.transform(Math.cos(a), Math.sin(a), -Math.sin(a), Math.cos(a), 0, 0);
    }
    translate(x, y) { needN("translate", 2, arguments.length); this.transform(1, 0, 0, 1, Number(x), Number(y)); }
    transform(a, b, c, d, e, f) {
      needN("transform", 6, arguments.length);
      const n = [a, b, c, d, e, f].map(Number);
      if (!finite(...n)) return;
      const s = c2d(this); s.state.m = multiply(s.state.m, n);
    }
    setTransform(a, b, c, d, e, f) {
      const s = c2d(this);
      if (arguments.length === 0) { s.state.m = [1, 0, 0, 1, 0, 0]; return; }
      if (arguments.length === 1 && a !== null && typeof a === "object") {
        const m = [a.a ?? a.m11 ?? 1, a.b ?? a.m12 ?? 0, a.c ?? a.m21 ?? 0, a.d ?? a.m22 ?? 1, a.e ?? a.m41 ?? 0, a.f ?? a.m42 ?? 0].map(Number);
        if (finite(...m)) s.state.m = m;
        return;
      }
      needN("setTransform", 6, arguments.length);
      const n = [a, b, c, d, e, f].map(Number);
      if (finite(...n)) s.state.m = n;
    }
    resetTransform() { c2d(this).state.m = [1, 0, 0, 1, 0, 0]; }
    getTransform() {
      const [a, b, c, d, e, f] = c2d(this).state.m;
      if (typeof global.DOMMatrix === "function") { try { return new global.DOMMatrix([a, b, c, d, e, f]); } catch (_) { /* below */ } }
      return { a, b, c, d, e, f, m11: a, m12: b, m21: c, m22: d, m41: e, m42: f, is2D: true, isIdentity: a === 1 && b === 0 && c === 0 && d === 1 && e === 0 && f === 0 };
    }

    // rectangles https://html.spec.whatwg.org/multipage/canvas.html#drawing-rectangles-to-the-bitmap
    clearRect(x, y, w, h) {
      needN("clearRect", 4, arguments.length);
      const s = c2d(this), n = [x, y, w, h].map(Number), m = s.state.m;
      if (!finite(...n)) return;
      host.canvasClearRect(backing(s.canvas), n[0], n[1], n[2], n[3], m[0], m[1], m[2], m[3], m[4], m[5]);
    }
    fillRect(x, y, w, h) {
      needN("fillRect", 4, arguments.length);
      const s = c2d(this), n = [x, y, w, h].map(Number);
      if (!finite(...n)) return;
      fillRectWith(s, styleColor(s.state.fillStyle, s.state.fillColor), n[0], n[1], n[2], n[3]);
    }
    strokeRect(x, y, w, h) {
      needN("strokeRect", 4, arguments.length);
      const s = c2d(this), n = [x, y, w, h].map(Number);
      if (!finite(...n)) return;
      strokeRectWith(s, n[0], n[1], n[2], n[3]);
    }

    // paths: rectangles are filled and stroked; other segments are accepted and not drawn.
    beginPath() { c2d(this).path = []; }
    closePath() { c2d(this); }
    moveTo() { c2d(this); }
    lineTo() { c2d(this); }
    quadraticCurveTo() { c2d(this); }
    bezierCurveTo() { c2d(this); }
    arcTo() { c2d(this); }
    arc() { c2d(this); }
    ellipse() { c2d(this); }
    roundRect(x, y, w, h) { this.rect(x, y, w, h); }
    rect(x, y, w, h) {
      needN("rect", 4, arguments.length);
      const s = c2d(this), n = [x, y, w, h].map(Number);
      if (finite(...n)) s.path.push(n);
    }
    fill() { const s = c2d(this); const c = styleColor(s.state.fillStyle, s.state.fillColor); for (const r of s.path) fillRectWith(s, c, r[0], r[1], r[2], r[3]); }
    stroke() { const s = c2d(this); for (const r of s.path) strokeRectWith(s, r[0], r[1], r[2], r[3]); }
    clip() { c2d(this); }
    isPointInPath() { c2d(this); return false; }
    isPointInStroke() { c2d(this); return false; }
    setLineDash(segments) { const s = c2d(this); const l = Array.from(segments || [], Number); if (l.every((x) => Number.isFinite(x) && x >= 0)) s.state.dash = l.length % 2 ? l.concat(l) : l; }
    getLineDash() { return c2d(this).state.dash.slice(); }

    // text: measured roughly, not drawn (there are no fonts here)
    fillText() { needN("fillText", 3, arguments.length); c2d(this); }
    strokeText() { needN("strokeText", 3, arguments.length); c2d(this); }
    measureText(text) {
      needN("measureText", 1, arguments.length);
      const s = c2d(this);
      const size = Number((/(\d+(?:\.\d+)?)px/.exec(s.state.font) || [0, 10])[1]);
      const width = String(text).length * size * 0.5;
      return { width, actualBoundingBoxLeft: 0, actualBoundingBoxRight: width, actualBoundingBoxAscent: size * 0.8, actualBoundingBoxDescent: size * 0.2, fontBoundingBoxAscent: size * 0.8, fontBoundingBoxDescent: size * 0.2 };
    }

    // styles
    createLinearGradient(x0, y0, x1, y1) { needN("createLinearGradient", 4, arguments.length); c2d(this); return new CanvasGradient(illegalToken); }
    createRadialGradient(x0, y0, r0, x1, y1, r1) { needN("createRadialGradient", 6, arguments.length); c2d(this); return new CanvasGradient(illegalToken); }
    createConicGradient(a, x, y) { needN("createConicGradient", 3, arguments.length); c2d(this); return new CanvasGradient(illegalToken); }
    createPattern(image) { needN("createPattern", 2, arguments.length); c2d(this); return imageSource(image) ? new CanvasPattern(illegalToken) : null; }

    // https://html.spec.whatwg.org/multipage/canvas.html#dom-context-2d-drawimage
    drawImage(image, a1, a2, a3, a4, a5, a6, a7, a8) {
      const n = arguments.length;
      if (n !== 3 && n !== 5 && n !== 9) {
        if (n < 3) needN("drawImage", 3, n);
        throw new TypeError(failedTo("drawImage", C, "Valid arities are: [3, 5, 9], but " + n + " arguments provided."));
      }
      const s = c2d(this);
      const src = imageSource(image);
      const args = [a1, a2, a3, a4, a5, a6, a7, a8].slice(0, n - 1).map(Number);
      if (!finite(...args) || !src) return;
      const [handle, iw, ih] = src;
      let sx = 0, sy = 0, sw = iw, sh = ih, dx, dy, dw, dh;
      if (n === 3) { [dx, dy] = args; dw = iw; dh = ih; }
      else if (n === 5) { [dx, dy, dw, dh] = args; }
      else { [sx, sy, sw, sh, dx, dy, dw, dh] = args; }
      if (sw === 0 || sh === 0 || dw === 0 || dh === 0) return;
      const m = s.state.m;
      host.canvasDrawImage(backing(s.canvas), handle, sx, sy, sw, sh, dx, dy, dw, dh, s.state.globalAlpha,
        m[0], m[1], m[2], m[3], m[4], m[5], isElement(image, "img") ? "HTMLImageElement" : "HTMLCanvasElement");
    }

    // pixel manipulation https://html.spec.whatwg.org/multipage/canvas.html#pixel-manipulation
    createImageData(a, b) {
      const n = arguments.length;
      if (n === 1 && a !== null && typeof a === "object" && a[IDATA]) return new ImageData(a.width, a.height);
      if (n < 2) {
        if (n === 1) throw new TypeError(failedTo("createImageData", C, "parameter 1 is not of type 'ImageData'."));
        needN("createImageData", 1, n);
      }
      const w = Math.abs(Number(a) | 0), h = Math.abs(Number(b) | 0);
      if (w === 0) throw domErr(failedTo("createImageData", C, "The source width is 0."), "IndexSizeError");
      if (h === 0) throw domErr(failedTo("createImageData", C, "The source height is 0."), "IndexSizeError");
      return new ImageData(w, h);
    }
    getImageData(sx, sy, sw, sh) {
      needN("getImageData", 4, arguments.length);
      const s = c2d(this);
      const [x, y, w, h] = [sx, sy, sw, sh].map((v) => Number(v) | 0);  // WebIDL long
      // The engine checks the origin-clean flag first (Chromium's order), then the size.
      const r = host.canvasGetImageData(backing(s.canvas), x, y, w, h);
      return makeImageData(r, Math.abs(w), Math.abs(h));
    }
    putImageData(imagedata, dx, dy, dirtyX, dirtyY, dirtyW, dirtyH) {
      const n = arguments.length;
      if (n < 3) needN("putImageData", 3, n);
      if (n !== 3 && n !== 7) throw new TypeError(failedTo("putImageData", C, "Valid arities are: [3, 7], but " + n + " arguments provided."));
      if (imagedata === null || typeof imagedata !== "object" || !imagedata[IDATA]) throw new TypeError(failedTo("putImageData", C, "parameter 1 is not of type 'ImageData'."));
      const s = c2d(this), d = imagedata[IDATA];
      const toLong = (v) => Number(v) | 0;
      const rect = n === 7 ? [dirtyX, dirtyY, dirtyW, dirtyH].map(toLong) : [0, 0, d.width, d.height];
      host.canvasPutImageData(backing(s.canvas), d.data, d.width, d.height, toLong(dx), toLong(dy), rect[0], rect[1], rect[2], rect[3]);
    }
  }
  function strokeRectWith(s, x, y, w, h) {
    const c = styleColor(s.state.strokeStyle, s.state.strokeColor);
    const lw = s.state.lineWidth, half = lw / 2;
    if (!c) return;
    if (w === 0 && h === 0) return;
    if (w === 0 || h === 0) { fillRectWith(s, c, x - (w === 0 ? half : 0), y - (h === 0 ? half : 0), w || lw, h || lw); return; }
    const x0 = Math.min(x, x + w), y0 = Math.min(y, y + h), aw = Math.abs(w), ah = Math.abs(h);
    fillRectWith(s, c, x0 - half, y0 - half, aw + lw, lw);          // top
    fillRectWith(s, c, x0 - half, y0 + ah - half, aw + lw, lw);     // bottom
    fillRectWith(s, c, x0 - half, y0 + half, lw, ah - lw);          // left
    fillRectWith(s, c, x0 + aw - half, y0 + half, lw, ah - lw);     // right
  }
  Object.defineProperties(CanvasRenderingContext2D.prototype, {
    fillStyle: styleProperty("fill"),
    strokeStyle: styleProperty("stroke"),
    globalAlpha: plain("globalAlpha", num((v) => v >= 0 && v <= 1)),
    globalCompositeOperation: plain("globalCompositeOperation", oneOf(COMPOSITE)),
    lineWidth: plain("lineWidth", num((v) => v > 0)),
    lineCap: plain("lineCap", oneOf(["butt", "round", "square"])),
    lineJoin: plain("lineJoin", oneOf(["round", "bevel", "miter"])),
    miterLimit: plain("miterLimit", num((v) => v > 0)),
    lineDashOffset: plain("lineDashOffset", num(() => true)),
    font: plain("font", (v) => String(v)),
    textAlign: plain("textAlign", oneOf(["start", "end", "left", "right", "center"])),
    textBaseline: plain("textBaseline", oneOf(["top", "hanging", "middle", "alphabetic", "ideographic", "bottom"])),
    direction: plain("direction", oneOf(["ltr", "rtl", "inherit"])),
    letterSpacing: plain("letterSpacing", (v) => String(v)),
    wordSpacing: plain("wordSpacing", (v) => String(v)),
    fontKerning: plain("fontKerning", oneOf(["auto", "normal", "none"])),
    imageSmoothingEnabled: plain("imageSmoothingEnabled", (v) => !!v),
    imageSmoothingQuality: plain("imageSmoothingQuality", oneOf(["low", "medium", "high"])),
    shadowBlur: plain("shadowBlur", num((v) => v >= 0)),
    shadowColor: plain("shadowColor", (v) => { const c = host.canvasColor(String(v)); return c ? c[0] : undefined; }),
    shadowOffsetX: plain("shadowOffsetX", num(() => true)),
    shadowOffsetY: plain("shadowOffsetY", num(() => true)),
    filter: plain("filter", (v) => String(v)),
    [Symbol.toStringTag]: { value: C, configurable: true },
  });
  exposeImages(C, CanvasRenderingContext2D);

  // A Blob for toBlob: the realm's Blob when there is one, else a small Blob-like object.
  class CanvasBlob {
    constructor(bytes, type) { hiddenProp(this, "__bytes", bytes); hiddenProp(this, "__type", type); }
    get size() { return this.__bytes.length; }
    get type() { return this.__type; }
    arrayBuffer() { return Promise.resolve(this.__bytes.slice().buffer); }
    bytes() { return Promise.resolve(this.__bytes.slice()); }
    text() { let s = ""; for (const b of this.__bytes) s += String.fromCharCode(b); return Promise.resolve(s); }
    slice(start, end, type) { return new CanvasBlob(this.__bytes.slice(start, end), type === undefined ? "" : String(type)); }
  }
  Object.defineProperty(CanvasBlob.prototype, Symbol.toStringTag, { value: "Blob", configurable: true });
  function makeBlob(bytes, type) {
    if (typeof global.Blob === "function") {
      try { const b = new global.Blob([bytes], { type }); if (b.size === bytes.length) return b; } catch (_) { /* below */ }
    }
    return new CanvasBlob(bytes, type);
  }

  canvasAPIMade = { CanvasRenderingContext2D, ImageData, defaultState, makeBlob, illegalToken };
  return canvasAPIMade;
}
for (const name of ["ImageData", "CanvasRenderingContext2D", "CanvasGradient", "CanvasPattern"]) {
  Object.defineProperty(global, name, {
    get() { canvasAPI(); return global[name]; },
    set(v) { exposeImages(name, v); },
    configurable: true, enumerable: false,
  });
}

patchWhenMade("canvas", "HTMLCanvasElement", (p) => {
  afterAttributeChange(p, ["width", "height"], (el) => canvasDimensionsSet(el));
  Object.defineProperties(p, {
    // https://html.spec.whatwg.org/multipage/canvas.html#dom-canvas-getcontext
    getContext: {
      value: function getContext(type) {
        if (arguments.length < 1) throw new TypeError("Failed to execute 'getContext' on 'HTMLCanvasElement': 1 argument required, but only 0 present.");
        const kind = String(type);
        if (kind !== "2d") return null;  // webgl, webgl2, bitmaprenderer, webgpu: not simulated
        let ctx = this[CONTEXT];
        if (!ctx) { const api = canvasAPI(); ctx = new api.CanvasRenderingContext2D(api.illegalToken, this); hiddenProp(this, CONTEXT, ctx); }
        return ctx;
      },
      writable: true, configurable: true, enumerable: true,
    },
    // https://html.spec.whatwg.org/multipage/canvas.html#dom-canvas-todataurl
    toDataURL: {
      value: function toDataURL(type) {
        if (!isElement(this, "canvas")) throw new TypeError("Illegal invocation");
        return host.canvasExport(backing(this), "toDataURL", type === undefined ? "image/png" : String(type));
      },
      writable: true, configurable: true, enumerable: true,
    },
    // https://html.spec.whatwg.org/multipage/canvas.html#dom-canvas-toblob
    toBlob: {
      value: function toBlob(callback, type) {
        if (!isElement(this, "canvas")) throw new TypeError("Illegal invocation");
        if (arguments.length < 1) throw new TypeError("Failed to execute 'toBlob' on 'HTMLCanvasElement': 1 argument required, but only 0 present.");
        if (typeof callback !== "function") throw new TypeError("Failed to execute 'toBlob' on 'HTMLCanvasElement': The callback provided as parameter 1 is not a function.");
        // The origin-clean check throws here, synchronously; the callback runs in a later task.
        const bytes = host.canvasExport(backing(this), "toBlob", type === undefined ? "image/png" : String(type));
        queueTask(() => callback(bytes ? canvasAPI().makeBlob(bytes, "image/png") : null));
      },
      writable: true, configurable: true, enumerable: true,
    },
    transferControlToOffscreen: {
      value: function transferControlToOffscreen() {
        throw domErr("Failed to execute 'transferControlToOffscreen' on 'HTMLCanvasElement': OffscreenCanvas is not simulated.", "NotSupportedError");
      },
      writable: true, configurable: true, enumerable: true,
    },
  });
});

/* cimis workbook: sidebar and offline search. No network, no libraries; works from file://.
   Everything shown comes from toc.js and search-index.js and is put in with textContent. */
(function () {
  "use strict";
  var body = document.body;
  var root = body.getAttribute("data-root") || "";
  var page = body.getAttribute("data-page") || "";

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function label(entry) { return entry.n ? entry.n + ". " + entry.t : entry.t; }

  function buildSidebar() {
    var nav = document.getElementById("sidebar");
    var toc = window.cimisToc;
    if (!nav || !toc) return;
    var stack = [el("ul", "toc")], part = "", current = null;
    var container = document.createDocumentFragment();
    container.appendChild(stack[0]);
    toc.forEach(function (entry) {
      // SUMMARY.md's "---": a divider, and the chapters after it in a list of their own
      if (entry.s) container.appendChild(el("hr", "toc-separator"));
      if (entry.p !== part || entry.s) {
        // a new part, or the suffix chapters after the last part (never inside it)
        if (entry.p && entry.p !== part) container.appendChild(el("p", "part", entry.p));
        stack = [el("ul", "toc")];
        container.appendChild(stack[0]);
      }
      part = entry.p;
      var depth = Math.min(entry.l, stack.length);
      while (stack.length > depth + 1) stack.pop();
      while (stack.length < depth + 1) {
        var parentList = stack[stack.length - 1];
        var holder = parentList.lastChild || parentList.appendChild(el("li"));
        stack.push(holder.appendChild(el("ul", "toc")));
      }
      var item = el("li");
      if (entry.u) {
        var link = el("a", "", label(entry));
        link.href = root + entry.u;
        if (entry.u === page) { link.setAttribute("aria-current", "page"); current = link; }
        item.appendChild(link);
      } else {
        item.appendChild(el("span", "draft", label(entry)));
      }
      stack[stack.length - 1].appendChild(item);
    });
    nav.textContent = "";
    nav.appendChild(container);
    if (current && current.scrollIntoView) current.scrollIntoView({block: "center"});
  }

  // Search folds case, accents and umlauts ("uber" finds "über", "strasse" finds "Straße").
  // fold() also returns, for each folded character, the index of the original character it
  // came from, so that a hit found in the folded text is highlighted in the original one.
  var COMBINING = /[\u0300-\u036f]/g;
  function foldChar(ch) {
    var lower = ch.toLowerCase();
    if (lower === "\u00df") return "ss";
    if (lower === "\u00e6") return "ae";
    if (lower === "\u0153") return "oe";
    if (lower === "\u00f8") return "o";
    return lower.normalize ? lower.normalize("NFD").replace(COMBINING, "") : lower;
  }
  function fold(text, withMap) {
    var out = "", map = withMap ? [] : null;
    for (var i = 0; i < text.length; i++) {
      var piece = foldChar(text.charAt(i));
      out += piece;
      if (map) for (var k = 0; k < piece.length; k++) map.push(i);
    }
    if (map) map.push(text.length);
    return withMap ? {text: out, map: map} : out;
  }

  var prepared = null;
  function prepare() {
    if (prepared || !window.cimisSearchIndex) return prepared;
    prepared = [];
    window.cimisSearchIndex.forEach(function (chapter) {
      chapter.s.forEach(function (section) {
        prepared.push({
          title: label(chapter), heading: section[1], text: section[2],
          href: root + chapter.u + (section[0] ? "#" + section[0] : ""),
          head: fold(chapter.t + " " + section[1]), all: null
        });
      });
    });
    return prepared;
  }

  function loadIndex(then) {
    if (window.cimisSearchIndex) { then(); return; }
    if (document.getElementById("search-index-script")) return;
    var script = document.createElement("script");
    script.id = "search-index-script";
    script.src = root + "search-index.js";
    script.onload = then;
    document.head.appendChild(script);
  }

  var SPACE = /\s/;
  // A snippet of about 180 characters around the hit, cut at word boundaries, the hit in <mark>.
  function snippet(entry, term) {
    var text = entry.text, folded = entry.folded || (entry.folded = fold(text, true));
    var at = term ? folded.text.indexOf(term) : -1;
    // no hit in the text (the title matched): the text's start, nothing marked
    var hitStart = at < 0 ? 0 : folded.map[at];
    var hitEnd = at < 0 ? 0 : folded.map[Math.min(at + term.length, folded.map.length - 1)];
    var start = Math.max(0, hitStart - 60), end = Math.min(text.length, start + 180);
    if (start > 0) { while (start < hitStart && !SPACE.test(text.charAt(start - 1))) start++; }
    if (end < text.length) { while (end > hitEnd && !SPACE.test(text.charAt(end))) end--; }
    var p = el("p");
    p.appendChild(document.createTextNode((start > 0 ? "\u2026 " : "") + text.slice(start, hitStart).replace(/^\s+/, "")));
    if (hitEnd > hitStart) p.appendChild(el("mark", "", text.slice(hitStart, hitEnd)));
    p.appendChild(document.createTextNode(text.slice(Math.max(hitEnd, hitStart), end).replace(/\s+$/, "")
      + (end < text.length ? " \u2026" : "")));
    return p;
  }

  function search(query, list) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!terms.length) { list.hidden = true; return; }
    var hits = [];
    (prepare() || []).forEach(function (entry) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var inHead = entry.head.indexOf(terms[i]) >= 0;
        if (!inHead) {
          if (entry.all === null) entry.all = fold(entry.text);
          if (entry.all.indexOf(terms[i]) < 0) return;
        }
        score += inHead ? 10 : 1;
      }
      hits.push([score, entry]);
    });
    hits.sort(function (a, b) { return b[0] - a[0]; });
    hits.slice(0, 30).forEach(function (hit) {
      var entry = hit[1], item = el("li"), link = el("a");
      link.href = entry.href;
      link.appendChild(el("strong", "", entry.title));
      if (entry.heading && entry.heading !== entry.title) link.appendChild(el("span", "", " \u203a " + entry.heading));
      item.appendChild(link);
      if (entry.text) item.appendChild(snippet(entry, terms[0]));
      list.appendChild(item);
    });
    if (!hits.length) list.appendChild(el("li", "none", body.getAttribute("data-no-results") || "No results"));
    list.hidden = false;
  }

  // A link to each heading, so that readers can point others at a section.
  function addAnchors() {
    var main = document.getElementById("content");
    if (!main || body.className === "print") return;
    var headings = main.querySelectorAll("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]");
    for (var i = 0; i < headings.length; i++) {
      var link = el("a", "anchor", "#");
      link.href = "#" + headings[i].id;
      link.setAttribute("aria-hidden", "true");
      headings[i].appendChild(link);
    }
  }

  function setupSearch() {
    var input = document.getElementById("search-input");
    var list = document.getElementById("search-results");
    if (!input || !list) return;
    var timer = null;
    function run() { loadIndex(function () { search(input.value, list); }); }
    input.addEventListener("focus", function () { loadIndex(function () {}); });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { list.hidden = true; input.blur(); }
      if (event.key === "Enter") {
        var first = list.querySelector("a");
        if (first) window.location.href = first.href;
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "/" && document.activeElement !== input) { event.preventDefault(); input.focus(); }
    });
  }

  buildSidebar();
  addAnchors();
  setupSearch();
})();

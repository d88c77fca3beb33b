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
      if (entry.p && entry.p !== part) {
        container.appendChild(el("p", "part", entry.p));
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

  var prepared = null;
  function prepare() {
    if (prepared || !window.cimisSearchIndex) return prepared;
    prepared = [];
    window.cimisSearchIndex.forEach(function (chapter) {
      chapter.s.forEach(function (section) {
        prepared.push({
          title: label(chapter), heading: section[1], text: section[2],
          href: root + chapter.u + (section[0] ? "#" + section[0] : ""),
          head: (chapter.t + " " + section[1]).toLowerCase(), all: section[2].toLowerCase()
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

  function snippet(text, term) {
    var at = text.toLowerCase().indexOf(term);
    var start = Math.max(0, at - 60);
    return (start > 0 ? "… " : "") + text.slice(start, start + 180) + (text.length > start + 180 ? " …" : "");
  }

  function search(query, list) {
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!terms.length) { list.hidden = true; return; }
    var hits = [];
    (prepare() || []).forEach(function (entry) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var inHead = entry.head.indexOf(terms[i]) >= 0;
        if (!inHead && entry.all.indexOf(terms[i]) < 0) return;
        score += inHead ? 10 : 1;
      }
      hits.push([score, entry]);
    });
    hits.sort(function (a, b) { return b[0] - a[0]; });
    hits.slice(0, 30).forEach(function (hit) {
      var entry = hit[1], item = el("li"), link = el("a");
      link.href = entry.href;
      link.appendChild(el("strong", "", entry.title));
      if (entry.heading && entry.heading !== entry.title) link.appendChild(el("span", "", " › " + entry.heading));
      item.appendChild(link);
      if (entry.text) item.appendChild(el("p", "", snippet(entry.text, terms[0])));
      list.appendChild(item);
    });
    if (!hits.length) list.appendChild(el("li", "none", body.getAttribute("data-no-results") || "No results"));
    list.hidden = false;
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
  setupSearch();
})();

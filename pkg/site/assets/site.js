// journey site: sortable tables, filters and search. Every page reads
// whole without this script; it only adds the controls.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };

  // A cell sorts by its data-v attribute when it has one, else its text.
  function sortKey(row, i, numeric) {
    var c = row.cells[i];
    var v = c ? c.getAttribute("data-v") : null;
    if (v === null) v = c ? c.textContent.trim() : "";
    if (!numeric) return v.toLowerCase();
    var n = parseFloat(v);
    return isNaN(n) ? -Infinity : n;
  }

  function sortable(table) {
    var heads = table.tHead.rows[0].cells;
    each(heads, function (th, i) {
      var kind = th.getAttribute("data-sort");
      if (!kind) return;
      var b = document.createElement("button");
      b.type = "button";
      b.className = "sort";
      while (th.firstChild) b.appendChild(th.firstChild);
      th.appendChild(b);
      b.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        each(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (x, y) {
          var a = sortKey(x, i, kind === "num"), c = sortKey(y, i, kind === "num");
          var r = a < c ? -1 : a > c ? 1 : 0;
          return asc ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  // A filter bar's controls each narrow the rows of its table: text
  // anywhere in the row, or a select matching the row's data-NAME.
  function filterable(bar) {
    var table = document.getElementById(bar.getAttribute("data-for"));
    if (!table) return;
    var controls = bar.querySelectorAll("[data-filter]");
    var count = bar.querySelector(".count");
    function apply() {
      var rows = table.tBodies[0].rows, shown = 0;
      each(rows, function (row) {
        var ok = true;
        each(controls, function (c) {
          var key = c.getAttribute("data-filter"), v = c.value;
          if (!v) return;
          if (key === "text") ok = ok && row.textContent.toLowerCase().indexOf(v.trim().toLowerCase()) >= 0;
          else ok = ok && row.getAttribute("data-" + key) === v;
        });
        row.hidden = !ok;
        if (ok) shown++;
      });
      if (count) count.textContent = shown + " of " + rows.length + " shown";
    }
    each(controls, function (c) {
      c.addEventListener("input", apply);
      c.addEventListener("change", apply);
    });
    bar.hidden = false;
    apply();
  }

  // The search index is a script of its own, loaded on first use: pages
  // opened from disk (file://) cannot fetch search.json.
  function search(form) {
    var input = form.querySelector("input"), list = form.querySelector(".hits");
    var loading = false;
    function load() {
      if (window.journeySearchIndex || loading) return;
      loading = true;
      var s = document.createElement("script");
      s.src = root + "assets/search-index.js";
      s.onload = show;
      document.head.appendChild(s);
    }
    function show() {
      var index = window.journeySearchIndex, q = input.value.trim().toLowerCase();
      list.textContent = "";
      if (!q || !index) { list.hidden = true; return; }
      var terms = q.split(/\s+/), n = 0;
      for (var i = 0; i < index.length && n < 25; i++) {
        var it = index[i], text = (it.t + " " + (it.s || "")).toLowerCase();
        if (!terms.every(function (t) { return text.indexOf(t) >= 0; })) continue;
        var li = document.createElement("li"), a = document.createElement("a"), small = document.createElement("small");
        a.href = root + it.u;
        a.textContent = it.t;
        small.textContent = it.k + (it.s ? " · " + it.s : "");
        a.appendChild(small);
        li.appendChild(a);
        list.appendChild(li);
        n++;
      }
      if (n === 0) {
        var none = document.createElement("li");
        none.className = "muted";
        none.textContent = "  No match";
        list.appendChild(none);
      }
      list.hidden = false;
    }
    input.addEventListener("focus", load);
    input.addEventListener("input", function () { load(); show(); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { input.value = ""; show(); }
      if (e.key === "ArrowDown") { var a = list.querySelector("a"); if (a) { e.preventDefault(); a.focus(); } }
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var a = list.querySelector("a");
      if (a) window.location.href = a.href;
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "/" && document.activeElement.tagName !== "INPUT" && document.activeElement.tagName !== "SELECT") {
        e.preventDefault();
        input.focus();
      }
    });
    form.hidden = false;
  }

  each(document.querySelectorAll("table"), function (t) {
    if (t.tHead && t.tHead.querySelector("[data-sort]")) sortable(t);
  });
  each(document.querySelectorAll(".filters[data-for]"), filterable);
  each(document.querySelectorAll("form.search"), search);
}());

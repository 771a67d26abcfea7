(function () {
  "use strict";
  var table = document.getElementById("articles");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var filter = document.getElementById("filter");
  var shown = document.getElementById("shown");
  function key(row, index, numeric) {
    var v = row.cells[index].getAttribute("data-v");
    if (numeric) { return v === "" ? Infinity : parseFloat(v); }
    return v.toLowerCase();
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
    var button = th.querySelector("button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      var numeric = th.getAttribute("data-type") === "number";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
        other.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var keyed = rows.map(function (row) { return [key(row, index, numeric), row]; });
      keyed.sort(function (a, b) {
        var r = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
        return ascending ? r : -r;
      });
      var fragment = document.createDocumentFragment();
      keyed.forEach(function (pair) { fragment.appendChild(pair[1]); });
      body.appendChild(fragment);
      rows = keyed.map(function (pair) { return pair[1]; });
    });
  });
  filter.addEventListener("input", function () {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute("data-search");
      var ok = words.every(function (w) { return text.indexOf(w) !== -1; });
      row.hidden = !ok;
      if (ok) { count += 1; }
    });
    shown.textContent = String(count);
  });
})();
(function () {
  "use strict";
  // Each article's view is built when a reader opens it, from the page's data: text is only
  // ever set as text, never parsed as markup.
  var data = JSON.parse(document.getElementById("data").textContent);
  var strings = data.strings;
  var details = document.getElementById("details");
  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }
  function view(index) {
    var id = "a" + index;
    var existing = document.getElementById(id);
    if (existing) { return existing; }
    var a = data.articles[index];
    var section = element("section", undefined, "article");
    section.id = id;
    section.appendChild(element("h3", strings[a[0]]));
    var meta = element("p");
    meta.appendChild(element("code", strings[a[1]]));
    meta.appendChild(document.createTextNode(" · type " + strings[a[2]] + " · owner " +
      strings[a[3]] + " · next review " + strings[a[4]]));
    section.appendChild(meta);
    if (a[5].length) {
      var list = element("ul");
      a[5].forEach(function (f) {
        var item = element("li");
        var severity = strings[f[0]];
        item.appendChild(element("span", severity, "sev-" + severity));
        item.appendChild(document.createTextNode(" line " + f[1] + " " + strings[f[2]] + " " +
          strings[f[3]]));
        if (strings[f[4]]) {
          item.appendChild(element("br"));
          item.appendChild(element("span", strings[f[4]], "excerpt"));
        }
        list.appendChild(item);
      });
      section.appendChild(list);
    } else {
      section.appendChild(element("p", "No findings."));
    }
    var back = element("p", undefined, "noprint");
    var link = element("a", "Back to the table");
    link.href = "#articles";
    back.appendChild(link);
    section.appendChild(back);
    details.appendChild(section);
    return section;
  }
  function open() {
    var match = /^#a(\d+)$/.exec(window.location.hash);
    if (!match || +match[1] >= data.articles.length) { return; }
    view(+match[1]).scrollIntoView();
  }
  window.addEventListener("hashchange", open);
  document.getElementById("show-all").addEventListener("click", function () {
    // In the table's first order, whichever were opened before.
    for (var i = 0; i < data.articles.length; i += 1) { details.appendChild(view(i)); }
  });
  open();
})();

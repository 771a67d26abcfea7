(function () {
  "use strict";
  // The table and each article's view are built from the page's data, a page of rows at a
  // time: sorting and filtering work on the data, and only the rows in view are in the
  // document. Text is only ever set as text, never parsed as markup.
  var PAGE_ROWS = 100;
  var table = document.getElementById("articles");
  var body = table.tBodies[0];
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var filter = document.getElementById("filter");
  var shown = document.getElementById("shown");
  var status = document.getElementById("rows");
  var previous = document.getElementById("previous");
  var next = document.getElementById("next");
  var allRows = document.getElementById("all-rows");
  var details = document.getElementById("details");
  var strings, articles, order, visible, search;
  var first = 0;
  var everyRow = false;

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }
  // An article's row of data: title, path, type, owner, next due, findings, last review,
  // overdue, grade.
  function title(a) { return strings[a[0]] || strings[a[1]]; }
  function grade(a) { return a[8] === null ? "" : String(a[8]); }
  function cell(row, value, text) {
    var td = row.insertCell();
    td.setAttribute("data-v", value);
    if (typeof text === "string") { td.textContent = text; } else { td.appendChild(text); }
    return td;
  }
  function row(index) {
    var a = articles[index];
    var tr = document.createElement("tr");
    var link = element("a", title(a));
    link.href = "#a" + index;
    cell(tr, title(a), link);
    cell(tr, strings[a[2]], strings[a[2]] || "-");
    cell(tr, strings[a[3]], strings[a[3]] || "-");
    cell(tr, strings[a[6]], strings[a[6]] || "-");
    var due = cell(tr, strings[a[4]], strings[a[4]] || "no date");
    if (a[7]) {
      due.appendChild(document.createTextNode(" "));
      due.appendChild(element("span", "overdue", "overdue"));
    }
    var g = grade(a);
    cell(tr, g, g || "-");
    cell(tr, String(a[5].length), String(a[5].length));
    return tr;
  }
  function render() {
    var count = visible.length;
    if (first >= count) { first = Math.max(0, count - 1 - (count - 1) % PAGE_ROWS); }
    var end = everyRow ? count : Math.min(count, first + PAGE_ROWS);
    var start = everyRow ? 0 : first;
    var fragment = document.createDocumentFragment();
    for (var i = start; i < end; i += 1) { fragment.appendChild(row(visible[i])); }
    body.textContent = "";
    body.appendChild(fragment);
    shown.textContent = String(count);
    status.textContent = count ? "Rows " + (start + 1) + "–" + end + " of " + count :
      "No article matches the filter";
    previous.disabled = everyRow || start === 0;
    next.disabled = everyRow || end >= count;
  }
  function sortKey(index, numeric) {
    return articles.map(function (a) {
      if (numeric) { return index === 5 ? (a[8] === null ? Infinity : a[8]) : a[5].length; }
      var value = [title(a), strings[a[2]], strings[a[3]], strings[a[6]], strings[a[4]]][index];
      return value.toLowerCase();
    });
  }
  function applyFilter() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    visible = words.length ? order.filter(function (i) {
      return words.every(function (w) { return search[i].indexOf(w) !== -1; });
    }) : order.slice();
  }
  function start(data) {
    strings = data.strings;
    articles = data.articles;
    order = articles.map(function (_, i) { return i; });
    search = articles.map(function (a) {
      return [strings[a[0]], strings[a[2]], strings[a[3]], strings[a[1]]]
        .filter(Boolean).join(" ").toLowerCase();
    });
    headers.forEach(function (th, index) {
      th.querySelector("button").addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var keys = sortKey(index, th.getAttribute("data-type") === "number");
        // From the table's first order each time, so equal keys keep it.
        order = articles.map(function (_, i) { return i; });
        order.sort(function (x, y) {
          var r = keys[x] < keys[y] ? -1 : keys[x] > keys[y] ? 1 : 0;
          return (ascending ? r : -r) || x - y;
        });
        applyFilter();
        first = 0;
        render();
      });
    });
    filter.addEventListener("input", function () { applyFilter(); first = 0; render(); });
    previous.addEventListener("click", function () {
      first = Math.max(0, first - PAGE_ROWS); render();
    });
    next.addEventListener("click", function () { first += PAGE_ROWS; render(); });
    allRows.addEventListener("click", function () {
      everyRow = !everyRow;
      allRows.setAttribute("aria-pressed", String(everyRow));
      allRows.textContent = everyRow ? "Show rows page by page" : "Show all rows";
      render();
    });
    // A printed report holds every row, and every article's view.
    window.addEventListener("beforeprint", function () {
      var keep = everyRow;
      everyRow = true; render(); everyRow = keep;
      showAll();
    });
    window.addEventListener("afterprint", render);
    applyFilter();
    render();
    table.removeAttribute("aria-busy");
    window.addEventListener("hashchange", open);
    document.getElementById("show-all").addEventListener("click", showAll);
    open();
  }

  function view(index) {
    var id = "a" + index;
    var existing = document.getElementById(id);
    if (existing) { return existing; }
    var a = articles[index];
    var section = element("section", undefined, "article");
    section.id = id;
    section.appendChild(element("h3", title(a)));
    var meta = element("p");
    meta.appendChild(element("code", strings[a[1]]));
    meta.appendChild(document.createTextNode(" · type " + (strings[a[2]] || "-") +
      " · owner " + (strings[a[3]] || "-") + " · next review " +
      (strings[a[4]] || "no date") + (a[7] ? " (overdue)" : "")));
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
    if (!match || +match[1] >= articles.length) { return; }
    view(+match[1]).scrollIntoView();
  }
  function showAll() {
    // In the table's first order, whichever were opened before.
    for (var i = 0; i < articles.length; i += 1) { details.appendChild(view(i)); }
  }

  function failed(error) {
    status.textContent = "The table cannot be sorted or filtered in this browser (" +
      error + "); the JSON report holds every article.";
    table.removeAttribute("aria-busy");
  }
  var source = document.getElementById("data");
  if (source.getAttribute("type") === "application/json") {
    start(JSON.parse(source.textContent));
  } else if (typeof DecompressionStream === "undefined") {
    failed("no DecompressionStream");
  } else {
    var text = atob(source.textContent);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i += 1) { bytes[i] = text.charCodeAt(i); }
    new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")))
      .json().then(start, failed);
  }
})();

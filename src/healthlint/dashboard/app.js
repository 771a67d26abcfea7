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

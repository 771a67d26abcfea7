"""The library dashboard: one self-contained HTML page (inline CSS, JavaScript and SVG)."""

from __future__ import annotations

import base64
import gzip
import json
from html import escape
from importlib.resources import files
from typing import Any

from ..library import ArticleRecord, Library

# Rows of the article table built at a time: the page opens at once whatever the library's
# size, and the table's first rows are written into the page, readable without JavaScript.
PAGE_ROWS = 100
PACK_ABOVE = 256_000


def _asset(name: str) -> str:
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def safe_json(data: Any) -> str:
    """JSON that cannot end a <script> element or open a comment inside one."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _bars(items: list[tuple[str, int, int]], title: str, label: str) -> str:
    """A horizontal bar chart; the second count (overdue) is hatched and also written out,
    so colour is never the only signal."""
    if not items:
        return f"<p>No {label}.</p>"
    top = max(c for _, c, _ in items) or 1
    height = 20 * len(items) + 10
    parts = [
        f'<svg role="img" aria-label="{_e(title)}" width="640" height="{height}" '
        f'viewBox="0 0 640 {height}" xmlns="http://www.w3.org/2000/svg">'
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="3" height="6" fill="#a4161a"/>'
        "</pattern></defs><title>" + _e(title) + "</title>"
    ]
    for i, (name, count, marked) in enumerate(items):
        y = 5 + 20 * i
        width = 380 * count / top
        marked_width = 380 * marked / top
        note = f"{count}" + (f" ({marked} overdue)" if marked else "")
        parts.append(
            f'<text x="0" y="{y + 13}">{_e(name)}</text>'
            f'<rect x="150" y="{y}" width="{width:.1f}" height="15" fill="#0b4f8a"/>'
            f'<rect x="150" y="{y}" width="{marked_width:.1f}" height="15" '
            'fill="url(#hatch)"/>'
            f'<text x="{155 + width:.1f}" y="{y + 13}">{_e(note)}</text>'
        )
    parts.append("</svg>")
    return '<div class="chart">' + "".join(parts) + "</div>"


def _grade_bins(grades: list[float]) -> list[tuple[str, int, int]]:
    bins: dict[str, int] = {}
    for low in range(0, 18, 2):
        bins[f"grade {low}–{low + 2}"] = 0
    bins["grade 18+"] = 0
    for g in grades:
        low = int(max(g, 0) // 2 * 2)
        bins["grade 18+" if low >= 18 else f"grade {low}–{low + 2}"] += 1
    return [(k, v, 0) for k, v in bins.items()]


def _page_data(library: Library) -> dict[str, Any]:
    """What the page builds its table and per-article views from: every text once in a table
    of strings, each article and finding as a row of numbers into it. Ten thousand articles
    written out as HTML rows made a page of 11 MB that took 3 s to open; the page now builds
    only the rows in view."""
    strings: dict[str, int] = {}

    def ref(text: object) -> int:
        key = "" if text is None else str(text)
        index = strings.get(key)
        if index is None:
            index = strings[key] = len(strings)
        return index

    # The first six places keep the order earlier pages had, for scripts reading the data.
    articles = [
        [
            ref(a.title),
            ref(a.path),
            ref(a.type),
            ref(a.owner),
            ref(a.next_due),
            [
                [ref(f.severity), f.line, ref(f.rule), ref(f.message), ref(f.excerpt)]
                for f in a.findings
            ],
            ref(a.last_review),
            int(a.overdue),
            a.grade,
        ]
        for a in library.articles
    ]
    return {"strings": list(strings), "articles": articles}


def data_element(library: Library) -> str:
    """The page's data in a script element the browser does not run. Up to ``PACK_ABOVE``
    bytes it is plain JSON anyone can read back; above, gzip in base64, which the page unpacks
    with the browser's own DecompressionStream (offline, no library): the messages and line
    excerpts of ten thousand articles are 6 MB as JSON and under 2 MB packed."""
    data = _page_data(library)
    text = safe_json(data)
    if len(text) <= PACK_ABOVE:
        return f'<script type="application/json" id="data">{text}</script>'
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packed = base64.b64encode(gzip.compress(raw, compresslevel=6, mtime=0)).decode("ascii")
    return f'<script type="application/gzip" id="data" data-encoding="base64">{packed}</script>'


def _row(index: int, a: ArticleRecord) -> str:
    """A row as the page's script builds it (app.js, ``row``)."""
    count = len(a.findings)
    due = _e(a.next_due or "no date")
    if a.overdue:
        due += ' <span class="overdue">overdue</span>'
    grade = "" if a.grade is None else f"{a.grade:g}"
    return (
        f'<tr><td data-v="{_e(a.title or a.path)}"><a href="#a{index}">{_e(a.title or a.path)}</a>'
        f'</td><td data-v="{_e(a.type)}">{_e(a.type or "-")}</td>'
        f'<td data-v="{_e(a.owner)}">{_e(a.owner or "-")}</td>'
        f'<td data-v="{_e(a.last_review)}">{_e(a.last_review or "-")}</td>'
        f'<td data-v="{_e(a.next_due or "")}">{due}</td>'
        f'<td data-v="{grade}">{grade or "-"}</td>'
        f'<td data-v="{count}">{count}</td></tr>'
    )


def render_html(library: Library) -> str:
    s = library.summary
    cards = [
        ("articles", "Articles"),
        ("with_findings", "With findings"),
        ("errors", "Errors"),
        ("overdue", "Overdue"),
        ("due_within_90_days", "Due within 90 days"),
        ("no_review_date", "No review date"),
    ]
    out = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
        "<title>healthlint library report</title><style>",
        _asset("style.css"),
        "</style></head><body><main>",
        f"<h1>Library report</h1><p>As of {_e(library.today)}; reading-grade target "
        f"{library.target_grade:g} or below.</p>",
        '<h2>Summary</h2><ul class="cards" id="summary">',
    ]
    for key, label in cards:
        out.append(f'<li><span class="n" data-key="{key}">{s[key]}</span>{_e(label)}</li>')
    out.append("</ul>")
    out.append(
        "<h2>Review timeline</h2><p>Articles by month of next review; hatched and "
        "labelled “overdue” where the date has passed.</p>"
    )
    out.append(
        _bars(
            [(m["month"], m["count"], m["overdue"]) for m in library.due_by_month],
            "Articles by month of next review",
            "review dates",
        )
    )
    grades = [a.grade for a in library.articles if a.grade is not None]
    section_grades = [
        g["grade"] for a in library.articles for g in a.section_grades if g["grade"] is not None
    ]
    above = sum(g > library.target_grade for g in grades)
    out.append(
        f"<h2>Reading grades</h2><p>{above} of {len(grades)} articles read above grade "
        f"{library.target_grade:g}.</p><h3>Per article</h3>"
    )
    out.append(_bars(_grade_bins(grades), "Reading grade per article", "grades"))
    out.append("<h3>Per section</h3>")
    out.append(_bars(_grade_bins(section_grades), "Reading grade per section", "grades"))
    out.append("<h2>Caveat gaps</h2>")
    out.append(
        _bars(
            [(f"{c['rule']} {c['name']}"[:24], c["count"], 0) for c in library.caveat_gaps],
            "Caveat gaps by rule",
            "caveat gaps",
        )
    )
    out.append("<h2>Findings by category</h2>")
    out.append(
        _bars(
            [(k, v, 0) for k, v in library.findings_by_category.items()],
            "Findings by category",
            "findings",
        )
    )
    out.append(
        "<h2>Findings by rule</h2><table><thead><tr><th>Rule</th><th>Name</th>"
        "<th>Category</th><th>Count</th></tr></thead><tbody>"
    )
    for r in library.findings_by_rule:
        out.append(
            f"<tr><td>{_e(r['rule'])}</td><td>{_e(r['name'])}</td>"
            f"<td>{_e(r['category'])}</td><td>{r['count']}</td></tr>"
        )
    out.append("</tbody></table>")
    columns = [
        ("Title", "text"),
        ("Type", "text"),
        ("Owner", "text"),
        ("Last review", "text"),
        ("Next due", "text"),
        ("Grade", "number"),
        ("Findings", "number"),
    ]
    out.append(
        '<h2>Articles</h2><p class="noprint"><label for="filter">Filter</label> '
        '<input id="filter" type="search" aria-controls="articles"> <span id="shown">'
        f"{len(library.articles)}</span> shown</p>"
        '<table id="articles" aria-busy="true"><thead><tr>'
    )
    for name, kind in columns:
        out.append(f'<th scope="col" data-type="{kind}"><button type="button">{name}</button></th>')
    out.append(
        "</tr></thead><tbody>"
        + "".join(_row(i, a) for i, a in enumerate(library.articles[:PAGE_ROWS]))
        + "</tbody></table>"
        '<nav class="noprint pager" aria-label="Pages of the table">'
        '<button type="button" id="previous">Previous page</button> '
        f'<span id="rows" aria-live="polite">Rows 1–{min(PAGE_ROWS, len(library.articles))} '
        f"of {len(library.articles)}</span> "
        '<button type="button" id="next">Next page</button> '
        '<button type="button" id="all-rows" aria-pressed="false">Show all rows</button></nav>'
    )
    out.append(
        "<h2>Articles one by one</h2>"
        '<p class="noprint">Choose an article in the table to see its findings here. '
        '<button type="button" id="show-all">Show every article</button> (for printing '
        "the whole library)</p><noscript><p>The findings of each article are in the "
        "JSON report (<code>healthlint report --format json</code>), as is every row of the "
        f"table above, which shows the first {PAGE_ROWS} without JavaScript.</p></noscript>"
        '<div id="details"></div>'
    )
    out.append(
        "</main>"
        + data_element(library)
        + "<script>"
        + _asset("app.js")
        + "</script></body></html>"
    )
    return "".join(out)

import datetime as dt
from pathlib import Path

from healthlint import parse_article

PAGE = """\
<!DOCTYPE html>
<html><head><title>Asthma | City Health</title>
<script>document.write("<h1>not content</h1>")</script></head>
<body>
<div class="cookie-banner">We use cookies. Call 911? No.</div>
<header><a href="/">Home</a><nav><ul><li><a href="/cp">Chest pain</a></li></ul></nav></header>
<div class="breadcrumbs">Home &gt; Conditions &gt; Asthma</div>
<main>
<h1>Asthma in Adults</h1>
<h2>Overview</h2>
<p>Asthma makes the airways
swell and tighten.</p>
<h2>Symptoms</h2>
<ul><li>Coughing<li>Wheezing</ul>
<h2>Credits</h2>
<dl><dt>Page last reviewed</dt><dd>10 March 2026</dd>
<dt>Media last reviewed</dt><dd>1 May 2019</dd></dl>
<p>Author: Health Staff</p>
<p>Reviewed by: Ann Lee, RN
</main>
<footer><a href="/disclaimer">Disclaimer</a> Last updated: 1 Jan 2020</footer>
<div id="comments"><p>Sam said on 25 October 2014: great page</p></div>
</body></html>
text after the end
"""


def test_main_content_only() -> None:
    article = parse_article(PAGE, filename="asthma.html")
    assert article.title == "Asthma in Adults"
    assert [(s.title, s.line) for s in article.sections] == [
        ("Overview", 10),
        ("Symptoms", 13),
        ("Credits", 15),
    ]
    prose = " ".join(b.text for b in article.blocks if b.role == "prose")
    assert "cookies" not in prose and "Chest pain" not in prose and "said on" not in prose
    assert "not content" not in " ".join(b.text for b in article.blocks)


def test_lines_of_blocks() -> None:
    article = parse_article(PAGE, filename="asthma.html")
    paragraph = next(b for b in article.blocks if b.text.startswith("Asthma makes"))
    assert (paragraph.line, paragraph.end_line) == (11, 12)
    assert [b.text for b in article.blocks if b.list_item and b.role == "prose"] == [
        "Coughing",
        "Wheezing",
    ]


def test_review_date_is_the_page_date_not_media_or_footer_or_comments() -> None:
    article = parse_article(PAGE, filename="asthma.html")
    reviewed = article.credits.dates_of("reviewed")
    assert [(d.value, d.line) for d in reviewed] == [(dt.date(2026, 3, 10), 16)]
    assert not article.credits.dates_of("updated")
    assert [p.name for p in article.credits.authors] == ["Health Staff"]
    assert [(p.name, p.credentials) for p in article.credits.reviewers] == [("Ann Lee", ["RN"])]


def test_fragment_without_main() -> None:
    article = parse_article("<h1>Flu</h1><p>Flu is a virus.</p><nav>Menu</nav>", filename="f.htm")
    assert article.title == "Flu"
    assert [b.role for b in article.blocks] == ["heading", "prose", "chrome"]


def test_broken_markup_survives() -> None:
    broken = "<h1>Flu<h2>Overview</h2><p>Flu <b>is <i>a virus.<div><div><div>Rest.</p>"
    article = parse_article(broken, filename="flu.html")
    text = " ".join(b.text for b in article.blocks)
    assert "virus" in text and "Rest." in text


def test_byline_with_several_credits_on_one_line() -> None:
    page = (
        "<main><h1>Flu</h1><p>Flu is a virus.</p>\n"
        "<p>Medically reviewed by Ann Lee, MD — Written by Sam Roe — Updated on March 3, 2026</p>"
        "</main>"
    )
    credits = parse_article(page, filename="flu.html").credits
    assert [(p.name, p.credentials) for p in credits.reviewers] == [("Ann Lee", ["MD"])]
    assert [p.name for p in credits.authors] == ["Sam Roe"]
    (updated,) = credits.dates
    assert (updated.kind, updated.value, updated.line) == ("updated", dt.date(2026, 3, 3), 2)


def test_updated_by_names_a_reviewer_not_a_date() -> None:
    page = "<main><h1>Flu</h1><p>Flu is a virus.</p><p>Updated by: Jane Roe, RN</p></main>"
    credits = parse_article(page, filename="flu.html").credits
    assert credits.dates == []
    assert [(p.name, p.credentials) for p in credits.reviewers] == [("Jane Roe", ["RN"])]


def test_header_and_footer_of_the_article_itself_are_content() -> None:
    page = """\
<header class="site-header"><a href="/">City Health</a></header>
<main>
<article>
<header class="article-header"><h1>Shingles</h1><p>By Health Library Staff</p></header>
<h2>Overview</h2>
<p>Shingles is a painful rash.</p>
<footer class="article-footer"><p>Last reviewed: April 4, 2026</p>
<p>Reviewed by: Dana Ng, MD</p></footer>
</article>
</main>
<footer class="site-footer">Last updated: January 1, 2020</footer>
"""
    article = parse_article(page, filename="shingles.html")
    assert article.title == "Shingles"
    assert [p.name for p in article.credits.authors] == ["Health Library Staff"]
    assert [(d.kind, d.value) for d in article.credits.dates] == [("reviewed", dt.date(2026, 4, 4))]
    assert [p.name for p in article.credits.reviewers] == ["Dana Ng"]
    assert "City Health" in [b.text for b in article.blocks if b.role == "chrome"]


def test_nul_padding_after_the_end_of_a_page_is_tolerated(tmp_path: Path) -> None:
    from healthlint import lint_paths

    page = tmp_path / "padded.html"
    page.write_bytes(
        b"<html><body><h1>Sore Throat</h1><p>Drink water.</p></body></html>" + b"\x00" * 5
    )
    result = lint_paths([page])
    assert result.files_unreadable == 0
    assert not any(f.rule == "HL001" for f in result.findings)


def test_nul_bytes_inside_a_page_still_make_it_unreadable(tmp_path: Path) -> None:
    from healthlint import lint_paths

    page = tmp_path / "binary.html"
    page.write_bytes(b"<html><body>\x00\x00<p>x</p></body></html>")
    assert [f.rule for f in lint_paths([page]).findings] == ["HL001"]


def test_a_page_wide_form_is_no_chrome() -> None:
    page = (
        "<html><body><form id='aspnetForm'><div class='nav'><a href='/'>Home</a></div>"
        "<h1>Sore Throat</h1><h2>Symptoms</h2><p>A sore throat hurts when you swallow and "
        "can make it hard to eat.</p><input type='text'><button>Search</button></form>"
        "</body></html>"
    )
    article = parse_article(page, filename="page.html")
    assert article.title == "Sore Throat"
    assert [s.title for s in article.sections] == ["Symptoms"]
    assert any(b.role == "prose" and "swallow" in b.text for b in article.blocks)
    assert [b.reason for b in article.blocks if b.text == "Home"] == [
        'inside an element marked "nav"'
    ]


def test_the_h1_is_the_title_not_the_title_element() -> None:
    page = (
        "<html><head><title>Sore Throat | Health Library | Example Hospital</title></head>"
        "<body><h1>Sore Throat</h1><p>Text.</p></body></html>"
    )
    assert parse_article(page, filename="p.html").title == "Sore Throat"

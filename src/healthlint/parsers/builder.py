"""Assembling an Article from what a format parser saw.

Parsers only report headings and blocks in document order; sections, credits and the split
between article prose and credits are worked out here, the same way for every format.
"""

from __future__ import annotations

import re
from typing import Any

from ..lazy_regex import lazy
from ..models import (
    Article,
    ArticleFormat,
    Block,
    BlockRole,
    Credits,
    Directive,
    ParseProblem,
    Person,
    Section,
)
from . import credits as credit_grammar
from .chrome import ChromeMarker

_NONE: frozenset[str] = frozenset()

# Suppression comments obeyed per file: enough for any article, and a bound on the work of
# applying them (HL006 names a file that has more).
MAX_DIRECTIVES = 1000
_CREDITS_HEADINGS = lazy(
    r"^(?:credits|about this (?:page|article|information)|article credits|"
    r"page information|reviewed by|acknowledg(?:e)?ments?)$",
    re.I,
)
_SOURCE_AGENCY = lazy(
    r"\b(?:Institutes?|Institutos?|Centers?|Centros?|Agency|Agencia|Administration|"
    r"Administración|Department|Departamento|Office|Oficina|Library|Biblioteca|Foundation|"
    r"Fundación|Association|Asociación|Society|Sociedad|Academy|Academia|College)\b"
)
_WORD = lazy(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
# Every ASCII character but a letter or digit as a space.
_ASCII_ALNUM_ONLY = "".join(chr(c) if chr(c).isalnum() else " " for c in range(128))


def count_words(text: str) -> int:
    if text.isascii() and "'" not in text:
        # Without an apostrophe to join them, the words are the runs of letters and digits:
        # what is left between spaces once everything else is a space, at C speed.
        return len(text.translate(_ASCII_ALNUM_ONLY).split())
    return len(_WORD.findall(text))


class ArticleBuilder:
    def __init__(self, *, path: str | None, fmt: ArticleFormat, line_count: int) -> None:
        self.path = path
        self.format: ArticleFormat = fmt
        self.line_count = line_count
        self.blocks: list[Block] = []
        self.metadata: dict[str, Any] = {}
        self.metadata_lines: dict[str, int] = {}
        self.title: str | None = None
        self.title_line: int | None = None
        self.directives: list[Directive] = []
        self.problems: list[ParseProblem] = []
        self._heading_levels: dict[int, int] = {}
        self._hints: dict[int, frozenset[str]] = {}
        # The page's <title> element: the title only when the article has no heading for it.
        self.fallback_title: tuple[str, int] | None = None
        # From the markup (<html lang>), when the front matter names none.
        self.language: str | None = None

    def heading(
        self,
        text: str,
        level: int,
        line: int,
        end_line: int | None = None,
        column: int = 1,
        hints: frozenset[str] = frozenset(),
        reason: str | None = None,
    ) -> None:
        """A heading; ``hints`` say how it was written ("bold": a bold line standing alone,
        "linked": nothing but a link, "alert": inside an alert box), ``reason`` why it is
        already known to be chrome."""
        text = " ".join(text.split())
        if not text:
            return
        block = Block(
            role="heading" if reason is None else "chrome",
            text=text,
            line=line,
            end_line=end_line or line,
            column=column,
            reason=reason,
        )
        self._heading_levels[id(block)] = level
        if hints:
            self._hints[id(block)] = hints
        self.blocks.append(block)

    def block(
        self,
        role: BlockRole,
        text: str,
        line: int,
        end_line: int | None = None,
        *,
        column: int = 1,
        list_item: bool = False,
        hints: frozenset[str] = frozenset(),
        reason: str | None = None,
        link_words: int = 0,
        breaks: tuple[int, ...] = (),
        link_lines: tuple[int, ...] = (),
    ) -> None:
        """A block of text; ``link_words`` of its words are link text, the lines ``breaks``
        end in a forced line break (``<br>``, a Markdown hard break) and the lines
        ``link_lines`` hold nothing but links."""
        if not text.strip():
            return
        block = Block(
            role=role,
            text=text,
            line=line,
            end_line=max(end_line or line, line),
            column=column,
            list_item=list_item,
            reason=reason,
            link_words=link_words,
            breaks=breaks,
            link_lines=link_lines,
        )
        if hints:
            self._hints[id(block)] = hints
        self.blocks.append(block)

    def _obeyed_directives(self) -> list[Directive]:
        """The suppression comments, up to MAX_DIRECTIVES of them in line order: what comes
        after is not obeyed, and the file says so (HL006)."""
        if len(self.directives) <= MAX_DIRECTIVES:
            return self.directives
        ordered = sorted(self.directives, key=lambda d: d.line)
        first_ignored = ordered[MAX_DIRECTIVES].line
        self.problems.append(
            ParseProblem(
                code="structure",
                line=first_ignored,
                message=(
                    f"more than {MAX_DIRECTIVES:,} suppression comments: those from line "
                    f"{first_ignored} on are not obeyed"
                ),
            )
        )
        return ordered[:MAX_DIRECTIVES]

    def set_title(self, text: str, line: int | None) -> None:
        if self.title is None and text.strip():
            self.title = " ".join(text.split())
            self.title_line = line

    def build(self) -> Article:
        self._bold_lines_as_emphasis()
        levels = self._heading_levels
        headings = [b for b in self.blocks if b.role == "heading"]
        title_block: Block | None = None
        if headings and self.title is None:
            title_block = _title_heading(headings, levels, self.blocks)
            if title_block is not None:
                self.set_title(title_block.text, title_block.line)
        elif headings and self.title is not None:
            if _looks_like_page_title(self.title):
                # A front-matter title copied from the page's <title> ("Cisplatin - NCI")
                # gives way to the article's own H1.
                title_block = _title_heading(headings, levels, self.blocks)
                if title_block is not None and not _looks_like_page_title(title_block.text):
                    self.title = title_block.text
                else:
                    title_block = None
            if title_block is None:
                title_block = next(
                    (h for h in headings if levels[id(h)] == 1 and _same_words(h.text, self.title)),
                    None,
                )
            if title_block is not None and (self.title_line is None or self.metadata.get("title")):
                self.title_line = title_block.line
        if self.title is None and self.fallback_title:
            self.set_title(*self.fallback_title)
        if title_block is not None:
            self._repeated_title(title_block)
        ChromeMarker(
            self.blocks, lambda b: levels.get(id(b), 6), lambda b: self._hints.get(id(b), _NONE)
        ).mark(title_block)

        sections: list[Section] = []
        section_blocks: list[list[Block]] = []
        current: int | None = None
        for block in self.blocks:
            if block.role == "heading":
                level = levels[id(block)]
                if block is title_block:
                    current = None
                    continue
                sections.append(
                    Section(
                        title=block.text,
                        level=level,
                        line=block.line,
                        end_line=block.line,
                        body="",
                        word_count=0,
                    )
                )
                section_blocks.append([])
                current = len(sections) - 1
                block.section = current
                continue
            if block.role == "chrome":
                block.section = None
                continue
            block.section = current
            if current is not None:
                section_blocks[current].append(block)

        for index, section in enumerate(sections):
            next_line = (
                sections[index + 1].line - 1 if index + 1 < len(sections) else self.line_count
            )
            section.end_line = max(section.line, next_line)
            if _CREDITS_HEADINGS.match(section.title.strip(" :")):
                for block in section_blocks[index]:
                    if block.role == "prose":
                        block.role = "credits"

        credits = self._credits()

        for index, section in enumerate(sections):
            body_blocks = section_blocks[index]  # headings never enter it
            section.body = "\n\n".join(b.text for b in body_blocks)
            section.word_count = sum(count_words(b.text) for b in body_blocks)

        article_type = _article_type(self.metadata)
        language, language_source = self._language()
        return Article(
            path=self.path,
            format=self.format,
            title=self.title,
            title_line=self.title_line,
            article_type=article_type,
            type_source="front-matter" if article_type else None,
            language=language,
            language_source=language_source,
            metadata=self.metadata,
            sections=sections,
            blocks=self.blocks,
            credits=credits,
            directives=self._obeyed_directives(),
            problems=self.problems,
            line_count=self.line_count,
        )

    def _language(self) -> tuple[str | None, Any]:
        """The written language tag as given, else the language told from the prose."""
        for key in ("language", "lang"):
            if self.metadata.get(key):
                return str(self.metadata[key]), "front-matter"
        if self.language:
            return self.language, "markup"
        from ..language import detect_language

        sample: list[str] = []
        size = 0
        for block in self.blocks:
            if block.role == "prose":
                sample.append(block.text)
                size += len(block.text)
                if size >= 2000:  # the detector reads no further than this
                    break
        detected = detect_language(" ".join(sample))
        return (detected, "detected") if detected else (None, None)

    def _bold_lines_as_emphasis(self) -> None:
        """Bold lines are headings only in an article that has no heading markup at all.

        Converters spell headings as bold lines when the source had none; where the article
        has real headings, a bold line is a lead-in ("Our services include:"), a call-out or
        a site banner ("Official websites use .gov").
        """
        bold = [
            b
            for b in self.blocks
            if b.role == "heading" and "bold" in self._hints.get(id(b), _NONE)
        ]
        if not bold:
            return
        bold_ids = {id(b) for b in bold}
        if any(b.role == "heading" and id(b) not in bold_ids for b in self.blocks):
            for block in bold:
                block.role = "links" if "linked" in self._hints.get(id(block), _NONE) else "prose"

    def _repeated_title(self, title_block: Block) -> None:
        """A copy of the title right after it (some templates print it twice) is no section."""
        index = self.blocks.index(title_block)
        for block in self.blocks[index + 1 :]:
            if block.role == "heading" and _same_words(block.text, title_block.text):
                block.role = "chrome"
                block.reason = "a repeated copy of the title"
                continue
            if block.role in ("prose", "table", "heading"):
                return

    def _credits(self) -> Credits:
        credits = Credits()
        if self.metadata:
            credit_grammar.from_front_matter(
                self.metadata, credits, self.metadata_lines, default_line=1
            )
        # Body credits first; site chrome only when the body has no review date, because a
        # footer's "Last updated" speaks of the site, not of the article.
        for roles in (("credits", "prose"), ("chrome",)):
            if roles == ("chrome",) and credits.dates_of("reviewed"):
                break
            for block in self.blocks:
                if block.role not in roles:
                    continue
                found = credit_grammar.scan_lines(_numbered_lines(block), credits)
                if found and block.role == "prose" and _mostly_credits(block, found):
                    block.role = "credits"
        if not credits.authors:
            self._closing_source_line(credits)
        return credits

    def _closing_source_line(self, credits: Credits) -> None:
        """The agency line that ends a summary ("NIH: National Institute on Aging") is its
        source, as "Content source:" is on other pages."""
        last = next(
            (b for b in reversed(self.blocks) if b.role in ("prose", "links", "credits")), None
        )
        if last is None or last.role != "prose" or "\n" in last.text.strip():
            return
        text = last.text.strip()
        if (
            len(text.split()) <= 15
            and not text.endswith((".", "?", "!", ":"))
            and _SOURCE_AGENCY.search(text)
        ):
            credits.authors.append(Person(name=text, line=last.line))
            last.role = "credits"


def _numbered_lines(block: Block) -> list[tuple[int, str]]:
    return [(block.line + i, text) for i, text in enumerate(block.text.split("\n"))]


def _mostly_credits(block: Block, found: list[int]) -> bool:
    lines = [t for t in block.text.split("\n") if t.strip()]
    return len(found) * 2 >= len(lines)


_PAGE_TITLE_SUFFIX = lazy(r"\s(?:[|]|[-–—](?=\s\S+(?:\s\S+){0,3}$))\s")


def _looks_like_page_title(text: str) -> bool:
    """A <title> element's text: "Iron | Nutrition | CDC", "Cisplatin - NCI"."""
    return bool(_PAGE_TITLE_SUFFIX.search(text))


def _title_heading(
    headings: list[Block], levels: dict[int, int], blocks: list[Block]
) -> Block | None:
    """The article's own title among its headings: its single top-level heading, or the H1
    that heads the most of the page when a page has several (a site banner, a copy of the
    <title> element, the article)."""
    top = min(levels[id(h)] for h in headings)
    candidates = [h for h in headings if levels[id(h)] == top]
    if len(candidates) > 1:
        own = [h for h in candidates if not _looks_like_page_title(h.text)]
        candidates = own or candidates
    if len(candidates) > 1:
        distinct = [
            h
            for i, h in enumerate(candidates)
            if i == 0 or not _same_words(h.text, candidates[i - 1].text)
        ]
        if len(distinct) == 1:
            return candidates[0]
        if top != 1:
            return None
        return max(distinct, key=lambda h: _words_headed(h, distinct, blocks))
    return candidates[0]


def _words_headed(heading: Block, candidates: list[Block], blocks: list[Block]) -> int:
    start = blocks.index(heading)
    words = 0
    for block in blocks[start + 1 :]:
        if block in candidates:
            break
        if block.role in ("prose", "table"):
            words += count_words(block.text)
    return words


def _same_words(a: str, b: str) -> bool:
    return _WORD.findall(a.lower()) == _WORD.findall(b.lower())


def _article_type(metadata: dict[str, Any]) -> str | None:
    value = metadata.get("type") or metadata.get("article_type")
    if isinstance(value, str) and value.strip():
        return value.strip().lower().replace(" ", "-").replace("_", "-")
    return None

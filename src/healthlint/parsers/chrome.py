"""Telling a whole web page's chrome from the article a reader came for, in every format.

Parsers report every heading and block they see; this pass decides, from signals every site
shares rather than any one site's template, which of them belong to the site:

* **position**: what comes before the article's own title (skip links, government banners,
  menus, the site search) is the site's, and so is an alert box above the article's outline;
* **widget vocabulary**: lines such as "Skip to content", "Top of Page", "Print", "Learn more",
  "English | Español" and server error strings, and footer and sign-up headings ("Support
  links", "Get email updates", "Contact us" over a few links) say what they are;
* **link density**: a heading that is nothing but a link is a navigation card, a "More in …"
  or "Back to …" line is navigation, and a heading over a few words and a "Learn more" link is
  a promotion card;
* **structure**: a heading taken for chrome takes its section with it, down to the next
  heading of the same or a higher rank.

Every block taken for chrome keeps its reason, which ``healthlint inspect`` prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..lazy_regex import lazy
from ..models import Block

# Whole lines that only a site's template prints. Matched against the block's text with
# Markdown emphasis and link punctuation already gone, case-folded, spaces collapsed.
_WIDGET_LINE = lazy(
    r"(?:skip (?:directly )?to (?:the )?(?:main |site |page )?(?:content|navigation|search|"
    r"footer)|"
    r"error processing ssi file|"
    r"an official website of the united states government(?: here'?s how you know)?|"
    r"here'?s how you know|"
    r"official websites use \.gov|secure \.gov websites use https|"
    r"the \.gov means it'?s official\.?|the site is secure\.?|"
    r"a \.gov website belongs to an official government organization in the united states\.?|"
    r"federal government websites often end in \.gov or \.mil\..*|"
    r"a lock \(.*\) or https:// means you'?ve safely connected to the \.gov website\..*|"
    r"share sensitive information only on official, secure websites\.?|"
    r"(?:back to |go to )?top(?: of (?:the )?page)?|back to top|"
    r"print(?: this page| page)?|share(?: this page| page)?|e-?mail(?: this page)?|"
    r"(?:print|share|email|e-mail)(?:\s*\|?\s*(?:print|share|email|e-mail|facebook|twitter|x|"
    r"linkedin|pinterest))+|"
    r"(?:learn|read|find out|see) more|"
    r"english(?:\s*\|?\s*(?:spanish|español|espanol))|(?:español|espanol)(?: \(spanish\))?|"
    r"other languages|"
    r"image|minus|plus|menu|close|search|submit|go|toggle navigation|main menu|"
    r"related pages|on this page|page contents|contents|in this section|"
    r"cookies? (?:settings|preferences)|accept (?:all )?cookies|reject (?:all )?cookies|"
    r"we use cookies.*|this (?:web)?site uses cookies.*|"
    r"site map|sitemap|accessibility|privacy(?: policy)?|"
    r"follow us|connect with us|sign up|subscribe)",
    re.I,
)
# Headings of the widgets a template adds to every page: footers, sign-up and contact boxes,
# related-page lists. They are chrome only over links or a few words, because an article may
# have a real "Contact us" section with something to say.
_WIDGET_HEADING = lazy(
    r"(?:support links|useful links|quick links|footer(?: links)?|site footer|"
    r"sign up for (?:e-?mail )?(?:updates|our newsletter|news)|get e-?mail updates|"
    r"subscribe(?: to .*)?|e-?mail updates|stay (?:connected|informed|up to date)|"
    r"contact us|contact cdc|follow us|connect with us|file formats? help|"
    r"related (?:pages|links|content|articles|topics)|more in .+|more on this topic|"
    r"you (?:might|may) also (?:like|be interested in)|popular (?:pages|articles|topics)|"
    r"trending|share this page|page navigation|navigation|breadcrumbs?|in this section|"
    r"language assistance(?: available)?|other languages|top of page)",
    re.I,
)
_NAVIGATION_LINE = lazy(
    r"(?:more in|back to|return to|see all|browse|view all|all topics|home)\b.{0,60}", re.I
)
_CALL_TO_ACTION = lazy(r"(?:learn more|read more|find out more|see more|view more)\W*", re.I)
# The section that closes an article by describing it ("About This Summary").
_COLOPHON = lazy(
    r"about (?:this|the) (?:\w+ )?(?:summary|article|page|fact sheet|information|guide)", re.I
)
_CALL_TO_ACTION_CHARS = 100  # "Learn more" with its emphasis marks and punctuation
_DECORATION = lazy(r"[*_`\[\]()>#|]+|\\(?=\S)")
_SPACE = lazy(r"\s+")
# A title has no full stop at its end; a notice is a sentence ("… can be found here.").
_SENTENCE_END = lazy(r"\w[\w)\]]*\.$")
_CHROME_BODY_WORDS = 40
_PROMO_WORDS = 20
# A widget says little: a paragraph this long is the article speaking.
_SENTENCE_WORDS = 15
_WIDGET_LINE_CHARS = 300


@lru_cache(maxsize=4096)
def visible(text: str) -> str:
    """The text as a reader sees it: no emphasis or link punctuation, one space between words."""
    return _SPACE.sub(" ", _DECORATION.sub(" ", text)).strip(" :.-–—")


def is_colophon(heading: str) -> bool:
    """Whether a heading opens the section that closes an article by describing it ("About
    This Summary": its sources, reviewers, permissions)."""
    return "bout" in heading and _COLOPHON.fullmatch(visible(heading)) is not None


def _visible_lines(text: str) -> list[str]:
    return [visible(line) for line in text.split("\n")] if "\n" in text else [visible(text)]


def is_widget_line(text: str) -> bool:
    """Whether the text is a template's widget: one line of widget vocabulary, or several
    (an accordion's "Minus" toggle over its "Related Pages" label)."""
    if len(text) > _WIDGET_LINE_CHARS:
        return False  # no template line is this long; most prose is, so skip the regexes
    shown = [line for line in _visible_lines(text) if line]
    return bool(shown) and all(_WIDGET_LINE.fullmatch(line) is not None for line in shown)


def is_widget_heading(text: str) -> bool:
    if len(text) > _WIDGET_LINE_CHARS:
        return False
    return _WIDGET_HEADING.fullmatch(visible(text)) is not None


def _words(block: Block) -> int:
    return len(block.text.split())


class ChromeMarker:
    """One pass over a parsed page's blocks, marking the site's own as chrome with a reason."""

    def __init__(
        self,
        blocks: list[Block],
        level: Callable[[Block], int],
        hints: Callable[[Block], frozenset[str]],
    ) -> None:
        self.blocks = blocks
        self.level = level
        self.hints = hints

    def mark(self, title_block: Block | None) -> None:
        self._before_title(title_block)
        self._alert_boxes_above_outline(title_block)
        self._notices_above_outline(title_block)
        for block in self.blocks:
            if (
                block.role in ("prose", "links", "heading")
                and block is not title_block
                and block.reason is None
                and is_widget_line(block.text)
            ):
                _chrome(block, "a line that only a site template prints")
        self._navigation_lines()
        self._headings(title_block)
        self._after_colophon()

    def _after_colophon(self) -> None:
        """An "About this summary" section closes the article it describes (its sources,
        reviewers, permissions); what comes after that section, from the next heading of its
        rank on, is what the site adds to every page of a kind, not the article."""
        colophon_rank = 0
        after = False
        for block in self.blocks:
            if block.role == "heading":
                rank = self.level(block)
                if colophon_rank and rank <= colophon_rank:
                    after = True
                elif not colophon_rank and is_colophon(block.text):
                    colophon_rank = rank
            if after and block.role != "chrome":
                _chrome(block, "after the article's closing 'About this …' section")

    def _before_title(self, title_block: Block | None) -> None:
        if title_block is None or self.level(title_block) != 1:
            return
        for block in self.blocks:
            if block is title_block:
                return
            if block.role != "credits":
                _chrome(block, "before the article's title")

    def _alert_boxes_above_outline(self, title_block: Block | None) -> None:
        """Alert boxes before the article's first heading, when the outline goes on after
        them: the box is the site's notice, not where the article is (a page whose whole
        article sits in a "notice" box keeps it)."""
        leading: list[Block] = []
        for block in self.blocks:
            if block is title_block or block.role == "chrome":
                continue
            if "alert" not in self.hints(block):
                if block.role == "heading":
                    for boxed in leading:
                        _chrome(boxed, "an alert box above the article")
                    return
                if leading:
                    return
                continue
            leading.append(block)

    def _notices_above_outline(self, title_block: Block | None) -> None:
        """Headings far deeper than the article's outline, before its first section, with no
        text under them or written as a sentence: a notice strip ("Information about … can be
        found here."), not a part of the article. Only the heading is taken: the text under a
        sentence-heading is the article's introduction."""
        headings = [b for b in self.blocks if b.role == "heading" and b is not title_block]
        if not headings:
            return
        rank = min(self.level(h) for h in headings)
        for index, block in enumerate(self.blocks):
            if block.role != "heading" or block is title_block:
                continue
            if self.level(block) <= rank + 1:
                return
            body = []
            for part in self.blocks[index + 1 :]:
                if part.role == "heading":
                    break
                body.append(part)
            if not any(b.role in ("prose", "table") for b in body) or _SENTENCE_END.search(
                block.text
            ):
                _chrome(block, "a notice above the article's outline")

    def _navigation_lines(self) -> None:
        for index, block in enumerate(self.blocks):
            if block.role not in ("prose", "links") or _words(block) > 10:
                continue
            shown = visible(block.text)
            if not _NAVIGATION_LINE.fullmatch(shown):
                continue
            if block.role == "links" or shown.lower().startswith("more in"):
                _chrome(block, "a navigation line")
                following = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
                if (
                    following is not None
                    and following.role == "heading"
                    and shown.lower().rstrip(" .:") in ("more in", "related", "see also")
                ):
                    _chrome(following, "the heading of a 'More in' navigation block")

    def _headings(self, title_block: Block | None) -> None:
        index = 0
        while index < len(self.blocks):
            block = self.blocks[index]
            if block.role != "heading" or block is title_block:
                index += 1
                continue
            body = self._section_body(index)
            reason = self._heading_reason(block, body)
            if reason is None:
                index += 1
                continue
            _chrome(block, reason)
            for part in body:
                _chrome(part, f"in the {visible(block.text)!r} block, which is chrome")
            index += 1 + len(body)

    def _heading_reason(self, heading: Block, body: list[Block]) -> str | None:
        if "linked" in self.hints(heading):
            return "a heading that is only a link: a navigation card"
        prose = [b for b in body if b.role in ("prose", "table")]
        if is_widget_heading(heading.text):
            counts = [_words(b) for b in prose]
            if sum(counts) <= _CHROME_BODY_WORDS and max(counts, default=0) < _SENTENCE_WORDS:
                return "a site widget heading over links or a few words"
        action = next(
            (
                i
                for i, b in enumerate(body)
                if b.role in ("links", "chrome")
                and len(b.text) <= _CALL_TO_ACTION_CHARS
                and _CALL_TO_ACTION.fullmatch(visible(b.text))
            ),
            None,
        )
        if action is None or any(b.role == "heading" for b in body[:action]):
            return None
        prose_words = sum(_words(b) for b in prose)
        if prose_words <= _PROMO_WORDS and not any(b.role == "heading" for b in body):
            return "a promotion card: a few words and a 'Learn more' link"
        # One line of blurb and its call to action: a card, whatever follows it (the last
        # card's section runs on into the page footer). A section that introduces cards of
        # its own has more than one block before the first "Learn more".
        blurb = [b for b in body[:action] if b.role in ("prose", "table")]
        if len(blurb) == 1 and _words(blurb[0]) <= _PROMO_WORDS:
            return "a promotion card: a few words and a 'Learn more' link"
        return None

    def _section_body(self, index: int) -> list[Block]:
        """The blocks under the heading at ``index``, down to one of the same or higher rank
        or to the page's own chrome (the last heading of an article is not the footer's)."""
        rank = self.level(self.blocks[index])
        body: list[Block] = []
        for block in self.blocks[index + 1 :]:
            if block.role == "heading" and self.level(block) <= rank:
                break
            if (
                block.role == "chrome"
                and block.reason is not None
                and body
                and block.reason.startswith(("inside", "outside"))
            ):
                break
            body.append(block)
        return body


def _chrome(block: Block, reason: str) -> None:
    if block.role == "chrome" and block.reason is not None:
        return
    block.role = "chrome"
    block.reason = reason

"""caveat: if the article talks about X, it must also say Y.

A rule lists trigger phrases (``when``) and required phrases (``require``). When any trigger
appears in the article and none of the required phrases does, the rule reports once, at the
first trigger, saying what to add. A rule without triggers applies to every article (a
disclaimer every page needs); it then points at the title line.

Where the kind looks:
    Triggers are looked for in what the article itself says: headings (the title included),
    prose and tables (``when_in``). Page chrome such as a navigation menu that links to "Chest
    pain" is not the article talking about chest pain, and credits lines ("Family Medicine" in
    a reviewer's specialty) are not advice about medicine.
    Required text may sit anywhere a reader sees text (``require_in``), page chrome included,
    because publishers often put the disclaimer above the title or in the footer. A footer link
    that only says "Disclaimer" does not satisfy a requirement: the rule needs the words of the
    caveat itself, such as "does not replace the advice of".
    The required text may appear anywhere in the article, not necessarily next to the trigger.

Phrases:
    Matching ignores case, line breaks, curly quotes and simple word endings (-s, -es, -ed,
    -ing), works on whole words, lets a space match a hyphen, and lets digits be written with
    hyphens ("911" matches "Call 9-1-1"). ``*`` stands for up to four words ("talk * doctor"
    matches "talk with your doctor"). Write phrases in their base form ("chest pain" matches
    "chest pains"). There is no raw regular-expression form, so no phrase can make a check slow.

Options:
    when: [phrase]            any of these triggers the rule (empty: every article)
    when_all: [[phrase]]      further conditions: each group must also match somewhere, e.g.
                              when: [aspirin], when_all: [[child, children, teen]]
    require: [phrase]         any one of these satisfies the rule (required)
    when_in: [role]           default [heading, prose, table]
    require_in: [role]        default [heading, prose, table, credits, chrome]
    not_within: [phrase]      a trigger inside one of these does not count: "drug" in "Food
                              and Drug Administration", "dose" in "vaccine dose"
    not_in_sections_with: [phrase]
                              a trigger in a section whose heading or text holds one of these
                              does not count: shortness of breath among the symptoms of a
                              section on long-term ("chronic", "lasting for months") illness
                              is not a sudden warning sign
    suggestion: str           text an editor could add, shown as the finding's suggestion
    regions: {region: {name: text}}
                              message and suggestion parameters per region, e.g.
                              uk: {emergency: "999"}; the "us" entry serves a page whose
                              region is not one listed

Regions:
    A page's region comes from its front matter (``region: uk``), else the configuration
    (``region`` for a folder in ``[[overrides]]``, then the top-level key), else its language
    tag (en-GB, en-IE, en-AU, en-NZ, en-CA, es-ES), else "us".

Message parameters: {trigger} (the first trigger as written in the article), {required} (the
required phrases, quoted and joined with "or").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import field
from typing import TYPE_CHECKING, Annotated, Any

from ..findings import format_message
from ..models import Block
from .base import CheckContext, Hit, Kind, KindOptions, block_position
from .matching import Phrase, PhraseMatch, Role, article_words, blocks_in, matcher

if TYPE_CHECKING:
    from pydantic import Field


class Options(KindOptions):
    """Options of the caveat kind (see the module documentation)."""

    when: list[Phrase] = field(default_factory=list)
    when_all: list[Annotated[list[Phrase], Field(min_length=1)]] = field(default_factory=list)
    require: Annotated[list[Phrase], Field(min_length=1)]
    when_in: Annotated[list[Role], Field(min_length=1)] = field(
        default_factory=lambda: ["heading", "prose", "table"]
    )
    require_in: Annotated[list[Role], Field(min_length=1)] = field(
        default_factory=lambda: ["heading", "prose", "table", "credits", "chrome"]
    )
    not_within: list[Phrase] = field(default_factory=list)
    not_in_sections_with: list[Phrase] = field(default_factory=list)
    suggestion: str | None = None
    regions: dict[str, dict[str, str]] = field(default_factory=dict)


# The country part of a language tag, as a region name ("GB" is written "uk" in the packs).
_TAG_REGIONS = {
    "us": "us", "ca": "ca", "gb": "uk", "uk": "uk", "ie": "ie", "au": "au", "nz": "nz", "es": "es",
}  # fmt: skip


def page_region(ctx: CheckContext) -> str:
    """The page's region: front matter, configuration, language tag, else "us"."""
    written = ctx.article.metadata.get("region")
    if isinstance(written, str) and written.strip():
        return written.strip().lower()
    if ctx.region:
        return ctx.region.strip().lower()
    tag = (ctx.article.language or "").replace("_", "-").split("-")
    if len(tag) > 1:
        return _TAG_REGIONS.get(tag[1].lower(), "us")
    return "us"


def _section_says(ctx: CheckContext, index: int | None, phrases: Sequence[str]) -> bool:
    """Whether the section (by index) has one of the phrases in its heading or text, found
    once per article and section, and only for a section that holds a trigger."""
    if index is None:
        return False
    key = "caveat-sections:" + "\0".join(phrases)
    answers: dict[int, bool] | None = ctx.memo.get(key)
    if answers is None:
        answers = ctx.memo[key] = {}
    answer = answers.get(index)
    if answer is None:
        section = ctx.article.sections[index]
        text = f"{section.title}\n{section.body}"
        answer = answers[index] = next(matcher(tuple(phrases)).finditer(text), None) is not None
    return answer


def _first(
    ctx: CheckContext,
    blocks: list[Block],
    phrases: list[str],
    not_within: Sequence[str] = (),
    not_in_sections_with: Sequence[str] = (),
) -> tuple[Block, PhraseMatch] | None:
    found = matcher(tuple(phrases)).in_blocks(blocks, article_words(ctx))
    if not_in_sections_with:
        found = (
            (block, match)
            for block, match in found
            if not _section_says(ctx, block.section, not_in_sections_with)
        )
    if not not_within:
        return next(found, None)
    excluded = matcher(tuple(not_within))
    spans: dict[int, list[tuple[int, int]]] = {}
    for block, match in found:
        # Each block's excluded spans are found once, and only for a block with a trigger.
        block_spans = spans.get(id(block))
        if block_spans is None:
            block_spans = spans[id(block)] = [
                (m.start, m.end) for m in excluded.finditer(block.text)
            ]
        if not any(start <= match.start and match.end <= end for start, end in block_spans):
            return block, match
    return None


def region_params(options: Options) -> set[str]:
    """The message parameters a rule's ``regions`` add ({emergency}, {crisis}, …)."""
    return {name for entry in options.regions.values() for name in entry}


def describe_phrases(phrases: list[str], limit: int = 4) -> str:
    """'"a", "b" or "c"': the phrases as an editor would read them in a message."""
    shown = [f'"{p.replace(" * ", " … ")}"' for p in phrases[:limit]]
    if len(phrases) > limit:
        shown.append("similar words")
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " or " + shown[-1]


def check(ctx: CheckContext, options: Options, rule: Any) -> Iterator[Hit]:
    trigger_blocks = blocks_in(ctx, options.when_in)
    anchor: tuple[Block, PhraseMatch] | None = None
    if options.when:
        anchor = _first(
            ctx, trigger_blocks, options.when, options.not_within, options.not_in_sections_with
        )
        if anchor is None:
            return
    for group in options.when_all:
        found = _first(ctx, trigger_blocks, group, options.not_within, options.not_in_sections_with)
        if found is None:
            return
        if anchor is None:
            anchor = found
    if _first(ctx, blocks_in(ctx, options.require_in), options.require) is not None:
        return
    params: dict[str, Any] = {"required": describe_phrases(options.require), "trigger": ""}
    suggestion = options.suggestion
    if options.regions:
        region = page_region(ctx)
        params.update(options.regions.get(region) or options.regions.get("us") or {})
        if suggestion:
            suggestion = format_message(suggestion, params)
    if anchor is None:
        line = ctx.article.title_line or 1
        yield Hit(
            line=line,
            params=params,
            suggestion=suggestion,
            snippet="missing: " + options.require[0],
        )
        return
    block, match = anchor
    line, column = block_position(block, match.start)
    end_line, end_column = block_position(block, match.end)
    params["trigger"] = match.text
    yield Hit(
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        params=params,
        suggestion=suggestion,
        # The trigger phrase (not its position) keeps the fingerprint stable across edits.
        snippet=match.phrase,
    )


KIND = Kind(
    name="caveat",
    options=Options,
    check=check,
    doc=__doc__ or "",
    params=("trigger", "required"),
    region_params=region_params,
)

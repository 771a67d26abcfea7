"""Turn blocks of article prose into clean sentences for readability scoring.

What is measured
    Readability formulas see the cleaned sentence texts joined by single spaces
    (:func:`join_sentences`).  Words, syllables, letters and sentences are counted
    from that text exactly as textstat 0.7 counts them, so scoring the joined text
    with textstat gives the same grades as :mod:`healthlint.readability.stats`.

How a block is split
    ``split_sentences`` takes one paragraph or list item; its ``"\\n"`` are source
    line breaks (never sentence ends).  A sentence ends at ``.``, ``!``, ``?`` or an
    ellipsis (plus closing quotes/brackets) followed by whitespace, unless

    * the next word starts with a lower-case letter (``approx. half``,
      ``"Why?" she asked``);
    * the dot closes an abbreviation that does not end sentences: titles and
      common short forms (``Dr.``, ``Mr.``, ``Mrs.``, ``Ms.``, ``Prof.``, ``St.``,
      ``vs.``, ``approx.``, ``cf.``, ``Fig.``, ``p.``), dotted abbreviations
      (``e.g.``, ``i.e.``, ``U.S.``), ``No.`` before a number, or an initial
      (``J. Smith``, ``A. B. Jones``; but ``vitamin D. Then`` and
      ``hepatitis B. It`` do end);
    * ``etc.``, ``a.m.`` and ``p.m.`` end a sentence only before a capital.

    The end of the block always ends a sentence.

What is cleaned (so textstat sees exactly one sentence per :class:`Sentence`)
    * whitespace runs, including line breaks, become one space;
    * abbreviation dots are removed (``Dr Smith``, ``eg``, ``US``, ``9 am``,
      ``J Smith``); any other dot followed by a space inside a sentence is treated
      as an abbreviation dot and removed too;
    * a dot between two word characters becomes a middle dot ``·`` (``2·5 mg``,
      ``0·5%``, ``nhs·uk``).  textstat drops punctuation inside words, so the word,
      syllable, letter and character counts are those of ``2.5``, but textstat no
      longer sees a sentence end inside the number;
    * ``?`` and ``!`` inside a sentence become ``,``; an ellipsis inside a sentence
      becomes ``…`` and one ending a sentence becomes ``...``;
    * a sentence without final punctuation (end of a paragraph or list item) gets
      ``.``, after dropping trailing ``,`` ``;`` ``:`` or dashes; for list items a
      dangling ``and``/``or`` (``- a fever; or``) is dropped as well;
    * sentences without any word character are dropped.

Numbers
    Digits are kept as written.  ``911`` or ``988`` is one word of one syllable
    (not in the CMU dictionary, and Pyphen finds no hyphenation point in digits)
    and three letters, every time; ``2.5`` is the one-syllable word ``25``.

Sentence counting
    textstat ignores "sentences" of one or two words (``Call 911.``) when it counts
    sentences, while still counting their words.  ``TextStatistics`` applies the
    same rule, so such sentences lengthen the average sentence; the linter should
    not expect ``len(sentences)`` to be the formulas' sentence count.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..lazy_regex import lazy

__all__ = ["Sentence", "join_sentences", "split_sentences"]


class Sentence(NamedTuple):
    """A cleaned sentence and the 1-based source position where it starts."""

    text: str
    line: int
    column: int


def join_sentences(sentences: Iterable[Sentence]) -> str:
    """The text the formulas measure: cleaned sentences joined by single spaces."""
    return " ".join(s.text for s in sentences)


_CLOSERS = "\"'”’)]»"

# Terminator run + closing quotes/brackets, then whitespace or the end of the block.
_END = lazy(r"(?P<run>[.!?…]+)(?P<closers>[" + re.escape(_CLOSERS) + r"]*)(?=\s|$)")
_TERMINATORS = ".!?…"
_FIRST_ALNUM = lazy(r"[^\W_]")

# Abbreviations (lower-case, without the final dot) that do not end sentences.
_NEVER_END = frozenset(
    {
        "dr", "mr", "mrs", "ms", "mx", "prof", "st", "mt", "jr", "sr", "vs", "approx",
        "cf", "fig", "figs", "p", "pp", "e.g", "i.e", "u.s", "u.k", "u.s.a", "ed", "eds",
    }
)  # fmt: skip
_END_BEFORE_CAPITAL = frozenset({"etc", "a.m", "p.m"})
# Spanish abbreviations (Real Academia Española, "Lista de abreviaturas"): "Dra. Ruiz",
# "p. ej. Madrid" ("p." is already a single-letter short form), "Ud.", "núm. 3".
_NEVER_END_ES = _NEVER_END | frozenset(
    {
        "dra", "dras", "dres", "sra", "sras", "sres", "srta", "ud", "uds", "vd", "vds", "ej",
        "aprox", "núm", "pág", "págs", "tel", "tfno", "admón", "lic", "ing", "cía",
    }
)  # fmt: skip
_DOTTED_ABBREVIATION = lazy(r"^[A-Za-z](?:\.[A-Za-z])+$")
# Words after which a capital letter and a dot name a vitamin, hepatitis type, etc.
_LETTER_NAMERS = frozenset(
    {
        "vitamin", "vitamins", "hepatitis", "type", "types", "group", "groups", "grade",
        "stage", "class", "strep", "factor", "influenza", "flu", "phase", "level", "plan",
        "part", "section", "appendix", "category", "schedule", "blood",
    }
)  # fmt: skip

_NEXT_INITIAL = lazy(r"\s+[A-Z]\.\s")
_NEWLINE = lazy(r"\n")
# Dotted abbreviation in the body of a sentence: e.g. / i.e. / U.S. / a.m (the final
# dot may already have been taken as the sentence's terminator).
_BODY_DOTTED = lazy(r"(?<![\w.])[A-Za-z](?:\.[A-Za-z])+\.?(?!\w)")
_BODY_ELLIPSIS = lazy(r"\.{2,}|…")
_BODY_DOT_BEFORE_SPACE = lazy(r"\.(?=[" + re.escape(_CLOSERS) + r"]*(?:\s|$))")
_BODY_INNER_DOT = lazy(r"(?<=\w)\.(?=\w)")
_BODY_MARK = lazy(r"[!?]+")
# The lookbehind starts a run only at its first separator, so a long run of dashes is scanned
# once instead of once per dash.
_TRAILING_SEPARATORS = lazy(r"(?<![\s,;:\-–—])[\s,;:\-–—]+$")
_TRAILING_CONJUNCTION = lazy(r"(?<![\s,;:\-–—])[\s,;:\-–—]+(?:and|or)$", re.IGNORECASE)
_HAS_WORD = lazy(r"\w")
# A label that opens a block, its colon and a capital after it ("**Chest discomfort:** You
# may feel ...", "Sputum cytology: Sputum cytology is ..."): the label is read on its own.
_LEAD_LABEL = lazy(r"\s*(?P<label>[^.!?:;\n]{1,120}?):[ \t]+(?=[\"“¿¡(]?[A-ZÁÉÍÓÚÑ])")
_LABEL_WORDS = 12


_TOKEN_WINDOW = 48


def _bare(token: str) -> str:
    """A token without surrounding quotes/brackets (keeps inner dots)."""
    return token.strip("\"'“”‘’([{)]}«»")


def _token_before(text: str, lo: int, hi: int) -> tuple[int, str] | None:
    """The last whitespace-delimited token of ``text[lo:hi]`` and its offset."""
    # Most tokens fit in a short window before ``hi``: str.rstrip and str.rsplit find them at C
    # speed (both ask str.isspace, as the scan below does). The window keeps the work per
    # terminator bounded in a sentence that never ends ("Dr. Dr. Dr. …").
    start = max(lo, hi - _TOKEN_WINDOW)
    head = text[start:hi].rstrip()
    parts = head.rsplit(None, 1)
    if len(parts) == 2 or (start == lo and parts):
        token = parts[-1]
        return start + len(head) - len(token), token
    if start == lo:
        return None
    end = hi
    while end > lo and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > lo and not text[begin - 1].isspace():
        begin -= 1
    return (begin, text[begin:end]) if begin < end else None


def _ends_sentence(
    text: str, match: re.Match[str], sentence_start: int, never_end: frozenset[str] = _NEVER_END
) -> bool:
    """Whether the terminator ``match`` ends a sentence (see the module docstring)."""
    end = match.end()
    # ``text[end]`` is whitespace, so the next character is the first alphanumeric one after
    # the run when it is one (``[^\W_]`` is exactly ``str.isalnum``).
    next_char = text[end + 1 : end + 2]
    if not next_char.isalnum():
        next_alnum = _FIRST_ALNUM.search(text, end)
        if next_alnum is None:
            return True
        next_char = next_alnum.group()
    if next_char.islower():
        return False
    run, closers = match.group("run", "closers")
    if run != "." or closers:
        return True

    # Most dots follow a word of letters after a space: that word is the token before the dot
    # (a run of letters holds no space, quote, bracket or dot to look past), so the checks
    # below for initials and dotted abbreviations cannot apply to it.
    dot = match.start()
    word = text[text.rfind(" ", sentence_start, dot) + 1 or sentence_start : dot]
    if len(word) > 1 and word.isalpha():
        lowered = word.lower()
        if lowered in never_end:
            return lowered in _END_BEFORE_CAPITAL
        return lowered != "no" or not next_char.isdigit()

    before = _token_before(text, sentence_start, dot)
    if before is None:
        return True
    token_start, token = before
    word = _bare(token)
    lowered = word.lower()
    if lowered in never_end or ("." in word and _DOTTED_ABBREVIATION.match(word)):
        return lowered in _END_BEFORE_CAPITAL
    if lowered == "no":
        return not next_char.isdigit()
    if len(word) == 1 and word.islower():
        # Single lower-case letters with a dot are short forms ("p. 5", "c. 1900").
        return False
    if len(word) == 1 and word.isupper() and next_char.isupper():
        if _NEXT_INITIAL.match(text, match.end()):
            return False  # "A. B. Jones"
        return not _is_name_initial(text, sentence_start, token_start)
    return True


def _is_name_initial(text: str, sentence_start: int, initial_start: int) -> bool:
    """Whether the capital letter at ``initial_start`` reads as a name's initial."""
    previous = _token_before(text, sentence_start, initial_start)
    if previous is None:
        return True  # "J. Smith said ..." at the start of a sentence
    word = _bare(previous[1])
    lowered = word.rstrip(".").lower()
    if lowered in _LETTER_NAMERS:
        return False  # "vitamin D. Then ...", "Hepatitis B. It ..."
    # "Dr. J. Smith", "J. R. Smith", "John B. Smith", "written by J. Smith"
    return word.endswith(".") or word[:1].isupper() or lowered == "by"


def _clean_as_is(text: str) -> bool:
    """Whether a sentence with its whitespace collapsed is clean already, as most are: one
    dot, at the end, after a word, and no other terminator."""
    return (
        text[-1:] == "."
        and text[-2:-1] not in ("", " ")
        and text.count(".") == 1
        and "!" not in text
        and "?" not in text
        and "…" not in text
    )


def _cleaned(text: str, *, final: bool, list_item: bool) -> str:
    """A sentence, its whitespace collapsed already (str.split and re's \\s agree on what
    whitespace is: both ask str.isspace), as textstat should see it (see the module
    docstring)."""
    # The terminal run and its closers: with the closers taken off the end, the run is what
    # terminators end the rest (the two sets of characters do not overlap).
    unclosed = text.rstrip(_CLOSERS)
    body = unclosed.rstrip(_TERMINATORS)
    if len(body) < len(unclosed):
        run, closers = unclosed[len(body) :], text[len(unclosed) :]
    else:
        body, run, closers = text, "", ""

    # Most sentences have no inner terminators; skip the rewriting passes for them.
    if "." in body or "!" in body or "?" in body:
        body = _BODY_DOTTED.sub(lambda m: m.group().replace(".", ""), body)
        body = _BODY_ELLIPSIS.sub("…", body)
        body = _BODY_DOT_BEFORE_SPACE.sub("", body)
        body = _BODY_INNER_DOT.sub("·", body)
        body = body.replace(".", "")
        body = _BODY_MARK.sub(",", body)

    if run:
        run = run.replace("…", "...")
    else:
        if final:
            if list_item:
                body = _TRAILING_CONJUNCTION.sub("", body)
            body = _TRAILING_SEPARATORS.sub("", body)
        run = "."
    return (body.rstrip() + run + closers) if body.strip() else ""


def _split_at_cuts(
    text: str, spans: list[tuple[int, int]], cuts: list[int]
) -> tuple[list[tuple[int, int]], set[int]]:
    """The spans cut again at each of the sorted offsets ``cuts`` inside one, and the cuts
    made."""
    if not cuts:
        return spans, set()
    result: list[tuple[int, int]] = []
    made: set[int] = set()
    position = 0
    for begin, end in spans:
        while position < len(cuts) and cuts[position] <= begin:
            position += 1
        while position < len(cuts) and cuts[position] < end:
            cut = cuts[position]
            position += 1
            if _HAS_WORD.search(text, begin, cut) and _HAS_WORD.search(text, cut, end):
                result.append((begin, cut))
                made.add(cut)
                begin = cut
        result.append((begin, end))
    return result, made


def split_sentences(
    text: str,
    *,
    line: int = 1,
    column: int = 1,
    list_item: bool = False,
    language: str = "en",
    breaks: Sequence[int] = (),
) -> list[Sentence]:
    """Split one paragraph or list item into cleaned sentences.

    ``line``/``column`` locate the first character of ``text`` in the source;
    line numbers advance at each ``"\\n"`` and later lines start at column 1, so
    pass continuation lines with their indentation if exact columns matter.
    ``language="es"`` adds the Spanish abbreviations ("Dra.", "Sra.", "Ud.", "p. ej.").
    ``breaks`` are the lines (from 0) that end in a forced line break: a writer who breaks a
    line there ends what comes before it ("Ask about these registries:<br>Burn Pit
    Registry<br>Gulf War Registry" is three lines, not one sentence). A short label that opens
    the block and ends in a colon before a capital ("Chest discomfort: You may feel …") is
    read on its own too.
    """
    newlines = [m.start() for m in _NEWLINE.finditer(text)] if "\n" in text else []

    never_end = _NEVER_END_ES if language == "es" else _NEVER_END
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if end - match.start() == 1 and text[end - 1] == "." and text[end + 1 : end + 2].isupper():
            # A lone dot before a space and a capital, after a word of letters that is no
            # abbreviation, ends its sentence: what _ends_sentence decides first, taken here
            # without the call for the most common terminator.
            word = text[text.rfind(" ", start, end - 1) + 1 or start : end - 1]
            if len(word) > 1 and word.isalpha() and word.lower() not in never_end:
                spans.append((start, end))
                start = end
                continue
        if _ends_sentence(text, match, start, never_end):
            spans.append((start, end))
            start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    cuts = sorted(newlines[row] for row in set(breaks) if 0 <= row < len(newlines))
    label = _LEAD_LABEL.match(text)
    if label is not None and len(label.group("label").split()) <= _LABEL_WORDS:
        cuts = sorted({*cuts, label.end("label") + 1})
    broken: set[int] = set()
    if cuts:
        spans, broken = _split_at_cuts(text, spans, cuts)

    sentences: list[Sentence] = []
    last = len(spans) - 1
    for index, (begin, end) in enumerate(spans):
        raw = text[begin:end]
        cleaned = " ".join(raw.split())
        if not _clean_as_is(cleaned):
            final = index == last or end in broken
            cleaned = _cleaned(cleaned, final=final, list_item=list_item)
        if not _HAS_WORD.search(cleaned):
            continue
        offset = begin + (len(raw) - len(raw.lstrip()))
        row = bisect_right(newlines, offset - 1) if newlines else 0
        if row == 0:
            sentences.append(Sentence(cleaned, line, column + offset))
        else:
            sentences.append(Sentence(cleaned, line + row, offset - newlines[row - 1]))
    return sentences

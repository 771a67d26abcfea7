"""Phrase matching shared by the caveat, existence and substitution kinds.

Editors write phrases the way they would write them in an article ("chest pain", "call 911",
"talk * doctor"); this module turns each phrase into a regular expression that finds it as a
reader would recognise it:

- case does not matter (unless a kind asks for exact case);
- a phrase matches whole words only: "drug" does not match "drugstore";
- a space in a phrase matches any run of spaces or a line break, so a phrase wrapped over two
  lines is still found; a space and a hyphen match each other ("self harm" = "self-harm"), and a
  hyphen in a phrase may also be left out ("breast-feeding" matches "breastfeeding");
- straight and curly quotes and apostrophes match each other, and an apostrophe inside a word may
  be missing ("can't breathe" matches "can’t breathe" and "cant breathe");
- every word of three or more letters also matches its -s/-es, -ed and -ing forms and y/ies
  ("chest pain" matches "chest pains", "utilize" matches "utilized" and "utilizing"). Write
  phrases in their base form: the endings are added, not removed ("chest pains" does not match
  "chest pain");
- digits may be separated by hyphens: "911" matches "9-1-1", "988" matches "9-8-8";
- ``*`` stands for up to four words: "talk * doctor" matches "talk to your doctor" and "talk
  with a doctor".

Raw regular expressions are deliberately not accepted. Every quantifier the compiler writes is
bounded, and the character classes on either side of each quantifier do not overlap, so no
phrase can make matching backtrack catastrophically: scanning stays linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING, Annotated, Literal, NamedTuple

from ..lazy_regex import compiled, lazy
from ..models import Block
from ..validation import Check
from .base import Hit, block_position

if TYPE_CHECKING:
    from .base import CheckContext

Role = Literal["heading", "prose", "table", "credits", "chrome"]
"""Block roles a phrase rule can look in (code blocks are never searched)."""

# A run of spaces, line breaks or dashes between two words. Bounded so that a wrapped,
# indented list item still matches, without an unbounded quantifier.
_SEP_CHARS = r"[\s\-‐‑–—]"
_SEP = _SEP_CHARS + "{1,40}"
_SEP_OPTIONAL = _SEP_CHARS + "{0,40}"
# One word for the ``*`` wildcard: no dashes or spaces, so it cannot overlap _SEP. The marks
# of an apostrophe decoded with the wrong character set ("childâ€™s", "childaÌ‚â‚¬TMs") are
# part of the word (combining accents too, as some pages store them), so "talk * doctor"
# still finds "talk with your childâ€™s doctor".
_WILD_WORD = r"[\w'’‚€¬™\u0300-\u036f]{1,40}"
_WILDCARD_WORDS = 4
_APOSTROPHE = "['’‘ʼ`]"
_QUOTE = '["“”„]'
_DIGIT_SEP = "[-‐‑]?"

_TOKEN = lazy(
    r"(?P<star>\*)"
    r"|(?P<word>[^\W\d_]+(?:['’‘ʼ][^\W\d_]+)*)"
    r"|(?P<num>\d+)"
    r"|(?P<sep>[\s\-‐‑–—]+)"
    r"|(?P<other>.)",
    re.S,
)
_VOWELS = set("aeiou")


def _word_pattern(word: str) -> str:
    """A word with its simple inflections: cure → cure/cures/cured/curing."""
    if any(mark in word for mark in "'’‘ʼ"):
        parts = re.split("['’‘ʼ]", word)
        return (_APOSTROPHE + "?").join(re.escape(part) for part in parts)
    if len(word) < 3:
        return re.escape(word)
    lower = word.lower()
    if lower.endswith("y") and lower[-2] not in _VOWELS:
        # artery → arteries; carry → carried, carrying
        return re.escape(word[:-1]) + "(?:y|ies|ied|ying)"
    if lower.endswith("e") and lower[-2] not in _VOWELS:
        # cure → cures, cured, curing
        return re.escape(word[:-1]) + "(?:e|es|ed|ing)"
    if lower.endswith("e"):
        # free, guarantee → frees, freed, freeing, guaranteed
        return re.escape(word) + "(?:s|d|ing)?"
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return re.escape(word) + "(?:es|ed|ing)?"
    return re.escape(word) + "(?:s|es|ed|ing)?"


def _number_pattern(digits: str) -> str:
    return _DIGIT_SEP.join(re.escape(d) for d in digits)


MAX_WILDCARDS = 3


def phrase_problem(phrase: str) -> str | None:
    """Why ``phrase`` cannot be used, or None. Used by the kinds' option validators."""
    stripped = phrase.strip()
    if not stripped:
        return "a phrase must not be empty"
    if not any(ch.isalnum() for ch in stripped):
        return f"phrase {phrase!r} has no letters or digits"
    tokens = [t for t in stripped.split() if t]
    if tokens[0] == "*" or tokens[-1] == "*":
        return f"phrase {phrase!r} cannot start or end with the wildcard *"
    if len(stripped) > 200:
        return f"phrase {phrase[:40]!r}… is longer than 200 characters"
    if tokens.count("*") > MAX_WILDCARDS:
        # Each wildcard multiplies the ways a text can match; past a few, one phrase could
        # keep the matcher busy for minutes on one paragraph.
        return (
            f"phrase {phrase[:40]!r} has {tokens.count('*')} wildcards; at most "
            f"{MAX_WILDCARDS} are allowed"
        )
    return None


def _validated(phrase: str) -> str:
    problem = phrase_problem(phrase)
    if problem:
        raise ValueError(problem)
    return phrase.strip()


Phrase = Annotated[str, Check(_validated)]
"""A phrase option value, checked when the pack is loaded."""


def starts_with_word(phrase: str) -> bool:
    """Whether the phrase's expression opens with a word or a number (and so with a word
    boundary test), without compiling it: the first token is a word or a number exactly when
    the first character is a letter or a digit."""
    stripped = phrase.strip()
    return bool(stripped) and stripped[0].isalnum()


def compile_phrase(phrase: str) -> str:
    """The regular expression (without flags) that finds ``phrase`` in article text."""
    body, starts_word = _compile_body(phrase)
    if not starts_word:
        return body
    # The word-boundary test goes after the first letter or digit, a plain character, as
    # "(?<!\w.)": the same test, but the expression then starts with that character, and the
    # engine skips to where it occurs instead of trying the test at every position.
    return body[0] + r"(?<!\w.)" + body[1:] if body[:1].isalnum() else r"(?<!\w)" + body


def _compile_body(phrase: str) -> tuple[str, bool]:
    """The phrase's expression without its leading word boundary, and whether it needs one."""
    tokens = [(m.lastgroup or "other", m.group()) for m in _TOKEN.finditer(phrase.strip())]
    out: list[str] = []
    emitted: list[str] = []  # the token kind behind each piece of ``out``
    index = 0
    while index < len(tokens):
        kind, value = tokens[index]
        if kind == "star":
            # The wildcard owns the separators around it: " * " is "space, up to N words
            # each followed by a space". Repeated stars ("a * * b") are one wildcard, so two
            # separator runs never stand next to each other.
            if emitted and emitted[-1] == "star":
                index += 1
                continue
            if emitted and emitted[-1] == "sep":
                out.pop()
                emitted.pop()
            out.append(f"{_SEP}(?:{_WILD_WORD}{_SEP}){{0,{_WILDCARD_WORDS}}}")
            emitted.append("star")
            index += 1
            continue
        if kind == "sep" and emitted and emitted[-1] == "star":
            index += 1
            continue
        emitted.append(kind)
        if kind == "word":
            out.append(_word_pattern(value))
        elif kind == "num":
            out.append(_number_pattern(value))
        elif kind == "sep":
            out.append(_SEP_OPTIONAL if value.strip() else _SEP)
        elif value in "'’‘ʼ":
            out.append(_APOSTROPHE)
        elif value in '"“”„':
            out.append(_QUOTE)
        else:
            out.append(re.escape(value))
        index += 1
    pattern = "".join(out)
    if tokens and tokens[-1][0] in ("word", "num"):
        pattern += r"(?!\w)"
    return pattern, bool(tokens) and tokens[0][0] in ("word", "num")


class PhraseMatch(NamedTuple):
    """Where a phrase was found in one text."""

    phrase: str  # the phrase as configured
    start: int
    end: int
    text: str  # the text as written in the article, spaces collapsed


# Up to this many candidate phrases a text is searched phrase by phrase.
_FEW_PHRASES = 6
# Texts with more candidates that are still searched phrase by phrase, before the matcher
# compiles its one expression for the whole list: compiling a long list costs several
# milliseconds, which a one-article run (the pre-commit hook) should not pay, while a library
# run earns it back many times over.
ALTERNATION_AFTER = 40


class PhraseMatcher:
    """Finds any of a list of phrases in a text, as one alternation would: leftmost match
    first and, at the same start, the longest phrase (so "adverse event" wins over "adverse").

    A text that may hold only a few of the phrases is searched phrase by phrase, each with a
    small expression compiled the first time a text could hold it: most articles never need
    most phrases of a long list, and compiling is the slow part of a regular expression in
    Python. A text that may hold many is searched once with one expression for the whole list,
    once the matcher has searched ``alternation_after`` such texts phrase by phrase.
    """

    def __init__(
        self,
        phrases: Sequence[str],
        *,
        ignore_case: bool = True,
        alternation_after: int = ALTERNATION_AFTER,
    ) -> None:
        unique = list(dict.fromkeys(p.strip() for p in phrases if p.strip()))
        self.phrases = unique
        self.ignore_case = ignore_case
        starts_word = [starts_with_word(phrase) for phrase in unique]
        # Alternation order: phrases that start with a word or number first, longer first.
        self._order = sorted(
            range(len(unique)), key=lambda i: (not starts_word[i], -len(unique[i]), i)
        )
        # How each phrase's matches begin, for skipping blocks cheaply ("" when unknown).
        self._keys = [_start_keys(phrase) if ignore_case else () for phrase in unique]
        self._stems = [_word_stems(phrase) if ignore_case else () for phrase in unique]
        self._stem_sets = [frozenset(stems) for stems in self._stems]
        # For screening: phrases without a key are always candidates; the others are found
        # through their first key.
        self._keyless = [i for i in self._order if not self._keys[i]]
        self._by_first_key: dict[str, list[int]] = {}
        for i in self._order:
            if self._keys[i]:
                self._by_first_key.setdefault(self._keys[i][0], []).append(i)
        self._first_keys = frozenset(self._by_first_key)
        self._rank = {index: rank for rank, index in enumerate(self._order)}
        self._patterns: dict[int, re.Pattern[str]] = {}
        self._alternation: re.Pattern[str] | None = None
        self._searches_left = alternation_after

    def _pattern(self, index: int) -> re.Pattern[str]:
        pattern = self._patterns.get(index)
        if pattern is None:
            flags = re.IGNORECASE if self.ignore_case else 0
            pattern = compiled(compile_phrase(self.phrases[index]), flags)
            self._patterns[index] = pattern
        return pattern

    def candidates(self, starts: frozenset[str] | None) -> list[int]:
        """The phrases, in alternation order, that a text with these word starts may hold."""
        if starts is None:
            return self._order
        present = self._first_keys & starts
        if not present:
            return self._keyless
        chosen = list(self._keyless)
        for key in present:
            for i in self._by_first_key[key]:
                rest = self._keys[i][1:]
                if not rest or all(other in starts for other in rest):
                    chosen.append(i)
        chosen.sort(key=self._rank.__getitem__)
        return chosen

    def _all_at_once(self) -> re.Pattern[str]:
        if self._alternation is None:
            # Phrases that start with a word share one word-boundary test and are grouped by
            # their first letter behind a one-letter lookahead, so the engine tries a handful
            # of alternatives at each word start rather than all of them at every character.
            by_initial: dict[str, list[str]] = {}
            others: list[str] = []
            for i in self._order:
                body, starts_word = _compile_body(self.phrases[i])
                alternative = f"(?P<p{i}>{body})"
                if starts_word:
                    by_initial.setdefault(self.phrases[i][0].lower(), []).append(alternative)
                else:
                    others.append(alternative)
            branches = [
                f"(?=[{re.escape(initial)}{re.escape(initial.upper())}])(?:{'|'.join(group)})"
                for initial, group in by_initial.items()
            ]
            parts = ([r"(?<!\w)(?:" + "|".join(branches) + ")"] if branches else []) + others
            flags = re.IGNORECASE if self.ignore_case else 0
            self._alternation = compiled("|".join(parts), flags)
        return self._alternation

    def finditer(
        self, text: str, candidates: Sequence[int] | None = None, folded: str | None = None
    ) -> Iterator[PhraseMatch]:
        """Every match in ``text``, among the ``candidates`` (indexes from :meth:`candidates`)
        when given; ``folded`` is ``fold_case(text)`` when the caller has it already."""
        chosen = self._order if candidates is None else candidates
        if folded is not None and self.ignore_case:
            # A phrase whose words are not all in the text cannot match: with the folded text
            # at hand, that screen comes first, so a long list often shrinks to a few phrases
            # searched one by one instead of the whole alternation.
            chosen = [i for i in chosen if all(stem in folded for stem in self._stems[i])]
            return self._find(text, chosen, screened=True)
        return self._find(text, chosen, screened=False)

    def _find(self, text: str, chosen: Sequence[int], *, screened: bool) -> Iterator[PhraseMatch]:
        """The matches of the ``chosen`` phrases; ``screened`` when each of their words is
        known to be in the text."""
        if not chosen:
            return
        if len(chosen) > _FEW_PHRASES and self._searches_left > 0:
            self._searches_left -= 1
        elif len(chosen) > _FEW_PHRASES:
            for whole in self._all_at_once().finditer(text):
                index = int((whole.lastgroup or "p0")[1:])
                yield PhraseMatch(
                    phrase=self.phrases[index],
                    start=whole.start(),
                    end=whole.end(),
                    text=" ".join(whole.group().split()),
                )
            return
        if self.ignore_case and not screened:
            # A phrase whose words are not all in the text is not compiled nor searched for.
            folded = fold_case(text)
            chosen = [i for i in chosen if all(stem in folded for stem in self._stems[i])]
        # Each phrase's next match at or after the cursor; the earliest wins, and at the same
        # start the one first in alternation order, exactly as one big alternation decides.
        upcoming: dict[int, re.Match[str] | None] = {
            i: self._pattern(i).search(text) for i in chosen
        }
        cursor = 0
        while True:
            best: re.Match[str] | None = None
            best_index = -1
            for i in chosen:
                found = upcoming[i]
                if found is not None and found.start() < cursor:
                    found = upcoming[i] = self._pattern(i).search(text, cursor)
                if found is not None and (best is None or found.start() < best.start()):
                    best, best_index = found, i
            if best is None:
                return
            yield PhraseMatch(
                phrase=self.phrases[best_index],
                start=best.start(),
                end=best.end(),
                text=" ".join(best.group().split()),
            )
            cursor = best.end() if best.end() > best.start() else best.start() + 1

    def search(self, text: str) -> PhraseMatch | None:
        return next(self.finditer(text), None)

    def in_blocks(
        self, blocks: Iterable[Block], words: ArticleWords | None = None
    ) -> Iterator[tuple[Block, PhraseMatch]]:
        """Every match in the blocks, in document order.

        With ``words``, the :func:`article_words` of the article the blocks belong to, only
        the phrases that could begin at its words are searched for, and none at all when there
        are none (most phrase lists, on most pages).
        """
        if words is None:
            for block in blocks:
                for match in self.finditer(block.text):
                    yield block, match
            return
        candidates = self.candidates(words.starts)
        if not candidates:
            return
        if not self.ignore_case:
            for block in blocks:
                for match in self._find(block.text, candidates, screened=False):
                    yield block, match
            return
        # Each word a candidate needs is looked for once in a block, however many candidates
        # need it; a candidate is kept when all of its words are there.
        stem_sets = self._stem_sets
        needed = frozenset().union(*(stem_sets[i] for i in candidates))
        folded_text = words.folded
        for block in blocks:
            text = block.text
            folded = folded_text(text)
            present = {stem for stem in needed if stem in folded}
            chosen = [i for i in candidates if stem_sets[i] <= present]
            for match in self._find(text, chosen, screened=True):
                yield block, match

    def first_in(
        self, blocks: Iterable[Block], words: ArticleWords | None = None
    ) -> tuple[Block, PhraseMatch] | None:
        return next(self.in_blocks(blocks, words), None)


@lru_cache(maxsize=512)
def matcher(phrases: tuple[str, ...], ignore_case: bool = True) -> PhraseMatcher:
    """A compiled matcher, shared by every rule and article that uses the same phrases."""
    return PhraseMatcher(phrases, ignore_case=ignore_case)


# Word beginnings are compared up to this many letters: long enough to tell "utilize" from
# "utility", short enough to keep each block's set small.
_LONGEST_START = 6
_SHORTEST_START = 3
_ALNUM_RUN = lazy(r"[^\W_]+")
_ASCII_HEAD = lazy(r"[a-z0-9]*")
# Every ASCII character that ``_ALNUM_RUN`` does not take (``[^\W_]`` is ``str.isalnum``) as a
# space.
_ASCII_ALNUM_ONLY = "".join(chr(c) if chr(c).isalnum() else " " for c in range(128))


# The characters besides ASCII letters that a case-blind regular expression matches to an
# ASCII letter: İ and ı match i, ſ matches s, the Kelvin sign matches k.
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold_case(text: str) -> str:
    """``text`` lower-cased so that an ASCII word a case-blind expression finds in it is a
    plain substring of the result."""
    if text.isascii():  # a flag of the string: nothing to translate
        return text.lower()
    return text.translate(_ASCII_FOLD).lower()


def _word_stems(phrase: str) -> tuple[str, ...]:
    """The ASCII words of ``phrase`` (3 letters or more, lower case, without a final y or e
    after a consonant and without what follows an apostrophe), each of which every match of
    the phrase contains as it is."""
    stems: list[str] = []
    for match in _TOKEN.finditer(phrase.strip()):
        if match.lastgroup == "word":
            word = _stem(match.group())
            if len(word) >= _SHORTEST_START and word.isascii():
                stems.append(word)
    return tuple(dict.fromkeys(stems))


def _stem(word: str) -> str:
    stem = re.split("['’‘ʼ]", word.lower())[0]
    if len(stem) >= 3 and stem[-1] in "ye" and stem[-2] not in _VOWELS:
        stem = stem[:-1]  # artery → arteries, cure → curing
    return stem


def _start_keys(phrase: str) -> tuple[str, ...]:
    """Beginnings of words (lower case, 3 to 6 letters) that every match of ``phrase``
    contains, each at the start of a word of its own: a text without all of them cannot hold
    the phrase. Empty when there are none (numbers only, short words).

    A word counts when it opens the phrase or follows a space: after a bare hyphen it may be
    glued to the word before ("breast-feeding" matches "breastfeeding"). A final y or e after
    a consonant is left out (artery → arteries, cure → curing), and so is everything after an
    apostrophe, which a match may leave out; a word with letters outside ASCII counts by the
    ASCII letters it starts with.
    """
    keys: list[str] = []
    word_start = True
    for match in _TOKEN.finditer(phrase.strip()):
        kind, value = match.lastgroup, match.group()
        if kind == "star":
            word_start = False  # the words around a wildcard still start runs, but keep it simple
            continue
        if kind == "sep":
            word_start = any(char.isspace() for char in value)
            continue
        if kind == "word" and word_start:
            # A word with a letter outside ASCII ("convulsión") keys on the ASCII letters it
            # starts with, which every way of writing it shares.
            head = _ASCII_HEAD.match(_stem(value))
            word = head.group() if head else ""
            if len(word) >= _SHORTEST_START:
                keys.append(word[:_LONGEST_START])
        word_start = False
    return tuple(dict.fromkeys(keys))


# word -> its beginnings: articles share most of their words.
_WORD_PREFIXES: dict[str, tuple[str, ...]] = {}
_MAX_WORD_PREFIXES = 200_000


def _prefixes(word: str) -> tuple[str, ...]:
    prefixes = tuple(
        word[:length] for length in range(_SHORTEST_START, min(len(word), _LONGEST_START) + 1)
    )
    if len(_WORD_PREFIXES) >= _MAX_WORD_PREFIXES:
        _WORD_PREFIXES.clear()
    _WORD_PREFIXES[word] = prefixes
    return prefixes


class ArticleWords:
    """What phrase screening reads of one article: every beginning (3 to 6 letters, lower
    case) of each word of its blocks, and each block's text case-folded (:func:`fold_case`),
    folded once for every phrase list that searches it."""

    __slots__ = ("_folded", "starts")

    def __init__(self, starts: frozenset[str]) -> None:
        self.starts = starts
        self._folded: dict[str, str] = {}

    def folded(self, text: str) -> str:
        folded = self._folded.get(text)
        if folded is None:
            folded = self._folded[text] = fold_case(text)
        return folded


def article_words(ctx: CheckContext) -> ArticleWords:
    """The article's :class:`ArticleWords`, once per article."""
    cached: ArticleWords | None = ctx.memo.get("phrase-article-words")
    if cached is None:
        cached = ctx.memo["phrase-article-words"] = ArticleWords(word_starts(ctx.article.blocks))
    return cached


def word_starts(blocks: Iterable[Block]) -> frozenset[str]:
    """Every beginning (3 to 6 letters, lower case) of each word of the blocks."""
    lowered = "\n".join(block.text for block in blocks).lower()
    if lowered.isascii():
        # Runs of ASCII letters and digits are what is left between the spaces once every
        # other character is a space: a C-speed translation instead of a search.
        words = set(lowered.translate(_ASCII_ALNUM_ONLY).split())
    else:
        words = set(_ALNUM_RUN.findall(lowered))
    known = _WORD_PREFIXES
    try:
        # Every word seen before: the set is built in C.
        return frozenset(chain.from_iterable(map(known.__getitem__, words)))
    except KeyError:
        return frozenset(
            chain.from_iterable(known[word] if word in known else _prefixes(word) for word in words)
        )


def blocks_in(ctx: CheckContext, roles: Iterable[Role]) -> list[Block]:
    """The article's blocks with these roles, in document order (computed once per article)."""
    wanted = tuple(sorted(set(roles)))
    key = "phrase-blocks:" + ",".join(wanted)
    blocks: list[Block] | None = ctx.memo.get(key)
    if blocks is None:
        blocks = [b for b in ctx.article.blocks if b.role in wanted]
        ctx.memo[key] = blocks
    return blocks


# Words that, just before a phrase, turn a claim into its denial: "there is no cure",
# "no medicine is completely safe", "we cannot guarantee".
_NEGATIONS = frozenset(
    {
        "no",
        "not",
        "never",
        "nothing",
        "none",
        "nor",
        "neither",
        "without",
        "cannot",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "doesn't",
        "don't",
        "didn't",
        "won't",
        "can't",
        "couldn't",
        "shouldn't",
        "hardly",
    }
)
_NEGATION_WINDOW = 3
_SENTENCE_END = lazy(r"[.!?;:]\s")
_WORDS = lazy(r"[\w'’]+")


def is_negated(text: str, start: int) -> bool:
    """True when one of the three words before ``start`` (same sentence) is a negation."""
    before = text[max(0, start - 80) : start]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    words = _WORDS.findall(before.lower().replace("’", "'"))[-_NEGATION_WINDOW:]
    return any(word in _NEGATIONS or word.endswith("n't") for word in words)


def context_snippet(text: str, start: int, end: int, words: int = 3) -> str:
    """The match with a few words either side, normalised: a fingerprint that survives line
    re-wrapping and edits elsewhere, yet tells two occurrences of one phrase apart."""
    before = _WORDS.findall(text[max(0, start - 60) : start])[-words:]
    after = _WORDS.findall(text[end : end + 60])[:words]
    return " ".join([*before, text[start:end], *after]).lower()


def match_hit(block: Block, match: PhraseMatch, *, suggestion: str | None) -> Hit:
    """A hit spanning a phrase match, fingerprinted by the words around it."""
    line, column = block_position(block, match.start)
    end_line, end_column = block_position(block, match.end)
    return Hit(
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        params={"match": match.text, "suggestion": suggestion or ""},
        suggestion=suggestion,
        snippet=context_snippet(block.text, match.start, match.end),
    )

"""An article's language from its own words, offline: a stop-word test.

Function words are the most frequent words of any text and barely overlap between
English and Spanish, so counting them separates the two on a paragraph or more
without a model.  Only the languages healthlint scores are told apart; text with
too few function words gives ``None`` and the caller keeps its default.
"""

from __future__ import annotations

from collections import Counter

from .lazy_regex import lazy

__all__ = ["STOP_WORDS", "detect_language"]

STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "is",
            "in",
            "that",
            "it",
            "for",
            "you",
            "with",
            "are",
            "be",
            "this",
            "on",
            "your",
            "or",
            "as",
            "can",
            "if",
            "not",
            "have",
            "by",
            "from",
            "at",
            "they",
            "will",
            "an",
            "may",
            "do",
            "was",
            "what",
            "when",
            "which",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "de",
            "del",
            "y",
            "que",
            "en",
            "un",
            "una",
            "es",
            "por",
            "con",
            "para",
            "se",
            "su",
            "sus",
            "no",
            "al",
            "lo",
            "como",
            "más",
            "pero",
            "usted",
            "puede",
            "o",
            "si",
            "le",
            "este",
            "esta",
            "son",
            "está",
            "hay",
            "cuando",
            "muy",
        ]
    ),
}

_WORD = lazy(r"[^\W\d_]+")
# Every ASCII character but a letter as a space.
_ASCII_LETTERS_ONLY = "".join(chr(c) if chr(c).isalpha() else " " for c in range(128))
# Below this many function words a count is noise (a title, a list of drug names).
MIN_HITS = 5
_SAMPLE_CHARS = 2000


def detect_language(text: str) -> str | None:
    """ "en" or "es" for the text, or None when it holds too few function words to tell."""
    # The first few hundred words decide as well as the whole text, at a fraction of the cost.
    counts = word_counts(text[:_SAMPLE_CHARS].lower())
    hits = {
        lang: sum(counts[word] for word in words if word in counts)
        for lang, words in STOP_WORDS.items()
    }
    best = max(hits, key=lambda lang: hits[lang])
    if hits[best] < MIN_HITS or list(hits.values()).count(hits[best]) > 1:
        return None
    return best


def word_counts(text: str) -> Counter[str]:
    """How often each word (a run of letters) occurs in ``text``."""
    if text.isascii():
        # ASCII words are the runs of letters left between spaces once every other character
        # is a space: a C-speed translation instead of a search.
        return Counter(text.translate(_ASCII_LETTERS_ONLY).split())
    return Counter(_WORD.findall(text))


def primary_subtag(tag: str) -> str:
    """ "es" for "es-MX", "es_ES" or "ES"."""
    return tag.replace("_", "-").split("-")[0].strip().lower()


def resolve_language(
    metadata: dict[str, object], markup: str | None, text: str, configured: str | None = None
) -> tuple[str, str]:
    """(language, source): front matter, the markup (<html lang>), configuration, else the text.

    The source is one of "front-matter", "markup", "config", "detected", "default".
    """
    for key in ("language", "lang"):
        value = metadata.get(key)
        if isinstance(value, str) and value.strip():
            return primary_subtag(value), "front-matter"
    if markup and markup.strip():
        return primary_subtag(markup), "markup"
    if configured and configured.strip():
        return primary_subtag(configured), "config"
    detected = detect_language(text)
    if detected is not None:
        return detected, "detected"
    return "en", "default"

"""Recognising an article's type when front matter and configuration do not say: from its
headings, else from what its first sentence calls its subject."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Literal

from .kinds.required_sections import heading_key
from .lazy_regex import compiled
from .models import Article
from .packs import ArticleTypeSpec

TypeSource = Literal["headings", "first-sentence"]

# How far into the article its first prose is looked for, and how much of it is read.
_FIRST_BLOCKS = 6
_FIRST_SENTENCE = 300
_TITLE_WORD = 4  # shortest title word that names the subject


def recognise_type(
    article: Article, types: Mapping[str, ArticleTypeSpec]
) -> tuple[str, TypeSource] | None:
    """The type whose identifying headings the article uses (the first heading deciding ties),
    else the type its first sentence says its subject is."""
    headings = [heading_key(s.title) for s in article.sections]
    best: tuple[int, int, str] | None = None
    for name, spec in types.items():
        keys = {heading_key(h) for h in spec.headings}
        positions = [i for i, h in enumerate(headings) if h in keys]
        if not positions:
            continue
        candidate = (-len(positions), positions[0], name)
        if best is None or candidate < best:
            best = candidate
    if best:
        return best[2], "headings"
    defined = [(name, spec.defined_as) for name, spec in types.items() if spec.defined_as]
    if not defined or not article.title:
        return None
    subject = _title_words(article.title)
    sentence = _first_sentence(article, subject)
    if not sentence:
        return None
    for name, nouns in defined:
        found = _definition(tuple(nouns)).search(sentence)
        # The title's subject must come before the definition: "Antibiotics are medicines",
        # not a condition page whose opening mentions "… which medicines can treat".
        if found and subject & _words(sentence[: found.start()]):
            return name, "first-sentence"
    return None


def _first_sentence(article: Article, subject: set[str]) -> str:
    """The first sentence of the opening prose that names the title's subject (a page may
    open with a pronunciation or a placeholder), folded as :func:`_plain` folds it."""
    from .language import primary_subtag
    from .readability.prose import split_sentences

    language = primary_subtag(article.language or "en")
    for block in article.blocks[: _FIRST_BLOCKS + 1]:
        if block.role == "prose" and not block.list_item:
            # The readability rules' splitter: "Dr." or "p. ej." does not end the sentence.
            first = split_sentences(block.text[:_FIRST_SENTENCE], language=language)[:1]
            sentence = _plain(" ".join(first[0].text.split())) if first else ""
            if subject & _words(sentence):
                return sentence
    return ""


def _plain(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c)
    )


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]+", _plain(text)) if len(w) >= _TITLE_WORD}


def _title_words(title: str) -> set[str]:
    # "Capecitabine - NCI": the site's name after a separator is not the subject.
    return _words(re.split(r"\s[-|–—:]\s", title, maxsplit=1)[0])


@lru_cache(maxsize=16)
def _definition(nouns: Sequence[str]) -> re.Pattern[str]:
    """'is/are/es/son [a/an/un/una …] [type of] [up to three words] <noun>' — the words
    between may not start a clause ("a condition that medicines treat")."""
    filler = r"(?:(?!(?:that|which|who|when|where|que|cual|cuando|donde)\b)[^\W\d_][\w'-]*,?\s+)"
    article_word = r"(?:(?:a|an|the|one|un|una|unos|unas|el|la|los|las)\s+)?"
    kind_of = r"(?:(?:type|kind|class|group|form|tipo|clase|grupo|forma)\s+(?:of|de)\s+)?"
    alternatives = "|".join(re.escape(_plain(noun)) for noun in nouns)
    return compiled(
        rf"\b(?:is|are|es|son)\s+{article_word}{kind_of}{filler}{{0,3}}?(?:{alternatives})s?\b",
        re.IGNORECASE,
    )

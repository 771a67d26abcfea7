"""Spanish syllable counts by rule, written for healthlint (no hyphenation data).

Spanish spelling maps closely to syllables, so counting the vowel nuclei is enough;
where the consonants go does not change the count, which is why consonant clusters
(pl, br, tr, ch, ll, rr ...) need no handling here.  The rules (Real Academia
Española, *Ortografía de la lengua española*, 2010, §1.4 on diphthongs, triphthongs
and hiatus):

* a, e, o are strong vowels; two strong vowels side by side are a hiatus (le-er);
* i, u (and ü) are weak; a weak vowel next to a strong one, or two different weak
  vowels, form one diphthong (cau-sa, ciu-dad), three a triphthong (buey);
* an accented í or ú breaks the diphthong (dí-a, ba-úl), so it counts as strong;
* the u of qu and of gu before e or i is silent (que-so, guía); ü is spoken (pin-güi-no);
* h between vowels is a consonant for counting (bú-ho, pro-hi-bir);
* y is a vowel only when no vowel follows it (hoy, muy, y).
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import lru_cache

from ..lazy_regex import lazy

__all__ = ["spanish_syllable_count"]

_STRONG = frozenset("aeoáéóíúàèòìù")
_WEAK = frozenset("iuüy")
_VOWELS = _STRONG | _WEAK
_SILENT_U = lazy(r"([qg])u(?=[eiéí])")


@lru_cache(maxsize=65536)
def spanish_syllable_count(word: str) -> int:
    """Syllables of one Spanish word; a word without vowels (a number, "mg") counts 1."""
    w = unicodedata.normalize("NFC", word.lower())
    w = _SILENT_U.sub(r"\1", w)
    count = 0
    group: list[str] = []
    for i, ch in enumerate(w):
        is_vowel = ch in _VOWELS and not (ch == "y" and i + 1 < len(w) and w[i + 1] in _VOWELS)
        if is_vowel:
            group.append(ch)
            continue
        count += _nuclei(group)
        group = []
    count += _nuclei(group)
    return max(count, 1)


def _nuclei(group: list[str]) -> int:
    if not group:
        return 0
    strong = sum(1 for ch in group if ch in _STRONG)
    if strong:
        return strong
    # Only weak vowels: one diphthong (ciu-dad, muy), but a doubled one is a hiatus (chi-i-ta).
    return 1 + sum(1 for a, b in itertools.pairwise(group) if a == b)

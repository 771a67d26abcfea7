"""healthlint's statistics must equal textstat's (with the full CMU dictionary)."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthlint.readability.prose import Sentence, join_sentences, split_sentences
from healthlint.readability.stats import (
    FORMULAS,
    SMOG_MIN_SENTENCES,
    TextStatistics,
    hardest_sentences,
    sentence_difficulty,
)
from healthlint.readability.textstat_adapter import (
    install_pronunciations,
    textstat_counts,
    textstat_module,
    textstat_scores,
)

Pronunciations = dict[str, list[list[str]]]

pytestmark = pytest.mark.usefixtures("reference_textstat")

# Original sample prose in different registers: plain advice, dense clinical
# wording, lists, numbers, abbreviations, quotes and questions.
ARTICLES: dict[str, list[tuple[str, bool]]] = {
    "plain-advice": [
        (
            "A cold usually gets better on its own in about a week. Rest, drink plenty of "
            "fluids and keep warm. You don't need to see a doctor.",
            False,
        ),
        ("Call 111 if:", False),
        ("you're worried about a baby under 3 months", True),
        ("your symptoms get worse after 3 weeks", True),
        ("you have a high temperature or feel hot and shivery; or", True),
        ("Call 911 or 988 in an emergency. Don't wait.", False),
    ],
    "clinical": [
        (
            "Hyperglycaemia, or raised blood glucose, is a common complication of poorly "
            "controlled diabetes mellitus and can precipitate diabetic ketoacidosis, a "
            "potentially life-threatening metabolic emergency characterised by acidosis.",
            False,
        ),
        (
            "Pharmacological management typically involves subcutaneous insulin administration "
            "alongside intravenous rehydration and electrolyte replacement, e.g. potassium.",
            False,
        ),
    ],
    "dosing": [
        (
            "Give children 2.5 ml of the syrup every 4 to 6 hours. Don't give more than "
            "4 doses in 24 hours. Adults can take 500 mg tablets, i.e. one or two at a time.",
            False,
        ),
        ("Use 0.5% hydrocortisone cream twice a day for no more than 7 days.", False),
        ("Take the first dose at 8 a.m. Take the second at 8 p.m. with food.", False),
    ],
    "people-and-places": [
        (
            "Dr. A. Patel and Mrs. J. Osei reviewed this page on behalf of the U.S. "
            "Centers for Disease Control and Prevention. St. John's wort interacts with "
            "many medicines, etc. Ask a pharmacist.",
            False,
        ),
        (
            '"Is it contagious?" people often ask. "No!" is the short answer. Is that all? '
            "Not quite... it depends.",
            False,
        ),
    ],
    "short-sentences": [
        ("Stop. Breathe. Sit down. Call 999. Wait here. Help is coming soon.", False),
    ],
    "long-sentence": [
        (
            "If you notice that the rash is spreading quickly across your chest, back or "
            "arms, especially when it comes with a fever, a stiff neck, confusion, unusual "
            "sleepiness or a dislike of bright lights, you should seek emergency medical "
            "help straight away because these can be early signs of meningitis or sepsis, "
            "which need urgent treatment in hospital.",
            False,
        ),
    ],
    "mixed-case-and-contractions": [
        (
            "YOU'LL FEEL BETTER SOON. It's normal to feel tired; we've all been there. "
            "Patients' families shouldn't worry, and they'd be right not to.",
            False,
        ),
        (
            "Long-term use of non-steroidal anti-inflammatory drugs (NSAIDs) such as "
            "ibuprofen can irritate the stomach lining.",
            False,
        ),
    ],
    "unicode": [
        (
            "Café owners in Zürich reported a naïve approach to food hygiene — "
            "the inspectors’ report said so.",
            False,
        ),
        ("Temperatures above 38°C need attention… Talk to your GP.", False),
    ],
}


def article_sentences(blocks: list[tuple[str, bool]]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for line, (block, list_item) in enumerate(blocks, start=1):
        sentences.extend(split_sentences(block, line=line, list_item=list_item))
    return sentences


def assert_matches_textstat(stats: TextStatistics) -> None:
    reference = textstat_scores(stats.text)
    ours = {formula: stats.score(formula) for formula in FORMULAS}
    assert ours == reference
    for formula in ("smog", "flesch-kincaid", "flesch-reading-ease"):
        assert math.isclose(ours[formula], reference[formula], abs_tol=0.01)
    counts = textstat_counts(stats.text)
    assert {name: getattr(stats, name) for name in counts} == counts


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_scores_equal_textstat(name: str) -> None:
    sentences = article_sentences(ARTICLES[name])
    stats = TextStatistics(sentences)
    assert stats.text == join_sentences(sentences)
    assert_matches_textstat(stats)


def test_all_articles_together() -> None:
    sentences = [s for blocks in ARTICLES.values() for s in article_sentences(blocks)]
    assert_matches_textstat(TextStatistics(sentences))


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "...",
        "Hello",
        "Call 911.",
        "Rest now. Sleep.",
        "Take 2.5 mg daily. It's 0.5% stronger! Why? Because.",
        "e.g. the U.S. and U.K. agree",
        "'Tis the season — 'twas ever thus; don't 'round up' numbers",
        "ΟΔΟΣ ΑΣ'S and ὈΔΥΣΣΕΎΣ met İstanbul's doctors.",
        "0XİA0 İNSÜLİNİZASYON",  # lower-casing "İ" adds a combining mark
        "tab\tseparated\u00a0and\u2003spaced words here.",
    ],
)
def test_raw_text_scores_equal_textstat(text: str) -> None:
    assert_matches_textstat(TextStatistics.from_text(text))


def test_empty_statistics() -> None:
    stats = TextStatistics([])
    assert stats.sentence_count == stats.word_count == 0
    assert all(stats.score(formula) == 0.0 for formula in FORMULAS)


def test_short_sentences_count_words_but_not_sentences() -> None:
    stats = TextStatistics(split_sentences("Call 911. Do it now, please."))
    assert len(stats.sentences) == 2
    assert stats.sentence_count == 1
    assert stats.word_count == 6


def test_numbers_count_as_one_word_of_one_syllable() -> None:
    stats = TextStatistics(split_sentences("Call 911 or 988."))
    assert (stats.word_count, stats.syllable_count, stats.letter_count) == (4, 4, 12)


def test_unknown_formula_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown readability formula 'fog'"):
        TextStatistics([]).score("fog")


def test_smog_minimum_sample_constant() -> None:
    assert SMOG_MIN_SENTENCES == 30


def test_table_backed_textstat_equals_reference(cmu_reference: Pronunciations) -> None:
    text = join_sentences(s for blocks in ARTICLES.values() for s in article_sentences(blocks))
    reference = textstat_scores(text)
    install_pronunciations(None)
    try:
        assert textstat_scores(text) == reference
    finally:
        install_pronunciations(cmu_reference)


def test_sentence_difficulty_explains_hard_sentences() -> None:
    sentence = split_sentences(ARTICLES["long-sentence"][0][0])[0]
    difficulty = sentence_difficulty(sentence)
    assert difficulty.words == 58
    assert difficulty.grade == textstat_module().flesch_kincaid_grade(sentence.text)
    assert "emergency" in difficulty.polysyllables
    assert "spreading" in difficulty.long_words
    assert difficulty.reasons() == [
        "58 words",
        "long words: especially, confusion, unusual, sleepiness, emergency (+3 more)",
    ]
    assert difficulty.reasons(long_sentence_words=60, max_listed=8) == [
        "long words: especially, confusion, unusual, sleepiness, emergency, medical, "
        "meningitis, hospital"
    ]


def test_sentence_difficulty_shows_words_as_written() -> None:
    difficulty = sentence_difficulty(Sentence("Long-term (anti-inflammatory) use.", 1, 1))
    assert difficulty.long_words == ("Long-term", "anti-inflammatory")
    assert difficulty.polysyllables == ("anti-inflammatory",)
    assert difficulty.words == 3


def test_hardest_sentences_come_first() -> None:
    sentences = article_sentences(ARTICLES["plain-advice"] + ARTICLES["clinical"])
    hardest = hardest_sentences(sentences, limit=2)
    assert {d.sentence for d in hardest} == set(sentences[-2:])
    grades = [sentence_difficulty(s).grade for s in sentences]
    assert [d.grade for d in hardest] == sorted(grades, reverse=True)[:2]
    assert TextStatistics(sentences).hardest_sentences(2) == hardest


# --- generated prose --------------------------------------------------------------

_EXTRA_WORDS = [
    "911", "988", "2.5", "0.5%", "24/7", "COVID-19", "don't", "it's", "patients'",
    "long-term", "e.g.", "i.e.", "Dr.", "U.S.", "a.m.", "etc.", "vs.", "No.", "J.",
    "(see", "below)", '"stop"', "café", "naïve", "—", "–", "...", "…", "?", "!", ";",
    ",", ":", "xyzzyq", "glucosamine", "metforminish", "HbA1c", "mg/dL", "&",
]  # fmt: skip


@pytest.fixture(scope="module")
def vocabulary(cmu_reference: Pronunciations) -> list[str]:
    rng = random.Random(20240611)
    dictionary_words = sorted(w for w in cmu_reference if w.isalpha())
    sample = rng.sample(dictionary_words, 3000)
    return sample + [w.capitalize() for w in sample[:300]] + _EXTRA_WORDS


@st.composite
def prose_blocks(draw: st.DrawFn, vocabulary: list[str]) -> tuple[str, bool]:
    words = st.sampled_from(vocabulary)
    sentences = draw(st.lists(st.lists(words, min_size=1, max_size=30), min_size=1, max_size=8))
    endings = st.sampled_from([".", ".", ".", "?", "!", "", "...", "\n", ".\n"])
    parts = []
    for sentence in sentences:
        text = " ".join(sentence)
        parts.append(text[:1].upper() + text[1:] + draw(endings))
    return " ".join(parts), draw(st.booleans())


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_generated_prose_scores_equal_textstat(data: st.DataObject, vocabulary: list[str]) -> None:
    blocks = data.draw(st.lists(prose_blocks(vocabulary), min_size=1, max_size=4))
    sentences = article_sentences(blocks)
    assert_matches_textstat(TextStatistics(sentences))


@settings(max_examples=400, deadline=None)
@given(text=st.text(max_size=200))
def test_arbitrary_text_scores_equal_textstat(text: str) -> None:
    assert_matches_textstat(TextStatistics.from_text(text))


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_arbitrary_blocks_split_and_score_like_textstat(text: str) -> None:
    assert_matches_textstat(TextStatistics(split_sentences(text)))

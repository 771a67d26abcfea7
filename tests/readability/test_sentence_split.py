from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from healthlint.readability.prose import Sentence, join_sentences, split_sentences
from healthlint.readability.stats import TextStatistics


def texts(block: str, *, list_item: bool = False) -> list[str]:
    return [s.text for s in split_sentences(block, list_item=list_item)]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "Dr. Patel and Mr. Jones met Mrs. Lee and Ms. Khan. They agreed.",
            ["Dr Patel and Mr Jones met Mrs Lee and Ms Khan.", "They agreed."],
        ),
        (
            "Take St. John's wort only with advice. Ask first.",
            ["Take St John's wort only with advice.", "Ask first."],
        ),
        (
            "Eat oily fish, e.g. salmon, twice a week. Fresh fruit, i.e. not juice, helps.",
            ["Eat oily fish, eg salmon, twice a week.", "Fresh fruit, ie not juice, helps."],
        ),
        (
            "Pack plasters, wipes, etc. and keep them dry. Bring a map, a torch, etc. Then go.",
            ["Pack plasters, wipes, etc and keep them dry.", "Bring a map, a torch, etc.",
             "Then go."],
        ),
        (
            "Compare rest vs. exercise for back pain. Both help.",
            ["Compare rest vs exercise for back pain.", "Both help."],
        ),
        (
            "Take one at 8 a.m. Take another at 6 p.m. and one at bedtime.",
            ["Take one at 8 am.", "Take another at 6 pm and one at bedtime."],
        ),
        (
            "The U.S. Food and Drug Administration approved it in 2019. It is safe.",
            ["The US Food and Drug Administration approved it in 2019.", "It is safe."],
        ),
        (
            "Use approx. 5 ml each time. Approx. half of people need more.",
            ["Use approx 5 ml each time.", "Approx half of people need more."],
        ),
        (
            "See form No. 12 for details. The answer is No. Do not drive.",
            ["See form No 12 for details.", "The answer is No.", "Do not drive."],
        ),
        (
            "J. Smith and A. B. Jones wrote the guide. It was reviewed by K. Osei.",
            ["J Smith and A B Jones wrote the guide.", "It was reviewed by K Osei."],
        ),
        (
            "Many people lack vitamin D. Sunlight helps. Hepatitis B. It spreads through blood.",
            ["Many people lack vitamin D.", "Sunlight helps.", "Hepatitis B.",
             "It spreads through blood."],
        ),
    ],
)  # fmt: skip
def test_abbreviations_do_not_split_sentences(block: str, expected: list[str]) -> None:
    assert texts(block) == expected


def test_decimals_keep_their_digits_and_do_not_split() -> None:
    assert texts("Give 2.5 mg of the syrup. Apply 0.5% cream twice daily.") == [
        "Give 2·5 mg of the syrup.",
        "Apply 0·5% cream twice daily.",
    ]


def test_sentence_ending_in_a_decimal() -> None:
    assert texts("The normal level is below 5.7. Ask your nurse.") == [
        "The normal level is below 5·7.",
        "Ask your nurse.",
    ]


def test_numbers_are_kept_as_written() -> None:
    assert texts("Call 911 or 988 now. Call 911 again if needed.") == [
        "Call 911 or 988 now.",
        "Call 911 again if needed.",
    ]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("Drink plenty of water", ["Drink plenty of water."]),
        ("Symptoms include:", ["Symptoms include."]),
        ("Rest (see below)", ["Rest (see below)."]),
        ('He said "stop." Then he left', ['He said "stop."', "Then he left."]),
    ],
)
def test_block_end_closes_a_sentence(block: str, expected: list[str]) -> None:
    assert texts(block) == expected


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("a high temperature", ["a high temperature."]),
        ("a cough,", ["a cough."]),
        ("feeling sick; or", ["feeling sick."]),
        ("chills and", ["chills."]),
        ("Rest. Drink fluids", ["Rest.", "Drink fluids."]),
        ("Take 2.5 ml", ["Take 2·5 ml."]),
    ],
)
def test_list_items_end_as_sentences(item: str, expected: list[str]) -> None:
    assert texts(item, list_item=True) == expected


def test_paragraph_keeps_trailing_conjunction() -> None:
    assert texts("Rest and") == ["Rest and."]


def test_question_and_exclamation_marks() -> None:
    assert texts('Is it serious? "Why?" she asked. Go now! Wait... then rest. Then... Sleep.') == [
        "Is it serious?",
        '"Why," she asked.',
        "Go now!",
        "Wait… then rest.",
        "Then...",
        "Sleep.",
    ]


def test_unicode_ellipsis_ends_with_a_textstat_terminator() -> None:
    assert texts("It might pass… Or it might not") == ["It might pass...", "Or it might not."]


def test_line_numbers_advance_across_line_breaks() -> None:
    block = "First sentence here.\nIt wraps onto\nthe next line. Third\n   one starts here."
    sentences = split_sentences(block, line=7, column=3)
    assert sentences == [
        Sentence("First sentence here.", 7, 3),
        Sentence("It wraps onto the next line.", 8, 1),
        Sentence("Third one starts here.", 9, 16),
    ]


def test_leading_whitespace_and_indented_continuation_lines() -> None:
    block = "  \n  Start here. Go on\n    to the end.\n    Last one."
    assert split_sentences(block, line=1, column=5) == [
        Sentence("Start here.", 2, 3),
        Sentence("Go on to the end.", 2, 15),
        Sentence("Last one.", 4, 5),
    ]


def test_blocks_without_words_give_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n ") == []
    assert split_sentences("... --- !!!") == []


_WORDS = st.sampled_from(
    [
        "the", "patients", "Dr.", "Mrs.", "e.g.", "i.e.", "U.S.", "a.m.", "etc.", "No.",
        "2.5", "0.5%", "911", "988", "don't", "it's", "long-term", "(glucose)", '"stop"',
        "J.", "vitamin", "D.", "insulin", "hyperglycaemia", "nhs.uk", "approx.", "café",
        "?", "!", "...", "…", ",", ";", ":", "—", "\n", "  ", "Why?", "No!", "Yes.",
    ]
)  # fmt: skip
_BLOCKS = st.lists(_WORDS, min_size=1, max_size=40).map(" ".join)
_SENTENCE_RUN = re.compile(r"\b[^.!?]+[.!?]*")


@settings(max_examples=300, deadline=None)
@given(block=_BLOCKS, list_item=st.booleans())
def test_each_sentence_is_one_textstat_sentence(block: str, list_item: bool) -> None:
    sentences = split_sentences(block, list_item=list_item)
    for sentence in sentences:
        assert re.search(r"\w", sentence.text)
        # Only the final run may hold sentence terminators, so textstat's sentence
        # regex sees exactly one sentence per Sentence.
        assert len(_SENTENCE_RUN.findall(sentence.text)) == 1
        assert re.search(r"[.!?][\"'”’)\]»]*$", sentence.text)
    stats = TextStatistics(sentences)
    long_enough = sum(1 for s in sentences if TextStatistics([s]).word_count > 2)
    assert stats.sentence_count == (max(1, long_enough) if sentences else 0)


@settings(max_examples=300, deadline=None)
@given(block=_BLOCKS, line=st.integers(1, 50), column=st.integers(1, 9))
def test_positions_point_at_sentence_starts(block: str, line: int, column: int) -> None:
    lines = block.split("\n")
    previous = (0, 0)
    for sentence in split_sentences(block, line=line, column=column):
        row = sentence.line - line
        col = sentence.column - (column if row == 0 else 1)
        assert 0 <= row < len(lines)
        assert not lines[row][col].isspace()
        assert (sentence.line, sentence.column) > previous
        previous = (sentence.line, sentence.column)


def test_join_sentences_uses_single_spaces() -> None:
    sentences = split_sentences("One two three.\nFour five six.")
    assert join_sentences(sentences) == "One two three. Four five six."


def test_a_forced_line_break_ends_what_comes_before_it() -> None:
    block = "Ask about these registries:\n\nThe Burn Pit Registry\nThe Gulf War Registry"
    sentences = split_sentences(block, line=5, breaks=(1, 2))
    assert [(s.text, s.line) for s in sentences] == [
        ("Ask about these registries.", 5),
        ("The Burn Pit Registry.", 7),
        ("The Gulf War Registry.", 8),
    ]
    # Without breaks the lines are one sentence, as a hard-wrapped paragraph is.
    assert len(split_sentences(block, line=5)) == 1


def test_a_break_inside_a_finished_sentence_changes_nothing() -> None:
    assert texts("Rest well.\nDrink water.") == ["Rest well.", "Drink water."]
    assert [s.text for s in split_sentences("Rest well.\nDrink water.", breaks=(0,))] == [
        "Rest well.",
        "Drink water.",
    ]


def test_a_label_that_opens_a_block_is_read_on_its_own() -> None:
    assert texts("Chest discomfort: You may feel pain or pressure in the middle of the chest.") == [
        "Chest discomfort.",
        "You may feel pain or pressure in the middle of the chest.",
    ]
    # A colon inside a sentence, or before a lower-case word, does not split it.
    assert texts("Bring these to the visit: your medicines and your notes.") == [
        "Bring these to the visit: your medicines and your notes."
    ]
    assert len(texts("Ask about one thing first, then the rest of the things you want: Yes.")) == 1

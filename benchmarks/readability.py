"""Readability benchmark: healthlint's TextStatistics vs textstat, and cold start.

    .venv/bin/python benchmarks/readability.py [--articles 1000] [--seed 7] [--runs 21]

1. Generates ``--articles`` varied health articles (deterministic for a seed),
   splits them into sentences and times, per article and in alternating order,
   healthlint's ``TextStatistics(sentences)`` + SMOG + Flesch-Kincaid against
   textstat's ``smog_index`` + ``flesch_kincaid_grade`` on the same cleaned prose
   (textstat patched with the same syllable table).  Before every measurement
   textstat's ``lru_cache``s and healthlint's Pyphen-fallback cache are emptied, so
   neither side reuses work from an earlier article; both share the loaded syllable
   table and Pyphen's own per-word hyphenation cache.  Scores are checked equal.
2. Measures the cold-start cost of the syllable table: median wall time of
   ``python -c "import healthlint.readability.syllables as s; s.syllable_count('x')"``
   minus that of ``python -c pass`` (runs alternate); importing the module without
   loading the table is timed too, to separate import cost from table cost.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable

from healthlint.readability.prose import Sentence, join_sentences, split_sentences
from healthlint.readability.stats import TextStatistics, clear_word_caches
from healthlint.readability.syllables import fallback_syllables
from healthlint.readability.textstat_adapter import clear_textstat_caches, textstat_module

CONDITIONS = [
    "asthma", "eczema", "migraine", "type 2 diabetes", "high blood pressure", "gout",
    "chickenpox", "hay fever", "irritable bowel syndrome", "osteoarthritis", "anaemia",
    "hypothyroidism", "atrial fibrillation", "psoriasis", "tonsillitis", "shingles",
    "chronic obstructive pulmonary disease", "urinary tract infection", "glaucoma",
]  # fmt: skip
SYMPTOMS = [
    "a cough", "a high temperature", "feeling sick", "headaches", "tiredness", "itchy skin",
    "shortness of breath", "dizziness", "joint pain", "a sore throat", "blurred vision",
    "unexplained weight loss", "palpitations", "swelling in your ankles", "diarrhoea",
    "persistent abdominal discomfort", "difficulty concentrating", "night sweats",
]  # fmt: skip
MEDICINES = [
    "paracetamol", "ibuprofen", "an antihistamine", "a steroid inhaler", "metformin",
    "levothyroxine", "an emollient cream", "amoxicillin", "a beta blocker", "omeprazole",
]  # fmt: skip
PEOPLE = ["your GP", "a pharmacist", "your nurse", "Dr. Okafor", "your specialist team"]
TIMES = ["8 a.m.", "6 p.m.", "bedtime", "breakfast", "lunchtime"]
DOSES = ["2.5 ml", "5 ml", "500 mg", "0.5 mg", "1 tablet", "2 puffs", "10 mg"]
ADVERBS = ["usually", "often", "sometimes", "rarely", "gradually", "suddenly", "occasionally"]
CONNECTORS = ["However,", "Also,", "In most cases,", "For some people,", "Sometimes", "Often"]


def _sentence(rng: random.Random) -> str:
    c, s, m = rng.choice(CONDITIONS), rng.choice(SYMPTOMS), rng.choice(MEDICINES)
    who, when, dose = rng.choice(PEOPLE), rng.choice(TIMES), rng.choice(DOSES)
    adv, conn = rng.choice(ADVERBS), rng.choice(CONNECTORS)
    templates = [
        f"{c.capitalize()} can cause {s}.",
        "Rest.",
        f"Call 911 if you have {s} and it gets worse quickly.",
        "Call 988 if you feel unsafe or need someone to talk to.",
        f"Take {dose} of {m} at {when}, e.g. with a glass of water.",
        f"Speak to {who} if {s} lasts longer than 2 weeks.",
        f"{conn} {s} {adv} gets better without treatment.",
        f"Don't stop taking {m} without talking to {who} first.",
        f"It's {adv} caused by an infection, i.e. a virus or bacteria.",
        f"Is {s} a sign of {c}?",
        f"About 1 in 10 adults in the U.S. has {c}, and many don't know it.",
        f"Keep a diary of when {s} happens, what you were doing and what you ate.",
        f"{m.capitalize()} works by reducing inflammation and is {adv} well tolerated, "
        f"although some people notice {s} during the first few weeks of treatment.",
        f"If {c} is not treated, complications such as {s} or {rng.choice(SYMPTOMS)} "
        f"may develop, which is why regular monitoring by {who} is recommended.",
        "Most people recover within 7 to 10 days!",
        f"Physiotherapy, occupational therapy and psychological support can be "
        f"considerably beneficial for individuals experiencing {c}.",
        f'Dr. A. Mensah says: "{conn} {s} isn\'t dangerous."',
    ]
    return rng.choice(templates)


def make_article(rng: random.Random) -> list[tuple[str, bool]]:
    """An article as (block, is_list_item) pairs; paragraphs are hard-wrapped."""
    blocks: list[tuple[str, bool]] = []
    target_words = int(rng.lognormvariate(6.2, 0.35))  # median about 500 words
    words = 0
    while words < target_words:
        if rng.random() < 0.2:
            for _ in range(rng.randint(2, 6)):
                item = rng.choice(SYMPTOMS + MEDICINES + CONDITIONS)
                blocks.append((item + rng.choice(["", "", ",", ";", "; or"]), True))
                words += len(item.split())
            continue
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(1, 6)))
        words += len(paragraph.split())
        blocks.append(("\n".join(textwrap.wrap(paragraph, rng.randint(50, 90))), False))
    return blocks


def article_sentences(blocks: list[tuple[str, bool]]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for line, (block, list_item) in enumerate(blocks, start=1):
        sentences.extend(split_sentences(block, line=line, list_item=list_item))
    return sentences


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench_scores(articles: int, seed: int) -> None:
    rng = random.Random(seed)
    corpus = [make_article(rng) for _ in range(articles)]
    ts = textstat_module()
    # Load shared resources (syllable table, easy words, Pyphen) outside the timings.
    TextStatistics(article_sentences(corpus[0])).smog()
    ts.smog_index(join_sentences(article_sentences(corpus[0])))

    ours: list[float] = []
    ours_with_split: list[float] = []
    theirs: list[float] = []
    word_counts: list[int] = []
    for index, blocks in enumerate(corpus):
        sentences = article_sentences(blocks)
        text = join_sentences(sentences)

        def run_ours(sentences: list[Sentence] = sentences) -> tuple[float, float]:
            stats = TextStatistics(sentences)
            return stats.smog(), stats.flesch_kincaid_grade()

        def run_ours_with_split(blocks: list[tuple[str, bool]] = blocks) -> None:
            stats = TextStatistics(article_sentences(blocks))
            stats.smog()
            stats.flesch_kincaid_grade()

        def run_textstat(text: str = text) -> tuple[float, float]:
            return ts.smog_index(text), ts.flesch_kincaid_grade(text)

        def clear_our_caches() -> None:
            # lowered_syllable_count also remembers fallback counts.
            fallback_syllables.cache_clear()
            clear_word_caches()

        def measure_ours() -> None:
            clear_our_caches()
            ours.append(_timed(run_ours))
            clear_our_caches()
            ours_with_split.append(_timed(run_ours_with_split))

        def measure_textstat() -> None:
            clear_textstat_caches()
            theirs.append(_timed(run_textstat))

        for measure in (measure_ours, measure_textstat)[:: 1 if index % 2 else -1]:
            measure()
        clear_textstat_caches()
        if run_ours() != run_textstat():
            raise SystemExit(f"scores differ for article {index}")
        word_counts.append(TextStatistics(sentences).word_count)

    def median_ms(samples: list[float]) -> float:
        return statistics.median(samples) * 1000.0

    med_ours, med_split, med_theirs = map(median_ms, (ours, ours_with_split, theirs))
    print(
        f"articles: {articles} (seed {seed}), words per article: median "
        f"{statistics.median(word_counts):.0f}, range {min(word_counts)}-{max(word_counts)}"
    )
    print("per-article SMOG + Flesch-Kincaid, median ms:")
    print(f"  textstat (text)                      {med_theirs:7.3f}")
    print(
        f"  healthlint TextStatistics(sentences) {med_ours:7.3f}"
        f"   ratio {med_ours / med_theirs:.2f}"
    )
    print(
        f"  healthlint split_sentences + stats   {med_split:7.3f}"
        f"   ratio {med_split / med_theirs:.2f}"
    )
    print(
        f"  totals s: textstat {sum(theirs):.3f}, TextStatistics {sum(ours):.3f}, "
        f"split + stats {sum(ours_with_split):.3f}"
    )


def _wall(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def bench_cold_start(runs: int) -> None:
    commands = {
        "python -c pass": "pass",
        "import syllables (no table)": "import healthlint.readability.syllables",
        "import syllables + syllable_count": (
            "import healthlint.readability.syllables as s; s.syllable_count('x')"
        ),
    }
    samples: dict[str, list[float]] = {label: [] for label in commands}
    for index in range(runs):
        order = list(commands.items())
        for label, code in order[:: 1 if index % 2 else -1]:
            samples[label].append(_wall(code))
    medians = {label: statistics.median(times) * 1000.0 for label, times in samples.items()}
    base = medians["python -c pass"]
    print(f"cold start, median of {runs} runs, ms:")
    for label, value in medians.items():
        added = "" if label == "python -c pass" else f"   added {value - base:.1f}"
        print(f"  {label:<36} {value:7.1f}{added}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=21, help="cold-start runs per command")
    args = parser.parse_args(argv)
    print(f"Python {sys.version.split()[0]}")
    bench_scores(args.articles, args.seed)
    bench_cold_start(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

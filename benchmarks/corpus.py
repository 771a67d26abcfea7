"""Generate a corpus of synthetic health articles for benchmarks.

Articles are built from original sentence templates, in Markdown, plain text and HTML, 300 to
1,500 words each, with a realistic share of defects (stale dates, missing sections, missing
caveats, jargon). The same seed always gives the same corpus.

    python benchmarks/corpus.py OUT_DIR --count 1000 [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

TOPICS = [
    ("Knee Replacement", "treatment"),
    ("Flu Shot", "treatment"),
    ("Allergy Testing", "test"),
    ("Blood Sugar Test", "test"),
    ("Ear Infection", "condition"),
    ("Back Pain", "condition"),
    ("Ibuprofen", "medicine"),
    ("Sprained Wrist", "care-sheet"),
    ("Asthma", "condition"),
    ("Colonoscopy", "test"),
    ("Physical Therapy", "treatment"),
    ("Heartburn", "condition"),
]
SECTIONS = {
    "treatment": [
        "Treatment Overview",
        "Why It Is Done",
        "How Well It Works",
        "Risks",
        "What To Think About",
    ],
    "test": [
        "Test Overview",
        "Why It Is Done",
        "How To Prepare",
        "How It Is Done",
        "Risks",
        "Results",
    ],
    "condition": ["Overview", "Symptoms", "Causes", "Treatment", "When To Call a Doctor"],
    "medicine": ["Overview", "How It Works", "How Well It Works", "Side Effects", "Precautions"],
    "care-sheet": [
        "Your Care Instructions",
        "How Can You Care for Yourself at Home",
        "When Should You Call for Help",
    ],
}
SUBJECTS = [
    "Your doctor",
    "A nurse",
    "Most people",
    "Many adults",
    "Some children",
    "You",
    "Your care team",
    "The test",
    "This treatment",
    "Rest",
]
VERBS = [
    "can help",
    "may ease",
    "often improves",
    "will check",
    "can lower",
    "may change",
    "helps you manage",
    "can show",
    "may reduce",
    "tends to speed up",
]
OBJECTS = [
    "the pain in a few days",
    "how well your body heals",
    "the swelling",
    "your sleep",
    "your risk of problems later",
    "the amount of sugar in your blood",
    "stiff joints",
    "how much you can move",
    "the chance of infection",
    "your energy during the day",
]
TAILS = [
    "",
    " after a week or two",
    " if you follow the plan",
    " for most people",
    " when you take it with food",
    " over time",
    " before your next visit",
]
HARD = [
    "Postoperative rehabilitation necessitates comprehensive multidisciplinary "
    "collaboration between physiotherapists and orthopaedic specialists.",
    "Physicians may utilize pharmacological interventions prior to surgical consideration.",
]


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.04:
        return rng.choice(HARD)
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def article(rng: random.Random, index: int) -> tuple[str, str]:
    title, kind = rng.choice(TOPICS)
    sections = list(SECTIONS[kind])
    if rng.random() < 0.1:
        sections.pop(rng.randrange(len(sections)))
    words_target = rng.randint(300, 1500)
    per_section = max(2, words_target // (8 * len(sections) * 2))
    year = rng.choice([2021, 2023, 2024, 2025, 2026, 2026])
    reviewed = f"{rng.choice(['March', 'June', 'October'])} {rng.randint(1, 28)}, {year}"
    disclaimer = rng.random() > 0.05
    fmt = rng.choice(["md", "txt", "html"])
    body: list[tuple[str, list[str]]] = [
        (name, [paragraph(rng, per_section) for _ in range(2)]) for name in sections
    ]
    if rng.random() < 0.1:
        body[-1][1].append("Call 911 if you have chest pain or trouble breathing.")
    note = "This information does not replace the advice of a doctor." if disclaimer else ""
    credits = [
        f"Last reviewed: {reviewed}",
        "Author: Health Library Staff",
        "Medical Review: Jordan Lee MD - Family Medicine",
    ]
    name = f"{index:05d}-{title.lower().replace(' ', '-')}.{fmt}"
    if fmt == "md":
        parts = [f"---\ntitle: {title}\ntype: {kind}\n---", f"# {title}", note]
        for heading, paragraphs in body:
            parts += [f"## {heading}", *paragraphs]
        parts += ["## Credits", *credits]
        return name, "\n\n".join(p for p in parts if p) + "\n"
    if fmt == "txt":
        parts = [title, note]
        for heading, paragraphs in body:
            parts += [heading, *paragraphs]
        parts += ["Credits", *credits]
        return name, "\n\n".join(p for p in parts if p) + "\n"
    html = [
        "<!DOCTYPE html><html><head><title>" + title + "</title></head><body>",
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/a-z'>A-Z</a></li></ul></nav>",
        "<main>",
        f"<h1>{title}</h1>",
        f"<p>{note}</p>" if note else "",
    ]
    for heading, paragraphs in body:
        html.append(f"<h2>{heading}</h2>")
        html += [f"<p>{p}</p>" for p in paragraphs]
    html += [
        "<h2>Credits</h2>",
        *[f"<p>{c}</p>" for c in credits],
        "</main>",
        "<footer><a href='/disclaimer'>Disclaimer</a></footer></body></html>",
    ]
    return name, "\n".join(h for h in html if h) + "\n"


def generate(out: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        name, text = article(rng, index)
        path = out / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)
    print(f"wrote {args.count} articles to {args.out}")


if __name__ == "__main__":
    main()

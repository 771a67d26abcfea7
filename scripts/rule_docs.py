"""Write the documentation page of every built-in rule into docs/rules/ (one page per rule and
an index), from the rules' YAML. A test checks that the pages in the repository are current.

    python scripts/rule_docs.py            # write docs/rules/
    python scripts/rule_docs.py --check    # exit 1 if a page is missing or out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from healthlint.explain import rule_page
from healthlint.packs import load_rules

FOLDER = Path(__file__).resolve().parent.parent / "docs" / "rules"


def pages() -> dict[str, str]:
    ruleset = load_rules(["default"])
    specs = sorted(ruleset.rules.values(), key=lambda spec: spec.id)
    written = {f"{spec.id}.md": rule_page(spec) for spec in specs}
    index = [
        "# Rules",
        "",
        "Every built-in rule, made from its YAML in `rules/` by `scripts/rule_docs.py` "
        "(`healthlint explain RULE` prints the same).",
        "",
        "| rule | name | category | severity | what it checks |",
        "|---|---|---|---|---|",
    ]
    for spec in specs:
        off = " (off by default)" if not spec.enabled else ""
        index.append(
            f"| [{spec.id}]({spec.id}.md) | {spec.name} | {spec.category} | "
            f"{spec.severity.value}{off} | {spec.summary} |"
        )
    written["README.md"] = "\n".join(index) + "\n"
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    wanted = pages()
    if args.check:
        stale = [
            name
            for name, text in wanted.items()
            if not (FOLDER / name).is_file() or (FOLDER / name).read_text(encoding="utf-8") != text
        ]
        extra = sorted(p.name for p in FOLDER.glob("*.md") if p.name not in wanted)
        for name in [*stale, *extra]:
            print(
                f"docs/rules/{name} is out of date: run python scripts/rule_docs.py",
                file=sys.stderr,
            )
        return 1 if stale or extra else 0
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, text in wanted.items():
        (FOLDER / name).write_text(text, encoding="utf-8")
    for page in FOLDER.glob("*.md"):
        if page.name not in wanted:
            page.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Write the prebuilt entries that ship inside the package (src/healthlint/prebuilt/): the
built-in packs validated, and the word tables a check of English prose builds, each stamped with
the content of the files it was made from. A test checks that they are current.

    python scripts/build_prebuilt.py            # write what is missing or out of date
    python scripts/build_prebuilt.py --check    # exit 1 if an entry is missing or out of date
"""

from __future__ import annotations

import argparse
import marshal
import sys
from pathlib import Path
from typing import Any

from healthlint import artifacts
from healthlint.packs import PREBUILT, prebuilt_packs
from healthlint.plain_data import from_plain


def entries() -> dict[str, Any]:
    """Every prebuilt entry, built afresh: entry name -> plain data."""
    from healthlint.readability.hyphenation import hyphenation_points
    from healthlint.readability.syllables import dictionary_syllables

    tables: dict[str, Any] = {}
    artifacts.record_builds(tables)
    try:
        # A word from the syllable table, and one it lacks (counted from Pyphen's patterns).
        dictionary_syllables("health")
        hyphenation_points("healthlint")
    finally:
        artifacts.record_builds(None)
    return {PREBUILT: prebuilt_packs(), **tables}


def _same(name: str, shipped: Any, fresh: Any) -> bool:
    if name != PREBUILT:
        return bool(shipped == fresh)
    # Compared as objects: a set's items are written in an order that varies between runs.
    try:
        schema, kinds, packs = shipped
        return (schema, kinds) == fresh[:2] and {
            key: (stamp, from_plain(plain)) for key, (stamp, plain) in packs.items()
        } == {key: (stamp, from_plain(plain)) for key, (stamp, plain) in fresh[2].items()}
    except (ValueError, TypeError):
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    wanted = entries()
    folder = Path(artifacts.prebuilt_path(PREBUILT)).parent
    stale = [
        name for name, fresh in wanted.items() if not _same(name, artifacts.prebuilt(name), fresh)
    ]
    extra = sorted(p.stem for p in folder.glob("*.marshal") if p.stem not in wanted)
    if args.check:
        for name in [*stale, *extra]:
            print(
                f"src/healthlint/prebuilt/{name}.marshal is out of date: "
                "run python scripts/build_prebuilt.py",
                file=sys.stderr,
            )
        return 1 if stale or extra else 0
    folder.mkdir(exist_ok=True)
    for name in stale:
        Path(artifacts.prebuilt_path(name)).write_bytes(marshal.dumps(wanted[name]))
        print(f"wrote src/healthlint/prebuilt/{name}.marshal")
    for name in extra:
        (folder / f"{name}.marshal").unlink()
        print(f"removed src/healthlint/prebuilt/{name}.marshal")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""YAML front matter, read safely: no tags that build objects, no alias expansion, mappings only."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

_FENCE = re.compile(r"^---[ \t]*$")
_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
MAX_FRONT_MATTER_LINES = 500


@dataclass
class FrontMatter:
    data: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    start_line: int = 1
    end_line: int = 0  # last line of the closing fence; 0 when there is no front matter
    error: str | None = None
    error_line: int = 1


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases, the ingredient of "billion laughs" bombs."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.MarkedYAMLError(
                "while reading front matter", None,
                "aliases (*name) are not allowed in front matter", event.start_mark,
            )
        return super().compose_node(parent, index)


def split_front_matter(lines: list[str]) -> FrontMatter:
    """Read front matter from the top of ``lines`` (without line endings)."""
    if not lines or not _FENCE.match(lines[0]):
        return FrontMatter()
    for index in range(1, min(len(lines), MAX_FRONT_MATTER_LINES)):
        if _END.match(lines[index]):
            break
    else:
        return FrontMatter()
    body = "\n".join(lines[1:index])
    result = FrontMatter(start_line=1, end_line=index + 1)
    for offset, text in enumerate(lines[1:index], start=2):
        key = _KEY.match(text)
        if key:
            result.key_lines.setdefault(key.group(1), offset)
    try:
        data = yaml.load(body, Loader=_NoAliasLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        result.error = f"front matter is not valid YAML: {error.problem or error.context}"
        result.error_line = (mark.line + 2) if mark else 1
        return result
    except yaml.YAMLError as error:
        result.error = f"front matter is not valid YAML: {error}"
        return result
    if data is None:
        return result
    if not isinstance(data, dict):
        result.error = (
            f"front matter must be a mapping of keys to values, not a {type(data).__name__}"
        )
        result.error_line = 2
        return result
    result.data = {str(k): v for k, v in data.items()}
    return result

"""YAML front matter, read safely: no tags that build objects, no alias expansion, mappings only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from ..lazy_regex import lazy

if TYPE_CHECKING:
    import yaml

_FENCE = lazy(r"^---[ \t]*$")
_END = lazy(r"^(?:---|\.\.\.)[ \t]*$")
_KEY = lazy(r"^([A-Za-z_][\w-]*)\s*:")
MAX_FRONT_MATTER_LINES = 500
# PyYAML is pure Python (about 10 seconds a megabyte of lists): real front matter is a few
# hundred characters, and a larger block is refused rather than read slowly.
MAX_FRONT_MATTER_CHARS = 64 * 1024
# Deeper values make PyYAML's composer recurse until RecursionError.
MAX_FRONT_MATTER_DEPTH = 50
_SURROGATE = lazy(r"[\ud800-\udfff]")
_SIMPLE_ENTRY = lazy(r"([A-Za-z_][A-Za-z0-9_-]*): +(.+?) *")
# A value YAML reads as the text it is: led by a letter, and no character that could start a
# comment, a nested mapping, a quote, an anchor, a tag or (in a list) the next item.
_PLAIN_TEXT = lazy(r"[^\W\d_][\w .,;()/&'’+\-–—?!]*")
_QUOTED = lazy(r'"([^"\\]*)"|\'([^\']*)\'')
_ISO_DATE = lazy(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# One item of a one-line list: a quoted or plain text, then a comma or the end.
_LIST_ITEM = lazy(r' *(?:"([^"\\]*)"|\'([^\']*)\'|([^\W\d_][\w .;()/&\'’+\-–—?!]*?)) *(?=,|$)')
# Words YAML 1.1 reads as booleans or null rather than text.
_NOT_TEXT = frozenset(
    {
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
    }
)  # fmt: skip


@dataclass
class FrontMatter:
    """The YAML block at the top of a Markdown file, and each key's line."""

    data: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    start_line: int = 1
    end_line: int = 0  # last line of the closing fence; 0 when there is no front matter
    error: str | None = None
    error_line: int = 1


@cache
def _loader() -> type[yaml.SafeLoader]:
    """The loader class, made on first use: PyYAML is imported only for a file that has front
    matter (about 7 ms of a one-file run)."""
    import yaml

    class _NoAliasLoader(yaml.SafeLoader):
        """SafeLoader that refuses anchors and aliases, the ingredient of "billion laughs" bombs."""

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise yaml.MarkedYAMLError(
                    "while reading front matter",
                    None,
                    "aliases (*name) are not allowed in front matter",
                    event.start_mark,
                )
            if self.depth >= MAX_FRONT_MATTER_DEPTH:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise yaml.MarkedYAMLError(
                    "while reading front matter",
                    None,
                    f"values are nested more than {MAX_FRONT_MATTER_DEPTH} levels deep",
                    event.start_mark,
                )
            self.depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

        def construct_yaml_timestamp(self, node: Any) -> Any:
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError:
                # "2026-02-30" has the form of a date without being one. Kept as written, it is
                # reported as an unreadable date on its own line, and the rest is still read.
                return self.construct_scalar(node)

        def construct_yaml_int(self, node: Any) -> Any:
            try:
                return super().construct_yaml_int(node)
            except ValueError:
                return self.construct_scalar(node)  # over Python's 4,300-digit limit

        def construct_undefined(self, node: Any) -> Any:
            tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"the tag {tag} is not allowed (only text, numbers, dates, lists and mappings)",
                node.start_mark,
            )

        def construct_yaml_str(self, node: Any) -> Any:
            # "\ud800" escapes make lone surrogates, which no report can write out as UTF-8.
            return _SURROGATE.sub("\ufffd", super().construct_yaml_str(node))

    # Constructors are looked up by tag, not by method name, so the overrides above are
    # registered here. Bytes, sets and ordered pairs are no article metadata and cannot be shown
    # as JSON by `healthlint inspect`: they are refused like any other tag that builds an object.
    _NoAliasLoader.yaml_constructors = {
        **yaml.SafeLoader.yaml_constructors,
        "tag:yaml.org,2002:timestamp": _NoAliasLoader.construct_yaml_timestamp,
        "tag:yaml.org,2002:int": _NoAliasLoader.construct_yaml_int,
        "tag:yaml.org,2002:str": _NoAliasLoader.construct_yaml_str,
        "tag:yaml.org,2002:binary": _NoAliasLoader.construct_undefined,
        "tag:yaml.org,2002:set": _NoAliasLoader.construct_undefined,
        "tag:yaml.org,2002:omap": _NoAliasLoader.construct_undefined,
        "tag:yaml.org,2002:pairs": _NoAliasLoader.construct_undefined,
        None: _NoAliasLoader.construct_undefined,  # any other tag, such as !!python/object
    }
    return _NoAliasLoader


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
    if len(body) > MAX_FRONT_MATTER_CHARS:
        result.error = (
            f"front matter is {len(body):,} characters long, over the "
            f"{MAX_FRONT_MATTER_CHARS:,}-character limit"
        )
        result.error_line = 2
        return result
    for offset, text in enumerate(lines[1:index], start=2):
        key = _KEY.match(text)
        if key:
            result.key_lines.setdefault(key.group(1), offset)
    simple = _simple_mapping(lines[1:index])
    if simple is not None:
        result.data = simple
        return result
    import yaml

    try:
        data = yaml.load(body, Loader=_loader())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        result.error = f"front matter is not valid YAML: {error.problem or error.context}"
        result.error_line = (mark.line + 2) if mark else 1
        return result
    except yaml.YAMLError as error:
        result.error = f"front matter is not valid YAML: {error}"
        position = getattr(error, "position", None)  # ReaderError: a character YAML refuses
        if isinstance(position, int):
            result.error_line = body.count("\n", 0, position) + 2
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


def _simple_mapping(lines: list[str]) -> dict[str, Any] | None:
    """The mapping of front matter made only of "key: value" lines (and blank ones) whose
    values are plain or quoted text, a YYYY-MM-DD date or a one-line list of texts, read
    without PyYAML exactly as its safe loader reads them; None for anything else. Most front
    matter is this, and PyYAML is pure Python (a third of a Markdown file's parsing) and slow
    to import."""
    data: dict[str, Any] = {}
    for line in lines:
        if not line:
            continue
        entry = _SIMPLE_ENTRY.fullmatch(line)
        if entry is None or entry.group(1) in _NOT_TEXT:
            return None
        value = _simple_value(entry.group(2))
        if value is _DECLINED:
            return None
        data[entry.group(1)] = value
    return data


_DECLINED: Any = object()


def _simple_value(raw: str) -> Any:
    if raw[0] == "[":
        return _simple_list(raw[1:-1]) if raw[-1] == "]" else _DECLINED
    quoted = _QUOTED.fullmatch(raw)
    if quoted is not None:
        text = quoted.group(1) if quoted.group(1) is not None else quoted.group(2)
        return text if text.isprintable() else _DECLINED
    if _PLAIN_TEXT.fullmatch(raw):
        return _DECLINED if raw in _NOT_TEXT else raw
    date = _ISO_DATE.fullmatch(raw)
    if date is None:
        return _DECLINED
    try:
        return dt.date(*map(int, date.groups()))
    except ValueError:
        # "2026-02-30", kept as written, as the loader keeps timestamps that are no dates.
        return raw


def _simple_list(inner: str) -> Any:
    if not inner.strip(" "):
        return []
    items: list[str] = []
    position = 0
    while True:
        item = _LIST_ITEM.match(inner, position)
        if item is None:
            return _DECLINED
        double, single, plain = item.groups()
        text = double if double is not None else single if single is not None else plain
        if (plain is not None and plain in _NOT_TEXT) or not text.isprintable():
            return _DECLINED
        items.append(text)
        position = item.end()
        if position == len(inner):
            return items
        position += 1  # the comma
        if position == len(inner):
            return _DECLINED  # "[a, b,]": left to the loader

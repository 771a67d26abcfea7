"""The start-up tricks of a one-file run that touch the interpreter itself, in one place.

Start-up builds many objects and no garbage cycles, so collecting during it only costs time
(several milliseconds of a one-file run): :func:`begin` turns collection off, and :func:`done`,
called once the rules are loaded and before any article is read, turns it back on with the
objects made so far left out of every later collection. Checking makes many short-lived objects
and almost no cycles, so the youngest generation is collected after 10,000 allocations rather
than 700. Nothing happens unless :func:`begin` was called (a library caller's interpreter is
left alone).
"""

from __future__ import annotations

import gc

_begun = False


def begin() -> None:
    global _begun
    _begun = True
    gc.disable()


def done() -> None:
    global _begun
    if not _begun:
        return
    _begun = False
    gc.freeze()
    gc.set_threshold(10_000, *gc.get_threshold()[1:])
    gc.enable()


def end() -> None:
    """Collection back on, whatever happened (an error before :func:`done`)."""
    global _begun
    _begun = False
    gc.enable()

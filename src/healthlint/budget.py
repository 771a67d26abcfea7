"""A time budget for checking one file.

Every check is meant to be linear in its article, but a budget is what makes a hostile or
broken file cost the run at most a known time: when checking one file takes longer, it is
stopped and reported, and the other files are still checked. The budget is a POSIX interval
timer, so it only applies in a main thread (a worker process's included) where the timer is
not already in use; elsewhere files are checked without one.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType

__all__ = ["OverBudget", "time_budget"]


class OverBudget(BaseException):
    """Checking one file took longer than its budget. A BaseException, so that no rule's own
    ``except Exception`` can swallow it."""


def _expired(signum: int, frame: FrameType | None) -> None:
    raise OverBudget


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`OverBudget` in the body once it has run for ``seconds`` (0: no limit)."""
    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or signal.getitimer(signal.ITIMER_REAL)[0] > 0
    ):
        yield
        return
    try:
        previous = signal.signal(signal.SIGALRM, _expired)
    except ValueError:  # not the main thread
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

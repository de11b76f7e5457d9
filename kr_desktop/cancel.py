"""Stopping long work from outside (the window's «Скасувати»), without Qt in the services.

Long services and renderers call ``checkpoint()`` between steps (a page, a chunk of rows).
Outside a job it does nothing; inside one (``running(callback)``, set up by kr_desktop.ui.jobs
in the worker thread) it reports progress and raises ``Cancelled`` when the user asked to stop,
so the work unwinds: a transaction rolls back, a report's temporary file is removed.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Iterator

Callback = Callable[[int | None, int | None], None]
_current: ContextVar[Callback | None] = ContextVar("kr_desktop_job", default=None)


class Cancelled(Exception):
    """The user cancelled the job; nothing of it was kept."""


def checkpoint(done: int | None = None, total: int | None = None) -> None:
    callback = _current.get()
    if callback is not None:
        callback(done, total)


@contextmanager
def running(callback: Callback) -> Iterator[None]:
    token = _current.set(callback)
    try:
        yield
    finally:
        _current.reset(token)

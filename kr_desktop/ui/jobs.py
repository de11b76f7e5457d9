"""Long work off the UI thread, with a progress dialog that can cancel it.

``run(parent, label, work)`` runs ``work()`` in a worker thread (QThreadPool) and waits in a
local event loop, so the window keeps repainting and the dialog's «Скасувати» works, and returns
``work()``'s result like a plain call (callers stay one line; a UserError raised by the work is
raised again here, for kr_desktop.ui.operations.perform to show). Cancelling sets a flag that
the work sees at its next ``kr_desktop.cancel.checkpoint()``; ``run`` then returns None once the
work has unwound (a report's temporary file removed, an import's transaction rolled back).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from kr_desktop.cancel import Cancelled, running

T = TypeVar("T")
CANCEL_TEXT = "Скасувати"
CANCELLING_TEXT = "Скасування…"
SHOW_AFTER_MS = 300  # quick jobs finish before any dialog flashes


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal()


class Job(QRunnable):
    def __init__(self, work: Callable[[], Any]):
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.signals = _Signals()
        self.cancel_requested = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self.cancelled = False
        self.done = threading.Event()

    def cancel(self) -> None:
        self.cancel_requested.set()

    def _checkpoint(self, done: int | None, total: int | None) -> None:
        if done is not None and total:
            self.signals.progress.emit(int(done), int(total))
        if self.cancel_requested.is_set():
            raise Cancelled()

    def run(self) -> None:  # in the worker thread
        try:
            with running(self._checkpoint):
                self.result = self.work()
                if self.cancel_requested.is_set():
                    raise Cancelled()  # asked during the last step: its result is not wanted either
        except Cancelled:
            self.cancelled = True
        except BaseException as exc:  # handed to the UI thread, raised there
            self.error = exc
        finally:
            # Announce first, then let waiters go: a UI thread waiting on ``done`` may tear the
            # application down right away, and must not do so while this thread still emits.
            self.signals.finished.emit()
            self.done.set()


def start(work: Callable[[], Any], finished: Callable[[], Any] | None = None) -> Job:
    """Start ``work`` in the worker pool without a dialog (e.g. the backup at window start).
    ``finished`` (a slot of a QObject of the UI thread) is connected before the work starts, so
    even work that ends at once is announced."""
    job = Job(work)
    if finished is not None:
        job.signals.finished.connect(finished)
    QThreadPool.globalInstance().start(job)
    return job


def run(parent: QWidget | None, label: str, work: Callable[[], T]) -> T | None:
    """Run ``work`` off the UI thread with a cancellable progress dialog; its result, or None when
    the user cancelled. Exceptions of the work are raised here."""
    job = Job(work)
    loop = QEventLoop()
    dialog = QProgressDialog(label, CANCEL_TEXT, 0, 0, parent)
    dialog.setObjectName("jobProgress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def on_cancel() -> None:
        job.cancel()
        dialog.setLabelText(CANCELLING_TEXT)

    def on_progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(min(done, total))

    dialog.canceled.connect(on_cancel)
    job.signals.progress.connect(on_progress, Qt.ConnectionType.QueuedConnection)
    job.signals.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    run.current = (job, dialog)  # tests reach the running job's dialog here
    QThreadPool.globalInstance().start(job)
    if not job.done.is_set():
        loop.exec()
    job.done.wait()
    run.current = None
    dialog.canceled.disconnect(on_cancel)
    dialog.close()
    dialog.deleteLater()
    if job.error is not None:
        raise job.error
    return None if job.cancelled else job.result


run.current = None


def write_report(parent: QWidget | None, label: str, build: Callable[[], Any], path: Path) -> Path | None:
    """Build a ReportDocument and render it to ``path`` off the UI thread; the file appears only
    when complete (a temporary file renamed), never after a cancel."""
    from kr_desktop.output_files import write_atomically
    from kr_desktop.cancel import checkpoint
    from kr_desktop.reports.output import render

    def work() -> Path:
        document = build()
        checkpoint()

        def render_checked(temp: Path) -> None:
            render(document, temp)
            checkpoint()  # cancelled while rendering: the temporary file goes, nothing is renamed

        return write_atomically(Path(path), render_checked)

    return run(parent, label, work)

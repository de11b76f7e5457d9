"""One path for every change made from the window: call the service, report a refusal in one
place (a Ukrainian message naming the field), announce success with one signal."""

from __future__ import annotations

from typing import Any, Callable, TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from kr_desktop.errors import ConflictError, UserError
from kr_desktop.ui.context import AppContext

T = TypeVar("T")

REFUSED_TITLE = "Зміну не збережено"


def perform(parent: QWidget, context: AppContext, area: str, change: Callable[..., T], *args: Any,
            **kwargs: Any) -> T | None:
    """Run a service call that changes data. Returns its result, or None when it was refused."""
    try:
        result = change(*args, **kwargs)
    except ConflictError as exc:  # someone else saved the record meanwhile: show both versions
        from kr_desktop.ui.conflict_dialog import show_conflict

        show_conflict(parent, exc)
        context.events.changed.emit(area)  # views reload and show the version now stored
        return None
    except UserError as exc:
        QMessageBox.warning(parent, REFUSED_TITLE, exc.message)
        return None
    context.events.changed.emit(area)
    return result

"""The screens of the main window, in the side panel's order, each under its group. Each area adds
its screen here.

A screen is a QWidget class taking ``(context: AppContext)``; ``attribute`` is the name under
which the main window keeps it (tests and menus reach screens by it).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class ScreenSpec:
    attribute: str
    title: str
    class_path: str  # "module:Class", imported when the window is built
    min_role: str = "viewer"  # the window leaves the screen out for users below this role
    group: str = "program"  # the heading it stands under in the side panel (GROUPS)
    icon: str = "file-text"  # ui/icons.py

    def load(self):
        module, name = self.class_path.split(":")
        return getattr(importlib.import_module(module), name)


# The side panel's headings: the department's two jobs, then administration.
GROUPS = (("program", "Програма"), ("awards", "Відзнаки"), ("admin", "Адміністрування"))

SCREENS = [
    ScreenSpec("control_screen", "Контроль", "kr_desktop.ui.control_screen:ControlScreen",
               icon="list-check"),
    ScreenSpec("program_screen", "Програма", "kr_desktop.ui.program_screen:ProgramScreen",
               icon="file-text"),
    ScreenSpec("progress_screen", "Звіти виконавців", "kr_desktop.ui.progress_screen:ProgressScreen",
               icon="clipboard-text"),
    ScreenSpec("chart_screen", "Діаграма", "kr_desktop.ui.progress_chart:ChartScreen", icon="chart-bar"),
    ScreenSpec("awards_screen", "Реєстр відзнак", "kr_desktop.ui.awards_screen:AwardsScreen",
               group="awards", icon="award"),
    ScreenSpec("honorary_screen", "Почесні громадяни", "kr_desktop.ui.honorary_screen:HonoraryScreen",
               group="awards", icon="star"),
    ScreenSpec("events_screen", "Заходи", "kr_desktop.ui.events_screen:EventsScreen", group="awards",
               icon="calendar-event"),
    ScreenSpec("stock_screen", "Матеріали для відзнак", "kr_desktop.ui.stock_screen:StockScreen",
               group="awards", icon="package"),
    ScreenSpec("decision_screen", "Проєкт рішення", "kr_desktop.ui.decision_screen:DecisionScreen",
               group="awards", icon="file-description"),
    ScreenSpec("journal_screen", "Журнал змін", "kr_desktop.ui.journal_screen:JournalScreen", "admin",
               group="admin", icon="history"),
    ScreenSpec("users_screen", "Користувачі", "kr_desktop.ui.users_screen:UsersScreen", "admin",
               group="admin", icon="users"),
]

"""Plan vs actual per year, drawn with QPainter (QtCharts is not part of PySide6-Essentials)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kr_desktop.services.progress_actuals import YearBar, directions_for_chart, plan_vs_actual_by_year
from kr_desktop.text.formatting import format_money
from kr_desktop.ui import control_texts as t
from kr_desktop.ui.context import AppContext

PLAN_COLOUR = QColor("#4a6fa5")
ACTUAL_COLOUR = QColor("#e08a2e")


class PlanActualChart(QWidget):
    """Grouped bars: for every year a plan bar and an actual bar, values on a 0..max axis."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: list[YearBar] = []
        self.title = ""
        self.setMinimumSize(500, 320)

    def set_bars(self, bars: list[YearBar], title: str) -> None:
        self.bars = bars
        self.title = title
        self.update()

    def bar_rects(self) -> list[tuple[QRectF, QRectF]]:
        """The plan and actual rectangles per year, as drawn (tests check heights against values)."""
        area = self._plot_area()
        peak = max((max(b.plan, b.actual) for b in self.bars), default=Decimal(0)) or Decimal(1)
        group = area.width() / max(len(self.bars), 1)
        width = group * 0.35
        rects = []
        for i, bar in enumerate(self.bars):
            x = area.left() + i * group + group * 0.12
            plan_h = float(bar.plan / peak) * area.height()
            actual_h = float(bar.actual / peak) * area.height()
            rects.append((QRectF(x, area.bottom() - plan_h, width, plan_h),
                          QRectF(x + width + 2, area.bottom() - actual_h, width, actual_h)))
        return rects

    def _plot_area(self) -> QRectF:
        return QRectF(95, 50, max(self.width() - 115, 10), max(self.height() - 95, 10))

    def paintEvent(self, _event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        font = QFont(self.font())
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(0, 6, self.width(), 20), Qt.AlignmentFlag.AlignCenter, self.title)
        painter.setFont(font)
        if not self.bars:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, t.CHART_EMPTY)
            return
        area = self._plot_area()
        peak = max((max(b.plan, b.actual) for b in self.bars), default=Decimal(0)) or Decimal(1)
        painter.setPen(QPen(QColor("#dddddd")))
        for step in range(5):
            y = area.bottom() - area.height() * step / 4
            painter.drawLine(int(area.left()), int(y), int(area.right()), int(y))
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(QRectF(0, y - 9, area.left() - 6, 18), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             format_money(peak * step / 4, 0))
            painter.setPen(QPen(QColor("#dddddd")))
        painter.setPen(Qt.PenStyle.NoPen)
        group = area.width() / len(self.bars)
        for plan, actual in self.bar_rects():
            painter.setBrush(PLAN_COLOUR)
            painter.drawRect(plan)
            painter.setBrush(ACTUAL_COLOUR)
            painter.drawRect(actual)
        painter.setPen(Qt.GlobalColor.black)
        for i, bar in enumerate(self.bars):
            painter.drawText(QRectF(area.left() + i * group, area.bottom() + 4, group, 18),
                             Qt.AlignmentFlag.AlignCenter, str(bar.year))
        painter.drawLine(int(area.left()), int(area.bottom()), int(area.right()), int(area.bottom()))
        for i, (name, colour) in enumerate(((t.CHART_PLAN, PLAN_COLOUR), (t.CHART_ACTUAL, ACTUAL_COLOUR))):
            x = area.left() + i * 140
            painter.fillRect(QRectF(x, self.height() - 22, 14, 14), colour)
            painter.drawText(QRectF(x + 20, self.height() - 25, 120, 20), Qt.AlignmentFlag.AlignVCenter, name)
        painter.end()


class ChartScreen(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.scope = QComboBox()
        self.scope.setObjectName("chartScope")
        # Direction names are long: without this the combo's width (the longest item) made the whole
        # window at least 1718 px wide once this tab was opened.
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scope.setMinimumContentsLength(40)
        self.chart = PlanActualChart()
        self.chart.setObjectName("planActualChart")
        self.table = QLabel()
        self.table.setTextFormat(Qt.TextFormat.RichText)
        top = QHBoxLayout()
        top.addWidget(QLabel(t.CHART_SCOPE))
        top.addWidget(self.scope, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.table)
        self._fill_scope()
        self.scope.currentIndexChanged.connect(self.reload)
        context.events.changed.connect(self._on_changed)
        self.reload()

    def _fill_scope(self) -> None:
        current = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(t.CHART_PROGRAM, None)
        for direction_id, label in directions_for_chart(self.db, self.context.program_id):
            self.scope.addItem(label, direction_id)
        self.scope.setCurrentIndex(max(0, self.scope.findData(current)))
        self.scope.blockSignals(False)

    def _on_changed(self, area: str) -> None:
        if area in ("program", "progress"):
            if area == "program":
                self._fill_scope()
            self.reload()

    def reload(self) -> None:
        bars = plan_vs_actual_by_year(self.db, self.scope.currentData(), self.context.program_id)
        self.chart.set_bars(bars, f"{t.CHART_PLAN} / {t.CHART_ACTUAL.lower()}, грн: {self.scope.currentText()}")
        cells = "".join(f"<td align='right'>{b.year}<br/>{format_money(b.plan)}<br/>{format_money(b.actual)}</td>"
                        for b in bars)
        self.table.setText(f"<table cellspacing='6'><tr><td><br/><b>{t.CHART_PLAN}</b><br/><b>{t.CHART_ACTUAL}</b>"
                           f"</td>{cells}</tr></table>")

"""Plan vs actual per year, drawn with QPainter (QtCharts is not part of PySide6-Essentials)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from kr_desktop.services.progress_actuals import YearBar, directions_for_chart, plan_vs_actual_by_year
from kr_desktop.text.formatting import format_money
from kr_desktop.ui import control_texts as t
from kr_desktop.ui.chart_axis import nice_ticks
from kr_desktop.ui.context import AppContext

PLAN_COLOUR = QColor("#4a6fa5")
ACTUAL_COLOUR = QColor("#e08a2e")


class PlanActualChart(QWidget):
    """Grouped bars: for every year a plan bar and an actual bar on an axis of round values, and
    under each year its plan and actual in the same column as its bars (the chart's table)."""

    TITLE_H, YEAR_H, ROW_H, LEGEND_H = 28, 20, 19, 26

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: list[YearBar] = []
        self.title = ""
        self.setMinimumSize(500, 360)
        self.setMouseTracking(True)

    def set_bars(self, bars: list[YearBar], title: str) -> None:
        self.bars = bars
        self.title = title
        self.update()

    def ticks(self) -> list[Decimal]:
        peak = max((max(b.plan, b.actual) for b in self.bars), default=Decimal(0))
        return nice_ticks(peak)

    def _left(self) -> float:
        metrics = self.fontMetrics()
        labels = [format_money(tick, 0) for tick in self.ticks()] + [t.CHART_PLAN, t.CHART_ACTUAL]
        return max(metrics.horizontalAdvance(label) for label in labels) + 16

    def _plot_area(self) -> QRectF:
        left = self._left()
        below = self.YEAR_H + 2 * self.ROW_H + self.LEGEND_H + 8
        return QRectF(left, self.TITLE_H + 8, max(self.width() - left - 16, 10),
                      max(self.height() - self.TITLE_H - 8 - below, 10))

    def columns(self) -> list[QRectF]:
        """Each year's column: its bars above the axis, its values in the table below."""
        area = self._plot_area()
        group = area.width() / max(len(self.bars), 1)
        return [QRectF(area.left() + i * group, area.top(), group, self.height() - area.top())
                for i in range(len(self.bars))]

    def bar_rects(self) -> list[tuple[QRectF, QRectF]]:
        """The plan and actual rectangles per year, as drawn (tests check heights against values)."""
        area = self._plot_area()
        top = self.ticks()[-1] or Decimal(1)
        rects = []
        for column, bar in zip(self.columns(), self.bars):
            width = min(column.width() * 0.32, 40)
            x = column.center().x() - width - 1
            plan_h = float(bar.plan / top) * area.height()
            actual_h = float(bar.actual / top) * area.height()
            rects.append((QRectF(x, area.bottom() - plan_h, width, plan_h),
                          QRectF(x + width + 2, area.bottom() - actual_h, width, actual_h)))
        return rects

    def cell_texts(self) -> list[tuple[str, str]]:
        """The table's plan and actual per year, as drawn under the bars."""
        return [(format_money(b.plan), format_money(b.actual)) for b in self.bars]

    def _fitting_font(self, texts: list[str], width: float) -> QFont:
        font = QFont(self.font())
        size = font.pointSizeF()
        while size > 6.5:
            font.setPointSizeF(size)
            if max(QFontMetrics(font).horizontalAdvance(text) for text in texts) <= width - 6:
                return font
            size -= 0.5
        return font

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
        ticks = self.ticks()
        top = ticks[-1] or Decimal(1)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for tick in ticks:  # round values, a light line each
            y = area.bottom() - area.height() * float(tick / top)
            painter.setPen(QPen(QColor("#e1e5ea")))
            painter.drawLine(int(area.left()), int(y), int(area.right()), int(y))
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(QRectF(0, y - 9, area.left() - 8, 18), right, format_money(tick, 0))
        columns = self.columns()
        for i, column in enumerate(columns):  # the years' columns, shaded every other one, bars to table
            if i % 2:
                painter.fillRect(QRectF(column.left(), area.top(), column.width(),
                                        area.height() + self.YEAR_H + 2 * self.ROW_H), QColor("#f5f7fa"))
        painter.setPen(Qt.PenStyle.NoPen)
        for plan, actual in self.bar_rects():
            painter.setBrush(PLAN_COLOUR)
            painter.drawRect(plan)
            painter.setBrush(ACTUAL_COLOUR)
            painter.drawRect(actual)
        painter.setPen(Qt.GlobalColor.black)
        painter.drawLine(int(area.left()), int(area.bottom()), int(area.right()), int(area.bottom()))
        # the table: a row of years, then plan and actual, each value in its year's column
        years_y = area.bottom() + 2
        rows_y = (years_y + self.YEAR_H, years_y + self.YEAR_H + self.ROW_H)
        painter.setFont(bold)
        for column, bar in zip(columns, self.bars):
            painter.drawText(QRectF(column.left(), years_y, column.width(), self.YEAR_H),
                             Qt.AlignmentFlag.AlignCenter, str(bar.year))
        for y, label in zip(rows_y, (t.CHART_PLAN, t.CHART_ACTUAL)):
            painter.drawText(QRectF(0, y, area.left() - 8, self.ROW_H), right, label)
        texts = self.cell_texts()
        painter.setFont(self._fitting_font([text for pair in texts for text in pair], columns[0].width()))
        for column, pair in zip(columns, texts):
            for y, text in zip(rows_y, pair):
                painter.drawText(QRectF(column.left(), y, column.width(), self.ROW_H),
                                 Qt.AlignmentFlag.AlignCenter, text)
        painter.setFont(font)
        painter.setPen(QPen(QColor("#c9d0d9")))
        painter.drawLine(int(area.left()), int(rows_y[0]), int(area.right()), int(rows_y[0]))
        painter.setPen(Qt.GlobalColor.black)
        legend_y = rows_y[1] + self.ROW_H + 6
        for i, (name, colour) in enumerate(((t.CHART_PLAN, PLAN_COLOUR), (t.CHART_ACTUAL, ACTUAL_COLOUR))):
            x = area.left() + i * 140
            painter.fillRect(QRectF(x, legend_y + 3, 14, 14), colour)
            painter.drawText(QRectF(x + 20, legend_y, 120, 20), Qt.AlignmentFlag.AlignVCenter, name)
        painter.end()

    def event(self, event):
        if event.type() == QEvent.Type.ToolTip and self.bars:
            x = event.position().x() if hasattr(event, "position") else event.pos().x()
            for column, bar in zip(self.columns(), self.bars):
                if column.left() <= x < column.right():
                    QToolTip.showText(event.globalPos(), t.CHART_TIP.format(
                        year=bar.year, plan=format_money(bar.plan), actual=format_money(bar.actual)), self)
                    return True
            QToolTip.hideText()
            return True
        return super().event(event)


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
        top = QHBoxLayout()
        top.addWidget(QLabel(t.CHART_SCOPE))
        top.addWidget(self.scope, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.chart, 1)
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

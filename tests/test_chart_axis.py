"""The chart (issue 17): round axis ticks, and its table lined up with its bars."""

from decimal import Decimal

import pytest

from kr_desktop.text.formatting import format_money
from kr_desktop.ui.chart_axis import nice_ticks


@pytest.mark.parametrize("peak, ticks", [
    (1684022, [0, 500_000, 1_000_000, 1_500_000, 2_000_000]),
    (1395676, [0, 250_000, 500_000, 750_000, 1_000_000, 1_250_000, 1_500_000]),
    (742.5, [0, 200, 400, 600, 800]),
    (4290, [0, 1000, 2000, 3000, 4000, 5000]),
    (0, [0, 1]),
])
def test_ticks_are_round_values_over_the_peak(peak, ticks):
    assert nice_ticks(peak) == [Decimal(t) for t in ticks]


def test_ticks_are_few_and_cover_any_peak():
    for peak in (1, 3, 17, 99, 101, 12023016, Decimal("1.5"), 987654321):
        ticks = nice_ticks(peak)
        step = ticks[1]
        assert 2 <= len(ticks) - 1 <= 6 and ticks[-1] >= Decimal(str(peak)) > ticks[-2]
        assert step / Decimal(10) ** step.adjusted() in (1, 2, Decimal("2.5"), 5)  # 1, 2, 2.5 or 5 × 10ⁿ


def test_the_chart_table_stands_under_its_bars(qtbot, db):
    from kr_desktop.ui.context import AppContext
    from kr_desktop.ui.progress_chart import ChartScreen

    screen = ChartScreen(AppContext(db))
    qtbot.addWidget(screen)
    screen.resize(1150, 560)
    screen.show()
    qtbot.waitExposed(screen)
    chart = screen.chart
    labels = [format_money(t, 0) for t in chart.ticks()]
    assert labels[0] == "0" and all(label.endswith("000") for label in labels[1:])  # «500 000», not «421 006»
    for column, (plan, actual), bar, (plan_text, actual_text) in zip(chart.columns(), chart.bar_rects(), chart.bars,
                                                                     chart.cell_texts()):
        assert abs(column.center().x() - (plan.left() + actual.right()) / 2) < 2  # the values under their bars
        assert plan_text == format_money(bar.plan) and actual_text == format_money(bar.actual)
    assert not chart.grab().isNull()

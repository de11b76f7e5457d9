"""Round axis ticks for the charts: steps of 1, 2, 2.5 or 5 times a power of ten, so the axis reads
0 · 400 000 · 800 000 · 1 200 000 · 1 600 000 · 2 000 000 instead of the peak divided by four
(1 684 022, 1 263 017…). Plain Python: tested without a window."""

from __future__ import annotations

from decimal import Decimal

STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))


def nice_ticks(peak: Decimal | int | float, most: int = 6) -> list[Decimal]:
    """0 and the round values up to the first one at or above ``peak``, at most ``most`` intervals."""
    peak = Decimal(str(peak))
    if peak <= 0:
        return [Decimal(0), Decimal(1)]
    raw = peak / most
    power = Decimal(10) ** (raw.adjusted())  # 10^k ≤ raw < 10^(k+1)
    step = next(power * s for s in STEPS if power * s >= raw)
    count = int((peak / step).to_integral_value(rounding="ROUND_CEILING"))
    return [step * i for i in range(count + 1)]

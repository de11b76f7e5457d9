"""The Qt binding keeps Python's reference counts right.

PySide6 6.12.0 dropped a reference to None on every call of a void method (setText, setEnabled,
setCurrentIndex …). On Python 3.11, where None is not immortal, a long session — or the test
suite — then crashed at a random moment («deallocating None»). The pinned version must not."""

import sys

from PySide6.QtWidgets import QComboBox, QLabel


def test_void_calls_and_none_item_data_keep_none_alive(qtbot):
    combo, label = QComboBox(), QLabel()
    qtbot.addWidget(combo)
    qtbot.addWidget(label)
    combo.addItem("усі", None)
    combo.addItem("перший", 1)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("Контроль")
        combo.setEnabled(True)
        combo.setCurrentIndex(0)
        combo.currentData()
    assert abs(sys.getrefcount(None) - before) < 50

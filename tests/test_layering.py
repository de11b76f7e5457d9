"""Dependencies point one way: ui → services → db. Checked by scanning imports."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kr_desktop"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _files(inside_ui: bool):
    for path in PACKAGE.rglob("*.py"):
        is_ui = "ui" in path.relative_to(PACKAGE).parts[:1]
        if is_ui == inside_ui:
            yield path


def test_nothing_outside_ui_imports_qt():
    offenders = [str(p.relative_to(PACKAGE)) for p in _files(inside_ui=False)
                 if any(m.split(".")[0] in {"PySide6", "shiboken6"} for m in _imported_modules(p))]
    assert offenders == []


def test_nothing_inside_ui_imports_sqlalchemy():
    offenders = [str(p.relative_to(PACKAGE)) for p in _files(inside_ui=True)
                 if any(m.split(".")[0] in {"sqlalchemy", "alembic"} for m in _imported_modules(p))]
    assert offenders == []


def test_the_scan_sees_both_sides():
    # Guards the two tests above against scanning nothing.
    assert any(True for _ in _files(inside_ui=True))
    assert len(list(_files(inside_ui=False))) > 10

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


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph(folder: Path) -> dict[str, set[str]]:
    """Module → the modules of the same folder it imports (lazy imports inside functions count:
    they are dependencies all the same)."""
    modules = {_module_name(p): p for p in folder.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        imported = {module for module in _imported_modules(path) if module in modules}
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module in modules:  # "from kr_desktop.db import migrate"
                imported.update(f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in modules)
        graph[name] = imported - {name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, done = [], set()

    def visit(node, trail):
        if node in trail:
            found.append(trail[trail.index(node):] + [node])
            return
        if node in done:
            return
        for target in sorted(graph.get(node, ())):
            visit(target, trail + [node])
        done.add(node)

    for node in sorted(graph):
        visit(node, [])
    return found


def test_the_database_layer_has_no_import_circle():
    # kr_desktop.db.open once imported the backups, which imported open back (for check_file):
    # the file check now lives in db/file_check.py, below both.
    graph = _import_graph(PACKAGE / "db")
    assert "kr_desktop.db.backup.snapshot" in graph and graph["kr_desktop.db.open"]  # the scan sees the modules
    assert _cycles(graph) == []

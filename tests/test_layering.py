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


def test_the_services_have_no_import_circle():
    # awards and events once called each other (deleting an award detached it from its event, an
    # event's list named the awards' acts): presenting an award at an event is now a module of its
    # own (services/award_presentation.py) that both use, and a basis act's text is the domain's.
    graph = _import_graph(PACKAGE / "services")
    assert "kr_desktop.services.awards.editing" in graph and "kr_desktop.services.events.listing" in graph
    assert "kr_desktop.services.award_presentation" in graph["kr_desktop.services.awards.editing"]
    assert not any(m.startswith("kr_desktop.services.awards") for m in graph["kr_desktop.services.award_presentation"])
    assert _cycles(graph) == []


MAX_LINES = 400  # a module a newcomer reads in one sitting; split by responsibility beyond it


def _package_modules() -> dict[str, Path]:
    """Every module of kr_desktop, the migrations aside (each is one revision, read alone)."""
    return {_module_name(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.relative_to(PACKAGE).parts}


def _absolute(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    """``from .x import y`` inside ``module`` as the absolute name it means."""
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[:len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _whole_import_graph() -> dict[str, set[str]]:
    """Module → the package's modules it imports, at the top or inside a function, absolute or
    relative; ``from package import name`` counts as the submodule when ``name`` is one, else as the
    package itself."""
    modules = _package_modules()
    graph = {}
    for name, path in modules.items():
        named = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                named.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                source = _absolute(name, node, path.name == "__init__.py")
                named.add(source)
                named.update(f"{source}.{alias.name}" for alias in node.names)
        targets = set()
        for target in named:
            while target and target not in modules:  # a name inside a module: the module itself
                target = target.rpartition(".")[0]
            if target:
                targets.add(target)
        graph[name] = targets - {name}
    return graph


def test_no_import_circle_anywhere_in_the_package():
    # Five circles were broken (issue 18): cli ↔ ui through the smoke run, db/open ↔ db/backup,
    # reports/document ↔ the renderers, services awards ↔ events, ui events_dialog ↔ events_screen;
    # and cli ↔ cli/gui (the window's smoke check now comes from the caller).
    graph = _whole_import_graph()
    assert "kr_desktop.cli.gui" in graph and "kr_desktop.ui.app" in graph["kr_desktop.cli.gui"]
    assert _cycles(graph) == []


def test_the_circle_scan_finds_a_circle_and_relative_imports():
    # Guards the test above against a scan that can never fail.
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    relative = ast.parse("from ..db import engine").body[0]
    assert _absolute("kr_desktop.services.awards.register", relative, is_package=False) == "kr_desktop.services.db"
    assert _absolute("kr_desktop.services", ast.parse("from .awards import register").body[0],
                     is_package=True) == "kr_desktop.services.awards"


def test_no_module_of_the_package_is_over_400_lines():
    modules = _package_modules()
    assert len(modules) > 200 and any(".migrations" not in m for m in modules)
    long = {name: n for name, path in modules.items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}, f"split by responsibility: {long}"

"""The installer: the PyInstaller one-folder bundle builds from build_installer.spec and works on
its own — the smoke check (every screen, every command module, Qt's Ukrainian translation, fonts,
icon, the Program printed to PDF and read back), and reports from its command line."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pdfplumber
import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_installer.spec"


def _bundle_env(tmp_path: Path) -> dict:
    """The environment of a user's machine: no venv, no checkout on the path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", KR_DESKTOP_SETTINGS_DIR=str(tmp_path / "settings"), HOME=str(tmp_path))
    return env


def test_smoke_check_prints_its_report_from_a_checkout(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "kr_desktop", "--db", str(tmp_path / "kr.sqlite3"), "--smoke"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    from kr_desktop.ui.screens import SCREENS

    screens = len([s for s in SCREENS if s.min_role == "viewer"])  # the smoke check runs read-only
    for line in (f"OK  Екрани: {screens}", "OK  Переклад Qt: Так", "OK  Програма (PDF)", "Перевірку пройдено."):
        assert line in result.stdout
    with pdfplumber.open(tmp_path / "smoke-program.pdf") as pdf:
        assert "ПРОГРАМА" in pdf.pages[0].extract_text().upper()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="the CI builds the Linux bundle; Windows: see README")
def test_bundle_builds_and_passes_its_smoke_test(tmp_path):
    dist, work = tmp_path / "dist", tmp_path / "build"
    started = time.monotonic()
    build = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                            "--distpath", str(dist), "--workpath", str(work), str(SPEC)],
                           cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stderr[-4000:]
    seconds = time.monotonic() - started
    bundle = dist / "kr-desktop"
    exe = bundle / "kr-desktop"
    assert exe.exists()
    internal = bundle / "_internal"
    for shipped in ("resources/fonts/LiberationSerif-Regular.ttf", "resources/fonts/LICENSE-Liberation.txt",
                    "resources/icons/kr-desktop.png", "resources/translations/qtbase_uk.qm",
                    "kr_desktop/db/builtin/program_1176.json", "kr_desktop/db/migrations/env.py",
                    "docs/user-guide.md", "docs/screenshots/control.png"):
        assert (internal / shipped).exists(), shipped
    migrations = {p.name for p in (internal / "kr_desktop/db/migrations/versions").glob("*.py")}
    assert migrations == {p.name for p in (ROOT / "kr_desktop/db/migrations/versions").glob("*.py")}
    size_mb = sum(p.lstat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20
    print(f"bundle built in {seconds:.0f} s, {size_mb:.0f} MB")

    env = _bundle_env(tmp_path)
    database = tmp_path / "data" / "kr.sqlite3"
    database.parent.mkdir()
    smoke = subprocess.run([str(exe), "--db", str(database), "--smoke"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=180)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "Перевірку пройдено." in smoke.stdout
    assert "ПОМИЛКА" not in smoke.stdout
    with pdfplumber.open(database.parent / "smoke-program.pdf") as pdf:
        first = pdf.pages[0].extract_text().upper()
        assert "ПРОГРАМА" in first and len(pdf.pages) > 10

    for name in ("half.docx", "half.xlsx"):  # python-docx's template and openpyxl in the bundle too
        out = tmp_path / name
        report = subprocess.run([str(exe), "report", "half-year", "--db", str(database), "--year", "2024",
                                 "--half", "1", "--out", str(out)], env=env, capture_output=True, text=True,
                                timeout=120)
        assert report.returncode == 0, report.stderr
        assert out.stat().st_size > 5000

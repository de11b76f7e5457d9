"""Issue 14, deliverable 8: a plain (not editable) ``pip install .`` ships the fonts, icons and the
user guide the program opens — the wheel is built from a copy of the checkout and installed into
a folder of its own, where the installed package finds them."""

import glob
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_a_wheel_carries_resources_and_the_user_guide(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info",
                                                                "__pycache__", ".pytest_cache", ".hypothesis",
                                                                ".data"))
    wheels = tmp_path / "wheels"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = glob.glob(str(wheels / "*.whl"))[0]
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("kr_desktop/resources/fonts/LiberationSerif-Regular.ttf", "kr_desktop/resources/icons/kr-desktop.png",
                   "kr_desktop/docs/user-guide.md", "kr_desktop/db/migrations/env.py"):
        assert needed in names, needed
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)  # what pip install puts into site-packages
    probe = ("from kr_desktop import paths; "
             "print(paths.font_file('LiberationSerif-Regular.ttf').is_file(), paths.icons_dir().is_dir(), "
             "(paths.docs_dir() / 'user-guide.md').is_file(), paths.resources_dir())")
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path,
                           env=dict(os.environ, PYTHONPATH=str(target), PYTHONNOUSERSITE="1"))
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split()[:3] == ["True", "True", "True"], shown.stdout
    assert str(target) in shown.stdout  # the installed copy, not the checkout

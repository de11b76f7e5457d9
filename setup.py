"""The wheel carries ``resources/`` (fonts, icons) and ``docs/`` (the user guide shown by F1) inside
the package, as ``kr_desktop/resources`` and ``kr_desktop/docs``: a plain ``pip install .`` then
has everything ``kr_desktop.paths`` looks for. In a checkout (and an editable install) they are
read where they are. Everything else is in pyproject.toml."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("resources", "docs")  # folders of the checkout copied into the package


class BuildWithResources(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # the checkout's own folders are used
        for name in SHIPPED:
            target = Path(self.build_lib) / "kr_desktop" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(ROOT / name, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithResources})

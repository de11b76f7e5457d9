"""The README is for the people who use the application: short, with the two commands, every
command of the command line, and links that lead somewhere; the developer's material lives in
docs/development.md (the architecture note first) and the server's in docs/server.md."""

import argparse
import re
from pathlib import Path

from kr_desktop.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(actions[0].choices) if actions else {}


def test_the_readme_is_short_and_holds_the_two_commands_ci_runs():
    assert len(README.splitlines()) <= 150
    assert "bash scripts/run-app.sh\n" in README and "bash scripts/test.sh\n" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert [line for line in ci.splitlines() if line.startswith("bash ")] == ["bash scripts/test.sh"]


def test_every_command_and_report_is_in_the_readme_table():
    commands = _subcommands(build_parser())
    reports = _subcommands(commands["report"])
    assert len(commands) >= 10 and len(reports) >= 10  # the scan sees the parser
    table = "\n".join(line for line in README.splitlines() if line.startswith("| `kr-desktop"))
    missing = [name for name in commands if not re.search(rf"kr-desktop {re.escape(name)}\b", table)]
    missing += [f"report {name}" for name in reports if not re.search(rf"[ |]{re.escape(name)}\b", table)]
    assert missing == []


def test_the_readme_says_where_the_database_and_backups_live():
    assert "%LOCALAPPDATA%\\kr_desktop\\kr_desktop.sqlite3" in README
    assert "~/.local/share/kr_desktop/kr_desktop.sqlite3" in README and "FILE.backups/" in README


def test_the_architecture_note_comes_first_in_the_developers_guide():
    guide = (ROOT / "docs" / "development.md").read_text(encoding="utf-8")
    headings = [line for line in guide.splitlines() if line.startswith("#")]
    assert headings[1] == "## Start here: the architecture on one page"
    for part in ("### The layers", "validate → write → journal → signal", "### Where each kind of rule lives",
                 "### A worked example"):
        assert part in guide


def test_every_relative_link_of_the_documentation_leads_to_a_file():
    broken = []
    for page in (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))):
        for link in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if not link.startswith(("http://", "https://", "mailto:")) and not (page.parent / link).exists():
                broken.append(f"{page.name}: {link}")
    assert broken == []

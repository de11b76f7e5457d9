"""The README's set-up never stalls on a busy package manager and says what it does: apt's lock
held by another process (unattended upgrades on a fresh Ubuntu) is waited for with a message,
other apt failures are shown as apt printed them; the build is pinned and warning-free."""

import os
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _fake_apt(tmp_path: Path, busy_calls: int, final_rc: int = 0, final_text: str = "") -> Path:
    """An `apt-get` that reports a held lock for its first ``busy_calls`` runs, then ends with
    ``final_rc``; each call's arguments are appended to calls.log."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "apt-get"
    script.write_text(f"""#!/usr/bin/env bash
echo "$*" >> {tmp_path}/calls.log
n=$(cat {tmp_path}/count 2>/dev/null || echo 0); n=$((n + 1)); echo $n > {tmp_path}/count
if [ $n -le {busy_calls} ]; then
  echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (unattended-upgr)" >&2
  exit 100
fi
echo "{final_text}" >&2
exit {final_rc}
""")
    script.chmod(0o755)
    return bin_dir


def _apt_run(tmp_path: Path, bin_dir: Path, *args: str, wait: int = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "APT_LOCK_POLL": "1", "APT_LOCK_WAIT": str(wait)}
    command = f'. "{ROOT}/scripts/lib/apt.sh"; apt_run "$@"'
    return subprocess.run(["bash", "-c", command, "apt_run", *args], capture_output=True, text=True, env=env,
                          timeout=60)


def test_a_held_lock_is_waited_for_with_one_message(tmp_path):
    done = _apt_run(tmp_path, _fake_apt(tmp_path, busy_calls=3), "install", "-y", "xvfb")
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("Чекаю") == 1 and "waiting for another package manager" in done.stdout
    assert "Could not get lock" not in done.stdout + done.stderr
    calls = (tmp_path / "calls.log").read_text().splitlines()
    assert len(calls) == 4 and all(call.endswith("install -y xvfb") for call in calls)


def test_other_apt_failures_are_shown_at_once(tmp_path):
    bin_dir = _fake_apt(tmp_path, busy_calls=0, final_rc=100, final_text="E: Unable to locate package xvfbb")
    done = _apt_run(tmp_path, bin_dir, "install", "-y", "xvfbb")
    assert done.returncode == 100
    assert "Unable to locate package xvfbb" in done.stderr and "Чекаю" not in done.stdout
    assert len((tmp_path / "calls.log").read_text().splitlines()) == 1


def test_a_lock_held_too_long_ends_with_a_message(tmp_path):
    done = _apt_run(tmp_path, _fake_apt(tmp_path, busy_calls=100), "update", wait=2)
    assert done.returncode == 100
    assert "Менеджер пакетів зайнятий" in done.stderr


def test_the_build_is_pinned_and_free_of_deprecated_metadata():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert all("==" in requirement for requirement in project["build-system"]["requires"])
    assert isinstance(project["project"]["license"], str)  # an SPDX expression, not the deprecated table


def _scratch_checkout(tmp_path: Path) -> tuple[Path, Path]:
    """The set-up scripts and pyproject.toml in a scratch folder, with a `.venv/bin/python` that
    only logs what pip was asked, and a `dpkg-query` that reports every package installed."""
    root = tmp_path / "checkout"
    (root / "scripts" / "lib").mkdir(parents=True)
    for name in ("scripts/setup.sh", "scripts/lib/apt.sh", "pyproject.toml"):
        (root / name).write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    venv_bin = root / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    pip_log = tmp_path / "pip.log"
    (venv_bin / "python").write_text(f'#!/usr/bin/env bash\necho "$*" >> {pip_log}\n')
    (venv_bin / "python").chmod(0o755)
    fake_bin = tmp_path / "fakebin"
    fake_bin.mkdir()
    (fake_bin / "dpkg-query").write_text("#!/usr/bin/env bash\necho 'install ok installed'\n")
    (fake_bin / "dpkg-query").chmod(0o755)
    return root, pip_log


def _setup(root: Path, kind: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{root.parent / 'fakebin'}:{os.environ['PATH']}"}
    return subprocess.run(["bash", "scripts/setup.sh", kind], cwd=root, capture_output=True, text=True, env=env,
                          timeout=60)


def test_the_application_set_up_installs_no_test_tools_and_says_what_it_does(tmp_path):
    root, pip_log = _scratch_checkout(tmp_path)
    done = _setup(root, "app")
    assert done.returncode == 0, done.stderr
    installs = [line for line in pip_log.read_text().splitlines() if " -e " in line]
    assert installs and installs[-1].endswith("-e .")  # no [test] extras for the application
    assert "Встановлюю залежності застосунку" in done.stdout and "installing" in done.stdout
    assert done.stderr == ""

    done = _setup(root, "test")  # the tests add their tools once
    assert [line for line in pip_log.read_text().splitlines() if " -e " in line][-1].endswith("-e .[test]")
    before = pip_log.read_text()
    for kind in ("app", "test"):  # a test set-up serves the application too: nothing more to install
        done = _setup(root, kind)
        assert done.returncode == 0 and done.stdout == "" and done.stderr == ""
    assert pip_log.read_text() == before

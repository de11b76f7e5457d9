#!/usr/bin/env bash
# Shared set-up for the README's commands: system libraries for Qt (apt as root, otherwise the
# exact apt line is printed), a virtual environment in .venv, and the project with its pinned
# dependencies. Safe to run again: it only installs what is missing or changed.
# Usage: scripts/setup.sh test|app
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-test}"

# Qt (PySide6) links libEGL/libGL and fontconfig even offscreen; a fresh Debian lacks them.
QT_PACKAGES="libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3"
# A real window (X11/xcb) and a virtual screen when the machine has no display.
WINDOW_PACKAGES="xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0 libxcb-xfixes0 libxcb-sync1 libxcb-shm0 libxcb-xinerama0"
PYTHON_PACKAGES="python3 python3-venv python3-pip"
# The test run starts a private PostgreSQL server (scripts/test.sh): the tests of the database and
# the services run against SQLite and PostgreSQL.
PG_PACKAGES="postgresql"
packages="$PYTHON_PACKAGES $QT_PACKAGES"
[ "$kind" = test ] && packages="$packages $PG_PACKAGES"
[ "$kind" = app ] && packages="$packages $WINDOW_PACKAGES"
[ -n "${KR_EXTRA_APT:-}" ] && packages="$packages $KR_EXTRA_APT"


. scripts/lib/apt.sh

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
fi
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Встановлюю системні пакети (1–3 хв) / installing system packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt_run update -qq
    apt_run install -y -qq --no-install-recommends $missing
  else
    echo "Бракує системних пакетів. Виконайте від імені адміністратора / missing system packages, run as root:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
    exit 1
  fi
fi

PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  echo "Потрібен Python 3.11 або новіший / Python 3.11+ is required (found: $("$PY" --version 2>&1))." >&2
  exit 1
fi

# pip's own output (download progress, the build backend's notes, the machine's index settings) goes
# to a log; it is shown only when a step fails.
log=".venv/setup.log"
pip_step() {
  if ! .venv/bin/python -m pip --disable-pip-version-check "$@" >>"$log" 2>&1; then
    echo "Не вдалося встановити залежності Python; останні рядки журналу $log / pip failed, the end of $log:" >&2
    tail -n 25 "$log" >&2
    exit 1
  fi
}
if [ ! -x .venv/bin/python ]; then
  echo "Створюю середовище Python у .venv… / creating the Python environment in .venv…"
  "$PY" -m venv .venv
fi
# Install only when the dependency list changed; the application alone needs no test tools, the
# tests need both (a test set-up also serves the application).
stamp=".venv/.kr_desktop-installed"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
have="$(cat "$stamp" 2>/dev/null || true)"
case "$kind" in
  test) target=".[test]"; ok="$want test" ;;
  *) target="."; ok="$want" ;;
esac
if [ "$have" != "$want test" ] && [ "$have" != "$ok" ]; then
  if [ "$kind" = test ]; then
    echo "Встановлюю залежності застосунку і тестів (1–2 хв) / installing the application and test dependencies (1–2 min)…"
  else
    echo "Встановлюю залежності застосунку (1–2 хв) / installing the application's dependencies (1–2 min)…"
  fi
  : >"$log"
  pip_step install -q --upgrade pip
  pip_step install -q -e "$target"
  echo "$ok" > "$stamp"
  echo "Середовище готове / environment ready."
fi

#!/usr/bin/env bash
# Opens kr_desktop on the user's database (created from the built-in Program №1176 on first
# start). Arguments are passed on, e.g. scripts/run-app.sh --db /path/to/file.sqlite3
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "Немає дисплея: вікно відкривається на віртуальному екрані (Xvfb); Ctrl+C — вихід." >&2
  echo "No display: the window opens on a virtual screen (Xvfb); Ctrl+C to stop." >&2
  exec xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/kr-desktop "$@"
fi
exec .venv/bin/kr-desktop "$@"

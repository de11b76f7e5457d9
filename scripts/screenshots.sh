#!/usr/bin/env bash
# Takes the screenshots of docs/screenshots/ from the real windows (scripts/screenshots.py): on the
# display when there is one, else on a virtual X screen (Xvfb). Run it after changing a screen and
# commit the PNGs with the change, so the README and the user guide stay current.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
export QT_QPA_PLATFORM=xcb
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshots.py "$@"
fi
exec .venv/bin/python scripts/screenshots.py "$@"

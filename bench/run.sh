#!/usr/bin/env bash
# The benchmark of issue 7 (not part of the test run): sets up .venv like the other scripts,
# then prints the table of figures, baselines, ratios and bounds. Arguments go to bench/run.py
# (--runs N, --persons N). The first run creates the 100,000-person demo database in bench/.data/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test >&2
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python bench/run.py "$@"

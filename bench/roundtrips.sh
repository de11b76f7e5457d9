#!/usr/bin/env bash
# Round trips per screen (issue 15; not part of the test run): a private PostgreSQL server is
# started for the run (as scripts/test.sh does, or KR_DESKTOP_TEST_PG_URL is used), then
# bench/roundtrips.py measures every screen on a SQLite file and on the server behind a proxy
# that adds the delay (a server 5 ms away by default). Arguments go to bench/roundtrips.py
# (--persons N, --one-way-ms MS, --runs N).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test >&2
export QT_QPA_PLATFORM=offscreen
# shellcheck source=scripts/lib/private_pg.sh
. scripts/lib/private_pg.sh
if [ -z "${KR_DESKTOP_TEST_PG_URL:-}" ]; then
  trap stop_pg EXIT
  start_pg >&2
fi
.venv/bin/python bench/roundtrips.py "$@"

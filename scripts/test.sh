#!/usr/bin/env bash
# Runs the whole test suite headless (Qt offscreen). Arguments go to pytest.
# A private PostgreSQL server (a temporary data folder, 127.0.0.1 only, a free port) is started for
# the run and stopped afterwards, so the database and service tests also run on PostgreSQL
# (KR_DESKTOP_TEST_PG_URL). The test owner may create roles (CREATEROLE), as the owner of a real
# server's database does: the tests of server roles create group and login roles with names
# unique to the run and drop them afterwards. Set KR_DESKTOP_TEST_PG_URL yourself to use another
# server (role tests are skipped if its user lacks CREATEROLE), or KR_TEST_NO_PG=1 to test on
# SQLite only.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen

# shellcheck source=scripts/lib/private_pg.sh
. scripts/lib/private_pg.sh

if [ -z "${KR_DESKTOP_TEST_PG_URL:-}" ] && [ "${KR_TEST_NO_PG:-}" != 1 ]; then
  trap stop_pg EXIT
  start_pg
fi
.venv/bin/python -m pytest -q "$@"

# A private PostgreSQL server for one run (a temporary data folder, 127.0.0.1 only, a free port,
# scram-sha-256 over TCP), sourced by scripts/test.sh and bench/roundtrips.sh: ``start_pg`` exports
# KR_DESKTOP_TEST_PG_URL (the owner kr_test: CREATEDB, CREATEROLE), ``stop_pg`` removes it all.
# Run from the repository's root, after scripts/setup.sh (it uses .venv/bin/python).

pg_dir=""
pg_bin=""
as_pg_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop_pg() {
  if [ -n "$pg_dir" ]; then
    as_pg_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
start_pg() {
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    if [ "${CI:-}" = true ]; then
      echo "PostgreSQL не встановлено / PostgreSQL server not installed (scripts/setup.sh installs it as root)" >&2
      exit 1
    fi
    echo "PostgreSQL не знайдено: тести лише на SQLite / PostgreSQL not found: SQLite only" >&2
    return 0
  fi
  pg_dir="$(mktemp -d /tmp/kr_desktop-pg.XXXXXX)"
  chmod 755 "$pg_dir"
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  local port
  port="$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  as_pg_owner "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; exit 1; }
  # Test data only: durability is traded for speed (the application's own server keeps fsync on).
  as_pg_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$pg_dir/server.log" >&2; exit 1; }
  as_pg_owner "$pg_bin/psql" -q -h "$pg_dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE kr_test LOGIN CREATEDB CREATEROLE PASSWORD 'kr_test'" \
    -c "CREATE DATABASE kr_test OWNER kr_test" >/dev/null
  export KR_DESKTOP_TEST_PG_URL="postgresql+psycopg://kr_test:kr_test@127.0.0.1:$port/kr_test"
  echo "PostgreSQL для тестів / test server: 127.0.0.1:$port"
}


# apt helpers shared by scripts/setup.sh (sourced, not run).
#
# apt_run ARGS…: runs `apt-get ARGS…` quietly. While another package manager holds apt's or
# dpkg's lock (unattended upgrades do this on a fresh Ubuntu, often for minutes), it says so once
# and tries again every few seconds instead of stopping at «Could not get lock». Any other failure
# prints apt's own output and returns its exit code.
# APT_LOCK_WAIT (seconds, default 1200) bounds the wait; APT_LOCK_POLL (default 5) the retry step.

apt_run() {
  local waited=0 told="" out rc
  local limit="${APT_LOCK_WAIT:-1200}" step="${APT_LOCK_POLL:-5}"
  while :; do
    rc=0
    out="$(apt-get -o DPkg::Lock::Timeout="$step" "$@" 2>&1)" || rc=$?
    [ "$rc" = 0 ] && return 0
    if printf '%s\n' "$out" | grep -qiE 'could not get lock|unable to lock|is another process using it'; then
      if [ "$waited" -lt "$limit" ]; then
        if [ -z "$told" ]; then
          echo "Чекаю, поки інша програма (наприклад, автоматичне оновлення системи) завершить роботу з пакетами… / waiting for another package manager to release its lock…"
          told=1
        fi
        sleep "$step"
        waited=$((waited + step))
        continue
      fi
      echo "Менеджер пакетів зайнятий понад $limit с; спробуйте пізніше / the package manager has been busy for over $limit s; try again later." >&2
    fi
    printf '%s\n' "$out" >&2
    return "$rc"
  done
}

#!/usr/bin/env bash
# Builds the one-folder bundle dist/kr-desktop/ with PyInstaller (build_installer.spec) and runs its
# smoke check (opens the built-in database offscreen in a temporary folder, prints the Program to PDF
# and reads it back). The bundle is for the system it is built on: build the Windows bundle on
# Windows (docs/development.md, «The installer»). DIST_DIR / BUILD_DIR change the output and work folders.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test  # PyInstaller is pinned in the test extra (CI builds the bundle too)
dist="${DIST_DIR:-dist}"
work="${BUILD_DIR:-build}"
start=$(date +%s)
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$dist" --workpath "$work" \
  build_installer.spec
echo "Зібрано / built: $dist/kr-desktop ($(du -sh "$dist/kr-desktop" | cut -f1), $(( $(date +%s) - start )) с)"
check="$(mktemp -d)"
trap 'rm -rf "$check"' EXIT
QT_QPA_PLATFORM=offscreen KR_DESKTOP_SETTINGS_DIR="$check" "$dist/kr-desktop/kr-desktop" --db "$check/kr.sqlite3" --smoke

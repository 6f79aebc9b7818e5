#!/usr/bin/env bash
# Smoke test of a frozen build: it starts, opens and migrates a store, loads the catalogue.
set -euo pipefail
dist="${1:?usage: smoke_test.sh DIST_FOLDER}"
exe="$dist/koordinator"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$exe" --version
XDG_DATA_HOME="$tmp" XDG_STATE_HOME="$tmp" "$exe" demo --db "$tmp/smoke.sqlite" --families 3
echo "frozen program: OK"

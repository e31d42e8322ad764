#!/bin/sh
# The network-cut test of the connection status, N runs in a row (default 20) on one server: each run cuts the
# editor's network for 5 s and then for 60 s while typing. Prints each cut's figures and how many runs passed.
# Expects client/dist (npm run build). Usage: tests/e2e/netcut-loop.sh [N]
set -u
cd "$(dirname "$0")/../.."
runs="${1:-20}"
figures=tests/e2e/artifacts/netcut-figures.txt
mkdir -p tests/e2e/artifacts
: > "$figures"
NETCUT_REPEAT="$runs" NODE_OPTIONS=--experimental-vm-modules npx jest tests/e2e/connectionStatus.test.ts \
  --selectProjects e2e -t "reads connected"
status=$?
cat "$figures"
cuts=$(grep -c "cut=" "$figures")
slow=$(awk '/cut=/ { split($3, a, "="); if (a[2] > 2000) n++ } END { print n + 0 }' "$figures")
echo "runs=$runs cuts=$cuts slower_than_2s=$slow exit=$status"
exit $status

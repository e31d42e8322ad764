#!/bin/sh
# The browser tests (npm run test:e2e; expects client/dist): the network-cut test alone first, since it times the
# reconnection (connected within 2 s) and a second browser test beside it on a 2-core machine can make it late;
# then every other file, two at a time (each its own server, data folder and Chromium). Extra arguments go to
# both Jest runs. With E2E_REPORT_DIR set, each run writes its Jest JSON report there (e2e-timed.json, e2e.json).
set -u
cd "$(dirname "$0")/../.."
TIMED=tests/e2e/connectionStatus.test.ts
report() { [ -n "${E2E_REPORT_DIR:-}" ] && echo "--json --outputFile=$E2E_REPORT_DIR/$1"; }
export NODE_OPTIONS=--experimental-vm-modules
# shellcheck disable=SC2046
npx jest --selectProjects e2e --runInBand $(report e2e-timed.json) "$@" -- "$TIMED"
timed=$?
# shellcheck disable=SC2046
npx jest --selectProjects e2e --testPathIgnorePatterns "$TIMED" $(report e2e.json) "$@"
rest=$?
[ "$timed" -eq 0 ] && [ "$rest" -eq 0 ]

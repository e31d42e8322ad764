#!/bin/sh
# The browser tests (npm run test:e2e; expects client/dist): the network-cut test alone first, since it times the
# reconnection (connected within 2 s) and a second browser test beside it on a 2-core machine can make it late;
# then every other file, two at a time (each its own server, data folder and Chromium). With E2E_REPORT_DIR set,
# each run writes its Jest JSON report there (e2e-timed.json, e2e.json).
# Given test files or patterns (`npm run test:e2e -- tests/e2e/login.test.ts`), one Jest run runs those alone;
# options alone (`npm run test:e2e -- --runInBand`, `-t "signs in"`) go to both runs. Jest's options that take their
# value as the next word are listed so that the value is not taken for a pattern.
set -u
cd "$(dirname "$0")/../.."
TIMED=tests/e2e/connectionStatus.test.ts
report() { [ -n "${E2E_REPORT_DIR:-}" ] && echo "--json --outputFile=$E2E_REPORT_DIR/$1"; }
export NODE_OPTIONS=--experimental-vm-modules
value_next=false
for arg in "$@"; do
  if $value_next; then
    value_next=false
    continue
  fi
  case "$arg" in
  -t | --testNamePattern | --maxWorkers | -w | --testTimeout | --seed | --shard | --outputFile | --reporters | --config | -c)
    value_next=true ;;
  -*) ;;
  *) exec npx jest "$@" --selectProjects e2e ;;
  esac
done
# shellcheck disable=SC2046
npx jest --selectProjects e2e --runInBand $(report e2e-timed.json) "$@" -- "$TIMED"
timed=$?
# shellcheck disable=SC2046
npx jest --selectProjects e2e --testPathIgnorePatterns "$TIMED" $(report e2e.json) "$@"
rest=$?
[ "$timed" -eq 0 ] && [ "$rest" -eq 0 ]

#!/usr/bin/env bash
# Findings on real published text, per language and rule, against the review
# ledger (fixtures/real-review/*.toml). Usage:
#   scripts/real-corpus.sh [CORPUS_FOLDER] [--list] [--ledger FOLDER] [--binary PATH]
#   scripts/real-corpus.sh TABLES_FOLDER --tables   (real tables, per 100 tables)
# CORPUS_FOLDER defaults to ../shared/corpus; its zh/ and en/ are read.
# Builds the release binary first unless --binary is given. Needs python3 >= 3.11.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " == *" --debug "* ]]; then
  cargo build --quiet
  set -- "${@/--debug/--binary=target/debug/numlint}"
elif [[ " $* " != *" --binary"* ]]; then
  cargo build --release --quiet
fi
exec python3 scripts/real_corpus.py "$@"

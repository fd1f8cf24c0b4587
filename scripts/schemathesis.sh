#!/usr/bin/env bash
# Schemathesis, pinned, in a project-local virtualenv (.cache/schemathesis-venv) installed from PyPI on
# first use; prints the path of its `st` command. test/integration/schemathesis.test.ts and .ci/run call it.
set -euo pipefail
VERSION=4.32.5
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.cache/schemathesis-venv"
st="$venv/bin/st"
if [ -x "$st" ] && [ "$("$st" --version 2>/dev/null)" = "st, version $VERSION" ]; then
  echo "$st"
  exit 0
fi
echo "Installing schemathesis $VERSION into $venv (first use only)…" >&2
rm -rf "$venv"
if ! python3 -m venv "$venv" >&2; then
  echo "python3 -m venv failed: on Debian, apt-get install python3-venv" >&2
  exit 1
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==$VERSION" >&2
echo "$st"

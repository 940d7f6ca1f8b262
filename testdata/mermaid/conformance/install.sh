#!/bin/sh
# Installs the real Mermaid parser that pkg/mermaid's conformance tests
# run (npm mermaid, jsdom and js-yaml at the versions package-lock.json
# pins) into a cache folder outside the repository, once per lockfile, and
# prints that folder. JOURNEY_MERMAID_CACHE names another folder.
#
# Exit 3: node or npm is missing, or npm cannot reach its registry; the
# tests then skip and say so. Any other failure is an error.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
hash=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -c1-12)
dir=${JOURNEY_MERMAID_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/journey/mermaid-$hash}
if [ -f "$dir/.installed" ]; then
	echo "$dir"
	exit 0
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	echo "node and npm are not installed" >&2
	exit 3
fi
if ! npm ping --fetch-timeout=15000 --fetch-retries=0 >/dev/null 2>&1; then
	echo "npm cannot reach its registry" >&2
	exit 3
fi
mkdir -p "$(dirname "$dir")"
tmp=$(mktemp -d "$dir.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$tmp/"
(cd "$tmp" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) >&2
touch "$tmp/.installed"
# Another run may have finished first; either copy will do.
if mv -T "$tmp" "$dir" 2>/dev/null; then
	trap - EXIT
fi
echo "$dir"

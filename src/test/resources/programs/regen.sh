#!/usr/bin/env bash
# Regenerates the golden NAME.out beside each NAME.py here (or only those named) from real CPython:
#   bash src/test/resources/programs/regen.sh [NAME.py ...]
# A .out is exactly python3's stdout; ConformanceTest runs each .py on the simulator and compares.
# Refuses unless python3 is CPython 3.11.x, the version the simulator models, and leaves a .out
# untouched when its program fails under python3 (a golden program must exit 0).
set -euo pipefail
cd "$(dirname "$0")"
version=$(python3 -c 'import sys, platform; print(platform.python_implementation(), "%d.%d.%d" % sys.version_info[:3])')
case "$version" in
    "CPython 3.11."*) ;;
    *) echo "regen.sh: python3 is $version; golden files come from CPython 3.11.x" >&2; exit 1 ;;
esac
[ $# -gt 0 ] || set -- *.py
status=0
for py in "$@"; do
    py=$(basename "$py")
    out="${py%.py}.out"
    if python3 "$py" > "$out.tmp"; then
        mv "$out.tmp" "$out"
    else
        echo "regen.sh: $py exited non-zero under $version; $out left as it was" >&2
        rm -f "$out.tmp"
        status=1
    fi
done
exit $status

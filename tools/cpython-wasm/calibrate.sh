#!/usr/bin/env bash
# calibrate.sh - runs the whole conformance corpus on the WebAssembly CPythons through run.mjs and
# compares stdout byte for byte with the recorded truth: cases/*.out (native 3.11.7) for 3.11,
# versions/<v>/*.out for 3.12, 3.13 and 3.14. A case without a recorded output for a version was
# left out on purpose (see versions/README.md) and is skipped. It checks the runner, not the simulator.
#
#   tools/cpython-wasm/calibrate.sh [-j JOBS] [--every N] [3.11 3.12 3.13 3.14]
#
# --every N: only every Nth case (sorted by name) plus every case whose recorded output differs
# from 3.11's, for a quicker pass on a busy machine. Exit 1 if any case differs, exits non-zero or
# writes to stderr. JOBS defaults to 2.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
corpus="${CONFORMANCE:-$here/../../../shared/conformance}"
jobs=2
every=1
versions=()
while [ $# -gt 0 ]; do
    case "$1" in
        -j) jobs="$2"; shift ;;
        --every) every="$2"; shift ;;
        3.11|3.12|3.13|3.14) versions+=("$1") ;;
        *) echo "usage: calibrate.sh [-j JOBS] [--every N] [3.11 3.12 3.13 3.14]" >&2; exit 2 ;;
    esac
    shift
done
[ ${#versions[@]} -eq 0 ] && versions=(3.11 3.12 3.13 3.14)
bash "$here/install.sh" || exit 2

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
status=0
for v in "${versions[@]}"; do
    if [ "$v" = 3.11 ]; then truth="$corpus/cases"; else truth="$corpus/versions/$v"; fi
    names=()
    i=0
    for f in "$truth"/*.out; do
        n="$(basename "$f" .out)"
        if [ $((i % every)) -eq 0 ] || ! cmp -s "$f" "$corpus/cases/$n.out"; then names+=("$n"); fi
        i=$((i + 1))
    done
    start=$(date +%s%N)
    # One Node process per program (one interpreter per process); -j of them at a time.
    printf '%s\n' "${names[@]}" | (cd "$corpus/cases" && xargs -P "$jobs" -I{} sh -c \
        'node "$0/run.mjs" --python "$1" "{}.py" >"$2/{}.$1.out" 2>"$2/{}.$1.err"; echo $? >"$2/{}.$1.rc"' \
        "$here" "$v" "$tmp")
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    failed=0
    for n in "${names[@]}"; do
        rc="$(cat "$tmp/$n.$v.rc")"
        if [ "$rc" != 0 ] || [ -s "$tmp/$n.$v.err" ] || ! cmp -s "$truth/$n.out" "$tmp/$n.$v.out"; then
            failed=$((failed + 1))
            echo "FAIL $v $n: exit $rc$( [ -s "$tmp/$n.$v.err" ] && printf '; stderr: %s' "$(head -c 200 "$tmp/$n.$v.err")")"
            diff -u "$truth/$n.out" "$tmp/$n.$v.out" | sed -n '3,12p'
            status=1
        fi
    done
    echo "$v: $(( ${#names[@]} - failed ))/${#names[@]} reproduce the recorded output ($ms ms, $jobs at a time, $(( ms * jobs / ${#names[@]} )) ms per program)"
done
exit $status

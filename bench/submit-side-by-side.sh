#!/usr/bin/env bash
# Issue 21's throughput check: refgrade's submit path against a bare Javalin 7 + SQLite group-commit
# server (bench/BareSubmit.java) doing only the insert and the read, driven by the same
# `refgrade loadtest` one after the other, on fresh SQLite files, and printed side by side with their ratio.
# refgrade keeps its per-token rate limit; its per-student submission limit (30 a minute) is lifted, as
# the class here submits 8 times a second per student to load the server, not to model a class.
# Needs target/refgrade.jar (mvn -B package -DskipTests). docs/PERFORMANCE.md has the figures.
# Usage: bench/submit-side-by-side.sh [ROUNDS] [WARMUP_S] [SECONDS]   (default 1 round, 30 s + 30 s)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-1} WARMUP=${2:-30} SECONDS_MEASURED=${3:-30}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
PORT=7393
WORK=$(mktemp -d)
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
ADMIN=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')

serve() { # NAME: starts that server on a fresh database and waits until it answers
    rm -f "$WORK"/db*
    case $1 in
        refgrade) REFGRADE_ADMIN_TOKEN=$ADMIN "$JAVA" -jar target/refgrade.jar serve --host 127.0.0.1 --port $PORT \
                      --db "sqlite:$WORK/db" --submits-per-minute 1000000 >"$WORK/$1.log" 2>&1 & ;;
        bare) "$JAVA" --enable-native-access=ALL-UNNAMED -cp target/refgrade.jar bench/BareSubmit.java $PORT "$WORK/db" \
                      >"$WORK/$1.log" 2>&1 & ;;
    esac
    SERVER=$!
    for _ in $(seq 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && return; sleep 0.5; done
    echo "$1 did not start:" >&2; cat "$WORK/$1.log" >&2; exit 1
}

load() { # NAME ROUND: one loadtest, its output kept
    "$JAVA" -jar target/refgrade.jar loadtest --url "http://127.0.0.1:$PORT" --token "$ADMIN" --clients 64 \
        --warmup "$WARMUP" --seconds "$SECONDS_MEASURED" | tee "$WORK/$1.$2.out" || true
}

echo "machine    $(nproc) cores, $(uname -sr), $("$JAVA" -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
    for name in refgrade bare; do
        echo "== round $round: $name"
        serve $name
        load $name "$round"
        kill $SERVER; wait $SERVER 2>/dev/null || true; SERVER=
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== side by side (stored/s, p99)"
for round in $(seq "$ROUNDS"); do
    r=$(sed -n 's/.*answered 201: \([0-9]*\) per second/\1/p' "$WORK/refgrade.$round.out")
    b=$(sed -n 's/.*answered 201: \([0-9]*\) per second/\1/p' "$WORK/bare.$round.out")
    rp=$(sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p' "$WORK/refgrade.$round.out")
    bp=$(sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p' "$WORK/bare.$round.out")
    echo "round $round   refgrade $r/s p99 $rp ms   bare $b/s p99 $bp ms   refgrade/bare $(python3 -c "print(f'{$r/$b:.2f}')")"
done

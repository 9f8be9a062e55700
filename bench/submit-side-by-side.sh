#!/usr/bin/env bash
# Issue 21's throughput check: refgrade's submit path against a bare Javalin 7 + SQLite group-commit
# server (bench/BareSubmit.java) doing only the insert and the read, driven by the same
# `refgrade loadtest` one after the other, on fresh SQLite files, and printed side by side with their ratio.
# refgrade's per-student submission limit (30 a minute) is lifted, as the class here submits about 8 times
# a second per student to load the server, not to model a class; its request rate limit is raised
# from 20 to 100 a second, so the 640 tokens, all new and all from 127.0.0.1, are admitted within the
# warm-up (a new token costs its address one request of that budget). Besides throughput and
# latency, each server's CPU time per stored submission is taken from /proc over the measured
# seconds: on a machine shared with other work it is the steadier figure.
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
                      --db "sqlite:$WORK/db" --submits-per-minute 1000000 --rate-limit 100 >"$WORK/$1.log" 2>&1 & ;;
        bare) "$JAVA" --enable-native-access=ALL-UNNAMED -cp target/refgrade.jar bench/BareSubmit.java $PORT "$WORK/db" \
                      >"$WORK/$1.log" 2>&1 & ;;
    esac
    SERVER=$!
    for _ in $(seq 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && return; sleep 0.5; done
    echo "$1 did not start:" >&2; cat "$WORK/$1.log" >&2; exit 1
}

ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; } # the server's user + system CPU, in clock ticks

load() { # NAME ROUND: one loadtest, its output kept, and the server's CPU over the measured seconds
    "$JAVA" -jar target/refgrade.jar loadtest --url "http://127.0.0.1:$PORT" --token "$ADMIN" --clients 64 \
        --warmup "$WARMUP" --seconds "$SECONDS_MEASURED" > "$WORK/$1.$2.out" &
    local client=$!
    sleep "$WARMUP"; local t0; t0=$(ticks)
    sleep "$SECONDS_MEASURED"; local t1; t1=$(ticks)
    wait $client || true
    cat "$WORK/$1.$2.out"
    echo "cpu        $(( (t1 - t0) * 1000 / $(getconf CLK_TCK) )) ms of server CPU in the $SECONDS_MEASURED s measured" | tee -a "$WORK/$1.$2.out"
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
echo "== side by side"
for round in $(seq "$ROUNDS"); do
    r=$(sed -n 's/.*answered 201: \([0-9]*\) per second/\1/p' "$WORK/refgrade.$round.out")
    b=$(sed -n 's/.*answered 201: \([0-9]*\) per second/\1/p' "$WORK/bare.$round.out")
    rp=$(sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p' "$WORK/refgrade.$round.out")
    bp=$(sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p' "$WORK/bare.$round.out")
    rc=$(sed -n 's/^cpu *\([0-9]*\) ms.*/\1/p' "$WORK/refgrade.$round.out")
    bc=$(sed -n 's/^cpu *\([0-9]*\) ms.*/\1/p' "$WORK/bare.$round.out")
    python3 - "$round" "$r" "$rp" "$rc" "$b" "$bp" "$bc" "$SECONDS_MEASURED" <<'PY'
import sys
n, r, rp, rc, b, bp, bc, s = sys.argv[1:]
r, rc, b, bc, s = int(r), int(rc), int(b), int(bc), int(s)
us = lambda cpu, rate: 1000 * cpu / (rate * s)
print(f"round {n}   refgrade {r}/s p99 {rp} ms {us(rc, r):.0f} us CPU each   bare {b}/s p99 {bp} ms {us(bc, b):.0f} us CPU each"
      f"   refgrade/bare: throughput {r / b:.2f}, CPU per submission {us(rc, r) / us(bc, b):.2f}")
PY
done

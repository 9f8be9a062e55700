#!/usr/bin/env bash
# Issue 19's attacks at full size against a server of our own on 127.0.0.1 (docs/SECURITY.md).
# Needs target/refgrade.jar (mvn -B package -DskipTests), curl and python3. Usage: bench/abuse.sh [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-7391}
BASE=http://127.0.0.1:$PORT
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
WORK=$(mktemp -d)
ADMIN=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')
REFGRADE_ADMIN_TOKEN=$ADMIN "$JAVA" -jar target/refgrade.jar serve --host 127.0.0.1 --port "$PORT" --db "sqlite:$WORK/db" \
    --rate-limit 1000 >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 60); do curl -sf "$BASE/health" >/dev/null && break; sleep 1; done
json() { curl -s -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "$@"; }

echo "== 5: a 300 MB chunked body to the playground (limit 256 KiB)"
(printf '{"code": "'; head -c 300000000 /dev/zero | tr '\0' 'x'; printf '"}') \
    | curl -s -o /dev/null -w 'status %{http_code}, %{size_upload} bytes sent, %{time_total} s\n' \
        -H 'Transfer-Encoding: chunked' -H 'Content-Type: application/json' --data-binary @- "$BASE/api/playground/run" || true

echo "== 4: a 45-byte program whose every step gains 500 references (limit 8 MiB)"
curl -s -o "$WORK/run.json" -w 'status %{http_code}, %{size_download} bytes, %{time_total} s\n' -H 'Content-Type: application/json' \
    -d '{"code": "a=[];x=[]\nfor i in range(2000):a+=[x]*500\n"}' "$BASE/api/playground/run"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print('steps', len(r['steps']), 'truncated', r['truncated'])" "$WORK/run.json"

echo "== 7: a draft asking for 10^8 variants (limit 64)"
python3 - "$WORK/draft.json" <<'PY'
import json, sys
params = "".join(f"  {c}: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n" for c in "abcdefgh")
yaml = "id: bomb\ntitle: T\ncode: |\n  x = {{a}}\nparams:\n" + params + "questions:\n  - {id: q, prompt: p, answer: output}\n"
json.dump({"yaml": yaml}, open(sys.argv[1], "w"))
PY
json -w ' (%{time_total} s)\n' -d @"$WORK/draft.json" "$BASE/api/exercises/check"

echo "== 8: one student submitting in a loop for 10 s (limit 30 a minute), then a listing"
json -d '{"id": "c1", "title": "C"}' "$BASE/api/courses" >/dev/null
TOKEN=$(json -d '[{"id": "s1", "name": "S"}]' "$BASE/api/courses/c1/students" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["token"])')
E=$(json "$BASE/api/exercises" | python3 -c 'import json,sys; print(json.load(sys.stdin)["exercises"][0]["id"])')
json -d "{\"id\": \"a1\", \"title\": \"A\", \"exercises\": [\"$E\"], \"due\": \"2030-01-01T00:00:00Z\"}" "$BASE/api/courses/c1/assignments" >/dev/null
BIG="{\"answers\": {\"q\": \"$(head -c 40000 /dev/zero | tr '\0' 'x')\"}}"
curl -s -o /dev/null -w '  a 40 KB submission: status %{http_code}\n' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "$BIG" "$BASE/api/courses/c1/assignments/a1/exercises/$E/submissions"
ANSWER='{"answers": {}}'
END=$((SECONDS + 10)); declare -A codes=()
while [ $SECONDS -lt $END ]; do
    c=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "$ANSWER" "$BASE/api/courses/c1/assignments/a1/exercises/$E/submissions"); codes[$c]=$(( ${codes[$c]:-0} + 1 ))
done
for c in "${!codes[@]}"; do echo "  $c: ${codes[$c]}"; done
curl -s -D "$WORK/h" -o "$WORK/list.json" -H "Authorization: Bearer $ADMIN" "$BASE/api/courses/c1/assignments/a1/exercises/$E/submissions"
python3 -c "import json,sys; print('  listing:', len(json.load(open(sys.argv[1]))), 'rows')" "$WORK/list.json"; grep -i next-offset "$WORK/h" || true
echo "  database files: $(du -ck "$WORK"/db* | tail -1 | cut -f1) KiB"

echo "== 11: a client dripping a header line every second (header timeout 10 s)"
python3 - "$PORT" <<'PY'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
start = time.time()
try:
    for i in range(120):
        time.sleep(1)
        s.sendall(b"X-Drip-%d: 1\r\n" % i)
    print("  still connected after 120 s")
except OSError:
    print("  closed by the server after %.1f s" % (time.time() - start))
PY

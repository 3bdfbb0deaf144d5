#!/usr/bin/env bash
# Runs the Dockerfile's steps on the committed tree (HEAD) without Docker (for machines with no Docker engine): copies the
# same files into a temp folder, installs, builds, prunes dev packages, then starts the server
# the way the image's CMD does and checks /healthz, the editor page and an example flow.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap '[ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
echo "== build stage in $work"
mkdir -p "$work/app" && cd "$work/app"
(cd "$root" && git archive HEAD package.json package-lock.json nx.json tsconfig.base.json tsconfig.json vitest.shared.mjs eslint.config.mjs) | tar -xf -
(cd "$root" && git archive HEAD packages apps examples) | tar -xf -
export NX_DAEMON=false NX_NO_CLOUD=true
log="$work/build.log"
trap 'echo "failed; last lines of $log:"; tail -n 40 "$log"' ERR
npm ci --no-audit --no-fund >"$log" 2>&1
npx nx run-many -t build -p server editor --skip-nx-cache >>"$log" 2>&1
npm prune --omit=dev --no-audit --no-fund >>"$log" 2>&1
test ! -d node_modules/vitest && test ! -d node_modules/nx || { echo "dev packages were not pruned"; exit 1; }
echo "== runtime stage"
mkdir -p "$work/data"
NODE_ENV=production DATA_DIR="$work/data" HOST=127.0.0.1 PORT=0 OWNER_EMAIL=owner@example.com OWNER_PASSWORD=smoke-test-password node --max-old-space-size=1024 apps/server/dist/main.js > "$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do grep -q '"port"' "$work/server.log" && break; sleep 0.2; done
port=$(grep -o '"port":[0-9]*' "$work/server.log" | head -n 1 | cut -d: -f2)
fail() { echo "FAILED: $1"; echo "server log:"; tail -n 20 "$work/server.log"; exit 1; }
[ -n "$port" ] || fail "the server did not start"
node -e "fetch('http://127.0.0.1:$port/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" || fail "healthcheck"
echo "healthcheck ok"
curl -sf "http://127.0.0.1:$port/" | grep -q '<div id="root">' || fail "editor page"
echo "editor page ok"
curl -sf -c "$work/cookies" -H 'content-type: application/json' -d '{"email":"owner@example.com","password":"smoke-test-password"}' "http://127.0.0.1:$port/api/auth/login" >/dev/null || fail "sign-in"
echo "sign-in ok"
curl -sf -b "$work/cookies" "http://127.0.0.1:$port/api/templates" | grep -q 'Big orders' || fail "templates"
echo "templates ok"
# A webhook end to end: a trigger-only flow, activated, takes an event; 202 only once it is stored.
api() { curl -sf -b "$work/cookies" -H 'x-hookflow-csrf: 1' -H 'content-type: application/json' "$@"; }
flow_id=$(api -d '{"name":"smoke","nodes":[{"id":"hook","type":"webhook","params":{"method":"POST"}}],"edges":[]}' "http://127.0.0.1:$port/api/flows" | node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).id') || fail "create a flow"
hook_url=$(api -X POST "http://127.0.0.1:$port/api/flows/$flow_id/activate" | node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).triggers[0].url.replace(/^http:\/\/[^/]+/, "")') || fail "activate"
status=$(curl -s -o "$work/answer" -w '%{http_code}' -H 'content-type: application/json' -d '{"order":{"id":"smoke-1","total":250}}' "http://127.0.0.1:$port$hook_url")
[ "$status" = 202 ] || fail "webhook answered $status: $(cat "$work/answer")"
event_id=$(node -pe 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).eventId' "$work/answer")
api "http://127.0.0.1:$port/api/events?flowId=$flow_id" | grep -q "$event_id" || fail "the accepted event is not in the store"
echo "webhook accepted and stored ok"
echo "smoke test passed"

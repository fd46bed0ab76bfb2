#!/usr/bin/env bash
# Smoke test of a packaged app (CI runs it after packaging/build.sh app-image; also works on an
# extracted .deb):
#   packaging/smoke.sh [LAUNCHER]      default: target/dist/Waiver/bin/Waiver
# Checks that the launcher prints the build's version, that the command line reads the demo register
# and a folder, and that the window reaches its first frame on JavaFX's headless platform (no display
# needed). Exits non-zero on the first failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAUNCHER="${1:-$ROOT/target/dist/Waiver/bin/Waiver}"
[ -x "$LAUNCHER" ] || { echo "smoke: no launcher at $LAUNCHER (run packaging/build.sh app-image)" >&2; exit 1; }
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# 1. --version prints the version Maven built (pom.xml -> jar manifest), not "development build".
expected="$(sed -n 's/^version=//p' "$ROOT/target/maven-archiver/pom.properties" 2>/dev/null || true)"
version="$("$LAUNCHER" --version)"
[ "$version" = "waiver ${expected:-}" ] || [ -z "$expected" ] || fail "--version printed '$version', expected 'waiver $expected'"
echo "smoke: $version"

# 2. The command line from the packaged app: the built-in demo register, then a folder of the user's.
"$LAUNCHER" --home "$tmp/home" exceptions list > "$tmp/demo.txt" 2> "$tmp/demo.err" || fail "exceptions list (demo) exited $?"
echo "smoke: demo register, $(($(wc -l < "$tmp/demo.txt") - 1)) lines"
mkdir -p "$tmp/ws"
cat > "$tmp/ws/exception.yaml" <<'EOF'
apiVersion: kyverno.io/v2
kind: PolicyException
metadata:
  name: smoke-debug-agent
  namespace: payments
spec:
  exceptions:
    - policyName: disallow-privileged-containers
      ruleNames: [privileged-containers]
  match:
    any:
      - resources: {kinds: [Pod], namespaces: [payments], names: [debug-agent*]}
EOF
"$LAUNCHER" --home "$tmp/home" exceptions list --dir "$tmp/ws" -o json > "$tmp/ws.json" \
  || fail "exceptions list --dir exited $?"
grep -q '"smoke-debug-agent"' "$tmp/ws.json" || fail "exceptions list --dir did not list smoke-debug-agent"
echo "smoke: exceptions list --dir reads a folder"

# 3. The window: first frame on the headless platform, then exit (--measure-startup). Killed after
#    120 s so a window that never exits fails the smoke instead of hanging CI.
JAVA_TOOL_OPTIONS="-Dglass.platform=Headless" "$LAUNCHER" --home "$tmp/home" --measure-startup \
  > "$tmp/window.txt" 2> "$tmp/window.err" &
pid=$!
for _ in $(seq 1 240); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  fail "the window did not reach its first frame and exit within 120 s"
fi
wait "$pid" || fail "the window exited $? ($(tail -n 3 "$tmp/window.err"))"
grep -q 'first-frame-ms=' "$tmp/window.txt" || fail "--measure-startup printed no first-frame-ms line"
echo "smoke: window $(cat "$tmp/window.txt")"

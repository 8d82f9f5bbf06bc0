# Sourced by the scripts that exercise `qrconform serve` from outside (scripts/serve-demo, serve-schemathesis,
# serve-browser, bench-serve); not run on its own:
#   source scripts/serve-lib.sh
#   serve_start DATA_DIR [extra serve args...]   # e.g. serve_start .build/x --queue-limit 100
#   ... use $QRC_URL with $QRC_VENDOR_TOKEN, $QRC_VENDOR2_TOKEN, $QRC_OFFICER_TOKEN ...
#   serve_stop                                   # optional: an EXIT trap stops the server anyway
# serve_start empties DATA_DIR (it must be empty, missing, or an earlier service data folder), issues a vendor token
# for "ACME Software (TEST)", one for "Sen Vang Tech (TEST)" and an officer token, starts the service in the
# background on 127.0.0.1, port $QRC_PORT (default 0: a free one, read back from DATA_DIR/port), with the bundled
# test plan, trust list and TEST-ONLY report-signing key, and waits (at most 60 s) until /healthz answers. It exports
# QRC_URL, QRC_VENDOR_TOKEN, QRC_VENDOR2_TOKEN, QRC_OFFICER_TOKEN, QRC_PID, QRC_DATA and QRC_BIN. The server logs to
# DATA_DIR/serve.log. serve_stop sends SIGTERM and waits at most 30 s, then SIGKILLs it (and its worker processes).
# The binary is $QRCONFORM_BIN, else `swift build --show-bin-path`'s qrconform (built beforehand: this builds nothing).
# The caller's EXIT, INT and TERM traps are replaced: a script that needs clean-up of its own sets SERVE_ON_EXIT to a
# command, which runs after the server has stopped.

serve__root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

serve__log() { echo "serve-lib: $*" >&2; }

serve__bin() {
  if [ -n "${QRCONFORM_BIN:-}" ]; then
    echo "$QRCONFORM_BIN"
  else
    echo "$(cd "$serve__root" && swift build --show-bin-path)/qrconform"
  fi
}

serve__on_exit() {
  local status=$?
  serve_stop || true
  if [ -n "${SERVE_ON_EXIT:-}" ]; then eval "$SERVE_ON_EXIT" || true; fi
  exit "$status"
}

serve_start() {
  local data=${1:?serve_start DATA_DIR [serve args]}
  shift
  QRC_BIN=$(serve__bin)
  [ -x "$QRC_BIN" ] || { serve__log "no qrconform binary at $QRC_BIN (swift build --product qrconform)"; return 2; }
  case "$data" in "" | / | . | .. | "$HOME") serve__log "refusing data folder '$data'"; return 2 ;; esac
  if [ -d "$data" ] && [ -n "$(ls -A "$data")" ] && [ ! -e "$data/register.sqlite" ]; then
    serve__log "$data is not empty and is no service data folder; not deleting it"
    return 2
  fi
  rm -rf "$data"
  mkdir -p "$data"
  QRC_DATA=$(cd "$data" && pwd)

  local issue=("$QRC_BIN" serve admin issue-token --data "$QRC_DATA")
  QRC_VENDOR_TOKEN=$("${issue[@]}" --role vendor --vendor "ACME Software (TEST)" --name "ACME CI" 2>>"$QRC_DATA/admin.log")
  QRC_VENDOR2_TOKEN=$("${issue[@]}" --role vendor --vendor "Sen Vang Tech (TEST)" --name "Sen Vang CI" \
    2>>"$QRC_DATA/admin.log")
  QRC_OFFICER_TOKEN=$("${issue[@]}" --role officer --name "Officer Demo" 2>>"$QRC_DATA/admin.log")
  export QRC_BIN QRC_DATA QRC_VENDOR_TOKEN QRC_VENDOR2_TOKEN QRC_OFFICER_TOKEN

  trap serve__on_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  local keys="$serve__root/TestVectors/keys"
  "$QRC_BIN" serve --data "$QRC_DATA" --host 127.0.0.1 --port "${QRC_PORT:-0}" --port-file "$QRC_DATA/port" \
    --test-plan "$serve__root/TestVectors/submissions/test-plan.json" \
    --trust-list "$keys/test-trust-list.jwks.json" \
    --signing-key "$keys/test-only-centre-report-key.private.jwk.json" "$@" \
    </dev/null 2>"$QRC_DATA/serve.log" >&2 &
  QRC_PID=$!
  export QRC_PID

  local deadline=$((SECONDS + 60))
  QRC_URL=
  while [ "$SECONDS" -lt "$deadline" ]; do
    if ! kill -0 "$QRC_PID" 2>/dev/null; then
      serve__log "the server exited before answering; the end of its log:"
      tail -n 20 "$QRC_DATA/serve.log" >&2
      QRC_PID=
      return 1
    fi
    if [ -z "$QRC_URL" ] && [ -s "$QRC_DATA/port" ]; then
      QRC_URL="http://127.0.0.1:$(tr -d '[:space:]' <"$QRC_DATA/port")"
    fi
    if [ -n "$QRC_URL" ] && curl -fsS --max-time 2 -o /dev/null "$QRC_URL/healthz" 2>/dev/null; then
      export QRC_URL
      serve__log "serving at $QRC_URL (pid $QRC_PID, data $QRC_DATA)"
      return 0
    fi
    sleep 0.2
  done
  serve__log "the server did not answer /healthz within 60 s; the end of its log:"
  tail -n 20 "$QRC_DATA/serve.log" >&2
  return 1
}

serve_stop() {
  [ -n "${QRC_PID:-}" ] || return 0
  local pid=$QRC_PID
  QRC_PID=
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    serve__log "the server (pid $pid) did not stop within 30 s of SIGTERM; killing it and its workers"
    local children
    children=$(pgrep -P "$pid" || true)
    kill -KILL "$pid" $children 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  serve__log "stopped the server (pid $pid)"
}

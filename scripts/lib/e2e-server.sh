# Sourced by scripts/test and scripts/size-report: starts the release server on an empty
# SQLite database for the browser tests, and stops it.
#   start_e2e_server PORT   sets e2e_base, e2e_setup (the admin set-up link the server
#                           printed), e2e_log; returns non-zero (log shown) if it did not start
#   stop_e2e_server         stops it and removes its files
# Needs target/release/hakam and target/site (scripts/build).

e2e_server_pid=""
e2e_tmp=""

e2e_port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

e2e_show_log() {
  echo "---- server log (last 200 lines) ----" >&2
  tail -n 200 "$e2e_log" >&2 || true
  echo "---- end of server log ----" >&2
}

stop_e2e_server() {
  if [ -n "$e2e_server_pid" ]; then
    if kill -0 "$e2e_server_pid" 2>/dev/null; then
      kill "$e2e_server_pid" 2>/dev/null || true
      for _ in $(seq 1 50); do
        kill -0 "$e2e_server_pid" 2>/dev/null || break
        sleep 0.1
      done
      kill -9 "$e2e_server_pid" 2>/dev/null || true
    fi
    wait "$e2e_server_pid" 2>/dev/null || true
    e2e_server_pid=""
  fi
  if [ -n "$e2e_tmp" ]; then
    rm -rf "$e2e_tmp"
    e2e_tmp=""
  fi
}

start_e2e_server() {
  local port="$1"
  e2e_base="http://127.0.0.1:$port"
  if e2e_port_in_use "$port"; then
    echo "port $port is already in use; set HAKAM_E2E_PORT to a free port" >&2
    return 1
  fi
  e2e_tmp="$(mktemp -d /tmp/hakam-e2e.XXXXXX)"
  e2e_log="$e2e_tmp/server.log"
  : > "$e2e_tmp/e2e.db"   # an empty file is a valid, empty SQLite database

  echo "==> start target/release/hakam on $e2e_base (log: $e2e_log)"
  env HAKAM_SITE_ROOT=target/site LEPTOS_SITE_ROOT=target/site \
      HAKAM_ADDR="127.0.0.1:$port" LEPTOS_SITE_ADDR="127.0.0.1:$port" \
      DATABASE_URL="sqlite://$e2e_tmp/e2e.db" HAKAM_UPLOAD_DIR="$e2e_tmp/uploads" HAKAM_DEMO=0 HAKAM_ADMIN_EMAIL=e2e-admin@example.ma \
      target/release/hakam >"$e2e_log" 2>&1 &
  e2e_server_pid=$!

  echo "==> wait for $e2e_base/healthz"
  local deadline=$((SECONDS + 60)) up=0
  while [ "$SECONDS" -lt "$deadline" ]; do
    if curl -fsS -o /dev/null --max-time 2 "$e2e_base/healthz" 2>/dev/null; then
      up=1; break
    fi
    if ! kill -0 "$e2e_server_pid" 2>/dev/null; then
      echo "the server exited during startup" >&2
      break
    fi
    sleep 1
  done
  if [ "$up" -ne 1 ]; then
    if kill -0 "$e2e_server_pid" 2>/dev/null; then
      echo "the server did not answer $e2e_base/healthz within 60 s" >&2
    fi
    e2e_show_log
    stop_e2e_server
    return 1
  fi

  # The database has no admin: the server printed a one-time set-up link, which the browser
  # tests' admin (HAKAM_ADMIN_EMAIL, the only account allowed to claim it) opens.
  e2e_setup="$(grep -o '/admin/setup/[A-Za-z0-9]\{32\}' "$e2e_log" | tail -n 1 || true)"
  if [ -z "$e2e_setup" ]; then
    echo "the server printed no admin set-up link" >&2
    e2e_show_log
    stop_e2e_server
    return 1
  fi
}

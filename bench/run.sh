#!/usr/bin/env bash
# Benchmarks a warmed-up EasyDesk against the generated installation and compares its search with
# PostgreSQL's text search and with ILIKE (docs/performance.md). Prints Markdown tables.
#
# Needs: wrk, curl, psql, createdb/dropdb (Debian packages wrk, curl, postgresql-client), a JDK, and a
# database filled by the "generate" profile (README). The generated database is only read: every run
# works on a fresh copy of it (<name>_run), so runs start from the same data, and drops that copy at the end.
#
# Environment (all optional):
#   EASYDESK_DB_URL       the generated database (default jdbc:postgresql://localhost:5432/easydesk_bench)
#   BENCH_PORT            port of the application under test (8097)
#   BENCH_DURATION        wrk time per page (20s; 5s of warm-up come before each)
#   BENCH_CONNECTIONS     wrk connections (8)
#   BENCH_HEAP            -Xmx of the application (512m)
#   BENCH_JAVA_OPTS       more JVM options, e.g. -XX:StartFlightRecording=filename=/tmp/bench.jfr
#   BENCH_LIST_FILTER     query string of the filtered manager list (status=<in work>&responsible=<staff6>)
#   BENCH_ROUNDS          rounds of the search comparison after its warm-up round (3)
set -euo pipefail
cd "$(dirname "$0")/.."

DB_URL="${EASYDESK_DB_URL:-jdbc:postgresql://localhost:5432/easydesk_bench}"
DB_NAME="${DB_URL##*/}"
DB_HOST_PORT="${DB_URL#jdbc:postgresql://}"
DB_HOST_PORT="${DB_HOST_PORT%%/*}"
PGHOST="${DB_HOST_PORT%%:*}"
PGPORT="${DB_HOST_PORT##*:}"
[ "$PGPORT" = "$DB_HOST_PORT" ] && PGPORT=5432
export PGHOST PGPORT PGUSER="${EASYDESK_DB_USER:-postgres}"
RUN_DB="${DB_NAME}_run"
RUN_URL="${DB_URL%/*}/$RUN_DB"
PORT="${BENCH_PORT:-8097}"
DURATION="${BENCH_DURATION:-20s}"
CONNECTIONS="${BENCH_CONNECTIONS:-8}"
HEAP="${BENCH_HEAP:-512m}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d)"
APP=""
ROWS="$WORK/rows.md"
OTHER="$WORK/other.md"

stop_app() {
    if [ -n "$APP" ]; then
        kill "$APP" 2>/dev/null || true
        wait "$APP" 2>/dev/null || true
        APP=""
    fi
}
trap 'stop_app; dropdb --if-exists "$RUN_DB" 2>/dev/null || true; rm -rf "$WORK"' EXIT

load() {
    cut -d' ' -f1-3 /proc/loadavg
}

sql() {
    psql -d "$1" -v ON_ERROR_STOP=1 -Atc "$2"
}

seconds_since() {
    echo "$(( ($(date +%s%N) - $1) / 1000000 ))" | awk '{ printf "%.1f", $1 / 1000 }'
}

note() {
    echo "| $1 | $2 |" >> "$OTHER"
}

echo "# EasyDesk benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "Commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GB," \
    "$(sql "$DB_NAME" "select count(*) from task") tasks, $(sql "$DB_NAME" "select count(*) from message") messages" \
    "in $DB_NAME; load average at start: $(load)."
echo

# ---- set-up: PostgreSQL's text search index (bench only, not a migration) and a fresh copy of the data ----
echo "| other | figure |" > "$OTHER"
echo "|---|---|" >> "$OTHER"
if [ -z "$(sql "$DB_NAME" "select 1 from pg_indexes where indexname = 'message_body_russian_bench'")" ]; then
    started=$(date +%s%N)
    sql "$DB_NAME" "create index message_body_russian_bench on message using gin (to_tsvector('russian', body))" \
        > /dev/null
    note "PostgreSQL GIN index \`to_tsvector('russian', body)\` built (once, for the comparison)" \
        "$(seconds_since "$started") s"
else
    note "PostgreSQL GIN index \`to_tsvector('russian', body)\`" "already built by an earlier run"
fi
dropdb --if-exists "$RUN_DB"
started=$(date +%s%N)
createdb -T "$DB_NAME" "$RUN_DB"
echo "copy of $DB_NAME made in $(seconds_since "$started") s" >&2
# A copy starts without statistics and with an empty visibility map, and autovacuum does not notice it: every
# index-only scan would read the table too (tripled the list's database time). A running installation has both.
started=$(date +%s%N)
vacuumdb -q --analyze -d "$RUN_DB"
note "copy vacuumed and analysed (\`vacuumdb --analyze\`, as autovacuum keeps a running installation)" \
    "$(seconds_since "$started") s"

./mvnw -q -B -ntp -DskipTests package
# A copy, so that a build in this work tree during the run cannot change the jar under the running application.
cp "$(ls target/easydesk-*.jar | grep -v original | head -n 1)" "$WORK/easydesk.jar"
JAR="$WORK/easydesk.jar"

# ---- start: time to a served login page, then the search index built from scratch ----
INDEX_DIR="$WORK/index"
started=$(date +%s%N)
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options
EASYDESK_DB_URL="$RUN_URL" EASYDESK_INDEX_DIR="$INDEX_DIR" \
    java -Xmx"$HEAP" ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
    > "$WORK/app.log" 2>&1 &
APP=$!
until curl -sf -o /dev/null "$BASE/login"; do
    kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 0.1
done
note "start to a served login page" "$(seconds_since "$started") s"

until grep -q "Search index is up to date\|Search index rebuild finished\|Search index rebuild failed" "$WORK/app.log"; do
    kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 1
done
if grep -q "Search index rebuild finished" "$WORK/app.log"; then
    from=$(date -d "$(grep -m1 'Search index rebuild started' "$WORK/app.log" | cut -c1-23)" +%s%N)
    to=$(date -d "$(grep -m1 'Search index rebuild finished' "$WORK/app.log" | cut -c1-23)" +%s%N)
    documents=$(grep -o 'rebuild finished: [0-9]*' "$WORK/app.log" | grep -o '[0-9]*$')
    messages=$(sql "$RUN_DB" "select count(*) from message")
    note "search index built at first start" "$documents documents ($messages messages) in \
$(( (to - from) / 1000000000 )) s: $(( documents * 1000000000 / (to - from) )) documents/s"
else
    note "search index" "$(grep -o 'Search index rebuild failed.*\|Search index is up to date' "$WORK/app.log")"
fi
note "search index on disk" "$(du -sm "$INDEX_DIR" | cut -f1) MB"

# ---- who signs in, and what they look at ----
# Signs in and prints "cookie-header csrf-token" for a session of that person.
sign_in() {
    local jar="$WORK/$1.jar" token
    token=$(curl -s -c "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 \
        | sed 's/.*value="//;s/"//')
    curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=$1&password=bench-password&_csrf=$token" "$BASE/login"
    token=$(curl -s -b "$jar" "$BASE/tasks/new" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 \
        | sed 's/.*value="//;s/"//')
    echo "JSESSIONID=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar") $token"
}

# The supervisor of the company with the most tasks: a client whose search has the most to filter.
CLIENT_EMAIL=$(sql "$RUN_DB" "select p.email from person p join task t on t.client_id = p.client_id
    where p.role = 'CLIENT_CONTACT' and p.supervisor group by p.id, p.email order by count(*) desc, p.id limit 1")
read -r EMPLOYEE_COOKIE _ <<< "$(sign_in staff6@provider.bench)"
read -r MANAGER_COOKIE _ <<< "$(sign_in staff2@provider.bench)"
read -r CLIENT_COOKIE CLIENT_CSRF <<< "$(sign_in "$CLIENT_EMAIL")"
read -r BUSY_TASK BUSY_MESSAGES <<< "$(sql "$RUN_DB" "select t.number, count(*) from task t
    join message m on m.task_id = t.id group by t.number order by abs(count(*) - 50), t.number limit 1" | tr '|' ' ')"
CATEGORY=$(sql "$RUN_DB" "select min(id) from category")
IN_WORK=$(sql "$RUN_DB" "select id from task_status where code = 'in_progress'")
EMPLOYEE_ID=$(sql "$RUN_DB" "select id from person where email = 'staff6@provider.bench'")
LIST_FILTER="${BENCH_LIST_FILTER:-status=$IN_WORK&responsible=$EMPLOYEE_ID}"
QUEUE_SIZE=$(sql "$RUN_DB" "select count(*) from task t join task_status s on s.id = t.status_id
    where s.kind not in ('RESOLVED', 'CLOSED') and t.responsible_id = $EMPLOYEE_ID" 2>/dev/null || echo '?')
echo "| measure | p50 ms | p95 ms | p99 ms | requests/s | errors | load avg after |" > "$ROWS"
echo "|---|---|---|---|---|---|---|" >> "$ROWS"

# Warms up for 5 s, then measures for BENCH_DURATION; appends a row.
row() {
    local name="$1" result
    result=$(grep RESULT || true)
    if [ -z "$result" ]; then
        echo "| $name | failed | | | | | $(load) |" >> "$ROWS"
        return
    fi
    local v problems=""
    v() { echo "$result" | grep -o "$1=[0-9.]*" | cut -d= -f2; }
    [ "$(v timeouts)" != "0" ] && problems="$(v timeouts) timeouts "
    [ "$(v non2xx)" != "0" ] && problems="$problems$(v non2xx) not 2xx/3xx "
    [ "$(v socket)" != "0" ] && problems="$problems$(v socket) socket errors"
    if [ "$(v requests)" = "0" ] || [ "$(v requests)" = "$(v non2xx)" ]; then
        echo "| $name | no good answer within 10 s | | | 0 | ${problems:-none} | $(load) |" >> "$ROWS"
        return
    fi
    echo "| $name | $(v p50) | $(v p95) | $(v p99) | $(v rps) | ${problems:-none} | $(load) |" >> "$ROWS"
}

measure() {
    local name="$1" cookie="$2" path="$3"
    echo "measuring: $name" >&2
    wrk -t2 -c"$CONNECTIONS" -d5s --timeout 10s -H "Cookie: $cookie" "$BASE$path" > /dev/null
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -H "Cookie: $cookie" -s bench/report.lua "$BASE$path" \
        | row "$name"
}

measure_search() {
    local name="$1" cookie="$2"
    echo "measuring: $name" >&2
    BENCH_COOKIE="$cookie" BENCH_QUERIES=bench/search-queries.txt \
        wrk -t2 -c"$CONNECTIONS" -d5s --timeout 10s -s bench/search.lua "$BASE" > /dev/null
    BENCH_COOKIE="$cookie" BENCH_QUERIES=bench/search-queries.txt \
        wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/search.lua "$BASE" | row "$name"
}

measure "employee queue \`/queue\` ($QUEUE_SIZE open tasks)" "$EMPLOYEE_COOKIE" "/queue"
measure "manager list \`/tasks\`, first page" "$MANAGER_COOKIE" "/tasks"
measure "manager list with a filter \`/tasks?$LIST_FILTER\`" "$MANAGER_COOKIE" "/tasks?$LIST_FILTER"
measure "task page with $BUSY_MESSAGES messages \`/tasks/$BUSY_TASK\`" "$MANAGER_COOKIE" "/tasks/$BUSY_TASK"
measure_search "search page, 50 queries, staff (manager)" "$MANAGER_COOKIE"
measure_search "search page, 50 queries, client supervisor" "$CLIENT_COOKIE"
echo "measuring: create a task" >&2
BENCH_COOKIE="$CLIENT_COOKIE" BENCH_CSRF="$CLIENT_CSRF" BENCH_CATEGORY="$CATEGORY" \
    wrk -t1 -c2 -d"$DURATION" --timeout 10s -s bench/create-task.lua "$BASE" | row "create a task (POST, client, 2 connections)"

jcmd "$APP" GC.run > /dev/null
note "heap in use after a full GC, after the run" \
    "$(jcmd "$APP" GC.heap_info | grep -o 'used [0-9]*K' | head -n 1 | grep -o '[0-9]*' | awk '{ printf "%d MB", $1 / 1024 }')"
stop_app

# ---- search side by side, in one process, one query at a time ----
echo "measuring: search side by side" >&2
REPORT="$WORK/search-comparison.md"
EASYDESK_DB_URL="$RUN_URL" EASYDESK_INDEX_DIR="$INDEX_DIR" \
    java -Xmx"$HEAP" -jar "$JAR" --server.port=0 --server.address=127.0.0.1 --easydesk.mail.poll-interval=PT1H \
    --easydesk.bench.search-comparison=true --easydesk.bench.client="$CLIENT_EMAIL" \
    --easydesk.bench.report="$REPORT" --easydesk.bench.rounds="${BENCH_ROUNDS:-3}" > "$WORK/comparison.log" 2>&1 \
    || { tail -n 50 "$WORK/comparison.log"; exit 1; }

echo "## Pages under load"
echo
echo "wrk on loopback, $CONNECTIONS connections, 2 threads, 5 s warm-up then $DURATION per row; the application" \
    "as a jar with -Xmx$HEAP. Times are wrk's, from request to full response. The client is $CLIENT_EMAIL;" \
    "search queries: bench/search-queries.txt, cycled."
echo
cat "$ROWS"
echo
cat "$OTHER"
echo
echo "## Search side by side"
echo
cat "$REPORT"
echo
echo "Load average at the end: $(load)."

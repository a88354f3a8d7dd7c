#!/usr/bin/env bash
# Benchmarks a warmed-up EasyDesk against the generated installation (see docs/performance.md).
# Needs: wrk (Debian package), curl, psql, and a database filled by the "generate" profile.
set -euo pipefail
cd "$(dirname "$0")/.."

DB_URL="${EASYDESK_DB_URL:-jdbc:postgresql://localhost:5432/easydesk_bench}"
DB_NAME="${DB_URL##*/}"
PORT="${BENCH_PORT:-8097}"
DURATION="${BENCH_DURATION:-20s}"
CONNECTIONS="${BENCH_CONNECTIONS:-8}"
HEAP="${BENCH_HEAP:-512m}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d)"
trap 'kill "$APP" 2>/dev/null || true; rm -rf "$WORK"' EXIT

./mvnw -q -B -ntp -DskipTests package
JAR="$(ls target/easydesk-*.jar | grep -v original | head -n 1)"

started=$(date +%s%N)
EASYDESK_DB_URL="$DB_URL" EASYDESK_INDEX_DIR="${BENCH_INDEX_DIR:-data/bench-index}" \
    java -Xmx"$HEAP" -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 > "$WORK/app.log" 2>&1 &
APP=$!
until curl -sf -o /dev/null "$BASE/login"; do
    kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 0.1
done
echo "start to served login page: $(( ($(date +%s%N) - started) / 1000000 )) ms"

# The first start on a database builds the search index in the background; measure only after it.
until grep -q "Search index is up to date\|Search index rebuild finished" "$WORK/app.log"; do
    kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 1
done
grep -o "Search index rebuild finished.*" "$WORK/app.log" || true
echo "search index ready after: $(( ($(date +%s%N) - started) / 1000000 )) ms"

# Signs in and prints "cookie-header csrf-token" for a session of that person.
sign_in() {
    local jar="$WORK/$1.jar" token
    token=$(curl -s -c "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"//')
    curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=$1&password=bench-password&_csrf=$token" "$BASE/login"
    token=$(curl -s -b "$jar" "$BASE/tasks/new" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 \
        | sed 's/.*value="//;s/"//')
    echo "JSESSIONID=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar") $token"
}

read -r EMPLOYEE_COOKIE _ <<< "$(sign_in staff6@provider.bench)"
read -r MANAGER_COOKIE _ <<< "$(sign_in staff2@provider.bench)"
CLIENT_EMAIL=$(psql -h 127.0.0.1 -U postgres -d "$DB_NAME" -Atc \
    "select email from person where role = 'CLIENT_CONTACT' order by id limit 1")
read -r CLIENT_COOKIE CLIENT_CSRF <<< "$(sign_in "$CLIENT_EMAIL")"
BUSY_TASK=$(psql -h 127.0.0.1 -U postgres -d "$DB_NAME" -Atc \
    "select t.number from task t join message m on m.task_id = t.id group by t.number
     order by abs(count(*) - 50), t.number limit 1")
CATEGORY=$(psql -h 127.0.0.1 -U postgres -d "$DB_NAME" -Atc "select min(id) from category")

measure() {
    local name="$1" cookie="$2" path="$3"
    wrk -t2 -c"$CONNECTIONS" -d5s --timeout 10s -H "Cookie: $cookie" "$BASE$path" > /dev/null
    echo "$name: $(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -H "Cookie: $cookie" \
        -s bench/report.lua "$BASE$path" | grep RESULT)"
}

measure "employee queue /queue" "$EMPLOYEE_COOKIE" "/queue"
measure "manager list /tasks" "$MANAGER_COOKIE" "/tasks"
measure "task page with ~50 messages /tasks/$BUSY_TASK" "$MANAGER_COOKIE" "/tasks/$BUSY_TASK"
echo "create task POST /tasks: $(BENCH_COOKIE="$CLIENT_COOKIE" BENCH_CSRF="$CLIENT_CSRF" BENCH_CATEGORY="$CATEGORY" \
    wrk -t1 -c2 -d"$DURATION" -s bench/create-task.lua "$BASE" | grep RESULT || true)"

jcmd "$APP" GC.run > /dev/null
echo "heap in use after GC: $(jcmd "$APP" GC.heap_info | grep -o 'used [0-9]*K' | head -n 1)"

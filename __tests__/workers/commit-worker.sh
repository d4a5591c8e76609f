#!/bin/sh
# One task of the design's commit race, as a real process:
#   commit-worker.sh MODE REPO TASK ROUNDS GOFILE NODE CLI
# Each round appends "TASK ROUND" to the shared TODO.md, writes its own file
# specs/TASK/ROUND.txt and commits both, by MODE:
#   protected — lockstep commit --edit (the TODO.md append runs under the lock)
#   plain     — git add && git commit, no protection (the control)
#   hooks     — git add && git commit with LOCKSTEP_TASK set and lockstep's hooks
#               installed; a commit the pre-commit hook blocks is retried as
#               `git commit -- OWN PATHS`
# Creates GOFILE.TASK.ready once started, then waits for GOFILE.
# Prints one line per round: "ROUND ok", "ROUND retried-ok",
# "ROUND fail indexlock|other|blocked-then-…".
mode=$1 repo=$2 task=$3 rounds=$4 go=$5 node=$6 cli=$7
cd "$repo" || exit 2
: > "$go.$task.ready" # started: the test writes GOFILE once every task is
while [ ! -e "$go" ]; do sleep 0.01; done
err="$repo/.git/worker-$task.err"
classify() {
  if grep -q 'index\.lock' "$err"; then echo indexlock
  elif grep -q 'belongs to active task' "$err"; then echo blocked
  else echo other; fi
}
i=1
while [ "$i" -le "$rounds" ]; do
  own="specs/$task/$i.txt"
  printf '%s %s\n' "$task" "$i" > "$own"
  case $mode in
    protected)
      if "$node" "$cli" commit --task "$task" -m "$task round $i" --edit "printf '%s\\n' '$task $i' >> TODO.md" -- TODO.md "$own" >/dev/null 2>"$err"
      then echo "$i ok"; else echo "$i fail $(classify)"; cat "$err" >&2; fi ;;
    plain | hooks)
      printf '%s %s\n' "$task" "$i" >> TODO.md
      if [ "$mode" = hooks ]; then export LOCKSTEP_TASK="$task"; fi
      if git add TODO.md "$own" 2>"$err" && git commit -q -m "$task round $i" >/dev/null 2>>"$err"; then
        echo "$i ok"
      else
        why=$(classify)
        if [ "$why" = blocked ] && git commit -q -m "$task round $i" -- TODO.md "$own" >/dev/null 2>"$err"; then
          echo "$i retried-ok"
        elif [ "$why" = blocked ]; then
          echo "$i fail blocked-then-$(classify)"
        else
          echo "$i fail $why"
        fi
      fi ;;
  esac
  i=$((i + 1))
done

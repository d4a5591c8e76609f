#!/bin/sh
# One task of the shared-file race, as a real process (an agent in a shared worktree):
#   shared-race-worker.sh MODE REPO TASK ROUNDS GOFILE NODE CLI STATETOOL
# Each round: its own file specs/TASK/ROUND.txt, its own line "- TASK round ROUND" of the
# shared TODO.md, its own key TASK.rROUND of the shared state.json, then a commit, by MODE:
#   add-all     — git add -A && git commit
#   add-own     — git add OWN TODO.md state.json && git commit
#   edit        — the shared edits through `lockstep edit`, then git add -A && git commit
#   commit-edit — lockstep commit --edit (the shared edits under the lock) -- OWN TODO.md state.json
# In add-all and add-own the workers serialize their own read-modify-write of state.json
# (mkdir as a mutex): a lost update there is the workers' race, not a commit's.
# git lets one process at a time hold the index and fails the others at once, so a failed
# add or commit is retried as an agent would: 0.5-1.5 s later, for up to 2 minutes a round.
# Prints per round: "ROUND ok TRIES" or "ROUND gave-up TRIES".
mode=$1 repo=$2 task=$3 rounds=$4 go=$5 node=$6 cli=$7 tool=$8
cd "$repo" || exit 2
export LOCKSTEP_TASK="$task"
while [ ! -e "$go" ]; do sleep 0.01; done
err="$repo/.git/worker-$task.err"
pause() { sleep "$(awk -v s="$$$1$2" 'BEGIN { srand(s); printf "%.2f", 0.5 + rand() }')"; }
i=1
while [ "$i" -le "$rounds" ]; do
  own="specs/$task/$i.txt"
  edit="printf '%s\\n' '- $task round $i' >> TODO.md && '$node' '$tool' state.json $task r$i"
  printf '%s %s\n' "$task" "$i" > "$own"
  case $mode in
    add-all | add-own)
      printf '%s\n' "- $task round $i" >> TODO.md
      until mkdir .git/state-mutex 2>/dev/null; do sleep 0.01; done
      "$node" "$tool" state.json "$task" "r$i"
      rmdir .git/state-mutex ;;
    edit)
      until "$node" "$cli" edit --task "$task" -q -- sh -c "$edit" 2>>"$err"; do pause "$i" e; done ;;
  esac
  start=$(date +%s)
  n=0
  ran=0
  while :; do
    n=$((n + 1))
    case $mode in
      add-all | edit) git add -A 2>>"$err" && git commit -q -m "chore($task): round $i" >/dev/null 2>>"$err" ;;
      add-own) git add "$own" TODO.md state.json 2>>"$err" && git commit -q -m "chore($task): round $i" >/dev/null 2>>"$err" ;;
      commit-edit)
        if [ "$ran" = 0 ]; then
          "$node" "$cli" commit --task "$task" -m "chore($task): round $i" --edit "$edit" -- "$own" TODO.md state.json >/dev/null 2>>"$err"
        else
          "$node" "$cli" commit --task "$task" -m "chore($task): round $i" -- "$own" TODO.md state.json >/dev/null 2>>"$err"
        fi ;;
    esac && { echo "$i ok $n"; break; }
    # A failed lockstep commit --edit whose edit ran (its line is there) is retried without the edit:
    # run again, the edit would add the line twice (and a new --edit moves the first one aside).
    [ "$mode" = commit-edit ] && grep -q "^- $task round $i\$" TODO.md && ran=1
    if [ $(($(date +%s) - start)) -ge 120 ]; then echo "$i gave-up $n"; break; fi
    pause "$i" "$n"
  done
  i=$((i + 1))
done

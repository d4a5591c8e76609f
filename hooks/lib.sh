# --- lockstep hook library (inlined by `lockstep init`) ---------------------
# Variables are prefixed lockstep_ so a chained or sourced script is not disturbed.

# Runs a hook in node, by absolute path (no package runner): the hook bundle, which starts
# faster than the whole CLI (src/hooks/entry.ts); else the bundled CLI; else `lockstep` on PATH.
# Without NODE_EXTRA_CA_CERTS: node parses that bundle at every start (~50 ms), and a hook
# opens no TLS connection (git, which the remote backend uses, has its own CA settings).
lockstep_node() {
  lockstep_n=node
  [ -x "$LOCKSTEP_NODE" ] && lockstep_n=$LOCKSTEP_NODE
  if [ -f "$LOCKSTEP_HOOK" ]; then
    NODE_EXTRA_CA_CERTS= "$lockstep_n" "$LOCKSTEP_HOOK" "$@"
  elif [ -f "$LOCKSTEP_CLI" ]; then
    NODE_EXTRA_CA_CERTS= "$lockstep_n" "$LOCKSTEP_CLI" hook "$@"
  elif command -v lockstep >/dev/null 2>&1; then
    NODE_EXTRA_CA_CERTS= lockstep hook "$@"
  else
    lockstep_absent "$1"
  fi
}

# lockstep is not installed on this machine (a committed hook set-up, a teammate, CI): the
# commit goes on, with one line from the lock phase, unless the repository sets requireHooks
# (read with grep: there is no lockstep here to read it).
lockstep_absent() {
  if grep -Eqs '"requireHooks"[[:space:]]*:[[:space:]]*true' lockstep.config.json package.json; then
    [ "$1" = pre-commit-lock ] || [ "$1" = pre-commit ] || return 0
    echo "lockstep: this repository requires lockstep's commit hooks (requireHooks) and lockstep is not installed here" >&2
    echo "  fix: npm install --save-dev lockstep, then lockstep init; to commit once without it: LOCKSTEP_SKIP=1 git commit ..." >&2
    return 1
  fi
  [ "$1" = pre-commit-lock ] && echo "lockstep: not installed here, committing without the commit lock (to install: npm install --save-dev lockstep, then lockstep init)" >&2
  return 0
}

# The two phases of pre-commit. The lock phase runs first, before any other pre-commit step
# (formatters, lint-staged's stash and re-stage), so that all of them run under the commit lock;
# the check phase runs last and checks what is staged then. See src/hooks/commit-lock.ts.
# Under `lockstep doctor` (LOCKSTEP_DOCTOR_PROBE set) each only records that it ran.
lockstep_lock() {
  if [ -n "${LOCKSTEP_DOCTOR_PROBE:-}" ]; then echo "lock $(pwd)" >> "$LOCKSTEP_DOCTOR_PROBE"; return; fi
  lockstep_node pre-commit-lock "$@"
}

lockstep_check() {
  if [ -n "${LOCKSTEP_DOCTOR_PROBE:-}" ]; then echo "check $(pwd)" >> "$LOCKSTEP_DOCTOR_PROBE"; return; fi
  # A commit without a task: the lock phase wrote the whole inflight record (check=sh in
  # <git pid>.held) and only the staged list is left to add, without node.
  if lockstep_git && lockstep_common_dir; then
    lockstep_file="$lockstep_cd/lockstep/inflight/$lockstep_gitpid"
    lockstep_hv= lockstep_hs= lockstep_hc=
    if [ -f "$lockstep_file.held" ]; then
      while IFS= read -r lockstep_line; do
        case $lockstep_line in
          v=*) lockstep_hv=${lockstep_line#*=} ;;
          gitstart=*) lockstep_hs=${lockstep_line#*=} ;;
          check=*) lockstep_hc=${lockstep_line#*=} ;;
        esac
      done < "$lockstep_file.held"
    fi
    if [ "$lockstep_hv" = 1 ] && [ "$lockstep_hs" = "$lockstep_gitstart" ] && [ "$lockstep_hc" = sh ]; then
      if GIT_OPTIONAL_LOCKS=0 git @LOCKSTEP_STAGED_ARGS@ > "$lockstep_file.paths.tmp" 2>/dev/null \
        && mv -f "$lockstep_file.paths.tmp" "$lockstep_file.paths"; then
        return 0
      fi
      rm -f "$lockstep_file.paths.tmp"
    fi
  fi
  # git lists the staged paths while node starts, and the hook reads them from stdin
  # (src/tasks/git-paths.ts parseStagedListing); without the end mark it lists them itself.
  { GIT_OPTIONAL_LOCKS=0 git @LOCKSTEP_STAGED_ARGS@ 2>/dev/null && echo @LOCKSTEP_STAGED_MARK@; } | {
    @LOCKSTEP_STAGED_STDIN@=1
    export @LOCKSTEP_STAGED_STDIN@
    lockstep_node pre-commit "$@"
  }
}

# Sets lockstep_gitpid and lockstep_gitstart to the nearest git process above this hook
# (start stamp in the format of src/core/process.ts startStamp); fails when there is none.
lockstep_git() {
  lockstep_p=$PPID
  lockstep_i=0
  while [ "$lockstep_i" -lt 16 ] && [ "$lockstep_p" -gt 1 ] 2>/dev/null; do
    if [ -r "/proc/$lockstep_p/stat" ]; then
      IFS= read -r lockstep_st < "/proc/$lockstep_p/stat" || return 1
      lockstep_comm=${lockstep_st#*\(}
      lockstep_comm=${lockstep_comm%\)*}
      lockstep_rest=${lockstep_st##*\) }
      set -f
      # Fields after the command name: $1 is field 3 (state), $2 the ppid, ${20} field 22 (start time).
      set -- $lockstep_rest
      set +f
      case $lockstep_comm in
        git | git-*) lockstep_gitpid=$lockstep_p; lockstep_gitstart="procfs:${20}"; return 0 ;;
      esac
      lockstep_p=$2
    else
      lockstep_out=$(ps -o ppid= -o comm= -p "$lockstep_p" 2>/dev/null) || return 1
      set -f
      set -- $lockstep_out
      set +f
      [ $# -ge 2 ] || return 1
      lockstep_pp=$1
      shift
      lockstep_comm="$*"
      case ${lockstep_comm##*/} in
        git | git-*)
          lockstep_gitpid=$lockstep_p
          lockstep_st=$(LC_ALL=C ps -o lstart= -p "$lockstep_p" 2>/dev/null)
          lockstep_st=${lockstep_st#"${lockstep_st%%[! ]*}"}
          lockstep_st=${lockstep_st%"${lockstep_st##*[! ]}"}
          lockstep_gitstart="ps:$lockstep_st"
          return 0 ;;
      esac
      lockstep_p=$lockstep_pp
    fi
    lockstep_i=$((lockstep_i + 1))
  done
  return 1
}

# Sets lockstep_cd to the git common dir. Hooks run at the top of the worktree, where
# .git is the git dir or a "gitdir:" file (linked worktree, with a commondir file):
# read with builtins; anything else asks git.
lockstep_common_dir() {
  lockstep_cd=
  if [ -z "${GIT_DIR:-}${GIT_COMMON_DIR:-}${GIT_WORK_TREE:-}" ]; then
    lockstep_gd=
    if [ -d .git ]; then
      lockstep_gd=.git
    elif [ -f .git ]; then
      IFS= read -r lockstep_l < .git || :
      case $lockstep_l in "gitdir: "*) lockstep_gd=${lockstep_l#gitdir: } ;; esac
    fi
    if [ -n "$lockstep_gd" ] && [ -d "$lockstep_gd" ]; then
      if [ -f "$lockstep_gd/commondir" ]; then
        IFS= read -r lockstep_l < "$lockstep_gd/commondir" || :
        case $lockstep_l in /*) lockstep_cd=$lockstep_l ;; *) lockstep_cd="$lockstep_gd/$lockstep_l" ;; esac
      else
        lockstep_cd=$lockstep_gd
      fi
    fi
  fi
  [ -n "$lockstep_cd" ] && [ -d "$lockstep_cd/objects" ] && return 0
  lockstep_cd=$(git rev-parse --git-common-dir 2>/dev/null)
}

# Reads <runtime>/inflight/<git pid>, written by pre-commit for this very git process
# (src/hooks/inflight.ts). Read with `read`, never sourced. Fails when there is none.
lockstep_state() {
  lockstep_git || return 1
  lockstep_common_dir || return 1
  lockstep_rt="$lockstep_cd/lockstep"
  lockstep_file="$lockstep_rt/inflight/$lockstep_gitpid"
  # Never through a link (docs/lock.md): one planted in the runtime goes to node
  # (lockstep_unsafe=1, lockstep_fast=0), which refuses naming it.
  lockstep_unsafe=
  if [ -L "$lockstep_rt" ] || [ -L "$lockstep_rt/inflight" ] || [ -L "$lockstep_file" ]; then
    lockstep_unsafe=1 lockstep_fast=0
    return 0
  fi
  [ -f "$lockstep_file" ] || return 1
  lockstep_v= lockstep_s_gitstart= lockstep_lock= lockstep_lockdir= lockstep_token= lockstep_nonce=
  lockstep_inherited= lockstep_acquiredms= lockstep_merge= lockstep_taskjson=null lockstep_hostjson='""'
  lockstep_trailer_task= lockstep_trailer_scope= lockstep_trailer_shared= lockstep_trailer_fence= lockstep_fast=0
  lockstep_indexlock= lockstep_indexmarker=
  while IFS= read -r lockstep_line; do
    case $lockstep_line in
      v=*) lockstep_v=${lockstep_line#*=} ;;
      gitstart=*) lockstep_s_gitstart=${lockstep_line#*=} ;;
      lock=*) lockstep_lock=${lockstep_line#*=} ;;
      lockdir=*) lockstep_lockdir=${lockstep_line#*=} ;;
      token=*) lockstep_token=${lockstep_line#*=} ;;
      nonce=*) lockstep_nonce=${lockstep_line#*=} ;;
      inherited=*) lockstep_inherited=${lockstep_line#*=} ;;
      acquiredms=*) lockstep_acquiredms=${lockstep_line#*=} ;;
      merge=*) lockstep_merge=${lockstep_line#*=} ;;
      taskjson=*) lockstep_taskjson=${lockstep_line#*=} ;;
      hostjson=*) lockstep_hostjson=${lockstep_line#*=} ;;
      trailer_task=*) lockstep_trailer_task=${lockstep_line#*=} ;;
      trailer_scope=*) lockstep_trailer_scope=${lockstep_line#*=} ;;
      trailer_shared=*) lockstep_trailer_shared=${lockstep_line#*=} ;;
      trailer_fence=*) lockstep_trailer_fence=${lockstep_line#*=} ;;
      fast=*) lockstep_fast=${lockstep_line#*=} ;;
      indexlock=*) lockstep_indexlock=${lockstep_line#*=} ;;
      indexmarker=*) lockstep_indexmarker=${lockstep_line#*=} ;;
    esac
  done < "$lockstep_file"
  [ "$lockstep_v" = 1 ] || return 1
  if [ "$lockstep_s_gitstart" != "$lockstep_gitstart" ]; then
    # Left by an earlier git process whose pid this one reuses: not ours.
    rm -f "$lockstep_file" "$lockstep_file.paths" "$lockstep_file.json" "$lockstep_file.got" "$lockstep_file.held"
    return 1
  fi
  return 0
}
# --- end of lockstep hook library -------------------------------------------

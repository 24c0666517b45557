# The steps of a CI script, each timed: `step NAME` ends the step before
# (printing its seconds, and the processor time of the commands it ran)
# and begins NAME; `steps_end` ends the last one, and `steps_summary`
# lists every step with its seconds, slowest first. The processor time
# (user and system, of every command the step waited for) says what a
# step costs when other work shares the machine and its seconds do not.
# Sourced by .ci/run, .ci/check-documents and .ci/use-in-a-repository.
ci_step_name=""
ci_step_began=0
ci_step_cpu_began=0
ci_step_times=()

# The processor seconds of every finished child of this shell, to the
# tenth, into ci_cpu (`times` prints the shell's line, then its
# children's; run here, not in a subshell, whose children they are not).
ci_times_file="$(mktemp)"
ci_children_cpu() {
    times > "$ci_times_file"
    ci_cpu="$(awk 'NR == 2 {
        split($1, u, /[ms]/); split($2, s, /[ms]/)
        printf "%.1f", u[1] * 60 + u[2] + s[1] * 60 + s[2]
    }' "$ci_times_file")"
}

step() {
    steps_end
    ci_step_name="$1"
    ci_step_began=$SECONDS
    ci_children_cpu
    ci_step_cpu_began="$ci_cpu"
    echo "::: $1"
}

steps_end() {
    [ -n "$ci_step_name" ] || return 0
    local took=$((SECONDS - ci_step_began))
    local cpu
    ci_children_cpu
    cpu="$(awk -v now="$ci_cpu" -v then="$ci_step_cpu_began" 'BEGIN { printf "%.1f", now - then }')"
    echo "::: $ci_step_name: ${took} s (processors: ${cpu} s)"
    ci_step_times+=("$(printf '%6d s %8s s  %s' "$took" "$cpu" "$ci_step_name")")
    ci_step_name=""
}

steps_summary() {
    steps_end
    echo "::: every step, slowest first (${SECONDS} s in all; the seconds, then the processors' seconds)"
    printf '%s\n' "${ci_step_times[@]}" | sort -rn
}

# The steps of a CI script, each timed: `step NAME` ends the step before
# (printing its seconds) and begins NAME; `steps_end` ends the last one,
# and `steps_summary` lists every step with its seconds, slowest first.
# Sourced by .ci/run and .ci/use-in-a-repository.
ci_step_name=""
ci_step_began=0
ci_step_times=()

step() {
    steps_end
    ci_step_name="$1"
    ci_step_began=$SECONDS
    echo "::: $1"
}

steps_end() {
    [ -n "$ci_step_name" ] || return 0
    local took=$((SECONDS - ci_step_began))
    echo "::: $ci_step_name: ${took} s"
    ci_step_times+=("$(printf '%6d s  %s' "$took" "$ci_step_name")")
    ci_step_name=""
}

steps_summary() {
    steps_end
    echo "::: every step, slowest first (${SECONDS} s in all)"
    printf '%s\n' "${ci_step_times[@]}" | sort -rn
}

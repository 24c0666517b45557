# Work a CI script runs beside its steps: `background NAME COMMAND...`
# starts COMMAND in a session of its own (its output in
# target/ci-NAME.log, its exit status in target/ci-NAME.status once it
# ends), `background_wait NAME` waits for it and returns its status, and
# `background_stop` ends every session still running (for an EXIT trap:
# a run that fails early takes the builds and browser of its background
# work with it). The command runs as a grandchild of the script, whose
# subshell in between exits at once: the shell's `times`, which
# .ci/steps.sh reads for each step's processor time, counts every child
# the shell has reaped, and would count background work in whichever
# step it happened to end in. Sourced by .ci/run.
ci_background_names=()

background() {
    local name="$1"
    shift
    mkdir -p target
    rm -f "target/ci-$name.status" "target/ci-$name.pid"
    # Without job control the command is not a process group's leader, so
    # `setsid` makes its session in the same process, whose id `$!` is.
    (
        setsid bash -c 'status=0; "${@:2}" || status=$?; echo "$status" > "$1.new" && mv "$1.new" "$1"' \
            background "target/ci-$name.status" "$@" > "target/ci-$name.log" 2>&1 < /dev/null &
        echo "$!" > "target/ci-$name.pid"
    )
    ci_background_names+=("$name")
}

background_wait() {
    while [ ! -e "target/ci-$1.status" ]; do sleep 1; done
    return "$(cat "target/ci-$1.status")"
}

background_stop() {
    local name
    for name in ${ci_background_names[@]+"${ci_background_names[@]}"}; do
        [ -e "target/ci-$name.status" ] || [ ! -e "target/ci-$name.pid" ] ||
            kill -- "-$(cat "target/ci-$name.pid")" 2> /dev/null || true
    done
}

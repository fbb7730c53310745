# Shared by the command-line suites (sourced, not run): counts passed and failed checks.
#   check <name> <expected exit> <expected text in output, or ""> -- command...
# Each check prints "ok   <name>" or "FAIL <name> (...)"; a suite ends with
#   echo "<suite>: $passed passed, $failed failed"
passed=0
failed=0
check() {
  local name=$1 expected=$2 text=$3; shift 4
  local output status
  output=$("$@" 2>&1); status=$?
  if [ "$status" -eq "$expected" ] && { [ -z "$text" ] || grep -qF -- "$text" <<<"$output"; }; then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed=$((failed + 1)); echo "FAIL $name (exit $status, expected $expected; output: ${output:0:400})"
  fi
}

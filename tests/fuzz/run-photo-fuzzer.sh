#!/bin/sh
# Runs fuzz-photo-check (libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer) single-process on the committed seeds.
#
#   tests/fuzz/run-photo-fuzzer.sh [SECONDS] [BUILD_DIR]
#
# Without FUZZER in the environment it sets up BUILD_DIR (default
# build-fuzz-photo) with clang and -Dfuzz=true and builds the harness there;
# with FUZZER=path it runs that binary (the meson test 'fuzz-photo-check'
# does so, for a few seconds, in scripts/test's sanitize build).
#
# New inputs go to BUILD_DIR/corpus; the committed seeds in
# tests/fuzz/corpus/photo are only read. Crashes and leaks are written as
# BUILD_DIR/crash-* / leak-* and make the script exit non-zero.
set -eu

seconds=${1:-600}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${2:-$root/build-fuzz-photo}

if [ -z "${FUZZER:-}" ]; then
  [ -f "$build/build.ninja" ] ||
    CC=clang meson setup "$build" "$root" -Dfuzz=true -Dui=false \
      -Db_sanitize=address,undefined -Db_lundef=false
  ninja -C "$build" tests/fuzz/fuzz-photo-check
  FUZZER=$build/tests/fuzz/fuzz-photo-check
  build=$build/tests/fuzz
fi

mkdir -p "$build/corpus"
cd "$build"
# The checker's own limits (40 MP, 256 MiB for libjpeg) sit below these.
# fatal-criticals: a g_return_if_fail that fires is a bug the fuzzer must report.
G_DEBUG=fatal-criticals \
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
LSAN_OPTIONS=suppressions=$root/tests/sanitize/lsan.supp \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$FUZZER" -max_total_time="$seconds" -max_len=65536 -timeout=20 \
  -rss_limit_mb=2048 -print_final_stats=1 corpus "$here/corpus/photo"

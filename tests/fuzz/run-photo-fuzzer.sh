#!/bin/sh
# Builds fuzz-photo-check with clang's libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs it single-process.
#
#   tests/fuzz/run-photo-fuzzer.sh [SECONDS] [BUILD_DIR]
#
# New inputs go to BUILD_DIR/corpus; the committed seeds in
# tests/fuzz/corpus/photo are only read. Crashes and leaks are written as
# BUILD_DIR/crash-* / leak-* and make the script exit non-zero.
set -eu

seconds=${1:-600}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${2:-$root/build-fuzz-photo}

mkdir -p "$build/corpus"
cat > "$build/config.h" <<'CONFIG'
#define GETTEXT_PACKAGE "baokao"
#define PACKAGE_VERSION "fuzz"
CONFIG

flags="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
# shellcheck disable=SC2046,SC2086
clang $flags -I"$build" -I"$root/src/photo" \
  $(pkg-config --cflags glib-2.0 gio-2.0 json-glib-1.0 libjpeg) \
  "$here/fuzz-photo-check.c" "$root"/src/photo/*.c \
  $(pkg-config --libs glib-2.0 gio-2.0 json-glib-1.0 libjpeg) -lm \
  -o "$build/fuzz-photo-check"

cd "$build"
# The checker's own limits (40 MP, 256 MiB for libjpeg) sit below these.
# fatal-criticals: a g_return_if_fail that fires is a bug the fuzzer must report.
G_DEBUG=fatal-criticals \
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ./fuzz-photo-check -max_total_time="$seconds" -max_len=65536 -timeout=20 \
  -rss_limit_mb=2048 -print_final_stats=1 corpus "$here/corpus/photo"

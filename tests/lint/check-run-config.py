#!/usr/bin/python3
"""Fails when the build that scripts/run makes needs something that only the
tests need.

scripts/run installs the packages `scripts/deps list run` names and builds
with scripts/configure-run. This configures a scratch build the same way
(or with the options given after --options, to prove the check bites) and
finds every program, pkg-config module and Python module that build uses:
the programs meson looked up, the programs its build commands run, and the
modules the Python scripts among them import. Each must come from a run
package, a package those depend on, or Debian's required base system;
otherwise a newcomer's `scripts/run` stops where it would need it.

    check-run-config.py SOURCE_ROOT [--expect WORD]... [--options MESON_OPTION...]

With --expect it checks itself instead: it passes only when it finds
problems and each WORD is named in one of them.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

source_root = os.path.abspath(sys.argv[1])
arguments = sys.argv[2:]
options = None
if "--options" in arguments:
    options = arguments[arguments.index("--options") + 1:]
    arguments = arguments[:arguments.index("--options")]
expected = [arguments[i + 1] for i, a in enumerate(arguments) if a == "--expect"]


def run(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs).stdout


def run_packages():
    return set(run(os.path.join(source_root, "scripts", "deps"), "list", "run").split())


def allowed_packages(roots):
    """The run packages, what they depend on (Depends and Pre-Depends, as
    installed), and the packages every Debian system has."""
    out = run("apt-cache", "depends", "--recurse", "--installed", "--important", *sorted(roots))
    allowed = set(roots)
    for line in out.splitlines():
        name = line.split(":", 1)[1].strip() if ":" in line else line.strip()
        allowed.add(name.strip("<>").split(":")[0])
    base = run("dpkg-query", "-W", "-f", "${Package} ${Essential} ${Priority}\n")
    for line in base.splitlines():
        package, essential, priority = (line.split() + ["", ""])[:3]
        if essential == "yes" or priority == "required":
            allowed.add(package)
    return allowed


def packages_of(paths):
    """The Debian package that installed each path (None for none), asked of
    dpkg once: each question reads its whole database."""
    def variants(path):
        # usrmerge: a file may be registered under /bin or under /usr/bin
        found = [path, os.path.realpath(path)]
        found += [p[4:] for p in found if p.startswith("/usr/")]
        return list(dict.fromkeys(found))

    queries = sorted({v for path in paths for v in variants(path)})
    result = subprocess.run(["dpkg-query", "-S", *queries], capture_output=True, text=True)
    owner = {}
    for line in result.stdout.splitlines():
        packages, _, path = line.partition(": ")
        owner[path] = packages.split(",")[0].split(":")[0].strip()
    return {path: next((owner[v] for v in variants(path) if v in owner), None) for path in paths}


def configure(build_dir):
    if options is None:
        run(os.path.join(source_root, "scripts", "configure-run"), build_dir)
    else:
        run("meson", "setup", build_dir, *options, cwd=source_root)


def programs_meson_found(build_dir):
    log = open(os.path.join(build_dir, "meson-logs", "meson-log.txt"), encoding="utf-8").read()
    found = {}
    for match in re.finditer(r"^Program (\S+) found: YES \(([^)]*)\)", log, re.M):
        found[match.group(1)] = shlex.split(match.group(2))
    return found


def pkg_config_modules(build_dir):
    deps = json.loads(run("meson", "introspect", "--dependencies", build_dir))
    modules = {}
    for dep in deps:
        name = dep.get("name")
        if not name or dep.get("type", "pkgconfig") not in ("pkgconfig", "system"):
            continue
        result = subprocess.run(["pkg-config", "--variable=pcfiledir", name],
                                capture_output=True, text=True)
        if result.returncode == 0:
            modules[name] = os.path.join(result.stdout.strip(), name + ".pc")
    return modules


def build_commands(build_dir):
    """The first word and the Python scripts of every command in build.ninja."""
    ninja = open(os.path.join(build_dir, "build.ninja"), encoding="utf-8").read()
    programs, scripts = set(), set()
    for match in re.finditer(r"^ COMMAND = (.*)$", ninja, re.M):
        try:
            words = shlex.split(match.group(1))
        except ValueError:
            continue
        for i, word in enumerate(words):
            if os.path.isabs(word) and os.access(word, os.X_OK) and (i == 0 or words[i - 1] in ("&&", ";")):
                programs.add(word)
            if word.endswith(".py") and os.path.isfile(os.path.join(build_dir, word)):
                scripts.add(os.path.normpath(os.path.join(build_dir, word)))
    return programs, scripts


def imported_modules(script):
    """Where each module a Python script imports lives, as the build's
    interpreter would find it; None for one it cannot find."""
    probe = (
        "import ast, importlib.util, json, sys\n"
        "tree = ast.parse(open(sys.argv[1], encoding='utf-8').read())\n"
        "names = set()\n"
        "for node in ast.walk(tree):\n"
        "    if isinstance(node, ast.Import): names.update(a.name.split('.')[0] for a in node.names)\n"
        "    elif isinstance(node, ast.ImportFrom) and node.level == 0: names.add(node.module.split('.')[0])\n"
        "out = {}\n"
        "for name in sorted(names):\n"
        "    spec = importlib.util.find_spec(name)\n"
        "    out[name] = None if spec is None else (spec.origin or '')\n"
        "print(json.dumps(out))\n"
    )
    return json.loads(run("/usr/bin/python3", "-c", probe, script))


def main():
    allowed = allowed_packages(run_packages())
    problems = []
    with tempfile.TemporaryDirectory(prefix="baokao-run-config-") as scratch:
        build_dir = os.path.join(scratch, "build")
        try:
            configure(build_dir)
        except subprocess.CalledProcessError as e:
            print(f"the run build does not configure:\n{e.stdout}{e.stderr}", file=sys.stderr)
            return 1

        needs = {}  # what -> path
        for name, command in programs_meson_found(build_dir).items():
            needs[f"program {name}"] = command[0]
        for name, pc_file in pkg_config_modules(build_dir).items():
            needs[f"pkg-config module {name}"] = pc_file
        programs, scripts = build_commands(build_dir)
        for program in programs:
            needs.setdefault(f"program {os.path.basename(program)}", program)
        for script in scripts:
            if script.startswith(os.path.join(source_root, "tests") + os.sep):
                problems.append(f"the build runs {os.path.relpath(script, source_root)}, a test script")
            for module, origin in imported_modules(script).items():
                where = os.path.relpath(script, source_root)
                if origin is None:
                    problems.append(f"{where} imports {module}, which is not installed")
                elif origin not in ("built-in", "frozen", ""):
                    needs[f"Python module {module} (imported by {where})"] = origin

        outside = {what: path for what, path in needs.items()
                   if not path.startswith((source_root + os.sep, scratch + os.sep))}
        owners = packages_of(outside.values())
        for what, path in sorted(outside.items()):
            package = owners[path]
            if package is None:
                problems.append(f"{what} ({path}) belongs to no Debian package")
            elif package not in allowed:
                problems.append(f"{what} comes from {package}, which `scripts/deps run` does not install")

    for problem in problems:
        print(f"run configuration: {problem}", file=sys.stderr)
    if expected:
        missed = [word for word in expected if not any(word in p for p in problems)]
        for word in missed:
            print(f"run configuration: expected a problem naming {word}", file=sys.stderr)
        return 1 if missed else 0
    if not problems:
        print(f"run configuration: {len(needs)} programs and modules, all from the run packages")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

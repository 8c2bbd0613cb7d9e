#!/usr/bin/python3
"""An admission ticket printed through a real CUPS queue: the test starts
its own cupsd (private configuration, spool and socket), adds a CUPS-PDF
queue, prints the ticket PDF that `baokao-tool ticket render` wrote, then
renders what the printer produced at 200 dpi and decodes its QR code, which
`baokao-tool ticket verify` must accept. CUPS-PDF prints text as outlines,
so the check is the picture, not pdftotext.

    test-ticket-print.py BAOKAO-TOOL PHOTO-CORPUS

Skipped (exit 77) where it cannot run: not root (the CUPS-PDF backend runs
as root and writes to /var/spool/cups-pdf), or CUPS or CUPS-PDF missing.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cupslib  # noqa: E402

tool, corpus = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
key = os.path.join(here, "test-authority.key")
cupslib.require()


def run(*args, check=True, **kwargs):
    r = subprocess.run(list(args), capture_output=True, text=True, timeout=120, **kwargs)
    if check and r.returncode != 0:
        raise SystemExit(f"{' '.join(args)} exits {r.returncode}: {r.stdout} {r.stderr}")
    return r


tmp = tempfile.mkdtemp(prefix="baokao-test-print-")
title = f"baokao-test-ticket-{os.getpid()}-{int(time.time())}"
failures = []
with cupslib.PrivateCups(tmp) as cups:
    ticket = {"session": "liaoning-2020", "name": "欧阳娜娜", "id_type": "passport",
              "id_number": "E12345678", "level": 1, "mode": "all", "venue": 2, "room": 3,
              "seat": 21}
    with open(os.path.join(tmp, "ticket.json"), "w", encoding="utf-8") as f:
        json.dump(ticket, f, ensure_ascii=False)
    pdf = os.path.join(tmp, "ticket.pdf")
    run(tool, "ticket", "render", "--key", key, "--photo",
        os.path.join(corpus, "good-295x413.jpg"), "-o", pdf, os.path.join(tmp, "ticket.json"))

    r = cups.run("lp", "-d", cupslib.QUEUE, "-t", title, pdf)
    if r.returncode != 0:
        raise SystemExit(f"lp: {r.stderr}")
    printed = cups.wait_for_output(title)
    if printed is None:
        failures.append("the CUPS-PDF queue wrote nothing in 60 s: " + cups.error_log())
    else:
        info = run("pdfinfo", printed).stdout
        if "Pages:           1" not in info or "(A4)" not in info:
            failures.append(f"the printed file is not one A4 page: {info}")
        obj, problem = cupslib.read_printed(tool, printed, tmp)
        if problem is not None:
            failures.append(problem)
        elif obj.get("name") != "欧阳娜娜" or obj.get("seat") != 21:
            failures.append(f"the printed ticket is another one: {obj}")

cupslib.finish(failures, tmp)

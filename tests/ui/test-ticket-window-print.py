#!/usr/bin/python3
"""The ticket window prints through GtkPrintJob to a real CUPS queue: this
starts a private cupsd with a CUPS-PDF queue (tests/ticket/cupslib.py),
runs test-ticket-window's /ticket-window/print case against it (the window
finds the queue, and its Print button sends the ticket), then renders the
page CUPS-PDF wrote at 200 dpi, decodes its QR code and has
`baokao-tool ticket verify` accept it.

    test-ticket-window-print.py TEST-TICKET-WINDOW BAOKAO-TOOL
"""
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(here), "ticket"))
import cupslib  # noqa: E402

test_binary, tool = sys.argv[1], sys.argv[2]
cupslib.require()
if not os.environ.get("DISPLAY"):
    print("skipped: no display (run under Xvfb, see HACKING.md)")
    sys.exit(cupslib.SKIP)

tmp = tempfile.mkdtemp(prefix="baokao-test-window-print-")
failures = []
with cupslib.PrivateCups(tmp) as cups:
    env = dict(cups.env, BAOKAO_TEST_CUPS_QUEUE=cupslib.QUEUE)
    r = subprocess.run([test_binary, "-p", "/ticket-window/print"], env=env, capture_output=True,
                       text=True, timeout=120)
    if r.returncode != 0 or "SKIP" in r.stdout:
        failures.append(f"the window did not print: {r.returncode}\n{r.stdout[-3000:]}\n"
                        f"{r.stderr[-3000:]}")
    else:
        # The job's title is "Admission ticket 312610201207".
        printed = cups.wait_for_output("312610201207")
        if printed is None:
            failures.append("the CUPS-PDF queue wrote nothing: " + cups.error_log())
        else:
            obj, problem = cupslib.read_printed(tool, printed, tmp)
            if problem is not None:
                failures.append(problem)
            elif obj.get("name") != "李四" or obj.get("room") != 12:
                failures.append(f"the printed ticket is another one: {obj}")

cupslib.finish(failures, tmp)

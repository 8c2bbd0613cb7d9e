#!/usr/bin/python3
"""`baokao-tool ticket render|verify|keygen`, checked as a reader would check
the PDF: pdftotext finds every field, pdffonts shows the fonts embedded and
subset, the page rendered by pdftoppm at 200 dpi has the photo in its box,
and zbarimg decodes the QR code into text that `ticket verify` accepts; the
same text with one character changed is refused.

    test-ticket-pdf.py BAOKAO-TOOL PHOTO-CORPUS
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cupslib  # noqa: E402  (its finish(): report, keep or remove the folder)

tool, corpus = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
key = os.path.join(here, "test-authority.key")
sessions_dir = os.path.join(os.environ["BAOKAO_DATADIR"], "sessions")
failures = []
# Where the photo belongs: a 28 x 39.2 mm box whose top left corner is
# 156 mm from the left edge and 46.9 mm from the top (docs/domain.md).
PHOTO_BOX_MM = (156.0, 46.9, 28.0, 39.2)
DPI = 200


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def run(*args, **kwargs):
    env = dict(os.environ, LANG="C.UTF-8", LANGUAGE="")
    return subprocess.run(list(args), env=env, capture_output=True, text=True, timeout=120,
                          **kwargs)


def session(sid):
    with open(os.path.join(sessions_dir, sid + ".json"), encoding="utf-8") as f:
        return json.load(f)


def squeeze(text):
    return re.sub(r"\s+", "", text)


def expected_fields(ticket, data):
    """What a reader must find on the page, worked out from the session file
    and the documented ticket number format, not from the tool."""
    level = next(l for l in data["levels"] if l["level"] == ticket["level"])
    venue = data["venues"][ticket["venue"] - 1]
    exempt = level["exempt"]["subject"] if ticket.get("mode") == "exempt" else None
    number = "%s%02d%d%02d%03d%02d" % (data["province_code"], data["exam_year"] % 100,
                                       ticket["level"], ticket["venue"], ticket["room"],
                                       ticket["seat"])
    id_types = {"resident-id": "居民身份证", "passport": "护照",
                "hk-macau-taiwan": "港澳台居民证件", "military": "军官证"}
    fields = [data["name"]["zh"], str(data["exam_year"]), "准考证", ticket["name"],
              id_types[ticket["id_type"]], ticket["id_number"], number, level["name"]["zh"],
              venue["name"]["zh"], venue["address"]["zh"], "第%03d考场" % ticket["room"],
              "%02d号" % ticket["seat"], "应试人员须知", data["stationery"]["zh"]]
    fields += [rule["zh"] for rule in data["candidate_rules"]]
    subjects = []
    for subject in level["subjects"]:
        if subject["number"] == exempt:
            continue
        start, end = subject["start"], subject["end"]
        y, m, d = int(start[0:4]), int(start[5:7]), int(start[8:10])
        fields += [subject["name"]["zh"], "%d年%d月%d日" % (y, m, d),
                   "%s—%s" % (start[11:16], end[11:16])]
        subjects.append(subject)
    return number, fields, subjects


def photo_difference(page, photo, shift_mm=0.0):
    """Mean absolute difference (0-255) between the rendered photo box,
    moved left by shift_mm, and the photo scaled to the box."""
    x, y, w, h = PHOTO_BOX_MM
    px = lambda mm: int(round(mm / 25.4 * DPI))
    inset = 3  # pixels: stay clear of the box's edge, where resampling blurs
    left, top, width, height = px(x - shift_mm), px(y), px(w), px(h)
    box = (left + inset, top + inset, left + width - inset, top + height - inset)
    rendered = numpy.asarray(page.crop(box).convert("RGB"), dtype=numpy.float64)
    scaled = Image.open(photo).convert("RGB").resize((px(w), px(h)), Image.LANCZOS)
    expected = numpy.asarray(scaled.crop((inset, inset, px(w) - inset, px(h) - inset)),
                             dtype=numpy.float64)
    return float(numpy.abs(rendered - expected).mean())


def render(tmp, name, ticket, photo, *extra):
    path = os.path.join(tmp, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(ticket, f, ensure_ascii=False)
    pdf = os.path.join(tmp, name + ".pdf")
    r = run(tool, "ticket", "render", "--key", key, "--photo", photo, "--output", pdf, path,
            *extra)
    check(r.returncode == 0, f"{name}: render exits {r.returncode}: {r.stderr}")
    return pdf


def verify(text):
    r = run(tool, "ticket", "verify", "--json", text)
    try:
        return r.returncode, json.loads(r.stdout.splitlines()[-1]), r
    except (ValueError, IndexError):
        check(False, f"verify printed no JSON: {r.stdout!r} {r.stderr!r}")
        return r.returncode, {}, r


def check_ticket(tmp, name, ticket, photo):
    data = session(ticket["session"])
    number, fields, subjects = expected_fields(ticket, data)
    pdf = render(tmp, name, ticket, photo)
    if not os.path.exists(pdf):
        return None

    info = run("pdfinfo", pdf).stdout
    check(re.search(r"Pages:\s+1\n", info), f"{name}: not one page: {info}")
    check(re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), f"{name}: not A4: {info}")

    text = squeeze(run("pdftotext", pdf, "-").stdout)
    for field in fields:
        check(squeeze(field) in text, f"{name}: pdftotext does not find {field!r}")

    fonts = run("pdffonts", pdf).stdout.splitlines()[2:]
    check(len(fonts) >= 1, f"{name}: pdffonts lists no font")
    for row in fonts:
        # name type [type…] encoding emb sub uni object generation
        columns = row.split()
        check(columns[-5:-2] == ["yes", "yes", "yes"],
              f"{name}: a font is not embedded, subset and with Unicode: {row}")

    prefix = os.path.join(tmp, name)
    r = run("pdftoppm", "-r", str(DPI), "-png", pdf, prefix)
    check(r.returncode == 0, f"{name}: pdftoppm failed: {r.stderr}")
    png = prefix + "-1.png"
    page = Image.open(png)
    here_diff = photo_difference(page, photo)
    moved_diff = photo_difference(page, photo, shift_mm=12.0)
    print(f"{name}: photo box differs from the photo by {here_diff:.1f}, 12 mm left by "
          f"{moved_diff:.1f}")
    check(here_diff < 12.0, f"{name}: the photo box differs from the photo by {here_diff:.1f}")
    check(moved_diff > 3 * here_diff + 10,
          f"{name}: 12 mm to the left looks as much like the photo ({moved_diff:.1f} vs "
          f"{here_diff:.1f}): the test cannot tell where the photo is")

    r = run("zbarimg", "--raw", "-q", png)
    qr = r.stdout.strip()
    check(r.returncode == 0 and qr.startswith("BKT1."),
          f"{name}: zbarimg did not decode the QR code: {r.returncode} {r.stdout!r} {r.stderr!r}")
    status, obj, raw = verify(qr)
    check(status == 0 and obj.get("valid") is True,
          f"{name}: verify refuses the scanned code: {status} {raw.stderr}")
    check(obj.get("name") == ticket["name"] and obj.get("number") == number and
          obj.get("id_number") == ticket["id_number"] and obj.get("room") == ticket["room"] and
          obj.get("seat") == ticket["seat"] and obj.get("session") == ticket["session"],
          f"{name}: verify printed another ticket: {obj}")
    check([s["number"] for s in obj.get("subjects", [])] == [s["number"] for s in subjects],
          f"{name}: verify printed subjects {obj.get('subjects')}")

    # One character changed, anywhere: in the payload (the name's bytes) or
    # in the signature.
    for position in (len("BKT1.") + 40, len(qr) - 10):
        changed = qr[:position] + ("A" if qr[position] != "A" else "B") + qr[position + 1:]
        status, obj, raw = verify(changed)
        check(status == 1 and obj.get("valid") is False,
              f"{name}: a code changed at {position} is not refused: {status} {obj}")
        check("Do not admit" in raw.stderr or "not an admission ticket" in raw.stderr,
              f"{name}: the refusal does not say what to do: {raw.stderr!r}")
    return qr


tmp = tempfile.mkdtemp(prefix="baokao-test-ticket-")
standardised = os.path.join(tmp, "standardised.jpg")
r = run(tool, "photo", "standardise", os.path.join(corpus, "good-413x579.jpg"), standardised)
check(r.returncode == 0, f"photo standardise failed: {r.stderr}")

shanghai = {"session": "shanghai-2026", "name": "张三丰", "id_type": "resident-id",
            "id_number": "11010519491231002X", "level": 1, "mode": "all", "venue": 2,
            "room": 12, "seat": 7}
liaoning = {"session": "liaoning-2020", "name": "欧阳娜娜", "id_type": "passport",
            "id_number": "E12345678", "level": 2, "mode": "exempt", "venue": 1, "room": 40,
            "seat": 30}
qr_shanghai = check_ticket(tmp, "shanghai", shanghai, os.path.join(corpus, "good-295x413.jpg"))
check_ticket(tmp, "liaoning", liaoning, standardised)

# A signed ticket, as the server issues it, renders without the key.
if qr_shanghai:
    signed = os.path.join(tmp, "signed.json")
    with open(signed, "w") as f:
        json.dump({"signed": qr_shanghai, "photo": "standardised.jpg"}, f)
    r = run(tool, "ticket", "render", "-o", os.path.join(tmp, "signed.pdf"), signed)
    check(r.returncode == 0, f"a signed ticket does not render: {r.stderr}")
    text = squeeze(run("pdftotext", os.path.join(tmp, "signed.pdf"), "-").stdout)
    check("张三丰" in text and "312610201207" in text, "the signed ticket's page lacks its fields")
    # …but a changed one does not, and leaves no PDF behind.
    with open(signed, "w") as f:
        json.dump({"signed": qr_shanghai[:-3] + "AAA"}, f)
    r = run(tool, "ticket", "render", "-o", os.path.join(tmp, "forged.pdf"), signed)
    check(r.returncode == 2 and "Do not admit" in r.stderr,
          f"a changed signed ticket renders: {r.returncode} {r.stderr}")
    check(not os.path.exists(os.path.join(tmp, "forged.pdf")), "a refused render left a PDF")

# An unsigned ticket needs the key; the message says how.
r = run(tool, "ticket", "render", "-o", os.path.join(tmp, "nokey.pdf"),
        os.path.join(tmp, "shanghai.json"))
check(r.returncode == 2 and "--key" in r.stderr, f"no key: {r.returncode} {r.stderr}")
# A seat the venue does not have.
bad = dict(shanghai, seat=31)
with open(os.path.join(tmp, "bad.json"), "w") as f:
    json.dump(bad, f, ensure_ascii=False)
r = run(tool, "ticket", "render", "--key", key, "-o", os.path.join(tmp, "bad.pdf"),
        os.path.join(tmp, "bad.json"))
check(r.returncode == 2 and "seat" in r.stderr, f"seat 31: {r.returncode} {r.stderr}")

# A point's batch: one page per ticket, in order, each with its own QR code.
batch = os.path.join(tmp, "batch.jsonl")
people = [("王五", 1), ("赵六", 2), ("孙七", 3)]
with open(batch, "w", encoding="utf-8") as f:
    for name, seat in people:
        line = dict(shanghai, name=name, seat=seat, photo="standardised.jpg")
        f.write(json.dumps(line, ensure_ascii=False) + "\n")
    f.write("\n")
batch_pdf = os.path.join(tmp, "batch.pdf")
r = run(tool, "ticket", "render", "--key", key, "--batch", batch, "-o", batch_pdf)
check(r.returncode == 0, f"batch: {r.returncode} {r.stderr}")
info = run("pdfinfo", batch_pdf).stdout
check(re.search(r"Pages:\s+3\n", info), f"batch: not three pages: {info}")
for page, (name, seat) in enumerate(people, 1):
    text = squeeze(run("pdftotext", "-f", str(page), "-l", str(page), batch_pdf, "-").stdout)
    check(name in text and "31261020120%d" % seat in text, f"batch page {page} lacks {name}")
# The authority signs without drawing; render reads what sign prints.
r = run(tool, "ticket", "sign", "--key", key, "--batch", batch)
signed_lines = [json.loads(line) for line in r.stdout.splitlines()]
check(r.returncode == 0 and len(signed_lines) == 3, f"sign: {r.returncode} {r.stdout} {r.stderr}")
for line, (name, seat) in zip(signed_lines, people):
    status, obj, raw = verify(line.get("signed", ""))
    check(status == 0 and obj.get("name") == name and obj.get("seat") == seat,
          f"sign: the signed ticket of {name} does not verify: {obj}")
    check(line.get("photo") == "standardised.jpg", f"sign dropped the photo: {line}")
signed_batch = os.path.join(tmp, "signed.jsonl")
with open(signed_batch, "w") as f:
    f.write(r.stdout)
r = run(tool, "ticket", "render", "--batch", signed_batch, "-o", os.path.join(tmp, "signed3.pdf"))
check(r.returncode == 0 and "3 tickets" in r.stdout, f"render of signed: {r.stdout} {r.stderr}")
with open(batch, "a", encoding="utf-8") as f:
    f.write("{\"session\": \"shanghai-2026\"}\n")
r = run(tool, "ticket", "render", "--key", key, "--batch", batch, "-o", batch_pdf + "2")
check(r.returncode == 2 and "line 5" in r.stderr, f"batch with a bad line 5: {r.stderr}")

# keygen: a new key file readable only by its owner; never overwritten.
secret = os.path.join(tmp, "authority.key")
r = run(tool, "ticket", "keygen", secret)
check(r.returncode == 0 and re.search(r"^[A-Za-z0-9+/]{43}=$", r.stdout.splitlines()[-1]),
      f"keygen: {r.returncode} {r.stdout}")
check(os.stat(secret).st_mode & 0o077 == 0, "keygen: the secret key is readable by others")
r = run(tool, "ticket", "keygen", secret)
check(r.returncode == 2, f"keygen overwrote a key: {r.returncode}")

# Not a ticket at all.
status, obj, raw = verify("hello")
check(status == 1 and obj.get("valid") is False and "scan" in raw.stderr,
      f"verify hello: {status} {raw.stderr}")

cupslib.finish(failures, tmp)

#!/usr/bin/python3
"""The admission ticket drawn with ReportLab (Debian's python3-reportlab),
as src/ticket/bk-ticket-page.c draws it: the same A4 layout, font
(WenQuanYi Zen Hei, embedded and subset), photo (the JPEG as it is) and QR
code (ECC level M), for bench/ticket.

    ticket-reportlab.py SESSIONS-DIR SIGNED.jsonl OUTPUT.pdf [--time]

Each line of SIGNED.jsonl is {"signed": QR text, "photo": JPEG, "ticket":
the unsigned fields}. With --time it prints "time N tickets MS ms" to
standard error, from before the first page to the written file."""
import json
import os
import sys
import time

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

sessions_dir, batch, output = sys.argv[1], sys.argv[2], sys.argv[3]
timing = "--time" in sys.argv
pdfmetrics.registerFont(TTFont("ZH", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
                               subfontIndex=0))
LEFT, RIGHT, ROW, LABEL, TOP, PHOTO_CELL = 20, 190, 9, 25, 44, 150
PAGE_H = 297
ID_TYPES = {"resident-id": "居民身份证", "passport": "护照", "hk-macau-taiwan": "港澳台居民证件",
            "military": "军官证"}
WEEKDAYS = "一二三四五六日"


def y(top_mm):
    """ReportLab's origin is the bottom left corner."""
    return (PAGE_H - top_mm) * mm


def text(c, s, size, x, top, width, centre=False):
    """One line of text whose top is at top mm; returns its height in mm."""
    c.setFont("ZH", size)
    w = pdfmetrics.stringWidth(s, "ZH", size) / mm
    if centre:
        x += (width - w) / 2
    c.drawString(x * mm, y(top + size * 0.3528 * 0.88), s)
    return size * 0.3528 * 1.2


def wrapped(c, s, size, x, top, width):
    lines, line = [], ""
    for ch in s:
        if pdfmetrics.stringWidth(line + ch, "ZH", size) / mm > width:
            lines.append(line)
            line = ch
        else:
            line += ch
    lines.append(line)
    h = 0
    for l in lines:
        h += text(c, l, size, x, top + h, width)
    return h


def cell(c, s, x, top, width, centre=False):
    size = 10.5 if pdfmetrics.stringWidth(s, "ZH", 10.5) / mm < width - 3 else 8
    text(c, s, size, x + 1.5, top + (ROW - size * 0.3528 * 1.2) / 2, width - 3, centre)


def line(c, x0, t0, x1, t1):
    c.line(x0 * mm, y(t0), x1 * mm, y(t1))


def draw(c, session, ticket, signed, photo):
    level = next(l for l in session["levels"] if l["level"] == ticket["level"])
    venue = session["venues"][ticket["venue"] - 1]
    exempt = level["exempt"]["subject"] if ticket.get("mode") == "exempt" else None
    subjects = [s for s in level["subjects"] if s["number"] != exempt]
    number = "%s%02d%d%02d%03d%02d" % (session["province_code"], session["exam_year"] % 100,
                                       ticket["level"], ticket["venue"], ticket["room"],
                                       ticket["seat"])
    c.setLineWidth(0.3 * mm)
    text(c, session["name"]["zh"], 15, LEFT, 16, RIGHT - LEFT, True)
    c.setFont("ZH", 26)
    c.drawCentredString(105 * mm, y(34), "准 考 证")
    c.rect(LEFT * mm, y(TOP + ROW * (9 + len(subjects))), (RIGHT - LEFT) * mm,
           ROW * (9 + len(subjects)) * mm)
    labels = ["姓　　名", "证件类型", "证件号码", "准考证号", "报考级别"]
    values = [ticket["name"], ID_TYPES[ticket["id_type"]], ticket["id_number"], number,
              level["name"]["zh"]]
    for i, (label, value) in enumerate(zip(labels, values)):
        top = TOP + i * ROW
        cell(c, label, LEFT, top, LABEL, True)
        cell(c, value, LEFT + LABEL, top, PHOTO_CELL - LEFT - LABEL)
        line(c, LEFT, top + ROW, PHOTO_CELL, top + ROW)
    line(c, LEFT + LABEL, TOP, LEFT + LABEL, TOP + 5 * ROW)
    line(c, PHOTO_CELL, TOP, PHOTO_CELL, TOP + 5 * ROW)
    c.drawImage(photo, 156 * mm, y(46.9 + 39.2), 28 * mm, 39.2 * mm)

    top = TOP + 5 * ROW
    cell(c, "考点名称", LEFT, top, LABEL, True)
    cell(c, venue["name"]["zh"], LEFT + LABEL, top, RIGHT - LEFT - LABEL)
    cell(c, "考点地址", LEFT, top + ROW, LABEL, True)
    cell(c, venue["address"]["zh"], LEFT + LABEL, top + ROW, RIGHT - LEFT - LABEL)
    cell(c, "考　　场", LEFT, top + 2 * ROW, LABEL, True)
    cell(c, "第%03d考场" % ticket["room"], LEFT + LABEL, top + 2 * ROW, 105 - LEFT - LABEL)
    cell(c, "座 位 号", 105, top + 2 * ROW, LABEL, True)
    cell(c, "%02d号" % ticket["seat"], 105 + LABEL, top + 2 * ROW, RIGHT - 105 - LABEL)
    for i in range(1, 4):
        line(c, LEFT, top + i * ROW, RIGHT, top + i * ROW)
    line(c, LEFT + LABEL, top, LEFT + LABEL, top + 3 * ROW)
    line(c, 105, top + 2 * ROW, 105, top + 3 * ROW)
    line(c, 105 + LABEL, top + 2 * ROW, 105 + LABEL, top + 3 * ROW)

    top += 3 * ROW
    date_x, time_x = 104, 156
    cell(c, "考试科目", LEFT, top, date_x - LEFT, True)
    cell(c, "考试日期", date_x, top, time_x - date_x, True)
    cell(c, "考试时间", time_x, top, RIGHT - time_x, True)
    import datetime
    for i, s in enumerate(subjects):
        start = datetime.datetime.fromisoformat(s["start"])
        row = top + ROW * (i + 1)
        cell(c, "%d．%s" % (s["number"], s["name"]["zh"]), LEFT, row, date_x - LEFT)
        cell(c, "%d年%d月%d日（星期%s）" % (start.year, start.month, start.day,
                                       WEEKDAYS[start.weekday()]), date_x, row, time_x - date_x,
             True)
        cell(c, "%s—%s" % (s["start"][11:16], s["end"][11:16]), time_x, row, RIGHT - time_x,
             True)
    for i in range(1, len(subjects) + 2):
        line(c, LEFT, top + i * ROW, RIGHT, top + i * ROW)
    bottom = top + ROW * (len(subjects) + 1)
    line(c, date_x, top, date_x, bottom)
    line(c, time_x, top, time_x, bottom)

    top = bottom + 8
    top += text(c, "应试人员须知", 12, LEFT, top, RIGHT - LEFT, True) + 1.5
    rules = [r["zh"] for r in session["candidate_rules"]]
    rules.append("允许携带的文具：%s。" % session["stationery"]["zh"])
    for i, rule in enumerate(rules):
        top += wrapped(c, "%d．%s" % (i + 1, rule), 9, LEFT, top, RIGHT - LEFT) + 0.8

    qr = QrCodeWidget(signed, barLevel="M", barBorder=0)
    x0, y0, x1, y1 = qr.getBounds()
    d = Drawing(38 * mm, 38 * mm, transform=[38 * mm / (x1 - x0), 0, 0, 38 * mm / (y1 - y0), 0, 0])
    d.add(qr)
    renderPDF.draw(d, c, (RIGHT - 38) * mm, y(236 + 38))
    text(c, "扫描二维码核验准考证", 8, RIGHT - 43, 236 + 38 + 1.5, 48, True)
    c.showPage()


sessions = {}
lines = [json.loads(l) for l in open(batch, encoding="utf-8") if l.strip()]
start = time.perf_counter()
c = canvas.Canvas(output, pagesize=A4, pageCompression=1)
base = os.path.dirname(os.path.abspath(batch))
for entry in lines:
    ticket = entry["ticket"]
    sid = ticket["session"]
    if sid not in sessions:
        with open(os.path.join(sessions_dir, sid + ".json"), encoding="utf-8") as f:
            sessions[sid] = json.load(f)
    draw(c, sessions[sid], ticket, entry["signed"], os.path.join(base, entry["photo"]))
c.save()
if timing:
    print("time %d tickets %.3f ms" % (len(lines), (time.perf_counter() - start) * 1000),
          file=sys.stderr)

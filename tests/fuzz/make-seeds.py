#!/usr/bin/python3
"""Writes the small seed corpus for fuzz-photo-check (committed in corpus/photo).

Seeded, so running it again gives the same files. Each seed is a few
kilobytes (one accepted photo is 33 KB): a tiny JPEG per decoder path (baseline, progressive, greyscale,
CMYK, restart markers, EXIF orientations, 4:4:4) and a few non-JPEG magics.
"""
import io
import random
import struct
import sys
import tempfile
from pathlib import Path

from PIL import Image

out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "corpus" / "photo")
out.mkdir(parents=True, exist_ok=True)
rng = random.Random(4)


def picture(w, h, mode="RGB"):
    img = Image.new("RGB", (w, h), (250, 250, 250))
    px = img.load()
    for y in range(h // 4, h):
        for x in range(w // 4, 3 * w // 4):
            px[x, y] = (180 + rng.randrange(40), 120 + rng.randrange(40), 100 + rng.randrange(40))
    return img.convert(mode)


def save(name, img, **kw):
    buf = io.BytesIO()
    img.save(buf, "JPEG", **kw)
    (out / name).write_bytes(buf.getvalue())
    return buf.getvalue()


def exif(orientation):
    e = Image.Exif()
    e[0x0112] = orientation
    return e.tobytes()


base = save("baseline.jpg", picture(32, 48), quality=80)
save("progressive.jpg", picture(32, 48), quality=80, progressive=True)
save("grey.jpg", picture(24, 32, "L"), quality=80)
save("cmyk.jpg", picture(24, 32, "CMYK"), quality=80)
save("444.jpg", picture(24, 32), quality=90, subsampling=0)
for o in (3, 6, 8):
    save(f"orient{o}.jpg", picture(32, 24), quality=70, exif=exif(o))
save("subject.jpg", picture(96, 132), quality=40)
(out / "truncated.jpg").write_bytes(base[: len(base) // 2])

# Restart markers exercise the resync path.
from subprocess import run  # noqa: E402
tmp = out / "_tmp.ppm"
picture(32, 48).save(tmp)
r = run(["cjpeg", "-restart", "1", "-quality", "75", str(tmp)], capture_output=True)
if r.returncode == 0:
    (out / "restart.jpg").write_bytes(r.stdout)
tmp.unlink()

# One accepted photo (33 KB), so standardising is reached too.
with tempfile.TemporaryDirectory() as tmpdir:
    run(["/usr/bin/python3", str(Path(__file__).parent.parent / "photo" / "make-corpus.py"), tmpdir],
        check=True, capture_output=True)
    (out / "accepted.jpg").write_bytes((Path(tmpdir) / "good-295x413.jpg").read_bytes())

# Magic numbers of what people rename to .jpg.
(out / "png.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(24))
(out / "heic.bin").write_bytes(struct.pack(">I", 24) + b"ftypheic" + bytes(12))
(out / "webp.bin").write_bytes(b"RIFF\x10\x00\x00\x00WEBPVP8 " + bytes(8))
(out / "pdf.bin").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
(out / "random.bin").write_bytes(bytes(rng.randrange(256) for _ in range(256)))

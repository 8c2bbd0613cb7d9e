#!/usr/bin/python3
"""Builds the photo test corpus into OUTDIR, with manifest.json saying what
each check must answer for each file.

    make-corpus.py OUTDIR [STAMP]

Everything is drawn from seeded random generators with Pillow and
libjpeg-turbo's tools, so every run writes the same files. The synthetic
portrait is drawn at twice the size and reduced, so it has real detail up to
the Nyquist frequency, like a camera's picture; enlargements are made from a
smaller drawing.
"""
import io
import json
import os
import random
import shutil
import struct
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

out = Path(sys.argv[1])

# scripts/test builds the corpus once: the sanitize build copies the plain
# build's (BAOKAO_PHOTO_CORPUS_FROM) when this script has not changed since.
shared = Path(os.environ.get("BAOKAO_PHOTO_CORPUS_FROM", "") or "/nonexistent")
if (shared / "manifest.json").is_file() and shared.resolve() != out.resolve() and \
        (shared / "manifest.json").stat().st_mtime >= Path(__file__).stat().st_mtime:
    shutil.copytree(shared, out, dirs_exist_ok=True)
    if len(sys.argv) > 2:
        Path(sys.argv[2]).write_text("ok\n")
    sys.exit(0)

out.mkdir(parents=True, exist_ok=True)
manifest = {}

WHITE = (250, 250, 250)


def grey_for_lightness(l_star):
    """The sRGB grey level whose CIELAB L* is l_star."""
    y = ((l_star + 16) / 116) ** 3 if l_star > 8 else l_star / 903.3
    c = 12.92 * y if y <= 0.0031308 else 1.055 * y ** (1 / 2.4) - 0.055
    return round(c * 255)


def texture(size, rng, fine=0.8, coarse=6):
    w, h = size
    noise = Image.frombytes("L", size, rng.randbytes(w * h))
    fine_img = noise.filter(ImageFilter.GaussianBlur(fine))
    coarse_img = ImageOps.autocontrast(noise.filter(ImageFilter.GaussianBlur(coarse)))
    return ImageOps.autocontrast(Image.blend(coarse_img, fine_img, 0.5), cutoff=1)


def portrait(w, h, seed, background=WHITE, oversample=2):
    """A head and shoulders on a plain background, w x h."""
    rng = random.Random(seed)
    W, H = w * oversample, h * oversample
    if callable(background):
        img = background(W, H)
    else:
        img = Image.new("RGB", (W, H), background)
    skin = ImageOps.colorize(texture((W, H), rng), (150, 100, 80), (245, 200, 170))
    cloth = ImageOps.colorize(texture((W, H), rng), (20, 30, 60), (90, 110, 170))
    hair = ImageOps.colorize(texture((W, H), rng), (10, 8, 6), (70, 55, 45))

    def mask(box):
        m = Image.new("L", (W, H), 0)
        ImageDraw.Draw(m).ellipse([int(v) for v in box], fill=255)
        return m

    img.paste(cloth, (0, 0), mask((0.06 * W, 0.70 * H, 0.94 * W, 1.45 * H)))
    img.paste(skin, (0, 0), mask((0.40 * W, 0.48 * H, 0.60 * W, 0.78 * H)))  # neck
    img.paste(hair, (0, 0), mask((0.27 * W, 0.17 * H, 0.73 * W, 0.50 * H)))
    img.paste(skin, (0, 0), mask((0.30 * W, 0.24 * H, 0.70 * W, 0.62 * H)))
    d = ImageDraw.Draw(img)
    for ex in (0.40, 0.60):  # eyes
        d.ellipse([ex * W - 0.04 * W, 0.38 * H, ex * W + 0.04 * W, 0.41 * H], fill=(60, 40, 30))
    d.ellipse([0.44 * W, 0.52 * H, 0.56 * W, 0.545 * H], fill=(150, 60, 60))  # mouth
    return img.resize((w, h), Image.LANCZOS)


def jpeg_bytes(img, quality=95, **kw):
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, **kw)
    return buf.getvalue()


def write(name, data, accepted=None, checks=None, values=None):
    (out / name).write_bytes(data)
    entry = {"checks": checks or {}}
    if accepted is not None:
        entry["accepted"] = accepted
    if values:
        entry["values"] = values
    manifest[name] = entry


ALL_PASS = {k: "pass" for k in
            ("format", "colour", "size", "dimensions", "background", "sharpness", "upscaled")}


def expect(**changes):
    checks = dict(ALL_PASS)
    checks.update(changes)
    return {k: v for k, v in checks.items() if v != "any"}


def pad_to(data, size):
    """Pads a JPEG to exactly size bytes with COM segments after SOI."""
    extra = size - len(data)
    assert extra >= 4, (len(data), size)
    segments = b""
    while extra > 0:
        chunk = min(extra, 65533 + 2)
        if extra - chunk in (1, 2, 3):  # leave room for one more whole segment
            chunk -= 4
        payload = chunk - 4
        segments += b"\xff\xfe" + struct.pack(">H", payload + 2) + b"\0" * payload
        extra -= chunk
    result = data[:2] + segments + data[2:]
    assert len(result) == size
    return result


# ---- the reference photos ------------------------------------------------
good = portrait(295, 413, seed=1)
write("good-295x413.jpg", jpeg_bytes(good), True, expect(), {"dimensions": "295x413",
                                                               "format": "jpeg-baseline"})
write("good-413x579.jpg", jpeg_bytes(portrait(413, 579, seed=2)), True, expect(),
      {"dimensions": "413x579"})
write("progressive.jpg", jpeg_bytes(portrait(300, 420, seed=3), quality=97, progressive=True), True,
      expect(), {"format": "jpeg-progressive"})

# ---- dimensions: the boundary and the orientation --------------------------
write("small-294x413.jpg", jpeg_bytes(portrait(294, 413, seed=4), quality=95), False,
      expect(dimensions="fail", size="any", upscaled="any"), {"dimensions": "294x413"})
write("small-295x412.jpg", jpeg_bytes(portrait(295, 412, seed=4), quality=95), False,
      expect(dimensions="fail", size="any", upscaled="any"), {"dimensions": "295x412"})
write("landscape-600x450.jpg", jpeg_bytes(portrait(600, 450, seed=5)), False,
      {"format": "pass", "dimensions": "fail"}, {"dimensions": "600x450"})

write("small-landscape-400x300.jpg", jpeg_bytes(portrait(400, 300, seed=5)), False,
      {"format": "pass", "dimensions": "fail"}, {"dimensions": "400x300"})
write("square-500x500.jpg", jpeg_bytes(portrait(500, 500, seed=5)), False,
      {"format": "pass", "dimensions": "fail"}, {"dimensions": "500x500"})

# Very narrow: refused, and measured without enlarging it to 295 px wide.
write("thin-8x4000.jpg", jpeg_bytes(portrait(8, 4000, seed=5)), False,
      {"format": "pass", "dimensions": "fail"}, {"dimensions": "8x4000"})

# What each EXIF orientation needs stored so that it shows upright.
STORE = {
    1: lambda im: im,
    2: lambda im: im.transpose(Image.FLIP_LEFT_RIGHT),
    3: lambda im: im.transpose(Image.ROTATE_180),
    4: lambda im: im.transpose(Image.FLIP_TOP_BOTTOM),
    5: lambda im: im.transpose(Image.TRANSPOSE),
    6: lambda im: im.transpose(Image.ROTATE_90),
    7: lambda im: im.transpose(Image.TRANSVERSE),
    8: lambda im: im.transpose(Image.ROTATE_270),
}


def exif(orientation):
    e = Image.Exif()
    e[0x0112] = orientation
    return e.tobytes()


upright = portrait(300, 420, seed=6)
marked = Image.new("RGB", (64, 96), (128, 128, 128))
d = ImageDraw.Draw(marked)
d.rectangle([0, 0, 15, 15], fill=(255, 0, 0))     # top left: red
d.rectangle([48, 0, 63, 15], fill=(0, 255, 0))    # top right: green
d.rectangle([0, 80, 15, 95], fill=(0, 0, 255))    # bottom left: blue
for o, store in STORE.items():
    write(f"orient-{o}.jpg", jpeg_bytes(store(upright), exif=exif(o)), True, expect(),
          {"dimensions": "300x420"})
    write(f"marker-orient-{o}.jpg", jpeg_bytes(store(marked), quality=95, exif=exif(o)))

# ---- colour ------------------------------------------------------------------
write("cmyk.jpg", jpeg_bytes(good.convert("CMYK"), quality=95), False,
      expect(colour="fail", background="any", sharpness="any", upscaled="any"))
write("greyscale.jpg", jpeg_bytes(good.convert("L"), quality=95), False,
      expect(colour="fail", size="any", upscaled="any"))
write("rgb-all-grey.jpg", jpeg_bytes(good.convert("L").convert("RGB"), quality=95), False,
      expect(colour="fail", size="any", upscaled="any"))

# ---- size: 30 KiB = 30,720 bytes ---------------------------------------------
small_file = jpeg_bytes(good, quality=25)
assert len(small_file) < 30000, len(small_file)
write("size-small.jpg", small_file, False, expect(size="fail", upscaled="any"))
write("size-30720.jpg", pad_to(small_file, 30720), None, {"size": "pass"})
write("size-30719.jpg", pad_to(small_file, 30719), False, {"size": "fail"})

# ---- background ----------------------------------------------------------------
def flat(level):
    return (level, level, level)


write("bg-offwhite-l93.jpg", jpeg_bytes(portrait(300, 420, 7, (240, 236, 228))), True, expect())
write("bg-l91.jpg", jpeg_bytes(portrait(300, 420, 8, flat(grey_for_lightness(91)))), True,
      expect())
write("bg-l89.jpg", jpeg_bytes(portrait(300, 420, 8, flat(grey_for_lightness(89)))), False,
      expect(background="fail"))
write("bg-lightgrey-l88.jpg", jpeg_bytes(portrait(300, 420, 9, flat(grey_for_lightness(88)))),
      False, expect(background="fail"))
write("bg-grey.jpg", jpeg_bytes(portrait(300, 420, 10, flat(150))), False,
      expect(background="fail"))
write("bg-blue.jpg", jpeg_bytes(portrait(300, 420, 11, (60, 130, 220))), False,
      expect(background="fail"))


def gradient(W, H):
    g = Image.linear_gradient("L").resize((W, H)).point(lambda v: 255 - v * 70 // 255)
    return Image.merge("RGB", (g, g, g))


def shadow(W, H):
    img = Image.new("RGB", (W, H), WHITE)
    m = Image.new("L", (W, H), 0)
    ImageDraw.Draw(m).ellipse([int(0.55 * W), int(0.05 * H), int(1.1 * W), int(0.6 * H)],
                              fill=255)
    m = m.filter(ImageFilter.GaussianBlur(W // 30))
    img.paste(Image.new("RGB", (W, H), (175, 175, 178)), (0, 0), m)
    return img


def uneven_white(W, H):  # white everywhere (L* >= 90) but unevenly lit: L* 100 and 91
    m = Image.new("L", (W, H), 0)
    ImageDraw.Draw(m).rectangle([W // 2, 0, W, H], fill=255)
    m = m.filter(ImageFilter.GaussianBlur(W // 40))
    img = Image.new("RGB", (W, H), (255, 255, 255))
    level = grey_for_lightness(91)
    img.paste(Image.new("RGB", (W, H), (level, level, level)), (0, 0), m)
    return img


write("bg-gradient.jpg", jpeg_bytes(portrait(300, 420, 12, gradient)), False,
      expect(background="fail"))
write("bg-shadow.jpg", jpeg_bytes(portrait(300, 420, 13, shadow)), False,
      expect(background="fail"))
write("bg-uneven-white.jpg", jpeg_bytes(portrait(300, 420, 14, uneven_white)), False,
      expect(background="fail"))

# ---- sharpness -----------------------------------------------------------------
write("blurred.jpg", jpeg_bytes(good.filter(ImageFilter.GaussianBlur(2.5)), quality=97), False,
      expect(sharpness="fail", upscaled="any", size="any"))

# ---- enlargement ----------------------------------------------------------------
for name, factor in (("upscaled-2x.jpg", 2.0), ("upscaled-1.4x.jpg", 1.4)):
    w, h = round(295 / factor), round(413 / factor)
    src = portrait(w, h, seed=15)
    write(name, jpeg_bytes(src.resize((295, 413), Image.BICUBIC), quality=95), False,
          expect(upscaled="fail", sharpness="any", size="any"))

# A slightly smoothed photo is in the warning band (0.03-0.05): accepted, with a note.
write("smoothed-warning.jpg", jpeg_bytes(good.filter(ImageFilter.GaussianBlur(0.4)), quality=97),
      True, expect(upscaled="warn"))

# ---- the 12-megapixel phone photo: off-white wall, EXIF-rotated --------------------
phone = portrait(3000, 4000, seed=16, background=(238, 234, 226), oversample=1)
write("phone-12mp.jpg", jpeg_bytes(phone.transpose(Image.ROTATE_90), quality=90,
                                   exif=exif(6)), True, expect(), {"dimensions": "3000x4000"})

# ---- not JPEG, or not whole ---------------------------------------------------------
base = jpeg_bytes(good)
write("truncated.jpg", base[: len(base) * 2 // 3], False,
      {"format": "fail", "colour": "null", "background": "null", "sharpness": "null",
       "upscaled": "null"}, {"format": "truncated-jpeg"})


def djpeg_complains(data):
    r = subprocess.run(["djpeg", "-outfile", "/dev/null"], input=data, capture_output=True)
    return r.returncode != 0 or b"Corrupt" in r.stderr or b"Premature" in r.stderr


rng = random.Random(17)
for _ in range(100):
    damaged = bytearray(base)
    start = len(base) // 2
    damaged[start:start + 64] = rng.randbytes(64)
    if djpeg_complains(bytes(damaged)):
        break
else:
    raise SystemExit("could not make a corrupt JPEG")
write("corrupt.jpg", bytes(damaged), False, {"format": "fail", "colour": "null"},
      {"format": "corrupt-jpeg"})

buf = io.BytesIO()
good.save(buf, "PNG")
write("renamed-png.jpg", buf.getvalue(), False,
      {"format": "fail", "colour": "null", "dimensions": "null"}, {"format": "png"})
buf = io.BytesIO()
good.save(buf, "GIF")
write("renamed-gif.jpg", buf.getvalue(), False, {"format": "fail"}, {"format": "gif"})
buf = io.BytesIO()
try:
    good.save(buf, "WEBP")
    webp = buf.getvalue()
except (KeyError, OSError):
    webp = b"RIFF" + struct.pack("<I", 30) + b"WEBPVP8 " + bytes(22)
write("renamed-webp.jpg", webp, False, {"format": "fail"}, {"format": "webp"})
write("renamed-heic.jpg", struct.pack(">I", 24) + b"ftypheic" + b"\0\0\0\0mif1heic"
      + random.Random(18).randbytes(40000), False, {"format": "fail", "size": "pass"},
      {"format": "heic"})
buf = io.BytesIO()
good.save(buf, "PDF")
write("renamed-pdf.jpg", buf.getvalue(), False, {"format": "fail"}, {"format": "pdf"})
write("random.jpg", bytes([0x42]) + random.Random(19).randbytes(40000), False,
      {"format": "fail", "colour": "null"}, {"format": "unknown"})
write("empty.jpg", b"", False, {"format": "fail", "size": "fail"}, {"format": "empty"})

# ---- the decompression bomb: a small file whose header claims 30000 x 30000 ----------
bomb = bytearray(jpeg_bytes(Image.new("RGB", (16, 16), WHITE)))
sof = bomb.index(b"\xff\xc0")
bomb[sof + 5:sof + 9] = struct.pack(">HH", 30000, 30000)  # height, width
write("bomb-30000x30000.jpg", bytes(bomb), False,
      {"dimensions": "fail", "colour": "null", "sharpness": "null"},
      {"dimensions": "30000x30000"})

(out / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
if len(sys.argv) > 2:
    Path(sys.argv[2]).write_text("ok\n")

#!/usr/bin/python3
"""The photo checks of src/photo, done with Pillow and NumPy: the peer of
`baokao-tool photo check` in bench/photo. Same algorithms and thresholds:
DCT-scaled decode (draft) to at most 1180 x 1652, box reduction to width
295, CIELAB band, 4-neighbour Laplacian over the face region, 64-point
Hann-windowed spectra along rows and columns of the subject region.

    photo-pillow.py [--repeat N] FILE...

Prints one JSON line per file; with --repeat, the in-process time per photo
on stderr as "time FILE MS ms".
"""
import json
import sys
import time

import numpy as np
from PIL import Image

MIN_SIZE = 30720
WORK_W, WORK_H = 1180, 1652
SMALL_W = 295
TRANSPOSE = {2: Image.FLIP_LEFT_RIGHT, 3: Image.ROTATE_180, 4: Image.FLIP_TOP_BOTTOM,
             5: Image.TRANSPOSE, 6: Image.ROTATE_270, 7: Image.TRANSVERSE, 8: Image.ROTATE_90}

c = np.arange(256) / 255.0
SRGB_LINEAR = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4).astype(np.float32)
HANN = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(64) / 63)).astype(np.float32)


def lab(rgb):
    lin = SRGB_LINEAR[rgb]
    x = lin @ np.array([0.4124564, 0.3575761, 0.1804375], np.float32) / 0.95047
    y = lin @ np.array([0.2126729, 0.7151522, 0.0721750], np.float32)
    z = lin @ np.array([0.0193339, 0.1191920, 0.9503041], np.float32) / 1.08883

    def f(t):
        return np.where(t > 216 / 24389, np.cbrt(t), (24389 / 27 * t + 16) / 116)
    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def band(w, h):
    top = max(1, round(h * 0.06))
    side = max(1, round(w * 0.10))
    side_h = max(1, round(h * 0.45) - top)
    return [(0, 0, w, top), (0, top, side, side_h), (w - side, top, side, side_h)]


def background(rgb):
    h, w, _ = rgb.shape
    ls, whites = [], 0
    for x, y, bw, bh in band(w, h):
        l, a, b = lab(rgb[y:y + bh, x:x + bw])
        ls.append(l.ravel())
        whites += np.count_nonzero((l >= 90) & (a * a + b * b <= 100))
    l = np.concatenate(ls)
    return whites / l.size, float(l.std())


def spectrum(lines, power):
    # lines: (n, length); segments of 64 every 32 samples
    if lines.shape[1] < 64:
        return
    seg = np.lib.stride_tricks.sliding_window_view(lines, 64, axis=1)[:, ::32]
    seg = seg - seg.mean(axis=2, keepdims=True)
    spec = np.fft.rfft(seg * HANN, axis=2)
    power += (spec.real ** 2 + spec.imag ** 2).sum(axis=(0, 1))


def hf_ratio(luma):
    h, w = luma.shape
    if w < 64 or h < 64:
        return None
    power = np.zeros(33)
    rows = luma[(np.arange(min(h, 64)) * h) // min(h, 64)]
    cols = luma[:, (np.arange(min(w, 64)) * w) // min(w, 64)].T
    spectrum(rows, power)
    spectrum(cols, power)
    f = np.arange(33) / 32
    low = power[(f >= 0.2) & (f <= 0.45)].sum()
    high = power[(f >= 0.8) & (f <= 0.95)].sum()
    return float(high / low) if low > 0 else 0.0


def verdict(ok):
    return {"pass": ok}


def check(path):
    data = open(path, "rb").read()
    out = {"file": path, "checks": {}}
    ch = out["checks"]
    ch["size"] = {"pass": len(data) >= MIN_SIZE, "value": len(data)}
    if not data.startswith(b"\xff\xd8\xff"):
        ch["format"] = {"pass": False, "value": "not-jpeg"}
        return out
    im = Image.open(path)
    orientation = im.getexif().get(0x0112, 1)
    sw, sh = im.size
    ow, oh = (sh, sw) if orientation >= 5 else (sw, sh)
    num = next((n for n in (8, 4, 2, 1)
                if -(-ow * n // 8) <= WORK_W and -(-oh * n // 8) <= WORK_H), 1)
    mode = im.mode
    im.draft("RGB", (-(-sw * num // 8), -(-sh * num // 8)))
    try:
        im = im.convert("RGB")
    except OSError as e:
        ch["format"] = {"pass": False, "value": str(e)}
        return out
    ch["format"] = {"pass": True, "value": "jpeg"}
    ch["dimensions"] = {"pass": ow >= 295 and oh >= 413 and ow < oh, "value": f"{ow}x{oh}"}

    small_h = max(1, round(oh * SMALL_W / ow))
    small = im.resize((small_h, SMALL_W) if orientation >= 5 else (SMALL_W, small_h), Image.BOX)
    if orientation in TRANSPOSE:
        small = small.transpose(TRANSPOSE[orientation])
    rgb = np.asarray(small)
    sample = rgb[::2, ::2]
    spread = sample.max(axis=2).astype(np.int16) - sample.min(axis=2)
    share = np.count_nonzero(spread >= 12) / spread.size
    ch["colour"] = {"pass": mode not in ("L", "CMYK") and share >= 0.01, "value": share * 100}

    white, sd = background(rgb)
    ch["background"] = {"pass": white >= 0.95 and sd <= 4, "value": white * 100}

    luma = rgb @ np.array([0.299, 0.587, 0.114], np.float32)
    h, w = luma.shape
    fx, fy = round(w * 0.25), round(h * 0.15)
    face = luma[fy:fy + max(1, round(h * 0.5)), fx:fx + max(1, round(w * 0.5))]
    lap = (face[1:-1, :-2] + face[1:-1, 2:] + face[:-2, 1:-1] + face[2:, 1:-1]
           - 4 * face[1:-1, 1:-1])
    var = float(lap.var())
    ch["sharpness"] = {"pass": var >= 100, "value": var}

    if orientation in TRANSPOSE:
        im = im.transpose(TRANSPOSE[orientation])
    work = np.asarray(im)
    h, w, _ = work.shape
    x, y = round(w * 0.15), round(h * 0.10)
    region = work[y:y + max(1, round(h * 0.85)), x:x + max(1, round(w * 0.70))]
    ratio = hf_ratio(region @ np.array([0.299, 0.587, 0.114], np.float32))
    ch["upscaled"] = {"pass": None if ratio is None else ratio >= 0.03, "value": ratio}
    return out


def main():
    args = sys.argv[1:]
    repeat = 0
    if args[:1] == ["--repeat"]:
        repeat, args = int(args[1]), args[2:]
    status = 0
    for path in args:
        if repeat:
            t = time.perf_counter()
            for _ in range(repeat):
                check(path)
            print(f"time {path} {(time.perf_counter() - t) * 1000 / repeat:.3f} ms",
                  file=sys.stderr)
        out = check(path)
        out["accepted"] = all(c["pass"] is not False for c in out["checks"].values())
        status |= 0 if out["accepted"] else 1
        print(json.dumps(out))
    sys.exit(status)


if __name__ == "__main__":
    main()

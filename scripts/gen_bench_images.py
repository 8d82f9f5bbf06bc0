#!/usr/bin/env python3
"""Writes N phone-sized (1080x2340) screenshots, each with one QR code, for the benchmarks (not committed).

Deterministic for a given N and seed: app bar, cards of text-like bars, and a 1405-style code (segno) at a
varying size and position, light or dark mode.
Usage: gen_bench_images.py OUTDIR N
"""
import os
import random
import sys

import segno
from PIL import Image, ImageDraw

W, H = 1080, 2340


def screenshot(i, rng):
    dark = i % 4 == 3
    bg, fg, card = ((18, 18, 18), (230, 230, 230), (40, 40, 44)) if dark else ((246, 246, 246), (30, 30, 30), (255, 255, 255))
    img = Image.new("RGB", (W, H), bg)
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, 170], fill=(0, 102, 204))
    for k in range(6):
        y = 1900 + k * 60
        d.rectangle([80, y, 80 + rng.randint(200, 900), y + 28], fill=fg)
    payload = "%012d|NGUYEN VAN %s|19%02d-%02d-%02d|0|%018d|<%d<HS40101%06d<09%08d" % (
        rng.randrange(10**12), "ABCDEFGH"[i % 8] * 3, rng.randrange(100), rng.randint(1, 12), rng.randint(1, 28),
        rng.randrange(10**18), rng.randint(0, 2), rng.randrange(10**6), rng.randrange(10**8))
    qr = segno.make_qr(payload, error="q", boost_error=False)
    scale = rng.choice([6, 8, 10, 12, 14])
    n = len(qr.matrix) + 8
    side = n * scale
    x0 = rng.randint(40, W - side - 40)
    y0 = rng.randint(250, 1850 - side)
    d.rectangle([x0 - 20, y0 - 20, x0 + side + 20, y0 + side + 20], fill=card)
    code = Image.new("L", (n, n), 255)
    for r, row in enumerate(qr.matrix):
        for c, v in enumerate(row):
            if v:
                code.putpixel((c + 4, r + 4), 0)
    img.paste(code.resize((side, side), Image.NEAREST).convert("RGB"), (x0, y0))
    return img


def main():
    out, count = sys.argv[1], int(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    rng = random.Random(1405)
    for i in range(count):
        path = os.path.join(out, "shot-%04d.png" % i)
        img = screenshot(i, rng)
        if not os.path.exists(path):
            img.save(path, optimize=False, compress_level=6)


if __name__ == "__main__":
    main()

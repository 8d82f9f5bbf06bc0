#!/usr/bin/env python3
"""Writes the example screenshots of TestVectors/examples/ (deterministic): one conformant, signed code
on a phone-sized screen, and one variant per common failure, for the README's run command and the CLI tests.

Codes come from segno (an encoder we did not write), signatures from scripts/sign_payload.py with the
TEST-ONLY key 1. Usage: gen_examples.py [--check]
"""
import json
import os
import sys
import tempfile

import segno
from PIL import Image, ImageDraw

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sign_payload import EXAMPLE, KEYS, sign_payload  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "TestVectors", "examples")
W, H = 1080, 2340


def key():
    with open(KEYS / "test-only-key-1.private.jwk.json") as f:
        return json.load(f)


def code_image(payload, error="q", scale=12, border=4, dark=0, light=255):
    qr = segno.make_qr(payload, error=error, boost_error=False)
    n = len(qr.matrix) + 2 * border
    img = Image.new("L", (n, n), light)
    for r, row in enumerate(qr.matrix):
        for c, v in enumerate(row):
            if v:
                img.putpixel((c + border, r + border), dark)
    return img.resize((n * scale, n * scale), Image.NEAREST)


def screen(codes, dark_mode=False, card=True, frame=False):
    bg = 18 if dark_mode else 246
    img = Image.new("L", (W, H), bg)
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, 170], fill=60)
    y = 360
    for code in codes:
        x = (W - code.width) // 2
        if card:
            d.rectangle([x - 40, y - 40, x + code.width + 40, y + code.height + 40], fill=code.getpixel((0, 0)))
        if frame:
            d.rectangle([x - 24, y - 24, x + code.width + 24, y + code.height + 24], fill=40)
        img.paste(code, (x, y))
        y += code.height + 120
    return img


def examples():
    signed = sign_payload(EXAMPLE, key())
    masked = signed.replace(b"001093029317", b"******029317", 1)
    yield "conformant-screenshot.png", screen([code_image(signed)])
    yield "ec-level-L.png", screen([code_image(signed, error="l")])
    yield "no-quiet-zone.png", screen([code_image(signed, border=1)], card=False, frame=True)
    yield "inverted.png", screen([code_image(signed, dark=255, light=0)], dark_mode=True)
    yield "two-codes.png", screen([code_image(signed, scale=8), code_image(signed, scale=8)])
    yield "masked-id.png", screen([code_image(masked)])
    yield "unsigned.png", screen([code_image(EXAMPLE)])


def generate(out):
    os.makedirs(out, exist_ok=True)
    for name, img in examples():
        img.save(os.path.join(out, name), optimize=False, compress_level=9)


def main():
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            generate(tmp)
            diff = [n for n in sorted(os.listdir(tmp))
                    if open(os.path.join(tmp, n), "rb").read() != open(os.path.join(OUT, n), "rb").read()]
            if diff:
                sys.exit("examples differ from the generator's output: " + ", ".join(diff))
            print("examples are up to date")
        return
    generate(OUT)


if __name__ == "__main__":
    main()

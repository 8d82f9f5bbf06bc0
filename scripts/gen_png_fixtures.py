#!/usr/bin/env python3
"""Writes the small PNG fixtures of the image-loading and zbar tests (deterministic).

Every colour type and bit depth, alpha, palette with and without tRNS, Adam7 interlace and pHYs come from
pypng; QR symbols come from segno, an encoder we did not write. Ground truth goes to fixtures.json.
Usage: gen_png_fixtures.py [--check]   (--check regenerates into a temp dir and compares bytes)
"""
import base64
import json
import os
import struct
import sys
import tempfile
import zlib

import png
import segno

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "QRImagingTests", "Fixtures")

# A 4x2 gradient pattern: row 0 dark to light, row 1 light to dark, so any decoder mix-up shows.
LUMA = [[0, 85, 170, 255], [255, 170, 85, 0]]


def write(path, width, height, rows, **kw):
    with open(path, "wb") as f:
        png.Writer(width, height, **kw).write(f, rows)


def gray_rows(depth):
    top = (1 << depth) - 1
    return [[round(v * top / 255) for v in row] for row in LUMA]


def colour_fixtures(out, truth):
    for depth in (1, 2, 4, 8, 16):
        name = f"gray{depth}.png"
        write(os.path.join(out, name), 4, 2, gray_rows(depth), greyscale=True, bitdepth=depth)
        expect = [[round(round(v * ((1 << depth) - 1) / 255) * 255 / ((1 << depth) - 1)) for v in row] for row in LUMA]
        truth[name] = {"width": 4, "height": 2, "luma": expect}
    # Gray + alpha: alpha 0 composites to white, full alpha keeps the value.
    rows = [[0, 255, 0, 0, 0, 128, 0, 255], [255, 255, 100, 255, 100, 0, 50, 255]]
    write(os.path.join(out, "gray_alpha.png"), 4, 2, rows, greyscale=True, alpha=True, bitdepth=8)
    truth["gray_alpha.png"] = {"width": 4, "height": 2, "luma_at": [[0, 0, 0], [1, 0, 255], [3, 0, 0], [1, 1, 100], [2, 1, 255], [3, 1, 50]]}
    rgb = [[255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255], [0, 0, 0, 128, 128, 128, 255, 255, 255, 10, 10, 10]]
    write(os.path.join(out, "rgb8.png"), 4, 2, rgb, greyscale=False, bitdepth=8)
    write(os.path.join(out, "rgb16.png"), 4, 2, [[v * 257 for v in r] for r in rgb], greyscale=False, bitdepth=16)
    truth["rgb8.png"] = truth["rgb16.png"] = {"width": 4, "height": 2, "luma_at": [[3, 0, 255], [0, 1, 0], [2, 1, 255]]}
    rgba = [[0, 0, 0, 0, 0, 0, 0, 255, 200, 200, 200, 255, 0, 0, 0, 0]]
    write(os.path.join(out, "rgba8.png"), 4, 1, rgba, greyscale=False, alpha=True, bitdepth=8)
    write(os.path.join(out, "rgba16.png"), 4, 1, [[v * 257 for v in r] for r in rgba], greyscale=False, alpha=True, bitdepth=16)
    truth["rgba8.png"] = truth["rgba16.png"] = {"width": 4, "height": 1, "luma_at": [[0, 0, 255], [1, 0, 0], [3, 0, 255]]}
    palette = [(0, 0, 0), (255, 255, 255), (128, 128, 128)]
    write(os.path.join(out, "palette.png"), 3, 1, [[0, 1, 2]], palette=palette, bitdepth=8)
    truth["palette.png"] = {"width": 3, "height": 1, "luma_at": [[0, 0, 0], [1, 0, 255]]}
    write(os.path.join(out, "palette_trns.png"), 3, 1, [[0, 1, 2]], palette=[(0, 0, 0, 0), (0, 0, 0, 255), (255, 255, 255, 255)], bitdepth=8)
    truth["palette_trns.png"] = {"width": 3, "height": 1, "luma_at": [[0, 0, 255], [1, 0, 0], [2, 0, 255]]}
    big = [[(x * 7 + y * 13) % 256 for x in range(33)] for y in range(17)]
    write(os.path.join(out, "interlaced.png"), 33, 17, big, greyscale=True, bitdepth=8, interlace=True)
    truth["interlaced.png"] = {"width": 33, "height": 17, "luma_at": [[x, y, (x * 7 + y * 13) % 256] for (x, y) in [(0, 0), (32, 16), (5, 9), (17, 3)]]}
    # pHYs: 460 ppi = 18110 pixels per metre.
    write(os.path.join(out, "phys460.png"), 4, 2, gray_rows(8), greyscale=True, bitdepth=8, x_pixels_per_unit=18110, y_pixels_per_unit=18110, unit_is_meter=True)
    truth["phys460.png"] = {"width": 4, "height": 2, "ppi": 18110 * 0.0254}


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def hostile_fixtures(out, truth):
    with open(os.path.join(out, "gray8.png"), "rb") as f:
        good = f.read()
    with open(os.path.join(out, "truncated.png"), "wb") as f:
        f.write(good[: len(good) - 20])
    bad = bytearray(good)
    bad[29] ^= 0xFF  # inside IHDR's CRC
    with open(os.path.join(out, "bad_crc.png"), "wb") as f:
        f.write(bytes(bad))
    with open(os.path.join(out, "not_a_png.png"), "wb") as f:
        f.write(b"GIF89a this is not a PNG file at all\n")
    ihdr = struct.pack(">IIBBBBB", 100000, 100000, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 16, 9)
    with open(os.path.join(out, "huge_header.png"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
    truth["huge_header.png"] = {"width": 100000, "height": 100000}


def qr_matrix(data, error="m", version=None, mask=None):
    q = segno.make_qr(data, error=error, version=version, mask=mask, boost_error=False)
    return [list(row) for row in q.matrix], q


def render(canvas, width, matrix, left, top, scale, dark, light=None):
    n = len(matrix)
    for r in range(n):
        for c in range(n):
            v = dark if matrix[r][c] else light
            if v is None:
                continue
            for y in range(top + r * scale, top + (r + 1) * scale):
                base = y * width
                for x in range(left + c * scale, left + (c + 1) * scale):
                    canvas[base + x] = v


def save_gray(path, width, height, canvas):
    rows = [canvas[y * width:(y + 1) * width] for y in range(height)]
    write(path, width, height, rows, greyscale=True, bitdepth=8, compression=9)


def corners(left, top, n, scale):
    """True outer corners in zbar's order TL, BL, BR, TR (axis-aligned, unrotated)."""
    s = n * scale
    return [[left, top], [left, top + s], [left + s, top + s], [left + s, top]]


def qr_fixtures(out, truth):
    payload = "001093029317|NGUYEN LE KHA HAN|1987-01-18|0|162979388586171100|<1<HS4010120878821<0944713700"
    m, _ = qr_matrix(payload, error="q")
    n, s, qz = len(m), 4, 4
    w = (n + 2 * qz) * s
    c = [255] * (w * w)
    render(c, w, m, qz * s, qz * s, s, 0)
    save_gray(os.path.join(out, "qr_dark_on_light.png"), w, w, c)
    truth["qr_dark_on_light.png"] = {"payloads": [payload], "polarities": ["dark-on-light"]}
    inv = [255 - v for v in c]
    save_gray(os.path.join(out, "qr_light_on_dark.png"), w, w, inv)
    truth["qr_light_on_dark.png"] = {"payloads": [payload], "polarities": ["light-on-dark"]}
    # A normal and an inverted code side by side (normal left, inverted right on a dark panel).
    w2 = 2 * w
    c2 = [255] * (w2 * w)
    render(c2, w2, m, qz * s, qz * s, s, 0)
    for y in range(w):
        for x in range(w, w2):
            c2[y * w2 + x] = 0
    m2, _ = qr_matrix("SECOND|INVERTED", error="m")
    render(c2, w2, m2, w + qz * s, qz * s, s, 255)
    save_gray(os.path.join(out, "qr_normal_and_inverted.png"), w2, w, c2)
    truth["qr_normal_and_inverted.png"] = {"payloads": [payload, "SECOND|INVERTED"], "polarities": ["dark-on-light", "light-on-dark"]}
    c3 = [255] * (w2 * w)
    render(c3, w2, m, qz * s, qz * s, s, 0)
    render(c3, w2, m, w + qz * s, qz * s, s, 0)
    save_gray(os.path.join(out, "qr_two_identical.png"), w2, w, c3)
    truth["qr_two_identical.png"] = {"payloads": [payload, payload], "polarities": ["dark-on-light", "dark-on-light"]}
    blank = [255] * (64 * 64)
    save_gray(os.path.join(out, "no_qr.png"), 64, 64, blank)
    truth["no_qr.png"] = {"payloads": [], "polarities": []}
    vi = "NGUYỄN VĂN AN|Huế"
    mv, _ = qr_matrix(vi.encode("utf-8"), error="m")
    nv = len(mv)
    wv = (nv + 8) * s
    cv = [255] * (wv * wv)
    render(cv, wv, mv, 4 * s, 4 * s, s, 0)
    save_gray(os.path.join(out, "qr_vietnamese_utf8.png"), wv, wv, cv)
    truth["qr_vietnamese_utf8.png"] = {"payloads_b64": [base64.b64encode(vi.encode("utf-8")).decode()], "polarities": ["dark-on-light"]}
    raw = b"ID|\xff\xfe\x80 not utf-8"
    mr, _ = qr_matrix(raw, error="m")
    nr = len(mr)
    wr = (nr + 8) * s
    cr = [255] * (wr * wr)
    render(cr, wr, mr, 4 * s, 4 * s, s, 0)
    save_gray(os.path.join(out, "qr_invalid_utf8.png"), wr, wr, cr)
    truth["qr_invalid_utf8.png"] = {"payloads_b64": [base64.b64encode(raw).decode()], "polarities": ["dark-on-light"]}
    # A phone-sized screenshot: app bar, cards, and one code at a known place and scale.
    W, H = 1080, 2340
    shot = [246] * (W * H)
    for y in range(0, 180):
        shot[y * W:(y + 1) * W] = [40] * W
    for y in range(300, 520):
        for x in range(60, 1020):
            shot[y * W + x] = 225
    mm, _ = qr_matrix(payload, error="q")
    nn, sc = len(mm), 12
    left, top = 540 - nn * sc // 2, 1100
    for y in range(top - 80, top + nn * sc + 80):
        shot[y * W + left - 80:y * W + left + nn * sc + 80] = [255] * (nn * sc + 160)
    render(shot, W, mm, left, top, sc, 0)
    save_gray(os.path.join(out, "screenshot_1080x2340.png"), W, H, shot)
    truth["screenshot_1080x2340.png"] = {"payloads": [payload], "polarities": ["dark-on-light"], "corners": corners(left, top, nn, sc)}


def generate(out):
    os.makedirs(out, exist_ok=True)
    truth = {}
    colour_fixtures(out, truth)
    hostile_fixtures(out, truth)
    qr_fixtures(out, truth)
    with open(os.path.join(out, "fixtures.json"), "w") as f:
        json.dump(truth, f, indent=1, sort_keys=True)
        f.write("\n")


def main():
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            generate(tmp)
            diff = [n for n in sorted(os.listdir(tmp)) if open(os.path.join(tmp, n), "rb").read() != open(os.path.join(OUT, n), "rb").read()]
            if diff:
                print("fixtures differ from the generator's output: " + ", ".join(diff), file=sys.stderr)
                sys.exit(1)
            print("PNG fixtures are up to date")
        return
    generate(OUT)


if __name__ == "__main__":
    main()

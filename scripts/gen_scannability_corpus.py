#!/usr/bin/env python3
"""Codes drawn the ways apps got right and wrong, for the scannability benchmark and the reference comparison.

Writes PNGs (with a pHYs density) and a JSON beside each (`ppi`, `case`) into OUT. Two sets: `calibration` (the
published example payload, the cases' first parameters: what SYM-019's numbers were tuned on) and `heldout` (other
payloads, other sizes, densities and colours, from another seed: never looked at while tuning).

    scripts/.venv/bin/python scripts/gen_scannability_corpus.py OUT [--set calibration|heldout] [--count N]

Cases: integer scale; fractional CSS scaling (nearest neighbour at a device-pixel ratio); a small bitmap magnified
with a bilinear filter; 2-3 px modules on dense screens; low contrast; coloured palettes; dark mode (a light card
on a dark screen, and inverted); a logo over the centre (level H); level H at a high version.
"""
import argparse
import json
import os
import random
import sys

import segno
from PIL import Image, ImageDraw

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from sign_payload import EXAMPLE, KEYS, sign_payload  # noqa: E402

NAMES = ["TRAN THI MAI", "LE VAN BINH", "PHAM MINH CHAU", "NGUYEN THI THU TRANG", "HOANG DUC ANH", "VO THANH TAM"]


def key():
    with open(KEYS / "test-only-key-1.private.jwk.json") as f:
        return json.load(f)


def payload(rng, heldout):
    if not heldout:
        return sign_payload(EXAMPLE, key())
    ident = "".join(rng.choice("0123456789") for _ in range(12))
    qid = "".join(rng.choice("0123456789") for _ in range(18))
    base = f"{ident}|{rng.choice(NAMES)}|19{rng.randint(50, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}|0|{qid}|" \
           f"<{rng.randint(0, 1)}<HS40101{rng.randint(10000000, 99999999)}<09{rng.randint(10000000, 99999999)}"
    return sign_payload(base.encode("ascii"), key())


def bitmap(data, error="q", version=None, border=4, dark=0, light=255):
    qr = segno.make_qr(data, error=error, version=version, mode="byte", boost_error=False)
    n = len(qr.matrix) + 2 * border
    img = Image.new("L", (n, n), light)
    for r, row in enumerate(qr.matrix):
        for c, v in enumerate(row):
            if v:
                img.putpixel((c + border, r + border), dark)
    return img, n


def on_screen(code, background=246, pad=60, mode="L"):
    img = Image.new(mode, (code.width + 2 * pad, code.height + 2 * pad), background)
    img.paste(code, (pad, pad))
    return img


def case_images(rng, data, heldout):
    """(case, image, ppi) for every case, parameters drawn from rng."""
    pick = (lambda options: rng.choice(options)) if heldout else (lambda options: options[0])
    out = []
    scale = pick([6, 5, 8, 7])
    img, n = bitmap(data)
    out.append(("integer", on_screen(img.resize((n * scale, n * scale), Image.NEAREST)), pick([326, 401, 300, 264])))
    base = pick([4, 3, 5])
    ratio = pick([2.625, 2.75, 1.5, 3.5])
    small = img.resize((n * base, n * base), Image.NEAREST)
    out.append(("css-fractional", on_screen(small.resize((round(small.width * ratio / 2), round(small.height * ratio / 2)),
                                                         Image.NEAREST)), pick([420, 460, 401])))
    factor = pick([4.4, 3.6, 5.3, 6.1])
    out.append(("bilinear-magnified", on_screen(img.resize((round(n * factor), round(n * factor)), Image.BILINEAR)),
                pick([326, 401, 458])))
    tiny = pick([2, 3])
    out.append((f"modules-{tiny}px", on_screen(img.resize((n * tiny, n * tiny), Image.NEAREST)), pick([400, 458, 420])))
    dark, light = pick([(95, 215), (80, 200), (110, 230)])
    grey, _ = bitmap(data, dark=dark, light=light)
    out.append(("low-contrast", on_screen(grey.resize((n * scale, n * scale), Image.NEAREST), background=light),
                pick([326, 401])))
    palette = pick([((20, 60, 140), (255, 236, 180)), ((160, 20, 30), (250, 240, 240)), ((0, 110, 80), (230, 250, 240))])
    colour = img.resize((n * scale, n * scale), Image.NEAREST).convert("RGB")
    pixels = [palette[0] if p[0] < 128 else palette[1] for p in colour.getdata()]
    colour.putdata(pixels)
    out.append(("coloured", on_screen(colour, background=palette[1], mode="RGB"), pick([326, 401])))
    card = on_screen(img.resize((n * scale, n * scale), Image.NEAREST), background=255, pad=24)
    out.append(("dark-mode-card", on_screen(card, background=pick([18, 30])), pick([326, 401])))
    inverted = img.resize((n * scale, n * scale), Image.NEAREST).point(lambda v: 255 - v)
    out.append(("dark-mode-inverted", on_screen(inverted, background=0), pick([326, 401])))
    h_img, hn = bitmap(data, error="h")
    logo = h_img.resize((hn * scale, hn * scale), Image.NEAREST)
    d = ImageDraw.Draw(logo)
    side = int(logo.width * pick([0.2, 0.18, 0.24]))
    cx = logo.width // 2
    d.rectangle([cx - side // 2, cx - side // 2, cx + side // 2, cx + side // 2], fill=235)
    d.ellipse([cx - side // 3, cx - side // 3, cx + side // 3, cx + side // 3], fill=30)
    out.append(("logo-centre-H", on_screen(logo), pick([326, 401])))
    v_img, vn = bitmap(data, error="h", version=pick([20, 18, 22]))
    hs = pick([4, 5])
    out.append(("level-H-high-version", on_screen(v_img.resize((vn * hs, vn * hs), Image.NEAREST)), pick([401, 460])))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--set", choices=["calibration", "heldout"], default="calibration")
    ap.add_argument("--count", type=int, default=1, help="payloads (each drawn every way)")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    heldout = a.set == "heldout"
    rng = random.Random(27 if heldout else 1405)
    for i in range(a.count):
        data = payload(rng, heldout)
        for case, img, ppi in case_images(rng, data, heldout):
            name = f"{a.set}-{i:02d}-{case}"
            img.save(os.path.join(a.out, name + ".png"), dpi=(ppi, ppi))
            with open(os.path.join(a.out, name + ".json"), "w") as f:
                json.dump({"case": case, "ppi": ppi, "set": a.set}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())

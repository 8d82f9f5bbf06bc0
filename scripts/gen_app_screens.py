#!/usr/bin/env python3
"""Compose app screens with the personal QR code from independent random choices, render them with headless Chromium.

Unlike scripts/gen_screens.py (10 fixed templates, the corpus the display reader was tuned on), every screen here is
composed from independent, seeded choices: a layout family (14 small HTML/CSS generator functions: where the text
sits relative to the code, cards, chips, tables, sheets, passes...), a background (flat, gradient, CSS noise or stripe
pattern, dimmed overlay), text colours chosen for a target WCAG contrast against the background the text really
sits on (light and dark themes, grey lower-contrast labels, white text on coloured gradients), fonts (sans, serif,
condensed; monospace values), weights 300-700, sizes 12-22 CSS px, letter spacing 0-2 px, upper- or mixed-case
labels, distractors (status bar with time and battery percent, inline SVG icons, phone numbers, other dates, OTP-like
codes, footers) and a device (phones at 2, 2.625, 3 and 3.5, a tablet at 2). The code itself is segno, ECC Q, drawn
at an integer number of device pixels per module, dark on white in a white box, with a 4-module quiet zone; every
screenshot is checked with zbarimg to decode to exactly its payload, and with a second Chromium run to show every
text the label relies on (ID number, birth date, name, the leak) in full: each glyph inside the viewport and every
clipping box, and painted (hiding the text changes the screenshot inside the glyph's box).

Four families are HELD_OUT (printed in the manifest as held_out_families): the display reader may be tuned only on
the others; scripts/bench-display-families reports both groups separately.

Expected outcome of every display rule (DSP-001..007) by construction, in gen_screens.py's manifest format, with
provenance: family, device, dpr, css_px (smallest value text), min_contrast (WCAG ratio of the least-contrasting
label or value text against the colours behind it, both as the grey PNG stores them), legible (every text >= 12 CSS px, dpr >= 2, min_contrast >= 3)
and leak_location for leaks; visible_checked names the texts found fully visible in the screenshot (id, birth, name
unless no-name, leak), visible_pixels whether that included the pixel test (not for too-faint: faint on purpose).

Usage:
    scripts/.venv/bin/python scripts/gen_app_screens.py                 # 600 screens into .bench/app-screens
    scripts/.venv/bin/python scripts/gen_app_screens.py --plan          # print the plan and counts, render nothing
    scripts/.venv/bin/python scripts/gen_app_screens.py --ci            # the committed subset, TestVectors/app-screens
    scripts/.venv/bin/python scripts/gen_app_screens.py --unplanned-faces --seed 2929 --limit 70 --output DIR
                                                                        # a held-out font family (see UNPLANNED_FACES)
    options: --count N (default 600), --seed N, --limit N, --only ID, --jobs N (Chromium processes, default 2),
             --output DIR, --keep-html DIR

Needs (Debian 12): chromium, zbar-tools, and the fonts
    apt-get install chromium zbar-tools fonts-roboto fonts-noto-core fonts-noto-mono fonts-dejavu-core \\
        fonts-lato fonts-liberation2
Python: segno, pillow (scripts/.venv).
"""
import argparse
import base64
import collections
import concurrent.futures
import html as markup
import io
import json
import math
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse

import segno
from PIL import Image, ImageChops

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from gen_screens import PERSONAS, persona_fields, shown_birth  # noqa: E402  (the same personas and payloads)

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUTPUT = ROOT / ".bench" / "app-screens"
CI_OUTPUT = ROOT / "TestVectors" / "app-screens"
RULES = ["DSP-001", "DSP-002", "DSP-003", "DSP-004", "DSP-005", "DSP-006", "DSP-007"]
SEED = 2525
COUNT = 600
CI_SIZE = 48
CHROMIUM = "chromium"
VISIBLE_DIFF = 16  # grey levels: a glyph counts as painted when hiding its text changes a pixel of its box this
# much (a 3:1 text, the faintest readable one drawn, changes its glyphs' cores by 75 levels and more)
CLIP_SLACK = 0.5  # CSS px a glyph's box may stick out of the viewport or a clipping box
GLYPH_TRIM = 0.15  # share of a glyph box's height, top and bottom, that a clipping box may cut: the box is the
# font's whole ascent and descent, taller than the line box when line-height is small, while the ink is inside
STRAY_MARGIN = 6  # CSS px around a checked text where hiding it may change pixels (ink beyond its box)
CHECK_TAKES = 3  # check runs at most per attempt: under load the check run's screenshot now and then misses a tile

HELD_OUT = ["beside-tablet", "bottom-sheet", "chips-gradient", "wallet-pass"]

DEVICES = {  # name: (viewport width, height in CSS px, device-pixel ratio)
    "phone-430": (430, 932, 3.0),
    "phone-360": (360, 800, 2.0),
    "phone-412": (412, 915, 2.625),
    "phone-390": (390, 844, 3.5),
    "tablet-744": (744, 1133, 2.0),
}

FONTS = {  # flag: (CSS family, kind, Debian package); all cover Vietnamese except the monospace ones (digits only)
    "Roboto": ("Roboto", "sans", "fonts-roboto"),
    "NotoSans": ("Noto Sans", "sans", "fonts-noto-core"),
    "Lato": ("Lato", "sans", "fonts-lato"),
    "LiberationSans": ("Liberation Sans", "sans", "fonts-liberation2"),
    "DejaVuSans": ("DejaVu Sans", "sans", "fonts-dejavu-core"),
    "NotoSerif": ("Noto Serif", "serif", "fonts-noto-core"),
    "LiberationSerif": ("Liberation Serif", "serif", "fonts-liberation2"),
    "DejaVuSerif": ("DejaVu Serif", "serif", "fonts-dejavu-core"),
    "RobotoCondensed": ("Roboto Condensed", "condensed", "fonts-roboto"),
}
MONO_FONTS = {
    "LiberationMono": ("Liberation Mono", "mono", "fonts-liberation2"),
    "DejaVuSansMono": ("DejaVu Sans Mono", "mono", "fonts-dejavu-core"),
    "NotoSansMono": ("Noto Sans Mono", "mono", "fonts-noto-mono"),
}

ID_LABELS = {"cccd": ["Số CCCD", "Số định danh", "Mã định danh", "Số định danh cá nhân", "Số giấy tờ", "CCCD"],
             "cmnd": ["Số CMND", "Số giấy tờ", "CMND", "Số định danh"]}
NAME_LABELS = ["Họ và tên", "Họ tên", "Chủ tài khoản"]
BIRTH_LABELS = ["Ngày sinh", "Ngày, tháng, năm sinh", "Sinh ngày"]
TITLES = ["Mã QR cá nhân", "QR định danh", "Mã QR của tôi", "Thẻ căn cước điện tử", "Mã QR công dân"]

# variant: (share of the corpus, display modes, meaning). Shares of the negatives sum to about 35 %.
VARIANTS = {
    "conformant": (0.65, ["default", "full"], "conformant: masked values in default mode, full values in full mode"),
    "leak-id": (0.066, ["default"], "the full ID number shown in default mode somewhere (leak_location)"),
    "leak-birth": (0.05, ["default"], "the full birth date shown in default mode somewhere (leak_location)"),
    "mask-id": (0.05, ["default"], "wrong mask in the ID number: 5 or 7 '*', '\u2022' or 'x' (mask)"),
    "mask-date": (0.027, ["default"], "wrong mask in the birth date: '\u2022' or 'x' (mask)"),
    "mask-both": (0.017, ["default"], "wrong mask in the ID number and the birth date (mask)"),
    "masked-in-full": (0.04, ["full"], "masked ID number and birth date shown although full mode is declared"),
    "too-small": (0.04, ["default", "full"], "not judgeable: every text below 12 CSS px, values 7-9 px, ratio 2"),
    "too-faint": (0.04, ["default", "full"], "not judgeable: every label and value below 1.5:1 contrast with every colour behind it (distractors faint too; a coloured header bar or button may stay readable)"),
    "no-name": (0.02, ["default", "full"], "the name is not shown (nor its label)"),
}
LEAK_LOCATIONS = {
    "main": "the value in its usual place is the full one (no masked form on screen)",
    "beside-code": "the full value in a caption right next to the code (the masked one also shown)",
    "chip": "the full value in a rounded chip at the top (the masked one also shown)",
    "footer": "the full value in a 12 CSS px footer line (the masked one also shown)",
    "far-row": "the full value in a table row far from the code (the masked one also shown)",
}
ID_MASKS = ["stars5", "stars7", "bullet", "x"]
DATE_MASKS = ["bullet", "x"]
BACKGROUNDS = {
    "flat": "flat page colour",
    "gradient": "linear gradient between two page colours",
    "noise": "image-like page: CSS/SVG fractal noise over the page colour",
    "stripes": "image-like page: diagonal stripe pattern over the page colour",
    "dimmed": "page content under a dark translucent overlay",
}


# ----------------------------------------------------------------------------------------------------------- colour

def hex_rgb(text):
    text = text.lstrip("#")
    return tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))


def rgb_hex(rgb):
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def mix(a, b, t):
    """a blended with b at weight t (t=0: a)."""
    return tuple(x * (1 - t) + y * t for x, y in zip(a, b))


def luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def gray(rgb):
    """The grey level the stored PNG holds for an sRGB colour (PIL's 'L' conversion, ITU-R 601-2 luma)."""
    r, g, b = rgb
    level = round(r * 299 / 1000 + g * 587 / 1000 + b * 114 / 1000)
    return (level, level, level)


def contrast(a, b):
    """WCAG contrast ratio of two colours as the 8-bit grey PNG shows them (the screens are stored in grey)."""
    a, b = gray(a), gray(b)
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def min_contrast(colour, stops):
    return min(contrast(colour, s) for s in stops)


def fit_colour(base, stops, target, rng=None):
    """A colour of base's hue, moved towards black or white (whichever side the background leaves more room on) until
    its contrast against every stop reaches target, or as close as the background allows; for target < 1.5 the
    colour is moved towards the background instead so that it stays below the target."""
    mean = tuple(sum(c) / len(stops) for c in zip(*stops))
    dark = contrast((0, 0, 0), mean) >= contrast((255, 255, 255), mean)
    end = (0, 0, 0) if dark else (255, 255, 255)
    if target < 1.5:  # faint: start from the background and move away only a little
        best = mean
        for step in range(0, 101):
            candidate = mix(mean, end, step / 100)
            if min_contrast(candidate, stops) >= target or max(contrast(candidate, s) for s in stops) >= 1.5:
                break  # faint against every colour behind it, the lightest and darkest end of a gradient too
            best = candidate
        return hex_rgb(rgb_hex(best))
    start = base
    for step in range(0, 101):
        candidate = hex_rgb(rgb_hex(mix(start, end, step / 100)))
        if min_contrast(candidate, stops) >= target:
            return candidate
    return end


# ------------------------------------------------------------------------------------------------------------ plan

def shown_values(persona, mode, variant, order, mask=None):
    """ID number and birth date as the main fields show them; full ones (for leaks) too."""
    number, birth = persona_fields(persona)
    masked_id, masked_birth = "*" * 6 + number[6:], shown_birth(birth, order, "*")
    full = {"id": number, "birth": shown_birth(birth, order)}
    if mode == "full":
        values = dict(full)
        if variant == "masked-in-full":
            values = {"id": masked_id, "birth": masked_birth}
        return values, full
    values = {"id": masked_id, "birth": masked_birth}
    char = {"bullet": "\u2022", "x": "x"}.get(mask)
    if variant in ("mask-id", "mask-both"):
        values["id"] = {"stars5": "*" * 5, "stars7": "*" * 7}.get(mask, (char or "*") * 6) + number[6:]
    if variant in ("mask-date", "mask-both"):
        values["birth"] = shown_birth(birth, order, char)
    return values, full


def expected(mode, variant, leak_location=None):
    own = ["DSP-001", "DSP-002", "DSP-003", "DSP-004"] if mode == "default" else ["DSP-005", "DSP-006"]
    own.append("DSP-007")
    outcome = {rule: ("pass" if rule in own else "not_applicable") for rule in RULES}
    if variant in ("too-small", "too-faint"):
        outcome.update({rule: "inconclusive" for rule in own})
    elif variant == "leak-id":
        outcome["DSP-001"] = "fail"
        if leak_location == "main":
            outcome["DSP-002"] = "fail"
    elif variant == "leak-birth":
        outcome["DSP-003"] = "fail"
        if leak_location == "main":
            outcome["DSP-004"] = "fail"
    elif variant in ("mask-id", "mask-both"):
        outcome["DSP-002"] = "fail"
    if variant in ("mask-date", "mask-both"):
        outcome["DSP-004"] = "fail"
    if variant == "masked-in-full":
        outcome.update({"DSP-005": "fail", "DSP-006": "fail"})
    if variant == "no-name":
        outcome["DSP-007"] = "warn"
    errors = [outcome[rule] for rule in RULES if rule != "DSP-007"]
    verdict = "fail" if "fail" in errors else "inconclusive" if "inconclusive" in errors else "pass"
    return outcome, verdict


def variant_rows(count, rng):
    rows = []
    negatives = [(v, share, modes) for v, (share, modes, _) in VARIANTS.items() if v != "conformant"]
    for variant, share, modes in negatives:
        n = max(len(modes), round(share * count))
        rows += [(variant, modes[i % len(modes)]) for i in range(n)]
    conformant = count - len(rows)
    rows += [("conformant", ["default", "full"][i % 2]) for i in range(conformant)]
    rng.shuffle(rows)
    return rows


def plan(seed=SEED, count=COUNT):
    """Each screen's choices. Family and variant are dealt evenly (shuffled); every other choice is an independent
    draw from the screen's own random stream (seed, index), so adding a factor does not reshuffle the others."""
    rng = random.Random(seed)
    families = [FAMILY_NAMES[i % len(FAMILY_NAMES)] for i in range(count)]
    rng.shuffle(families)
    rows = variant_rows(count, rng)
    # leak locations and masks dealt in turn per variant, so that each value occurs
    turn = collections.Counter()
    screens = []
    for index, (family, (variant, mode)) in enumerate(zip(families, rows)):
        r = random.Random(f"{seed}:{index}")
        s = {"index": index + 1, "family": family, "variant": variant, "mode": mode}
        if variant in ("leak-id", "leak-birth"):
            s["leak_location"] = list(LEAK_LOCATIONS)[turn[variant] % len(LEAK_LOCATIONS)]
        if variant in ("mask-id", "mask-date", "mask-both"):
            domain = ID_MASKS if variant == "mask-id" else DATE_MASKS
            s["mask"] = domain[turn[variant] % len(domain)]
        turn[variant] += 1
        if family == "beside-tablet":
            device = "tablet-744"
        elif variant == "too-small":
            device = r.choice(["phone-360", "phone-360", "tablet-744"])
        else:
            device = r.choices(list(DEVICES), weights=[3, 3, 3, 3, 1])[0]
        s["device"] = device
        s["theme"] = r.choice(["light", "dark"])
        s["background"] = r.choice(list(BACKGROUNDS))
        s["font"] = r.choice(list(FONTS))
        s["value_font"] = r.choice(list(MONO_FONTS)) if r.random() < 0.25 else s["font"]
        s["label_weight"] = r.choice([300, 400, 400, 500, 600, 700])
        s["value_weight"] = r.choice([300, 400, 500, 500, 600, 700, 700])
        if variant == "too-small":
            s["value_px"] = r.choice([7, 8, 9])
            s["label_px"] = r.choice([7, 8, 9, 10])
        else:
            s["value_px"] = r.randint(12, 22)
            s["label_px"] = r.randint(12, max(12, min(18, s["value_px"])))
        s["letter_spacing"] = r.choice([0, 0, 0, 0.5, 1, 1.5, 2])
        s["label_case"] = r.choice(["mixed", "mixed", "upper"])
        s["date_order"] = r.choice(["iso", "dmy"])
        s["id_kind"] = r.choice(["cccd", "cccd", "cmnd"])
        kind = [p for p in PERSONAS if (len(persona_fields(p)[0]) == 12) == (s["id_kind"] == "cccd")]
        s["persona"] = r.choice(kind)
        s["id_label"] = r.choice(ID_LABELS[s["id_kind"]])
        s["name_label"] = r.choice(NAME_LABELS)
        s["birth_label"] = r.choice(BIRTH_LABELS)
        s["title"] = r.choice(TITLES)
        s["value_target"] = round(r.uniform(4.5, 16), 2)
        s["label_target"] = round(r.uniform(3.1, 4.5) if r.random() < 0.5 else r.uniform(4.5, 12), 2)
        if variant == "too-faint":
            s["value_target"] = s["label_target"] = round(r.uniform(1.1, 1.4), 2)
        s["palette"] = r.randrange(1000)
        s["qr_css"] = r.randrange(150, 250)
        s["distractors"] = sorted(r.sample(["phone", "update", "otp", "percent", "countdown", "hotline"],
                                           r.randint(1, 4)))
        s["order"] = r.choice(["name-id-birth", "name-id-birth", "name-birth-id", "id-name-birth"])
        s["seed"] = f"{seed}:{index}"
        s["held_out"] = family in HELD_OUT
        s["id"] = f"{index + 1:03d}-{family}-{mode}-{variant}"
        screens.append(s)
    return screens


# ----------------------------------------------------------------------------------------------------------- styles

LIGHT_PAGES = ["#f4f5f7", "#eef2f7", "#fff8f0", "#f1f8f4", "#ffffff", "#f6f1fb", "#fdf6e3", "#e9eef3"]
DARK_PAGES = ["#121212", "#0f172a", "#1a1a2e", "#101418", "#1c1b1f", "#0b1f1a"]
LIGHT_SURFACES = ["#ffffff", "#ffffff", "#fbfbfd", "#fffdf8"]
DARK_SURFACES = ["#1e1e1e", "#1e293b", "#23233a", "#1f2428", "#2b2930"]
HEROES = [("#c62828", "#8e24aa"), ("#1565c0", "#00897b"), ("#2e7d32", "#00695c"), ("#d84315", "#ad1457"),
          ("#283593", "#6a1b9a"), ("#b71c1c", "#e65100"), ("#00838f", "#1565c0"), ("#4a148c", "#880e4f"),
          ("#f57f17", "#ef6c00"), ("#26a69a", "#42a5f5")]
ACCENTS = ["#c62828", "#1565c0", "#2e7d32", "#6a1b9a", "#00838f", "#ef6c00"]
CHIPS_LIGHT = ["#e8f0fe", "#e6f4ea", "#fce8e6", "#fef7e0", "#f3e8fd", "#e0f7fa"]
CHIPS_DARK = ["#1c2b41", "#1b3a26", "#41201d", "#3b3116", "#2f2342", "#123438"]


class Style:
    """Colours and type of one screen. Each zone (page, surface, hero, chip) has a background (CSS) and the colour
    stops the text can sit on; label and value colours are fitted to the screen's target contrasts per zone."""

    def __init__(self, s):
        r = random.Random(s["seed"] + ":style")
        dark = s["theme"] == "dark"
        faint = s["variant"] == "too-faint"
        self.s = s
        page = hex_rgb(r.choice(DARK_PAGES if dark else LIGHT_PAGES))
        surface = hex_rgb(r.choice(DARK_SURFACES if dark else LIGHT_SURFACES))
        hero = tuple(hex_rgb(c) for c in r.choice(HEROES))
        if dark:
            hero = tuple(mix(c, (0, 0, 0), 0.3) for c in hero)
        self.accent = hex_rgb(r.choice(ACCENTS))
        kind = s["background"]
        stops = [page]
        if kind == "flat":
            css = rgb_hex(page)
        elif kind == "gradient":
            other = mix(page, hex_rgb(r.choice(ACCENTS)), r.uniform(0.08, 0.25))
            stops = [page, other]
            css = f"linear-gradient({r.randrange(0, 360, 15)}deg, {rgb_hex(page)}, {rgb_hex(other)})"
        elif kind == "noise":
            alpha = round(r.uniform(0.12, 0.3), 2)
            freq = r.choice([0.012, 0.02, 0.035])
            svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='300' height='300'><filter id='n'>"
                   f"<feTurbulence type='fractalNoise' baseFrequency='{freq}' numOctaves='3' seed='{r.randrange(99)}'/>"
                   f"<feColorMatrix type='saturate' values='0'/></filter>"
                   f"<rect width='300' height='300' filter='url(#n)' opacity='{alpha}'/></svg>")
            css = f"url(\"data:image/svg+xml,{urllib.parse.quote(svg)}\"), {rgb_hex(page)}"
            stops = [mix(page, (0, 0, 0), alpha * 0.75), mix(page, (255, 255, 255), alpha * 0.75), page]
        elif kind == "stripes":
            alpha = round(r.uniform(0.05, 0.14), 2)
            ink = (255, 255, 255) if dark else (0, 0, 0)
            rgba = f"rgba({ink[0]},{ink[1]},{ink[2]},{alpha})"
            width = r.choice([6, 10, 16])
            css = (f"repeating-linear-gradient({r.choice([45, 135, 60])}deg, {rgba} 0 {width}px, transparent "
                   f"{width}px {2 * width}px), {rgb_hex(page)}")
            stops = [page, mix(page, ink, alpha)]
        else:  # dimmed: page content (tiles) under a dark overlay
            alpha = round(r.uniform(0.45, 0.65), 2)
            tile = surface
            stops = [mix(page, (0, 0, 0), alpha), mix(tile, (0, 0, 0), alpha)]
            css = rgb_hex(stops[0])
        self.dim_alpha = alpha if kind == "dimmed" else r.choice([0.45, 0.55, 0.62])
        self.page_css = css
        chip_pal = CHIPS_DARK if dark else CHIPS_LIGHT
        chip = hex_rgb(r.choice(chip_pal))
        self.zones = {
            "page": {"bg": css, "stops": stops},
            "surface": {"bg": rgb_hex(surface), "stops": [surface]},
            "hero": {"bg": f"linear-gradient({r.choice([120, 135, 160, 90])}deg, {rgb_hex(hero[0])}, "
                           f"{rgb_hex(hero[1])})", "stops": list(hero)},
            "chip": {"bg": rgb_hex(chip), "stops": [chip]},
            # a translucent white chip on the hero gradient
            "glass": {"bg": "rgba(255,255,255,0.18)", "stops": [mix(h, (255, 255, 255), 0.18) for h in hero]},
            # the white box around the code (captions right under the code sit in it)
            "qrbox": {"bg": "#ffffff", "stops": [(255, 255, 255)]},
        }
        value_base = (hex_rgb(r.choice(["#1a1a1a", "#0d47a1", "#1b5e20", "#b71c1c", "#212121", "#3e2723"]))
                      if not dark else hex_rgb(r.choice(["#e8eaed", "#8ab4f8", "#81c995", "#f28b82", "#ffffff"])))
        label_base = (120, 120, 128) if not dark else (150, 150, 158)
        for name, zone in self.zones.items():
            vt, lt = s["value_target"], s["label_target"]
            if name in ("hero", "glass") and not faint:
                vbase, lbase = (255, 255, 255), (235, 235, 240)
                if min_contrast((255, 255, 255), zone["stops"]) < vt:  # darken the gradient until white reads
                    for _ in range(40):
                        if min_contrast((255, 255, 255), zone["stops"]) >= min(vt, 7):
                            break
                        zone["stops"] = [mix(c, (0, 0, 0), 0.06) for c in zone["stops"]]
                    a, b = zone["stops"][:2]
                    if name == "hero":
                        zone["bg"] = f"linear-gradient(135deg, {rgb_hex(a)}, {rgb_hex(b)})"
            else:
                vbase, lbase = value_base, label_base
            zone["value"] = fit_colour(vbase, zone["stops"], vt)
            zone["label"] = fit_colour(lbase, zone["stops"], lt)
            zone["muted"] = fit_colour(lbase, zone["stops"], 1.2 if faint else 3.2)
        self.zones["glass"]["stops"] = [mix(h, (255, 255, 255), 0.18) for h in self.zones["hero"]["stops"]]
        self.zones["glass"]["value"] = fit_colour((255, 255, 255), self.zones["glass"]["stops"], s["value_target"])
        self.zones["glass"]["label"] = fit_colour((255, 255, 255), self.zones["glass"]["stops"], s["label_target"])
        self.used = set()

    def css(self):
        s = self.s
        font = FONTS[s["font"]][0]
        vfont = (MONO_FONTS.get(s["value_font"]) or FONTS[s["value_font"]])[0]
        small = s["variant"] == "too-small"
        other = max(7, s["label_px"] - 1) if small else max(12, s["label_px"] - 1)
        lines = [":root {",
                 f"  --font: '{font}'; --vfont: '{vfont}', '{font}';",
                 f"  --lpx: {s['label_px']}px; --vpx: {s['value_px']}px; --npx: {s['value_px'] + (0 if small else 2)}px;",
                 f"  --opx: {other}px; --tpx: {min(11, s['label_px'] + 2) if small else 18}px;",
                 f"  --fpx: {min(s['label_px'], 11) if small else 12}px;",
                 f"  --lw: {s['label_weight']}; --vw: {s['value_weight']}; --ls: {s['letter_spacing']}px;",
                 f"  --ltt: {'uppercase' if s['label_case'] == 'upper' else 'none'};",
                 f"  --accent: {rgb_hex(self.accent)}; --dim: rgba(0,0,0,{self.dim_alpha});",
                 f"  --page-bg: {self.page_css};",
                 "}"]
        for name, zone in self.zones.items():
            lines.append(f".z-{name} {{ background: {zone['bg']}; --l: {rgb_hex(zone['label'])}; "
                         f"--v: {rgb_hex(zone['value'])}; --m: {rgb_hex(zone['muted'])}; color: var(--m); }}")
        return "\n".join(lines)

    def zone(self, name):
        """Mark a zone as holding label or value text (it counts for min_contrast) and return its class."""
        self.used.add(name)
        return f"z-{name}"

    def min_contrast(self):
        ratios = []
        for name in self.used:
            zone = self.zones[name]
            ratios.append(min_contrast(zone["value"], zone["stops"]))
            ratios.append(min_contrast(zone["label"], zone["stops"]))
        return round(min(ratios), 2)


BASE_CSS = """
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; height: 100%; }
body { font-family: var(--font), sans-serif; font-size: var(--opx); line-height: 1.3; overflow: hidden;
  display: flex; flex-direction: column; -webkit-font-smoothing: antialiased; }
.l { color: var(--l); font-size: var(--lpx); font-weight: var(--lw); letter-spacing: var(--ls);
  text-transform: var(--ltt); }
.v { color: var(--v); font-family: var(--vfont), sans-serif; font-size: var(--vpx); font-weight: var(--vw);
  letter-spacing: var(--ls); white-space: nowrap; }
.v.nm { font-family: var(--font), sans-serif; font-size: var(--npx); white-space: normal; }
.d { color: var(--m); font-size: var(--opx); }
.ft { color: var(--m); font-size: var(--fpx); }
.ft .v, .ft.v { font-size: var(--fpx); font-family: var(--font), sans-serif; }
.title { font-size: var(--tpx); font-weight: 600; color: var(--v); }
.status { flex: none; height: 30px; padding: 0 20px; display: flex; align-items: center; justify-content: space-between;
  font-size: var(--opx); font-weight: 600; }
.status .sys { display: flex; gap: 5px; align-items: center; }
.appbar { flex: none; height: 54px; display: flex; align-items: center; gap: 12px; padding: 0 14px; }
.appbar .title { flex: 1; }
main { flex: 1; min-height: 0; display: flex; flex-direction: column; gap: 12px; padding: 12px 16px; }
.qrbox { background: #fff; padding: 10px; border-radius: 12px; display: inline-flex; flex-direction: column;
  align-items: center; align-self: center; gap: 6px; }
.qrbox img { image-rendering: pixelated; display: block; }
.f { display: flex; flex-direction: column; gap: 2px; min-width: 0; }
.row { display: flex; align-items: baseline; gap: 6px; flex-wrap: wrap; }
.spread { display: flex; justify-content: space-between; align-items: baseline; gap: 10px; }
.card { border-radius: 16px; padding: 14px 16px; display: flex; flex-direction: column; gap: 10px; }
.chip { display: inline-flex; align-items: center; gap: 6px; border-radius: 999px; padding: 4px 12px; }
.chips { display: flex; flex-wrap: wrap; gap: 8px; }
.icon { width: 22px; height: 22px; flex: none; }
.nav { flex: none; display: flex; justify-content: space-around; padding: 8px 0 14px; }
.nav div { display: flex; flex-direction: column; align-items: center; gap: 2px; }
table { border-collapse: collapse; width: 100%; }
td { padding: 8px 10px; vertical-align: top; }
body.overflow::after { content: ""; position: fixed; left: 0; top: 0; width: 40px; height: 40px; background: #f0f;
  z-index: 99; }
"""

CHECK_JS = """<script>
(function () {
  var bad = false, W = window.innerWidth, H = window.innerHeight;
  document.querySelectorAll('.t, .qrbox').forEach(function (el) {
    var r = el.getBoundingClientRect();
    if (r.width === 0) return;
    if (r.right > W - 2 || r.left < 2 || r.bottom > H - 2 || r.top < 0) bad = true;
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline') bad = true;
    var p = el.parentElement;
    while (p && p !== document.body) {
      var cs = getComputedStyle(p);
      if (cs.overflow !== 'visible') { var q = p.getBoundingClientRect();
        if (r.bottom > q.bottom + 1 || r.right > q.right + 1) bad = true; }
      p = p.parentElement;
    }
  });
  if (bad) document.body.classList.add('overflow');
})();
</script>"""

# Runs in the check page (check_page) once the framed screen has loaded: for every element tagged data-check, the box
# of each non-space character (a Range over it) and the box that clips it (the viewport intersected with the padding
# box of the element and of every ancestor whose overflow is not visible); then hides the tagged elements for the
# second screenshot.
VISIBLE_JS = """<script>
window.addEventListener('load', function () {
  var win = document.querySelector('iframe').contentWindow, doc = win.document, range = doc.createRange();
  var W = win.innerWidth, H = win.innerHeight, texts = [];
  function box(r) { return [r.left, r.top, r.right, r.bottom]; }
  doc.querySelectorAll('[data-check]').forEach(function (el) {
    var clip = [0, 0, W, H];
    for (var p = el; p; p = p.parentElement) {
      var cs = win.getComputedStyle(p), q = p.getBoundingClientRect();
      var left = q.left + p.clientLeft, top = q.top + p.clientTop;
      if (cs.overflowX !== 'visible') {
        clip[0] = Math.max(clip[0], left); clip[2] = Math.min(clip[2], left + p.clientWidth); }
      if (cs.overflowY !== 'visible') {
        clip[1] = Math.max(clip[1], top); clip[3] = Math.min(clip[3], top + p.clientHeight); }
    }
    var glyphs = [], walk = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT), node;
    while ((node = walk.nextNode())) {
      for (var i = 0; i < node.data.length; i++) {
        if (/\\s/.test(node.data[i])) continue;
        range.setStart(node, i); range.setEnd(node, i + 1);
        var r = range.getBoundingClientRect();
        glyphs.push([node.data[i]].concat(r.width > 0 && r.height > 0 ? box(r) : []));
      }
    }
    texts.push({check: el.dataset.check, text: el.textContent, box: box(el.getBoundingClientRect()), clip: clip,
                glyphs: glyphs});
  });
  doc.querySelectorAll('[data-check]').forEach(function (el) { el.style.visibility = 'hidden'; });
  document.documentElement.setAttribute('data-visible', JSON.stringify({viewport: [W, H], texts: texts}));
});
</script>"""

# The layout viewport of a --screenshot run in device px, painted as colours (R * 256 + G) once Chromium has resized
# the window for the screenshot: the top half holds the width, the bottom half the height.
PROBE_HTML = """<!DOCTYPE html><html><head><style>html, body { margin: 0; height: 100%; overflow: hidden; }
div { height: 50%; }</style></head><body><div></div><div></div><script>
function paint() {
  var sizes = [visualViewport.width * devicePixelRatio, visualViewport.height * devicePixelRatio];
  document.querySelectorAll('div').forEach(function (el, i) {
    var v = Math.round(sizes[i]); el.style.background = 'rgb(' + (v >> 8) + ',' + (v & 255) + ',0)'; });
}
paint(); window.addEventListener('resize', paint);
</script></body></html>"""
LAYOUTS = {}  # (viewport, dpr, fresh profile): the layout viewport in CSS px, from layout_viewport()
LAYOUTS_LOCK = threading.Lock()


# ------------------------------------------------------------------------------------------------------------ icons

def svg(path, colour="currentColor", size=22):
    return (f'<svg class="icon" viewBox="0 0 24 24" width="{size}" height="{size}" fill="none" stroke="{colour}" '
            f'stroke-width="2" stroke-linecap="round" stroke-linejoin="round">{path}</svg>')


ICONS = {
    "user": '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4 4-6 8-6s8 2 8 6"/>',
    "card": '<rect x="3" y="5" width="18" height="14" rx="2"/><circle cx="9" cy="12" r="2.5"/><path d="M14 10h5M14 14h4"/>',
    "cal": '<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/>',
    "back": '<path d="M15 5l-7 7 7 7"/>',
    "close": '<path d="M6 6l12 12M18 6L6 18"/>',
    "share": '<circle cx="6" cy="12" r="2.5"/><circle cx="18" cy="6" r="2.5"/><circle cx="18" cy="18" r="2.5"/><path d="M8 11l8-4M8 13l8 4"/>',
    "home": '<path d="M3 11l9-7 9 7v9H3z"/>',
    "qr": '<rect x="4" y="4" width="6" height="6"/><rect x="14" y="4" width="6" height="6"/><rect x="4" y="14" width="6" height="6"/><path d="M14 14h2v2M18 18h2v2"/>',
    "shield": '<path d="M12 3l8 3v6c0 5-4 8-8 9-4-1-8-4-8-9V6z"/><path d="M9 12l2 2 4-4"/>',
    "bell": '<path d="M6 17V11a6 6 0 0112 0v6l2 2H4z"/><path d="M10 21h4"/>',
    "wifi": '<path d="M2 9c6-5 14-5 20 0M5 13c4-3 10-3 14 0M9 17c2-1 4-1 6 0"/>',
    "emblem": '<circle cx="12" cy="12" r="9"/><path d="M12 6l1.8 4.2 4.4.3-3.4 2.8 1.1 4.3L12 15.3 8.1 17.6l1.1-4.3-3.4-2.8 4.4-.3z"/>',
}


# ----------------------------------------------------------------------------------------------------------- context

class Ctx:
    """What a family function composes from: the style, the values, the distractors and the leak slots."""

    def __init__(self, s, style, qr_uri, qr_css, compact=0):
        self.s, self.st, self.qr_uri, self.qr_css, self.compact = s, style, qr_uri, qr_css, compact
        self.r = random.Random(s["seed"] + ":layout")
        self.values, self.full = shown_values(s["persona"], s["mode"], s["variant"], s["date_order"], s.get("mask"))
        if s["variant"] in ("leak-id", "leak-birth") and s["leak_location"] == "main":
            key = "id" if s["variant"] == "leak-id" else "birth"
            self.values[key] = self.full[key]
        self.name = PERSONAS[s["persona"]]["name"]
        self.leak_placed = False
        self.value_sizes = [s["value_px"]]
        self.zone_stack = []
        dr = random.Random(s["seed"] + ":distractors")
        number = persona_fields(s["persona"])[0]
        otp = f"{dr.randrange(100000, 999999)}"
        while otp == number[-6:]:
            otp = f"{dr.randrange(100000, 999999)}"
        self.distractor_text = {
            "phone": f"Liên hệ: 09{dr.randrange(10)}{dr.randrange(10)} {dr.randrange(100, 999)} {dr.randrange(100, 999)}",
            "update": f"Cập nhật: {dr.randint(1, 28):02d}/{dr.randint(1, 12):02d}/2026",
            "otp": f"Mã xác thực: {otp}",
            "percent": f"Độ tin cậy {dr.randint(80, 100)}%",
            "countdown": f"Mã tự làm mới sau 00:{dr.randint(10, 59):02d}",
            "hotline": "Tổng đài 1900 0368",
        }
        self.time = f"{dr.randint(6, 23):02d}:{dr.randint(0, 59):02d}"
        self.battery = f"{dr.randint(5, 100)}%"
        self.shown = [self.time, self.battery]  # distractor texts with digits, as shown

    def checks(self):
        """The texts the expected outcome relies on, by data-check name: the text each must show in full."""
        out = {"id": self.values["id"], "birth": self.values["birth"]}
        if self.s["variant"] != "no-name":
            out["name"] = self.name
        if self.s["variant"] in ("leak-id", "leak-birth"):
            out["leak"] = self.full[self.leak_key()]
        return out

    def shown_text(self, text):
        self.shown.append(text)
        return text

    # ---- text pieces
    def label(self, key):
        return {"name": self.s["name_label"], "id": self.s["id_label"], "birth": self.s["birth_label"]}[key]

    def value(self, key):
        return {"name": self.name, "id": self.values["id"], "birth": self.values["birth"]}[key]

    def keys(self):
        order = self.s["order"].split("-")
        if self.s["variant"] == "no-name":
            order.remove("name")
        return order

    def L(self, key, suffix=""):
        return f'<span class="l t">{self.label(key)}{suffix}</span>'

    def V(self, key, extra=""):
        nm = " nm" if key == "name" else ""
        return f'<span class="v t{nm}{extra}"{self.check(key)}>{self.value(key)}</span>'

    def check(self, key):
        """The data-check attribute of a main value: its key, and 'leak' when it is the full value of a main leak."""
        s = self.s
        leak = s["variant"] in ("leak-id", "leak-birth") and s["leak_location"] == "main" and key == self.leak_key()
        return f' data-check="{key}{" leak" if leak else ""}"'

    def fields(self, arrangement, zone):
        z = self.st.zone(zone)
        out = []
        for key in self.keys():
            if arrangement == "stack":
                out.append(f'<div class="f">{self.L(key)}{self.V(key)}</div>')
            elif arrangement == "inline":
                out.append(f'<div class="row">{self.L(key, ":")} {self.V(key)}</div>')
            elif arrangement == "spread":
                out.append(f'<div class="spread">{self.L(key)}{self.V(key)}</div>')
            elif arrangement == "icons":
                icon = {"name": "user", "id": "card", "birth": "cal"}[key]
                out.append(f'<div class="row" style="flex-wrap:nowrap;gap:12px;align-items:center">'
                           f'<span style="color:var(--m)">{svg(ICONS[icon])}</span>'
                           f'<div class="f">{self.L(key)}{self.V(key)}</div></div>')
        return f'<div class="{z}" style="display:flex;flex-direction:column;gap:{self.r.choice([6, 8, 12])}px;' \
               f'background:transparent">{"".join(out)}</div>'

    def qr(self, caption_zone="qrbox"):
        """The code in its white box; the beside-code leak sits in the box, right under the code."""
        extra = ""
        if self.leak("beside-code"):
            extra = f'<div class="{self.st.zone("qrbox")}" style="display:flex;gap:6px;align-items:baseline">' \
                    f'{self.leak_text()}</div>'
        return (f'<div class="qrbox t-qr"><img src="{self.qr_uri}" style="width:{self.qr_css}px;'
                f'height:{self.qr_css}px" alt="">{extra}</div>')

    # ---- leaks
    def leak(self, location):
        s = self.s
        if s["variant"] in ("leak-id", "leak-birth") and s["leak_location"] == location and not self.leak_placed:
            self.leak_placed = True
            return True
        return False

    def leak_key(self):
        return "id" if self.s["variant"] == "leak-id" else "birth"

    def leak_text(self, footer=False):
        key = self.leak_key()
        size = "var(--fpx)" if footer else "var(--vpx)"
        if footer:
            self.value_sizes.append(12 if self.s["variant"] != "too-small" else min(self.s["label_px"], 11))
        return (f'<span class="l t" style="font-size:{size}" data-check="leak">{self.label(key)}</span>'
                f'<span class="v t" style="font-size:{size}" data-check="leak">{self.full[key]}</span>')

    def top(self, zone):
        """A row of chips at the top of the content: a status chip, the chip leak."""
        z = f"z-{zone}"  # the status chip is distractor text: the zone counts only for a leak
        chips = [f'<span class="chip d" style="background:rgba(127,127,127,0.16)">'
                 f'{svg(ICONS["shield"], size=16)}<span class="t">Đã xác thực</span></span>']
        if self.leak("chip"):
            chips.append(f'<span class="chip {self.st.zone("chip")}">{self.leak_text()}</span>')
        return f'<div class="chips {z}" style="background:transparent">{"".join(chips)}</div>'

    def bottom(self, zone, slots=2):
        """Distractor lines, the far table row and the footer: the lower end of the content."""
        z = f"z-{zone}"
        parts = []
        picks = self.s["distractors"][:max(0, slots - self.compact)]
        for key in picks:
            parts.append(f'<div class="d t">{self.distractor_text[key]}</div>')
            self.shown.append(self.distractor_text[key])
        if self.leak("far-row"):
            key = self.leak_key()
            linked = "Tài khoản liên kết" if key == "id" else "Hồ sơ bảo hiểm"
            self.st.zone(zone)
            parts.append(f'<table class="{z}" style="background:transparent"><tr style="border-top:1px solid '
                         f'rgba(127,127,127,0.35)"><td class="d t">{linked}</td><td class="l t" data-check="leak">'
                         f'{self.label(key)}</td><td class="v t" style="text-align:right" data-check="leak">'
                         f'{self.full[key]}</td></tr></table>')
        if self.leak("footer"):
            self.st.zone(zone)
            parts.append(f'<div class="ft" style="display:flex;gap:6px">{self.leak_text(footer=True)}'
                         f'<span class="t">· {self.distractor_text["update"]}</span></div>')
            self.shown.append(self.distractor_text["update"])
        elif "update" not in picks and self.r.random() < 0.5:
            parts.append(f'<div class="ft t">{self.distractor_text["update"]}</div>')
            self.shown.append(self.distractor_text["update"])
        return f'<div class="{z}" style="display:flex;flex-direction:column;gap:6px;background:transparent;' \
               f'margin-top:auto">{"".join(parts)}</div>'

    # ---- chrome
    def status(self, zone="page"):
        return (f'<div class="status z-{zone}" style="background:transparent;color:var(--v)">'
                f'<span class="t">{self.time}</span><span class="sys">{svg(ICONS["wifi"], size=16)}'
                f'<span class="t">{self.battery}</span><svg width="24" height="12" viewBox="0 0 24 12">'
                f'<rect x="1" y="1" width="20" height="10" rx="2" fill="none" stroke="currentColor"/>'
                f'<rect x="3" y="3" width="12" height="6" fill="currentColor"/></svg></span></div>')

    def appbar(self, zone="page", icon="back"):
        z = f"z-{zone}"
        return (f'<div class="appbar {z}" style="background:transparent;color:var(--v)">{svg(ICONS[icon])}'
                f'<span class="title t">{self.s["title"]}</span>{svg(ICONS["share"])}</div>')

    def nav(self, zone="surface"):
        items = [("home", "Trang chủ"), ("card", "Giấy tờ"), ("qr", "Mã QR"), ("user", "Cá nhân")]
        cells = "".join(f'<div class="d">{svg(ICONS[i])}<span class="t">{t}</span></div>' for i, t in items)
        return f'<nav class="nav z-{zone}">{cells}</nav>'

    def toggle(self):
        text = "Hiện đầy đủ" if self.s["mode"] == "default" else "Ẩn bớt thông tin"
        return (f'<div class="d t" style="align-self:center;border:1px solid var(--m);border-radius:20px;'
                f'padding:6px 16px">{text}</div>')

    def faux_page(self):
        """Page content behind a dim overlay (bottom sheet, modal): tiles with service names."""
        names = ["Dịch vụ công", "Ví giấy tờ", "Thông báo", "Tiện ích", "Bảo hiểm", "Giấy phép lái xe"]
        tiles = "".join(f'<div class="card z-surface" style="padding:12px"><span class="d t">{n}'
                        f'</span></div>' for n in names)
        return (f'<div style="display:grid;grid-template-columns:1fr 1fr;gap:10px;padding:12px 16px">{tiles}</div>')


# ---------------------------------------------------------------------------------------------------------- families

def fam_under(c):
    zone = c.r.choice(["page", "surface"])
    placed = c.leak_placed
    body = c.top("page") + c.qr() + c.toggle() + c.fields(c.r.choice(["stack", "inline", "spread"]), zone)
    if zone == "surface":  # the page arrangement is still drawn (the same layout stream), but the leak goes here
        c.leak_placed = placed
        body = c.top("page") + f'<div class="card z-surface">{c.qr()}{c.fields(c.r.choice(["stack", "inline", "spread"]), "surface")}</div>' + c.toggle()
    return c.status() + c.appbar() + f'<main>{body}{c.bottom("page")}</main>' + (c.nav() if c.r.random() < 0.5 else "")


def fam_above(c):
    card = c.r.random() < 0.5
    fields = c.fields(c.r.choice(["stack", "inline", "spread"]), "surface" if card else "page")
    if card:
        fields = f'<div class="card z-surface">{fields}</div>'
    return c.status() + c.appbar() + f'<main>{c.top("page")}{fields}{c.qr()}{c.toggle()}{c.bottom("page")}</main>' + \
        (c.nav() if c.r.random() < 0.6 else "")


def fam_beside_tablet(c):
    rail = "".join(f'<div class="d" style="display:flex;flex-direction:column;align-items:center;gap:2px">'
                   f'{svg(ICONS[i])}<span class="t">{t}</span></div>'
                   for i, t in [("home", "Trang chủ"), ("card", "Giấy tờ"), ("qr", "Mã QR"), ("bell", "Tin")])
    fields = c.fields(c.r.choice(["stack", "spread", "icons"]), "surface")
    card = (f'<div class="card z-surface" style="flex-direction:row;align-items:center;gap:28px;padding:24px">'
            f'{c.qr()}<div style="flex:1;display:flex;flex-direction:column;gap:16px;min-width:0">'
            f'<span class="title t">{c.s["title"]}</span>{fields}{c.toggle()}</div></div>')
    return (c.status() + f'<div style="flex:1;display:flex;min-height:0"><div class="z-surface" '
            f'style="width:88px;display:flex;flex-direction:column;gap:26px;padding-top:24px;align-items:center">'
            f'{rail}</div><main style="padding:24px 28px">{c.appbar()}{c.top("page")}{card}{c.bottom("page", 3)}'
            f'</main></div>')


def fam_bottom_sheet(c):
    fields = c.fields(c.r.choice(["stack", "inline", "spread"]), "surface")
    sheet = (f'<div class="z-surface" style="position:absolute;left:0;right:0;bottom:0;border-radius:22px 22px 0 0;'
             f'padding:10px 18px 22px;display:flex;flex-direction:column;gap:12px">'
             f'<div style="width:44px;height:5px;border-radius:3px;background:var(--m);align-self:center"></div>'
             f'<div style="display:flex;justify-content:space-between;align-items:center"><span class="title t">'
             f'{c.s["title"]}</span><span style="color:var(--m)">{svg(ICONS["close"])}</span></div>'
             f'{c.top("surface")}{c.qr()}{fields}{c.bottom("surface")}</div>')
    behind = (f'<div style="position:absolute;inset:0;display:flex;flex-direction:column">{c.status()}'
              f'{c.appbar(icon="home")}{c.faux_page()}</div><div style="position:absolute;inset:0;'
              f'background:var(--dim)"></div>')
    return f'<div class="z-page" style="position:relative;flex:1">{behind}{sheet}</div>'


def fam_card(c):
    header = (f'<div style="background:var(--accent);color:#fff;margin:-14px -16px 0;padding:12px 16px;'
              f'border-radius:16px 16px 0 0;display:flex;gap:10px;align-items:center">{svg(ICONS["shield"])}'
              f'<span class="t" style="font-weight:600">{c.s["title"]}</span></div>')
    fields = c.fields(c.r.choice(["spread", "stack", "inline"]), "surface")
    inner = header + (c.qr() + fields if c.r.random() < 0.6 else fields + c.qr())
    return c.status() + c.appbar() + f'<main>{c.top("page")}<div class="card z-surface" ' \
        f'style="box-shadow:0 2px 10px rgba(0,0,0,.15)">{inner}</div>{c.toggle()}{c.bottom("page")}</main>' + \
        (c.nav() if c.r.random() < 0.5 else "")


def fam_chips_gradient(c):
    chip_zone = c.r.choice(["chip", "glass"])
    zc = c.st.zone(chip_zone)
    rows = []
    for key in c.keys():
        rows.append(f'<div class="f" style="align-items:flex-start">{c.L(key)}'
                    f'<span class="chip {zc}">{c.V(key)}</span></div>')
    c.st.zone("hero")
    return (f'<div class="z-hero" style="flex:1;display:flex;flex-direction:column">{c.status("hero")}'
            f'{c.appbar("hero")}<main>{c.top("hero")}{c.qr()}<div style="display:flex;flex-direction:column;'
            f'gap:10px">{"".join(rows)}</div>{c.bottom("hero")}</main></div>')


def fam_table(c):
    z = c.st.zone("surface")
    border = c.r.choice(["1px solid rgba(127,127,127,.35)", "none"])
    zebra = c.r.random() < 0.5
    rows = []
    for i, key in enumerate(c.keys()):
        bg = "background:rgba(127,127,127,.10);" if zebra and i % 2 == 0 else ""
        rows.append(f'<tr style="{bg}border-bottom:{border}"><td>{c.L(key)}</td>'
                    f'<td style="text-align:right">{c.V(key)}</td></tr>')
    table = f'<div class="card {z}" style="padding:6px"><table style="border:{border}">{"".join(rows)}</table></div>'
    body = c.qr() + table if c.r.random() < 0.6 else table + c.qr()
    return c.status() + c.appbar() + f'<main>{c.top("page")}{body}{c.bottom("page")}</main>' + \
        (c.nav() if c.r.random() < 0.5 else "")


def fam_hero_gradient(c):
    c.st.zone("hero")
    hero = (f'<div class="z-hero" style="padding-bottom:70px">{c.status("hero")}{c.appbar("hero")}'
            f'<div style="padding:4px 18px 0">{c.fields(c.r.choice(["stack", "inline"]), "hero")}</div></div>')
    return hero + f'<main class="z-page" style="margin-top:-56px;background:transparent">' \
        f'{c.qr()}{c.toggle()}{c.top("page")}{c.bottom("page")}</main>'


def fam_id_card(c):
    z = c.st.zone("surface")
    emblem = f'<span style="color:var(--accent)">{svg(ICONS["emblem"], size=34)}</span>'
    head = (f'<div style="display:flex;gap:10px;align-items:center">{emblem}<div class="f">'
            f'<span class="t" style="font-size:var(--opx);font-weight:700;color:var(--v)">CỘNG HÒA XÃ HỘI CHỦ NGHĨA '
            f'VIỆT NAM</span><span class="d t">CĂN CƯỚC ĐIỆN TỬ</span></div></div>')
    inner = (f'<div style="display:flex;gap:12px;flex-wrap:wrap;align-items:center">'
             f'<div style="flex:1 1 160px;min-width:0">{c.fields("stack", "surface")}</div>{c.qr()}</div>')
    card = (f'<div class="card {z}" style="border:2px solid var(--accent);box-shadow:0 4px 14px rgba(0,0,0,.2)">'
            f'{head}{inner}</div>')
    return c.status() + c.appbar() + f'<main>{c.top("page")}{card}{c.toggle()}{c.bottom("page", 3)}</main>'


def fam_list_icons(c):
    z = c.st.zone("surface")
    divider = "border-bottom:1px solid rgba(127,127,127,.3);padding:10px 0"
    rows = []
    for key in c.keys():
        icon = {"name": "user", "id": "card", "birth": "cal"}[key]
        rows.append(f'<div style="display:flex;gap:14px;align-items:center;{divider}"><span style="color:var(--accent)">'
                    f'{svg(ICONS[icon])}</span><div class="f">{c.L(key)}{c.V(key)}</div></div>')
    lst = f'<div class="card {z}" style="gap:0;padding:4px 16px">{"".join(rows)}</div>'
    return c.status() + c.appbar() + f'<main>{c.top("page")}{c.qr()}{lst}{c.bottom("page")}</main>' + \
        (c.nav() if c.r.random() < 0.5 else "")


def fam_grid_tiles(c):
    tiles = []
    for key in c.keys():
        span = "grid-column:1 / span 2;" if key == "name" else ""
        tiles.append(f'<div class="card {c.st.zone("surface")}" style="{span}padding:10px 12px;gap:4px">'
                     f'{c.L(key)}{c.V(key)}</div>')
    grid = f'<div style="display:grid;grid-template-columns:1fr 1fr;gap:8px">{"".join(tiles)}</div>'
    body = c.qr() + grid if c.r.random() < 0.5 else grid + c.qr()
    return c.status() + c.appbar() + f'<main>{c.top("page")}{body}{c.toggle()}{c.bottom("page")}</main>'


def fam_wallet_pass(c):
    z = c.st.zone("hero")
    keys = c.keys()
    primary = "name" if "name" in keys else keys[0]
    secondary = [k for k in keys if k != primary]
    sec = "".join(f'<div class="f" style="flex:1;min-width:0">{c.L(k)}{c.V(k)}</div>' for k in secondary)
    pass_ = (f'<div class="{z}" style="border-radius:18px;padding:16px 18px;display:flex;flex-direction:column;'
             f'gap:14px;box-shadow:0 6px 18px rgba(0,0,0,.3)"><div style="display:flex;justify-content:space-between;'
             f'align-items:center"><span style="display:flex;gap:8px;align-items:center;color:var(--v)">'
             f'{svg(ICONS["emblem"])}<span class="t" style="font-weight:700">CĂN CƯỚC</span></span>'
             f'<span class="d t">{c.shown_text(c.distractor_text["update"].split(": ")[1])}</span></div>'
             f'<div class="f">{c.L(primary)}{c.V(primary)}</div>'
             f'<div style="display:flex;gap:14px;flex-wrap:wrap">{sec}</div>{c.qr()}</div>')
    return c.status() + c.appbar() + f'<main>{c.top("page")}{pass_}{c.bottom("page")}</main>'


def fam_ticket_mono(c):
    z = c.st.zone("surface")
    rows = []
    for key in c.keys():
        rows.append(f'<div style="display:flex;align-items:baseline;gap:6px">{c.L(key)}<span style="flex:1;'
                    f'border-bottom:2px dotted var(--m);min-width:10px"></span>{c.V(key)}</div>')
    notch = ("radial-gradient(circle at 0 50%, transparent 10px, var(--sfc) 11px) left/51% 100% no-repeat, "
             "radial-gradient(circle at 100% 50%, transparent 10px, var(--sfc) 11px) right/51% 100% no-repeat")
    surface = c.st.zones["surface"]["bg"]
    ticket = (f'<div class="{z}" style="--sfc:{surface};background:{surface};border-radius:6px;padding:16px;'
              f'display:flex;flex-direction:column;gap:10px;font-family:var(--vfont)">'
              f'<div class="title t" style="text-align:center">{c.s["title"].upper()}</div>{c.qr()}'
              f'<div style="height:20px;margin:0 -16px;background:{notch.replace("var(--sfc)", surface)};'
              f'border-top:2px dashed var(--m)"></div>{"".join(rows)}</div>')
    return c.status() + c.appbar() + f'<main>{c.top("page")}{ticket}{c.bottom("page")}</main>'


def fam_modal_dialog(c):
    fields = c.fields(c.r.choice(["inline", "stack", "spread"]), "surface")
    dialog = (f'<div class="z-surface" style="position:absolute;left:18px;right:18px;top:50%;'
              f'transform:translateY(-50%);border-radius:20px;padding:16px 18px;display:flex;flex-direction:column;'
              f'gap:12px;box-shadow:0 10px 30px rgba(0,0,0,.4)"><div style="display:flex;justify-content:'
              f'space-between;align-items:center"><span class="title t">{c.s["title"]}</span><span style="color:'
              f'var(--m)">{svg(ICONS["close"])}</span></div>{c.top("surface")}{c.qr()}{fields}'
              f'{c.bottom("surface")}<div style="display:flex;gap:10px;justify-content:flex-end"><span class="d t" '
              f'style="padding:6px 12px">Đóng</span><span class="t" style="padding:6px 14px;border-radius:18px;'
              f'background:var(--accent);color:#fff">Chia sẻ</span></div></div>')
    behind = (f'<div style="position:absolute;inset:0;display:flex;flex-direction:column">{c.status()}'
              f'{c.appbar(icon="home")}{c.faux_page()}</div><div style="position:absolute;inset:0;'
              f'background:var(--dim)"></div>')
    return f'<div class="z-page" style="position:relative;flex:1">{behind}{dialog}</div>'


FAMILIES = {
    "under": (fam_under, "text under the code, on the page or in a card with the code"),
    "above": (fam_above, "text above the code, on the page or in a card"),
    "beside-tablet": (fam_beside_tablet, "tablet: navigation rail, code left and fields right in one card"),
    "bottom-sheet": (fam_bottom_sheet, "bottom sheet with handle over a dimmed page of service tiles"),
    "card": (fam_card, "elevated card with a coloured header stripe, code and fields inside"),
    "chips-gradient": (fam_chips_gradient, "whole screen on a coloured gradient, values in rounded chips"),
    "table": (fam_table, "label | value table, borders or zebra rows, code above or below"),
    "hero-gradient": (fam_hero_gradient, "fields in white text on a gradient hero, code overlapping below it"),
    "id-card": (fam_id_card, "a physical-ID-like card: emblem, header, fields left, small code right"),
    "list-icons": (fam_list_icons, "list rows with inline SVG icons and dividers under the code"),
    "grid-tiles": (fam_grid_tiles, "two-column grid of tiles (name across both), code above or below"),
    "wallet-pass": (fam_wallet_pass, "wallet pass on a gradient: primary name, secondary fields side by side, code at the bottom"),
    "ticket-mono": (fam_ticket_mono, "ticket/receipt: notched perforation, dotted leaders between label and value"),
    "modal-dialog": (fam_modal_dialog, "centred dialog with buttons over a dimmed page"),
}
FAMILY_NAMES = list(FAMILIES)


# ----------------------------------------------------------------------------------------------------------- render

def qr_image(payload, module_px):
    code = segno.make(payload, error="q", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=module_px, border=4, dark="#000000", light="#ffffff")
    modules = code.symbol_size(scale=1, border=4)[0]
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode(), code.version, modules


def page_html(s, module_px, compact=0):
    width, height, dpr = DEVICES[s["device"]]
    payload = PERSONAS[s["persona"]]["payload"]
    uri, version, modules = qr_image(payload, module_px)
    qr_css = modules * module_px / dpr
    style = Style(s)
    ctx = Ctx(s, style, uri, qr_css, compact)
    body = FAMILIES[s["family"]][0](ctx)
    if s["variant"] in ("leak-id", "leak-birth") and not ctx.leak_placed and s["leak_location"] != "main":
        raise RuntimeError(f"{s['id']}: family {s['family']} has no slot for leak {s['leak_location']}")
    theme = s["theme"]
    html = (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width, initial-scale=1"><style>{style.css()}\n{BASE_CSS}</style></head>'
            f'<body class="{theme} z-page">{body}{CHECK_JS}</body></html>')
    info = {"qr_version": version, "modules": modules, "module_px": module_px, "qr_css": round(qr_css, 2),
            "min_contrast": style.min_contrast(), "values": ctx.values, "value_px_min": min(ctx.value_sizes),
            "zones": sorted(style.used), "distractors": ctx.shown, "checks": ctx.checks(),
            "visible_pixels": s["variant"] != "too-faint"}  # faint texts on purpose: their boxes are checked only
    return html, info


# --unplanned-faces: a fontconfig file that rejects every face of the plan and aliases each to one the plan never uses,
# so the draw is a held-out font family; the manifest then says so (`faces`), its vectors still name the planned faces.
UNPLANNED_FACES = pathlib.Path(__file__).resolve().parent / "unplanned-faces.conf"
UNPLANNED_PACKAGES = {"Open Sans": "fonts-open-sans", "FreeSans": "fonts-freefont-ttf", "FreeSerif": "fonts-freefont-ttf",
                      "FreeMono": "fonts-freefont-ttf"}


def installed_families():
    """Every font family fontconfig knows."""
    listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=True).stdout
    return {name.strip() for line in listed.splitlines() for name in line.split(",")}


def missing_unplanned_faces():
    """The substitute faces fontconfig does not know, as (family, Debian package)."""
    families = installed_families()
    return sorted((family, package) for family, package in UNPLANNED_PACKAGES.items() if family not in families)


def planned_faces_left():
    """The planned faces fontconfig still resolves to a face of the plan under UNPLANNED_FACES (a file it could not
    parse leaves every face as planned)."""
    left = []
    for family, _, _ in [*FONTS.values(), *MONO_FONTS.values()]:
        matched = subprocess.run(["fc-match", "-f", "%{family}", family], capture_output=True, text=True).stdout
        if not any(substitute in matched for substitute in UNPLANNED_PACKAGES):
            left.append(f"{family} -> {matched or '?'}")
    return left


def missing_fonts():
    """The fonts the plan may draw with that fontconfig does not know, as (CSS family, Debian package): Chromium would
    draw those screens in a fallback face without a word, and the corpus would not be the one its manifest describes."""
    families = installed_families()
    return sorted({(family, package) for family, _, package in [*FONTS.values(), *MONO_FONTS.values()]
                   if family not in families})


def chromium_version():
    return subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, check=True).stdout.strip()


def chromium_command(page, dpr, viewport, profile, *outputs):
    return [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--disable-lcd-text", "--force-color-profile=srgb", "--no-first-run", "--disable-extensions",
            f"--user-data-dir={profile}", f"--force-device-scale-factor={dpr}",
            f"--window-size={viewport[0]},{viewport[1]}", *outputs, page.as_uri()]


def screenshot(page, png, dpr, viewport, profile):
    subprocess.run(chromium_command(page, dpr, viewport, profile, f"--screenshot={png}"), capture_output=True,
                   timeout=120, check=True)


def layout_viewport(dpr, viewport, workdir, fresh):
    """The CSS px size a --screenshot run lays the page out at: at a fractional ratio a little more than the
    screenshot shows (391.14 x 845.14 for 390 x 844 at 3.5; at 2.625 it also depends on whether the profile is fresh
    or was used before). Probed once per device and profile state with PROBE_HTML."""
    key = (viewport, dpr, fresh)
    with LAYOUTS_LOCK:
        if key not in LAYOUTS:
            name = f"probe-{viewport[0]}x{viewport[1]}-{dpr}-{'fresh' if fresh else 'used'}"
            page, png, profile = workdir / f"{name}.html", workdir / f"{name}.png", workdir / f"profile-{name}"
            page.write_text(PROBE_HTML, encoding="utf-8")
            for _ in range(1 if fresh else 2):
                screenshot(page, png, dpr, viewport, profile)
            shutil.rmtree(profile, ignore_errors=True)
            with Image.open(png) as image:
                rgb = image.convert("RGB")
            sizes = [rgb.getpixel(xy) for xy in ((2, 2), (2, rgb.size[1] - 3))]
            LAYOUTS[key] = tuple((r * 256 + g) / dpr for r, g, _ in sizes)
        return LAYOUTS[key]


def check_page(html, layout):
    """The screen framed at the layout viewport of its screenshot, with VISIBLE_JS: headless Chromium lays a page
    out in a max(500, width) x (height - 143) CSS px window until --screenshot resizes it, after --dump-dom has run."""
    # without CHECK_JS: measuring at the true viewport in the frame, it could paint a marker the screenshot lacks
    inner = markup.escape(html.replace(CHECK_JS, ""), quote=True)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>html, body {{ margin: 0; overflow: hidden; }} '
            f'iframe {{ border: 0; display: block; width: {layout[0]!r}px; height: {layout[1]!r}px; }}</style>'
            f'</head><body><iframe srcdoc="{inner}"></iframe>{VISIBLE_JS}</body></html>')


def check_render(page, png, dpr, viewport, profile):
    """Run the check page with the flags of screenshot(): the glyph boxes from the dumped DOM, and the screenshot
    with the checked texts hidden into png."""
    command = chromium_command(page, dpr, viewport, profile, f"--screenshot={png}", "--dump-dom")
    dom = subprocess.run(command, capture_output=True, timeout=120, check=True).stdout.decode("utf-8", "replace")
    match = re.search(r'<html[^>]*\sdata-visible="([^"]*)"', dom)
    if not match:
        raise RuntimeError("the visibility check left no result in the DOM")
    return json.loads(markup.unescape(match.group(1)))


def device_box(box, dpr, size):
    """A box in CSS px as a PIL box of device pixels, grown to whole pixels and cut to the image."""
    left, top, right, bottom = box
    return (max(0, math.floor(left * dpr)), max(0, math.floor(top * dpr)),
            min(size[0], math.ceil(right * dpr)), min(size[1], math.ceil(bottom * dpr)))


def glyph_fault(glyph, clip, diff, dpr, min_diff):
    """Why one character is not visible in the screenshot ('clipped', 'unpainted'), or None when it is; clip in CSS
    px, cut to the screenshot; min_diff 0 checks the boxes only."""
    clip = (max(clip[0], 0), max(clip[1], 0), min(clip[2], diff.size[0] / dpr), min(clip[3], diff.size[1] / dpr))
    if len(glyph) < 5:
        return "unpainted"  # no box: not laid out
    left, top, right, bottom = glyph[1:]
    trim = (bottom - top) * GLYPH_TRIM
    if left < clip[0] - CLIP_SLACK or top + trim < clip[1] - CLIP_SLACK or right > clip[2] + CLIP_SLACK or \
            bottom - trim > clip[3] + CLIP_SLACK:
        return "clipped"
    box = device_box(glyph[1:], dpr, diff.size)
    if box[0] >= box[2] or box[1] >= box[3] or diff.crop(box).getextrema()[1] < min_diff:
        return "unpainted"
    return None


def missing_texts(checks, result):
    """The checked texts whose tagged elements do not hold their value (not on the page at all)."""
    missing = []
    for name, want in checks.items():
        shown = "".join(t["text"] for t in result["texts"] if name in t["check"].split())
        if want not in shown:
            missing.append(f"{name} {want!r}")
    return missing


def hidden_texts(checks, result, diff, dpr, min_diff):
    """The checked texts with a character outside the viewport, clipped, or not painted, with a count of each."""
    hidden = []
    for name, want in checks.items():
        texts = [t for t in result["texts"] if name in t["check"].split()]
        faults = collections.Counter(glyph_fault(g, t["clip"], diff, dpr, min_diff) for t in texts
                                     for g in t["glyphs"])
        total = sum(faults.values())
        faults.pop(None, None)
        if faults:
            counts = ", ".join(f"{n} {kind}" for kind, n in sorted(faults.items()))
            hidden.append(f"{name} {want!r} not fully visible ({counts} of {total} characters)")
    return hidden


def stray_difference(result, diff, dpr):
    """The device-pixel box where hiding the checked texts changed the screenshot away from them (None: nowhere);
    anything there means the check page was not laid out like the screenshot."""
    stray = diff.copy()
    for text in result["texts"]:
        left, top, right, bottom = text["box"]
        grown = (left - STRAY_MARGIN, top - STRAY_MARGIN, right + STRAY_MARGIN, bottom + STRAY_MARGIN)
        stray.paste(0, device_box(grown, dpr, stray.size))
    return stray.getbbox()


def check_take(s, page, gray, workdir, dpr, viewport):
    """One check run: its result and the difference of its screenshot (checked texts hidden) from gray."""
    png = workdir / f"{s['id']}.check.png"
    profile = workdir / f"profile-check-{s['id']}"
    result = check_render(page, png, dpr, viewport, profile)
    shutil.rmtree(profile, ignore_errors=True)
    with Image.open(png) as image:
        hidden = image.convert("RGB").convert("L")
    if hidden.size != gray.size:
        raise RuntimeError(f"{s['id']}: the check screenshot is {hidden.size}, not {gray.size}")
    return result, ImageChops.difference(gray, hidden)


def visibility(s, html, info, gray, workdir, dpr, viewport, fresh):
    """Check that every text the label relies on is fully visible in the screenshot gray (taken with a fresh profile
    or not): faults as log lines (empty: all visible). A check run whose screenshot differs away from the checked
    texts (a tile not drawn yet) is taken again, and so is one finding an unpainted character, to confirm it.
    Raises when a text is not on the page at all, or no take matched the screenshot."""
    page = workdir / f"{s['id']}.check.html"
    page.write_text(check_page(html, layout_viewport(dpr, viewport, workdir, fresh)), encoding="utf-8")
    min_diff = VISIBLE_DIFF if info["visible_pixels"] else 0
    faults, matched = None, 0
    for _ in range(CHECK_TAKES):
        result, diff = check_take(s, page, gray, workdir, dpr, viewport)
        missing = missing_texts(info["checks"], result)
        if missing:
            raise RuntimeError(f"{s['id']}: a text the label relies on is not on the page: {'; '.join(missing)}")
        stray = stray_difference(result, diff, dpr)
        if stray:
            continue
        faults, matched = hidden_texts(info["checks"], result, diff, dpr, min_diff), matched + 1
        if matched == 2 or not any("unpainted" in fault for fault in faults):
            return faults
    if faults is None:
        raise RuntimeError(f"{s['id']}: the check page differs from the screenshot away from the checked texts "
                           f"in {CHECK_TAKES} takes (device px {stray})")
    return faults


def decodes(png, payload):
    result = subprocess.run(["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)], capture_output=True)
    return result.stdout in (payload.encode() + b"\n", payload.encode())


def render(s, workdir, keep_html=None):
    """Render one screen: the code's module size from the planned CSS size; a smaller code, then fewer distractor
    lines when the page overflows or a text the label relies on is not fully visible; another module size when it
    does not decode."""
    width, height, dpr = DEVICES[s["device"]]
    payload = PERSONAS[s["persona"]]["payload"]
    modules = segno.make(payload, error="q", micro=False).symbol_size(scale=1, border=4)[0]
    qr_css = s["qr_css"] * (1.35 if s["device"] == "tablet-744" else 1)
    if s["family"] == "id-card":  # the code sits beside the fields inside a card
        qr_css = min(qr_css, 150)
    module_px = max(2, round(qr_css * dpr / modules))
    attempts = [(module_px - k, compact) for compact in (0, 1, 2) for k in range(0, 4)]
    log = []
    for module_px, compact in attempts:
        if module_px < 2 or modules * module_px / dpr < 110:
            continue
        html, info = page_html(s, module_px, compact)
        page = workdir / f"{s['id']}.html"
        page.write_text(html, encoding="utf-8")
        raw = workdir / f"{s['id']}.raw.png"
        profile = workdir / f"profile-{s['id']}"
        fresh = not profile.exists()  # kept after an overflow: the next attempt reuses it
        screenshot(page, raw, dpr, (width, height), profile)
        with Image.open(raw) as image:
            rgb = image.convert("RGB")
        if rgb.getpixel((4, 4)) == (255, 0, 255):
            log.append(f"overflow at {module_px} px/module, compact {compact}")
            continue
        gray = rgb.convert("L")
        clean = Image.frombytes("L", gray.size, gray.tobytes())
        out = workdir / f"{s['id']}.png"
        clean.save(out, format="PNG", optimize=True)
        if keep_html:
            shutil.copy(page, pathlib.Path(keep_html) / page.name)
        shutil.rmtree(profile, ignore_errors=True)
        if not decodes(out, payload):
            log.append(f"no decode at {module_px} px/module")
            continue
        hidden = visibility(s, html, info, clean, workdir, dpr, (width, height), fresh)
        if hidden:
            log.append(f"{'; '.join(hidden)} at {module_px} px/module, compact {compact}")
            continue
        info.update({"png": out.read_bytes(), "size": clean.size, "log": log, "compact": compact})
        return info
    raise RuntimeError(f"{s['id']}: no attempt fit, decoded and showed every checked text ({'; '.join(log)})")


# --------------------------------------------------------------------------------------------------------- manifest

def legible(s, info):
    if s["variant"] == "too-small":
        return False
    return min(s["label_px"], info["value_px_min"]) >= 12 and DEVICES[s["device"]][2] >= 2 and \
        info["min_contrast"] >= 3


def flags(s, info):
    out = [s["family"], s["device"], s["theme"], f"bg-{s['background']}", s["font"], s["date_order"], s["id_kind"],
           s["variant"], "held-out" if s["held_out"] else "tuned"]
    if s["value_font"] != s["font"]:
        out.append(s["value_font"])
    if s.get("leak_location"):
        out.append("leak-" + s["leak_location"])
    if s.get("mask"):
        out.append("mask-" + s["mask"])
    if s["label_case"] == "upper":
        out.append("upper-labels")
    out.append("legible" if legible(s, info) else "not-legible")
    return out


def entry(s, info, ci, chromium, file_prefix="png/"):
    outcome, verdict = expected(s["mode"], s["variant"], s.get("leak_location"))
    width, height, dpr = DEVICES[s["device"]]
    value_font = (MONO_FONTS.get(s["value_font"]) or FONTS[s["value_font"]])[0]
    provenance = {
        "family": s["family"], "held_out": s["held_out"], "device": s["device"], "dpr": dpr,
        "viewport": f"{width}x{height}", "image_px": f"{info['size'][0]}x{info['size'][1]}",
        "css_px": info["value_px_min"], "label_px": s["label_px"], "min_contrast": info["min_contrast"],
        "legible": legible(s, info), "theme": s["theme"], "background": s["background"],
        "font": FONTS[s["font"]][0], "value_font": value_font, "label_weight": s["label_weight"],
        "value_weight": s["value_weight"], "letter_spacing": s["letter_spacing"], "label_case": s["label_case"],
        "date_order": s["date_order"], "id_kind": s["id_kind"], "persona": s["persona"], "variant": s["variant"],
        "labels": {"name": s["name_label"], "id": s["id_label"], "birth": s["birth_label"]},
        "shown": {"id": info["values"]["id"], "birth": info["values"]["birth"],
                  "name": None if s["variant"] == "no-name" else PERSONAS[s["persona"]]["name"]},
        "distractors": info["distractors"],
        "text_zones": info["zones"],
        "qr": {"css_px": info["qr_css"], "module_px": info["module_px"], "error": "Q", "border": 4,
               "version": info["qr_version"]},
        "seed": s["seed"], "chromium": chromium, "visible_checked": sorted(info["checks"]),
        "visible_pixels": info["visible_pixels"],
    }
    if s.get("leak_location"):
        provenance["leak_location"] = s["leak_location"]
    if s.get("mask"):
        provenance["mask"] = s["mask"]
    return {"id": s["id"], "file": f"{file_prefix}{s['id']}.png", "display_mode": s["mode"],
            "payload": PERSONAS[s["persona"]]["payload"], "expected": outcome, "expected_verdict": verdict,
            "flags": flags(s, info), "ci": ci, "provenance": provenance}


def notes():
    result = {}
    for name, (_, meaning) in FAMILIES.items():
        result[name] = f"layout family: {meaning}" + (" (held out)" if name in HELD_OUT else "")
    for name, (w, h, dpr) in DEVICES.items():
        result[name] = f"device {w}x{h} CSS px at device-pixel ratio {dpr}"
    for flag, (family, kind, package) in {**FONTS, **MONO_FONTS}.items():
        result[flag] = f"font {family} ({kind}, {package})"
    for name, meaning in BACKGROUNDS.items():
        result["bg-" + name] = "background: " + meaning
    for name, meaning in LEAK_LOCATIONS.items():
        result["leak-" + name] = "leak location: " + meaning
    for mask in ID_MASKS:
        result["mask-" + mask] = {"stars5": "5 '*'", "stars7": "7 '*'", "bullet": "'\u2022' instead of '*'",
                                  "x": "'x' instead of '*'"}[mask]
    for variant, (_, _, meaning) in VARIANTS.items():
        result[variant] = meaning
    result.update({
        "light": "light theme", "dark": "dark theme (the code stays dark on white in a white box)",
        "iso": "birth date YYYY-MM-DD (masked YYYY-**-**)", "dmy": "birth date DD/MM/YYYY (masked **/**/YYYY)",
        "cccd": "12-digit CCCD number", "cmnd": "9-digit CMND number",
        "held-out": "a held-out family: never tune the reader on it", "tuned": "a family the reader may be tuned on",
        "upper-labels": "labels in upper case (text-transform)",
        "legible": "every text >= 12 CSS px, ratio >= 2, label and value contrast >= 3:1",
        "not-legible": "some text below 12 CSS px or label/value contrast below 3:1",
    })
    return result


def manifest(entries, seed, count):
    return {
        "description": "App screens with the personal QR code composed from independent random choices (layout "
                       "family, background, colours and contrast, fonts, sizes, distractors, device) and rendered by "
                       "headless Chromium; expected outcome of every DSP rule by construction.",
        "format_version": 1,
        "generator": "scripts/gen_app_screens.py",
        "seed": seed,
        "count": count,
        "held_out_families": HELD_OUT,
        "families": FAMILY_NAMES,
        "rules": RULES,
        "notes": notes(),
        "vectors": sorted(entries, key=lambda e: e["id"]),
    }


def write_manifest(output, data):
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    (output / "manifest.json").write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------------------------------------- subset

def ci_subset(screens, size=CI_SIZE):
    """A fixed subset: greedily cover every family, variant (with leak location and mask), device, theme, mode and
    background, preferring the 2x devices (small PNGs); then fill up with conformant 2x screens of each family."""
    def features(s):
        f = {("family", s["family"]), ("variant", s["variant"], s["mode"]), ("device", s["device"]),
             ("theme", s["theme"]), ("bg", s["background"]), ("family-theme", s["family"], s["theme"])}
        if s.get("leak_location"):
            f.add(("leak", s["variant"], s["leak_location"]))
        if s.get("mask"):
            f.add(("mask", s["variant"], s["mask"]))
        return f

    def cost(s):
        return {"phone-360": 0, "tablet-744": 1, "phone-412": 2, "phone-430": 3, "phone-390": 3}[s["device"]]

    chosen, covered = [], set()
    while len(chosen) < size:
        candidates = [s for s in screens if s["id"] not in chosen]
        best = max(candidates, key=lambda s: (len(features(s) - covered) * 4 - cost(s), -s["index"]))
        if not features(best) - covered:
            break
        chosen.append(best["id"])
        covered |= features(best)
    extra = lambda s: {("family-mode", s["family"], s["mode"]), ("family-device", s["family"], s["device"])}
    while len(chosen) < size:  # then pairs of family with mode and device, still preferring 2x
        candidates = [s for s in screens if s["id"] not in chosen]
        best = max(candidates, key=lambda s: (len((features(s) | extra(s)) - covered) * 4 - 2 * cost(s),
                                              -s["index"]))
        chosen.append(best["id"])
        covered |= features(best) | extra(best)
    return set(chosen)


def stats(screens, ci=()):
    lines = []
    for factor in ("family", "variant", "mode", "device", "theme", "background", "font", "value_px", "date_order",
                   "id_kind", "leak_location", "mask"):
        total = collections.Counter(str(s.get(factor)) for s in screens if s.get(factor) is not None)
        in_ci = collections.Counter(str(s.get(factor)) for s in screens if s.get(factor) is not None and s["id"] in ci)
        lines.append(f"{factor}: " + ", ".join(f"{k} {total[k]}" + (f" ({in_ci[k]})" if ci else "")
                                               for k in sorted(total)))
    negatives = sum(1 for s in screens if s["variant"] != "conformant")
    lines.append(f"negatives: {negatives} of {len(screens)} ({100 * negatives / max(1, len(screens)):.0f} %)")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=COUNT)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--only", action="append")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--plan", action="store_true")
    parser.add_argument("--ci", action="store_true", help="render only the fixed CI subset (into TestVectors/app-screens)")
    parser.add_argument("--output")
    parser.add_argument("--keep-html")
    parser.add_argument("--unplanned-faces", action="store_true",
                        help="draw every text in faces the plan never uses (scripts/unplanned-faces.conf)")
    args = parser.parse_args()
    output = pathlib.Path(args.output).resolve() if args.output else (CI_OUTPUT if args.ci else OUTPUT)

    screens = plan(args.seed, args.count)
    ci = ci_subset(screens)
    if args.plan:
        for s in screens:
            print(s["id"], s["device"], s["theme"], s["background"], s["font"], s["value_px"], s.get("leak_location", ""),
                  s.get("mask", ""), "ci" if s["id"] in ci else "")
        print(stats(screens, ci))
        return 0
    selected = screens
    if args.only:
        selected = [s for s in screens if s["id"] in args.only]
    elif args.ci:
        selected = [s for s in screens if s["id"] in ci]
    elif args.limit:
        selected = screens[:args.limit]
    if args.keep_html:
        pathlib.Path(args.keep_html).mkdir(parents=True, exist_ok=True)
    if args.unplanned_faces:
        os.environ["FONTCONFIG_FILE"] = str(UNPLANNED_FACES)  # Chromium and fc-list inherit it
        missing = missing_unplanned_faces()
        left = [] if missing else planned_faces_left()
        if left:
            sys.exit(f"gen_app_screens: {UNPLANNED_FACES} does not take effect: " + ", ".join(left))
    else:
        missing = missing_fonts()
    if missing:
        sys.exit("gen_app_screens: fonts not installed, screens would fall back to another face: "
                 + ", ".join(f"{family} (apt-get install {package})" for family, package in missing))
    chromium = chromium_version()
    (output / "png").mkdir(parents=True, exist_ok=True)
    entries, failures = {}, []
    with tempfile.TemporaryDirectory(prefix="gen_app_screens-") as tmp:
        workdir = pathlib.Path(tmp)
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = {pool.submit(render, s, workdir, args.keep_html): s for s in selected}
            for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
                s = futures[future]
                try:
                    info = future.result()
                except Exception as error:  # keep going, report at the end
                    failures.append(f"{s['id']}: {error}")
                    continue
                (output / "png" / f"{s['id']}.png").write_bytes(info["png"])
                entries[s["id"]] = entry(s, info, s["id"] in ci, chromium)
                note = f" [{'; '.join(info['log'])}]" if info["log"] else ""
                print(f"{done}/{len(selected)} {s['id']} {len(info['png']) // 1024} KiB{note}", flush=True)
    if args.only:
        path = output / "manifest.json"
        old = json.loads(path.read_text(encoding="utf-8"))["vectors"] if path.exists() else []
        merged = {e["id"]: e for e in old}
        merged.update(entries)
        entries = merged
    else:
        for stale in (output / "png").glob("*.png"):
            if stale.stem not in entries:
                stale.unlink()
    document = manifest(list(entries.values()), args.seed, args.count)
    if args.unplanned_faces:
        document["faces"] = ("unplanned: every face of the plan rejected and aliased to Open Sans, FreeSans, FreeSerif "
                             "or FreeMono (scripts/unplanned-faces.conf); the vectors name the planned faces")
    write_manifest(output, document)
    print(stats(selected, ci))
    if failures:
        print("FAILED (not in the manifest):\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

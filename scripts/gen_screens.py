#!/usr/bin/env python3
"""Render the browser-made screen corpus: phone app screens with the personal QR code, drawn by headless Chromium.

Fills the HTML templates in TestVectors/screens/html/ (one per layout, sharing screens.css and check.js) with a
persona's values, renders each page with headless Chromium at a real phone's viewport and device-pixel ratio,
converts the screenshot to an 8-bit grayscale PNG without metadata, checks with zbarimg that the code decodes to
exactly the payload, and writes TestVectors/screens/png/<id>.png and TestVectors/screens/manifest.json with the
expected outcome of every display rule (DSP-001..007), known by construction.

The plan (which screen gets which layout, font, size, ratio, theme, date order, ID kind, persona, variant) is drawn
with a seeded random.Random, so a rerun renders the same HTML. The PNGs are the fixtures: Chromium's output is not
byte-stable across versions, so this generator is run by hand and is not part of `make check-generated`.

Usage:
    scripts/.venv/bin/python scripts/gen_screens.py                 # render every screen, write the manifest
    scripts/.venv/bin/python scripts/gen_screens.py --limit 40      # only the first 40 screens of the plan
    scripts/.venv/bin/python scripts/gen_screens.py --only ID       # re-render one screen, update its manifest entry
    scripts/.venv/bin/python scripts/gen_screens.py --plan          # print the plan and the factor counts, render nothing
    options: --jobs N (parallel Chromium processes, default 2), --keep-html DIR (keep the filled pages there)

Needs (Debian 12 packages): chromium, zbar-tools (zbarimg), fonts-roboto (Roboto, Roboto Condensed),
fonts-noto-core (Noto Sans, Noto Serif), fonts-dejavu-core (DejaVu Sans), fonts-lato (Lato),
fonts-liberation2 (Liberation Sans, Liberation Serif); Python: segno, pillow (scripts/.venv).
    apt-get install chromium zbar-tools fonts-roboto fonts-noto-core fonts-dejavu-core fonts-lato fonts-liberation2
"""
import argparse
import base64
import collections
import concurrent.futures
import io
import json
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile

import segno
from PIL import Image

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "TestVectors" / "screens"
TEMPLATES = OUTPUT / "html"
RULES = ["DSP-001", "DSP-002", "DSP-003", "DSP-004", "DSP-005", "DSP-006", "DSP-007"]
SEED = 1405
CHROMIUM = "chromium"

# Test personas. The first three are the display vectors' (scripts/gen_display_vectors.py); 12-digit CCCD or
# 9-digit CMND numbers; names on screen with diacritics, in the payload upper case without them.
PERSONAS = {
    "kha-han": {
        "payload": "001093029317|NGUYEN LE KHA HAN|1987-01-18|0|162979388586171100|<1<HS4010120878821<0944713700",
        "name": "Nguyễn Lê Kha Hân",
    },
    "dieu-linh": {
        "payload": "079201004512|TRAN THI DIEU LINH|2001-11-05|0|170412339901234567|<2<<0912345678",
        "name": "Trần Thị Diệu Linh",
    },
    "van-duc": {
        "payload": "036069000123|DANG VAN DUC|1969-07-30|0|165500112233445566|<1",
        "name": "Đặng Văn Đức",
    },
    "minh-quan": {
        "payload": "048095113806|PHAM MINH QUAN|1995-03-27|0|171234560012398765|<1<<0905123456",
        "name": "Phạm Minh Quân",
    },
    "ngoc-anh": {
        "payload": "001304007781|BUI NGOC ANH|2004-06-03|1|172233445566778899|168801234567000111<2",
        "name": "Bùi Ngọc Ánh",
    },
    "thu-trang": {
        "payload": "215384904|VO THI THU TRANG|1990-12-09|0|168801234567890123|<2",
        "name": "Võ Thị Thu Trang",
    },
    "quoc-bao": {
        "payload": "031556782|HOANG QUOC BAO|1978-04-14|0|166012398745612300|<1<<0987001122",
        "name": "Hoàng Quốc Bảo",
    },
    "huu-phuoc": {
        "payload": "264112358|LY HUU PHUOC|1958-10-21|0|164455667788990011|<1<HT2797900123456",
        "name": "Lý Hữu Phước",
    },
}

LAYOUTS = {
    "under-code": "text directly under the code (name, ID, birth date lines), 0.1-0.5 code heights below it",
    "label-spread": "label and value on one line, pushed apart (flex space-between), in a card; bottom nav",
    "label-above": "label above value, each value alone on its own line",
    "table": "two-column table (label | value) with cell borders; bottom nav",
    "emphasis": "values in bold and/or colour (blue, green, red)",
    "status-card": "card with a thick coloured frame and a chip 'Đã xác thực'; bottom nav",
    "header-nav": "coloured header bar 'Mã QR cá nhân' and a bottom navigation with 4 items",
    "above-code": "text above the code, in a card; bottom nav",
    "side-by-side": "code left, labels and values in a column to its right; bottom nav",
    "list-rows": "list rows with an icon, label above value, dividers between rows; bottom nav",
}

FONTS = {  # flag: (CSS family, Debian package)
    "Roboto": ("Roboto", "fonts-roboto"),
    "RobotoCondensed": ("Roboto Condensed", "fonts-roboto"),
    "NotoSans": ("Noto Sans", "fonts-noto-core"),
    "NotoSerif": ("Noto Serif", "fonts-noto-core"),
    "DejaVuSans": ("DejaVu Sans", "fonts-dejavu-core"),
    "Lato": ("Lato", "fonts-lato"),
    "LiberationSans": ("Liberation Sans", "fonts-liberation2"),
    "LiberationSerif": ("Liberation Serif", "fonts-liberation2"),
}

DEVICES = {  # device-pixel ratio: viewport in CSS px (real phones)
    "2": (360, 800),
    "2.625": (412, 915),
    "3": (390, 844),
    "3.5": (412, 915),
}

SIZES = list(range(14, 23))
THEMES = ["light", "dark"]
DATE_ORDERS = ["iso", "dmy"]
ID_KINDS = ["cccd", "cmnd"]
ID_LABELS = {"cccd": ["Số CCCD", "CCCD/CMND:", "Số định danh", "Số giấy tờ"],
             "cmnd": ["Số CMND", "CCCD/CMND:", "Số giấy tờ"]}
NAME_LABELS = ["Họ và tên", "Họ tên"]

# variant: (display modes with a count each, meaning)
VARIANTS = {
    "conformant": ({"default": 112, "full": 112}, "conformant screen: masked values in default mode, full values in full mode"),
    "full-id": ({"default": 8}, "the full ID number shown in default mode (the birth date masked)"),
    "full-birth": ({"default": 8}, "the full birth date shown in default mode (the ID masked)"),
    "five-asterisks": ({"default": 8}, "5 '*' before the rest of the ID number instead of 6"),
    "seven-asterisks": ({"default": 8}, "7 '*' before the rest of the ID number instead of 6"),
    "bullet-mask-id": ({"default": 8}, "'\u2022' instead of '*' in the masked ID number"),
    "bullet-mask-date": ({"default": 8}, "'\u2022' instead of '*' in the masked birth date"),
    "bullet-mask-both": ({"default": 8}, "'\u2022' instead of '*' in the masked ID number and birth date"),
    "x-mask-id": ({"default": 8}, "'x' instead of '*' in the masked ID number"),
    "x-mask-date": ({"default": 8}, "'x' instead of '*' in the masked birth date"),
    "x-mask-both": ({"default": 8}, "'x' instead of '*' in the masked ID number and birth date"),
    "masked-in-full": ({"full": 8}, "masked ID number and birth date shown although full mode is declared"),
    "no-name": ({"default": 4, "full": 4}, "the name is not shown (nor its label)"),
    "too-small": ({"default": 4, "full": 4}, "not judgeable: all text on the screen 5-6 CSS px at ratio 2"),
    "too-faint": ({"default": 4, "full": 4}, "not judgeable: all text within about 10 grey levels of its background"),
}
CI_SIZE = 68


# ----------------------------------------------------------------------------------------------------------- values

def persona_fields(persona):
    parts = PERSONAS[persona]["payload"].split("|")
    return parts[0], parts[2]


def shown_birth(birth, order, mask=None):
    year, month, day = birth[:4], birth[5:7], birth[8:]
    if mask:
        month = day = mask * 2
    return f"{year}-{month}-{day}" if order == "iso" else f"{day}/{month}/{year}"


def shown_values(persona, mode, variant, order):
    """The ID number and birth date the screen shows."""
    number, birth = persona_fields(persona)
    masked_id, masked_birth = "*" * 6 + number[6:], shown_birth(birth, order, "*")
    full_id, full_birth = number, shown_birth(birth, order)
    if mode == "full":
        values = {"id": full_id, "birth": full_birth}
        if variant == "masked-in-full":
            values = {"id": masked_id, "birth": masked_birth}
        return values
    values = {"id": masked_id, "birth": masked_birth}
    char = {"bullet": "\u2022", "x": "x"}.get(variant.split("-")[0])
    if variant == "full-id":
        values["id"] = full_id
    elif variant == "full-birth":
        values["birth"] = full_birth
    elif variant == "five-asterisks":
        values["id"] = "*" * 5 + number[6:]
    elif variant == "seven-asterisks":
        values["id"] = "*" * 7 + number[6:]
    elif char:
        if variant.endswith(("-id", "-both")):
            values["id"] = char * 6 + number[6:]
        if variant.endswith(("-date", "-both")):
            values["birth"] = shown_birth(birth, order, char)
    return values


def expected(mode, variant):
    """Outcome of every DSP rule for a declared mode and a variant, and the verdict over them."""
    own = ["DSP-001", "DSP-002", "DSP-003", "DSP-004"] if mode == "default" else ["DSP-005", "DSP-006"]
    own.append("DSP-007")
    outcome = {rule: ("pass" if rule in own else "not_applicable") for rule in RULES}
    if variant in ("too-small", "too-faint"):
        outcome.update({rule: "inconclusive" for rule in own})
    elif variant == "full-id":
        outcome.update({"DSP-001": "fail", "DSP-002": "fail"})
    elif variant == "full-birth":
        outcome.update({"DSP-003": "fail", "DSP-004": "fail"})
    elif variant in ("five-asterisks", "seven-asterisks"):
        outcome["DSP-002"] = "fail"
    elif variant.startswith(("bullet-mask", "x-mask")):
        if variant.endswith(("-id", "-both")):
            outcome["DSP-002"] = "fail"
        if variant.endswith(("-date", "-both")):
            outcome["DSP-004"] = "fail"
    elif variant == "masked-in-full":
        outcome.update({"DSP-005": "fail", "DSP-006": "fail"})
    elif variant == "no-name":
        outcome["DSP-007"] = "warn"
    errors = [outcome[rule] for rule in RULES if rule != "DSP-007"]
    verdict = "fail" if "fail" in errors else "inconclusive" if "inconclusive" in errors else "pass"
    return outcome, verdict


# ------------------------------------------------------------------------------------------------------------- plan

def plan():
    """Every screen's factors, drawn deterministically and spread so that factor values meet each other."""
    rng = random.Random(SEED)
    rows = [(variant, mode) for variant, (modes, _) in VARIANTS.items() for mode, count in modes.items()
            for _ in range(count)]
    rng.shuffle(rows)
    pair_counts = collections.Counter()
    counts = collections.Counter()
    persona_counts = collections.Counter()
    factors = ["layout", "font", "dpr", "theme", "date_order", "id_kind", "css_px"]
    screens = []
    for index, (variant, mode) in enumerate(rows):
        chosen = {"variant": variant, "mode": mode}
        for factor in factors:
            if factor == "layout":
                domain = list(LAYOUTS)
            elif factor == "font":
                domain = list(FONTS)
            elif factor == "dpr":
                domain = ["2"] if variant == "too-small" else list(DEVICES)
            elif factor == "theme":
                domain = THEMES
            elif factor == "date_order":
                domain = DATE_ORDERS
            elif factor == "id_kind":
                domain = ID_KINDS
            else:
                if variant == "too-small":
                    domain = [5, 6]
                elif chosen["layout"] == "side-by-side":
                    domain = [s for s in SIZES if s <= 18]
                else:
                    domain = SIZES

            def score(value):
                pairs = sum(pair_counts[(factor, value, other, chosen[other])] for other in chosen)
                return (counts[(factor, value)] * 2 + pairs, rng.random())

            value = min(domain, key=score)
            for other in chosen:
                pair_counts[(factor, value, other, chosen[other])] += 1
            counts[(factor, value)] += 1
            chosen[factor] = value
        kind_personas = [p for p in PERSONAS if (len(persona_fields(p)[0]) == 12) == (chosen["id_kind"] == "cccd")]
        persona = min(kind_personas, key=lambda p: (persona_counts[p], rng.random()))
        persona_counts[persona] += 1
        layout = chosen["layout"]
        width = DEVICES[chosen["dpr"]][0]
        if layout == "side-by-side":
            qr_px = rng.randrange(160, 171 if width < 400 else 181, 2)
        else:
            qr_px = rng.randrange(160, 261, 4)
        screen = dict(chosen)
        screen.update({
            "index": index + 1,
            "persona": persona,
            "id_label": rng.choice(ID_LABELS[chosen["id_kind"]]),
            "name_label": rng.choice(NAME_LABELS),
            "qr_px": qr_px,
            "qr_error": rng.choice(["m", "q"]),
            "qr_scale": rng.choice([1, 1, 1, 2, 3]),
            "gap_fraction": round(rng.uniform(0.12, 0.45), 2),
            "accent": rng.choice(["red", "blue", "green"]),
            "emphasis": rng.choice([("bold", None), ("bold", "blue"), ("bold", "green"), ("bold", "red"),
                                    ("normal", "blue"), ("normal", "green"), ("normal", "red")]),
        })
        screen["id"] = f"{index + 1:03d}-{layout}-{mode}-{variant}"
        screens.append(screen)
    return screens


def ci_subset(screens):
    """A fixed representative subset: greedily cover every factor value, then every (variant, mode) and the
    pairs of layout with font, ratio and theme, up to CI_SIZE screens."""
    keys = ["layout", "font", "dpr", "theme", "date_order", "id_kind", "variant", "mode"]

    def singles(s):
        return {(k, s[k]) for k in keys} | {("variant-mode", s["variant"], s["mode"])}

    def pairs(s):
        return {("pair", "layout", s["layout"], k, s[k]) for k in ("font", "dpr", "theme", "date_order", "id_kind")}

    chosen, covered = [], set()
    for feature in (singles, lambda s: singles(s) | pairs(s)):
        while len(chosen) < CI_SIZE:
            best = max((s for s in screens if s["id"] not in chosen),
                       key=lambda s: (len(feature(s) - covered), -s["index"]))
            gain = feature(best) - covered
            if not gain:
                break
            chosen.append(best["id"])
            covered |= feature(best)
    for s in screens:  # fill up with conformant screens, spread over the plan
        if len(chosen) >= CI_SIZE:
            break
        if s["id"] not in chosen and s["index"] % 5 == 0:
            chosen.append(s["id"])
    return set(chosen)


# ----------------------------------------------------------------------------------------------------------- render

def qr_data_uri(payload, error, scale):
    code = segno.make(payload, error=error, micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=4)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode(), code.version


def fill(screen, qr_px):
    persona = PERSONAS[screen["persona"]]
    values = shown_values(screen["persona"], screen["mode"], screen["variant"], screen["date_order"])
    uri, version = qr_data_uri(persona["payload"], screen["qr_error"], screen["qr_scale"])
    size = screen["css_px"]
    if screen["variant"] == "too-small":
        sizes = {k: size for k in ("value", "label", "title", "small", "nav", "button", "status")}
    else:
        label = max(12, round(size * 0.86))
        sizes = {"value": size, "label": label, "title": 20, "small": 13, "nav": 12, "button": 15, "status": 14}
    weight, colour = screen["emphasis"]
    variables = {f"--{k}-px": f"{v}px" for k, v in sizes.items()}
    variables.update({
        "--font": f"'{FONTS[screen['font']][0]}'",
        "--qr-px": f"{qr_px}px",
        "--gap": f"{max(4, round(screen['gap_fraction'] * qr_px) - 10)}px",
        "--value-weight": "700" if weight == "bold" else "400",
    })
    classes = [screen["theme"]]
    if screen["variant"] == "too-faint":
        classes.append("faint")
    else:
        if screen["accent"] != "red":
            classes.append(f"accent-{screen['accent']}")
        if screen["layout"] == "emphasis" and colour:
            classes.append(f"value-{colour}")
    if screen["variant"] == "too-small":
        classes.append("tiny")
    if screen["variant"] == "no-name":
        classes.append("no-name")
    id_label = screen["id_label"]
    replacements = {
        "VARS": ":root { " + " ".join(f"{k}: {v};" for k, v in sorted(variables.items())) + " }",
        "BODY_CLASS": " ".join(classes),
        "QR_SRC": uri,
        "NAME": persona["name"],
        "NAME_LABEL": screen["name_label"],
        "ID_LABEL": id_label,
        "ID_LABEL_C": id_label if id_label.endswith(":") else id_label + ":",
        "ID": values["id"],
        "BIRTH": values["birth"],
        "TOGGLE": "Hiện đầy đủ" if screen["mode"] == "default" else "Ẩn bớt",
    }
    html = (TEMPLATES / f"{screen['layout']}.html").read_text(encoding="utf-8")
    for key, value in replacements.items():
        html = html.replace("{{" + key + "}}", value)
    if "{{" in html:
        raise ValueError(f"{screen['id']}: unfilled placeholder in {screen['layout']}.html")
    return html, version, values


def chromium_version():
    out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, check=True).stdout
    return out.strip()


def screenshot(page, png, dpr, viewport, profile):
    command = [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--disable-lcd-text", "--force-color-profile=srgb", "--no-first-run", "--disable-extensions",
               f"--user-data-dir={profile}", f"--force-device-scale-factor={dpr}",
               f"--window-size={viewport[0]},{viewport[1]}", f"--screenshot={png}", page.as_uri()]
    subprocess.run(command, capture_output=True, timeout=120, check=True)


def decodes(png, payload):
    result = subprocess.run(["zbarimg", "-q", "--raw", "-Sbinary", str(png)], capture_output=True)
    return result.stdout == payload.encode() + b"\n" or result.stdout == payload.encode()


def render(screen, workdir, keep_html=None):
    """Render one screen; shrink the code when the page overflows, change its size when it does not decode."""
    dpr = screen["dpr"]
    viewport = DEVICES[dpr]
    payload = PERSONAS[screen["persona"]]["payload"]
    tries = [screen["qr_px"]]
    for step in (-16, 16, -32, 32, -48, 48):
        candidate = screen["qr_px"] + step
        if (144 if screen["layout"] == "side-by-side" else 160) <= candidate <= 260:
            tries.append(candidate)
    log = []
    overflow_shrink = 0
    for qr_px in tries:
        qr_px -= overflow_shrink
        while True:
            html, version, values = fill(screen, qr_px)
            page = workdir / f"{screen['id']}.html"
            page.write_text(html, encoding="utf-8")
            raw = workdir / f"{screen['id']}.raw.png"
            screenshot(page, raw, dpr, viewport, workdir / f"profile-{screen['id']}")
            with Image.open(raw) as image:
                rgb = image.convert("RGB")
            if rgb.getpixel((4, 4)) == (255, 0, 255):  # check.js: something does not fit
                log.append(f"overflow at qr {qr_px}px")
                if qr_px - 12 < 120:
                    raise RuntimeError(f"{screen['id']}: does not fit even with a small code")
                qr_px -= 12
                overflow_shrink += 12
                continue
            break
        gray = rgb.convert("L")
        clean = Image.frombytes("L", gray.size, gray.tobytes())  # no ICC profile, no text chunks
        out = workdir / f"{screen['id']}.png"
        clean.save(out, format="PNG", optimize=True)
        if keep_html:
            shutil.copy(page, pathlib.Path(keep_html) / page.name)
        if decodes(out, payload):
            shutil.rmtree(workdir / f"profile-{screen['id']}", ignore_errors=True)
            return {"png": out.read_bytes(), "qr_px": qr_px, "qr_version": version, "values": values,
                    "size": clean.size, "log": log}
        log.append(f"no decode at qr {qr_px}px")
    raise RuntimeError(f"{screen['id']}: the code never decoded ({'; '.join(log)})")


# --------------------------------------------------------------------------------------------------------- manifest

def flags(screen):
    return [screen["layout"], screen["font"], f"{screen['css_px']}px", f"dpr{screen['dpr']}", screen["theme"],
            screen["date_order"], screen["id_kind"], screen["variant"]]


def entry(screen, result, ci, chromium):
    outcome, verdict = expected(screen["mode"], screen["variant"])
    viewport = DEVICES[screen["dpr"]]
    return {
        "id": screen["id"],
        "file": f"png/{screen['id']}.png",
        "display_mode": screen["mode"],
        "payload": PERSONAS[screen["persona"]]["payload"],
        "expected": outcome,
        "expected_verdict": verdict,
        "flags": flags(screen),
        "ci": ci,
        "provenance": {
            "layout": screen["layout"],
            "font": FONTS[screen["font"]][0],
            "css_px": screen["css_px"],
            "dpr": float(screen["dpr"]),
            "viewport": f"{viewport[0]}x{viewport[1]}",
            "image_px": f"{result['size'][0]}x{result['size'][1]}",
            "theme": screen["theme"],
            "date_order": screen["date_order"],
            "id_kind": screen["id_kind"],
            "id_label": screen["id_label"],
            "persona": screen["persona"],
            "variant": screen["variant"],
            "shown": {"id": result["values"]["id"], "birth": result["values"]["birth"],
                      "name": None if screen["variant"] == "no-name" else PERSONAS[screen["persona"]]["name"]},
            "qr": {"css_px": result["qr_px"], "error": screen["qr_error"].upper(), "scale": screen["qr_scale"],
                   "border": 4, "version": result["qr_version"]},
            "chromium": chromium,
        },
    }


def notes():
    result = {}
    for layout, meaning in LAYOUTS.items():
        result[layout] = f"layout: {meaning}"
    for flag, (family, package) in FONTS.items():
        result[flag] = f"font of all text: {family} ({package})"
    for size in [5, 6] + SIZES:
        result[f"{size}px"] = f"value text {size} CSS px (labels a little smaller)" if size >= 14 else \
            f"all text on the screen {size} CSS px (too-small)"
    for dpr, (w, h) in DEVICES.items():
        result[f"dpr{dpr}"] = f"device-pixel ratio {dpr}, viewport {w}x{h} CSS px"
    result["light"] = "light theme: dark text on a light background"
    result["dark"] = "dark theme: light text on near-black; the code stays dark on white in a white box"
    result["iso"] = "birth date shown as YYYY-MM-DD (masked YYYY-**-**)"
    result["dmy"] = "birth date shown as DD/MM/YYYY (masked **/**/YYYY)"
    result["cccd"] = "12-digit CCCD number (masked: ****** and the last 6 digits)"
    result["cmnd"] = "9-digit CMND number (masked: ****** and the last 3 digits)"
    for variant, (_, meaning) in VARIANTS.items():
        result[variant] = meaning
    return result


def manifest(entries):
    return {
        "description": "Phone app screens with the personal QR code and the name, ID number and birth date beside it, "
                       "rendered by headless Chromium from HTML/CSS layouts in TestVectors/screens/html/, in the "
                       "default (masked) and full display modes; expected outcome of every DSP rule by construction. "
                       "'ci': true marks the fixed subset the test suite runs; a benchmark runs all.",
        "format_version": 1,
        "generator": "scripts/gen_screens.py",
        "rules": RULES,
        "notes": notes(),
        "vectors": sorted(entries, key=lambda e: e["id"]),
    }


def write_manifest(data):
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    (OUTPUT / "manifest.json").write_text(text, encoding="utf-8")


def stats(screens, ci):
    lines = []
    for factor in ("layout", "font", "css_px", "dpr", "theme", "date_order", "id_kind", "persona", "variant", "mode"):
        total = collections.Counter(s[factor] for s in screens)
        in_ci = collections.Counter(s[factor] for s in screens if s["id"] in ci)
        lines.append(f"{factor}: " + ", ".join(f"{k} {total[k]} ({in_ci[k]})" for k in sorted(total, key=str)))
    return "\n".join(lines)


def main():
    global SEED, OUTPUT
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", action="append", help="render only this screen id (repeatable)")
    parser.add_argument("--limit", type=int, help="render only the first N screens of the plan")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--plan", action="store_true", help="print the plan and factor counts, render nothing")
    parser.add_argument("--keep-html", help="copy the filled pages to this directory")
    parser.add_argument("--seed", type=int, default=SEED,
                        help="draw the plan with another seed: a held-out corpus to check the OCR was not tuned to "
                             "the committed one (with --output; scripts/bench-display reads it with BENCH_SCREENS)")
    parser.add_argument("--output", help="write png/ and manifest.json here instead of TestVectors/screens")
    args = parser.parse_args()
    SEED = args.seed
    if args.output:
        OUTPUT = pathlib.Path(args.output).resolve()

    screens = plan()
    ci = ci_subset(screens)
    if args.plan:
        for s in screens:
            print(s["id"], s["font"], s["css_px"], s["dpr"], s["theme"], s["date_order"], s["persona"],
                  "ci" if s["id"] in ci else "")
        print(stats(screens, ci))
        return 0
    selected = screens
    if args.only:
        unknown = set(args.only) - {s["id"] for s in screens}
        if unknown:
            print("unknown screen id: " + ", ".join(sorted(unknown)), file=sys.stderr)
            return 2
        selected = [s for s in screens if s["id"] in args.only]
    elif args.limit:
        selected = screens[:args.limit]
    if args.keep_html:
        pathlib.Path(args.keep_html).mkdir(parents=True, exist_ok=True)

    chromium = chromium_version()
    (OUTPUT / "png").mkdir(parents=True, exist_ok=True)
    entries, failures = {}, []
    with tempfile.TemporaryDirectory(prefix="gen_screens-") as tmp:
        workdir = pathlib.Path(tmp)
        for name in ("screens.css", "check.js"):
            shutil.copy(TEMPLATES / name, workdir / name)
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = {pool.submit(render, s, workdir, args.keep_html): s for s in selected}
            for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
                screen = futures[future]
                try:
                    result = future.result()
                except Exception as error:  # keep going, report at the end
                    failures.append(f"{screen['id']}: {error}")
                    continue
                (OUTPUT / "png" / f"{screen['id']}.png").write_bytes(result["png"])
                entries[screen["id"]] = entry(screen, result, screen["id"] in ci, chromium)
                note = f" [{'; '.join(result['log'])}]" if result["log"] else ""
                print(f"{done}/{len(selected)} {screen['id']} {len(result['png']) // 1024} KiB{note}", flush=True)

    if args.only:
        path = OUTPUT / "manifest.json"
        old = json.loads(path.read_text(encoding="utf-8"))["vectors"] if path.exists() else []
        merged = {e["id"]: e for e in old}
        merged.update(entries)
        write_manifest(manifest(list(merged.values())))
    else:
        wanted = {s["id"] for s in selected}
        for stale in (OUTPUT / "png").glob("*.png"):
            if stale.stem not in wanted:
                stale.unlink()
        write_manifest(manifest(list(entries.values())))
    print(stats(selected, ci))
    if failures:
        print("FAILED (not in the manifest):\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

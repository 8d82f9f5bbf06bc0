#!/usr/bin/env python3
"""Render the display-mode test vectors: app screens with the personal QR code and the text beside it.

Deterministic: fixed fonts (fonts-dejavu-core), fixed seeds, grayscale PNGs without timestamps, a sorted manifest.
Usage: scripts/gen_display_vectors.py [--check]   (writes TestVectors/display/; --check exits 1 when stale)
"""
import io
import json
import pathlib
import random
import sys

import segno
from PIL import Image, ImageDraw, ImageFont

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "TestVectors" / "display"
FONTS = pathlib.Path("/usr/share/fonts/truetype/dejavu")
WIDTH = 1080
RULES = ["DSP-001", "DSP-002", "DSP-003", "DSP-004", "DSP-005", "DSP-006", "DSP-007"]

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
}

THEMES = {"light": {"bg": 255, "fg": 20, "muted": 110, "card": 255}, "dark": {"bg": 18, "fg": 236, "muted": 150, "card": 255}}


def fields(persona):
    parts = PERSONAS[persona]["payload"].split("|")
    return {"id": parts[0], "birth": parts[2]}


def masked_id(number, count=6, char="*"):
    return char * count + number[count:] if count <= 6 else char * count + number[6:]


def shown_values(persona, mode, variant):
    """The ID and birth date text the screen shows for a mode and a variant."""
    f = fields(persona)
    number, birth = f["id"], f["birth"]
    year, month, day = birth[:4], birth[5:7], birth[8:]
    masked_birth = f"{year}-**-**"
    values = {
        "id": number if mode == "full" else masked_id(number),
        "birth": birth if mode == "full" else masked_birth,
    }
    overrides = {
        "full-id": {"id": number},
        "five-asterisks": {"id": "*****" + number[6:]},
        "seven-asterisks": {"id": "*******" + number[6:]},
        "seven-asterisks-own-line": {"id": "*******" + number[6:]},
        "bullet-mask": {"id": "\u2022" * 6 + number[6:]},
        "x-mask": {"id": "x" * 6 + number[6:]},
        "day-masked-only": {"birth": f"{year}-{month}-**"},
        "full-birth": {"birth": birth},
        "masked-in-full": {"id": masked_id(number), "birth": masked_birth},
    }
    values.update(overrides.get(variant, {}))
    return values


def qr_image(payload):
    code = segno.make(payload, error="q", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=6, border=4)
    buffer.seek(0)
    return Image.open(buffer).convert("L")


def render(persona, mode, theme, font_name, size, variant):
    """One screen: title, the code on a white card, then label: value lines; cropped to the content."""
    colours = THEMES[theme]
    regular = ImageFont.truetype(str(FONTS / f"{font_name}.ttf"), size)
    small = ImageFont.truetype(str(FONTS / f"{font_name}.ttf"), max(22, int(size * 0.75)))
    code = qr_image(PERSONAS[persona]["payload"])
    image = Image.new("L", (WIDTH, 2400), colours["bg"])
    draw = ImageDraw.Draw(image)
    margin = 60
    y = 40
    if variant != "no-text":
        draw.text((margin, y), "Mã QR cá nhân", fill=colours["fg"], font=small)
        y += int(small.size * 2.2)
    card = code.width + 40
    left = (WIDTH - card) // 2
    draw.rectangle((left, y, left + card, y + card), fill=colours["card"])
    image.paste(code, (left + 20, y + 20))
    y += card + int(size * 1.2)
    if variant == "no-text":
        return image.crop((0, 0, WIDTH, y))
    if variant == "noise":
        rng = random.Random(f"{persona}-{theme}-{size}")
        for _ in range(5000):
            x0, y0 = rng.randrange(margin, WIDTH - margin), rng.randrange(y, y + 320)
            draw.rectangle((x0, y0, x0 + rng.randrange(1, 4), y0 + rng.randrange(1, 4)), fill=colours["fg"])
        tiny = ImageFont.truetype(str(FONTS / f"{font_name}.ttf"), 7)
        values = shown_values(persona, mode, "")
        for row, text in enumerate([PERSONAS[persona]["name"], "CCCD: " + values["id"], "Ngày sinh: " + values["birth"]]):
            draw.text((margin + 40, y + 100 + row * 12), text, fill=colours["fg"], font=tiny)
        return image.crop((0, 0, WIDTH, y + 340))
    values = shown_values(persona, mode, variant)
    lines = []
    if variant != "no-name":
        lines += [("Họ và tên", small, colours["muted"]), (PERSONAS[persona]["name"], regular, colours["fg"])]
    if variant == "value-own-line":
        # The value alone on the line under its label: the layout OCR finds hardest (a line starting with '*').
        lines += [
            ("Số CCCD", small, colours["muted"]), (values["id"], regular, colours["fg"]),
            ("Ngày sinh", small, colours["muted"]), (values["birth"], regular, colours["fg"]),
        ]
    elif variant == "seven-asterisks-own-line":
        lines += [
            ("Số CCCD", small, colours["muted"]), (values["id"], regular, colours["fg"]),
            (f"Ngày sinh: {values['birth']}", regular, colours["fg"]),
        ]
    else:
        lines += [
            (f"CCCD: {values['id']}", regular, colours["fg"]),
            (f"Ngày sinh: {values['birth']}", regular, colours["fg"]),
        ]
    for text, font, fill in lines:
        draw.text((margin, y), text, fill=fill, font=font)
        y += int(font.size * 1.7)
    toggle = "Ẩn bớt thông tin" if mode == "full" else "Hiện đầy đủ"
    y += int(size * 0.5)
    draw.text((margin, y), toggle, fill=colours["muted"], font=small)
    y += int(small.size * 2)
    return image.crop((0, 0, WIDTH, y))


def expected(mode, variant):
    """The outcome of every DSP rule for a declared mode and a variant of the screen."""
    if mode is None:
        return {rule: "not_applicable" for rule in RULES}
    applies = ["DSP-001", "DSP-002", "DSP-003", "DSP-004"] if mode == "default" else ["DSP-005", "DSP-006"]
    outcome = {rule: "not_applicable" for rule in RULES}
    if variant in ("no-text", "noise"):
        outcome.update({rule: "inconclusive" for rule in applies + ["DSP-007"]})
        return outcome
    outcome["DSP-007"] = "warn" if variant == "no-name" else "pass"
    if mode == "default":
        outcome.update({"DSP-001": "pass", "DSP-002": "pass", "DSP-003": "pass", "DSP-004": "pass"})
        if variant == "full-id":
            outcome.update({"DSP-001": "fail", "DSP-002": "fail"})
        if variant in ("five-asterisks", "seven-asterisks", "seven-asterisks-own-line", "bullet-mask", "x-mask"):
            outcome["DSP-002"] = "fail"
        if variant == "day-masked-only":
            outcome["DSP-004"] = "fail"
        if variant == "full-birth":
            outcome.update({"DSP-003": "fail", "DSP-004": "fail"})
    else:
        outcome.update({"DSP-005": "pass", "DSP-006": "pass"})
        if variant == "masked-in-full":
            outcome.update({"DSP-005": "fail", "DSP-006": "fail"})
    return outcome


def vectors():
    """(id, description, persona, mode, theme, font, size, variant) for every vector."""
    rows = []
    combos = [
        ("light", "DejaVuSans", 28), ("light", "DejaVuSerif", 44), ("light", "DejaVuSans", 60),
        ("dark", "DejaVuSerif", 28), ("dark", "DejaVuSans", 40), ("dark", "DejaVuSerif", 60),
    ]
    personas = list(PERSONAS)
    for index, (theme, font, size) in enumerate(combos):
        for mode in ("default", "full"):
            persona = personas[index % len(personas)]
            rows.append((f"{mode}-{theme}-{font.lower()}-{size}", f"{mode} mode, {theme} theme, {font} {size} px",
                         persona, mode, theme, font, size, ""))
    negatives = [
        ("full-id", "default", "light", "DejaVuSans", 36, "the full ID number shown in default mode"),
        ("full-id", "default", "dark", "DejaVuSerif", 32, "the full ID number shown in default mode (dark)"),
        ("five-asterisks", "default", "light", "DejaVuSerif", 40, "5 asterisks instead of 6"),
        ("seven-asterisks", "default", "dark", "DejaVuSans", 44, "7 asterisks instead of 6"),
        ("bullet-mask", "default", "light", "DejaVuSans", 40, "'\u2022' as the mask character"),
        ("x-mask", "default", "dark", "DejaVuSerif", 40, "'x' as the mask character"),
        ("day-masked-only", "default", "light", "DejaVuSans", 32, "day masked, month shown"),
        ("full-birth", "default", "dark", "DejaVuSans", 36, "the full birth date shown in default mode"),
        ("masked-in-full", "full", "light", "DejaVuSerif", 36, "masked values shown in full mode"),
        ("no-name", "default", "light", "DejaVuSans", 36, "no name shown"),
        ("no-text", "default", "light", "DejaVuSans", 36, "the code alone, no text at all"),
        ("noise", "default", "dark", "DejaVuSans", 36, "noise and 7 px text OCR cannot read"),
        ("no-mode", None, "light", "DejaVuSans", 36, "no display mode declared"),
        ("value-own-line", "default", "light", "DejaVuSans", 48, "masked ID and birth date each alone on a line"),
        ("value-own-line", "default", "dark", "DejaVuSerif", 36, "masked values alone on their lines (dark)"),
        ("seven-asterisks-own-line", "default", "light", "DejaVuSans", 40, "7 asterisks, alone on their line"),
        ("no-text", "full", "dark", "DejaVuSans", 36, "full mode, the code alone, no text at all"),
        ("noise", "full", "light", "DejaVuSerif", 36, "full mode, noise and 7 px text OCR cannot read"),
    ]
    for index, (variant, mode, theme, font, size, description) in enumerate(negatives):
        persona = personas[index % len(personas)]
        rows.append((f"{variant}-{theme}", description, persona, mode, theme, font, size,
                     "" if variant == "no-mode" else variant))
    return rows


def build():
    files = {}
    entries = []
    for vector_id, description, persona, mode, theme, font, size, variant in vectors():
        image = render(persona, mode or "default", theme, font, size, variant)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=True)
        name = f"{vector_id}.png"
        files[name] = buffer.getvalue()
        entries.append({
            "id": vector_id,
            "description": description,
            "file": name,
            "display_mode": mode,
            "payload": PERSONAS[persona]["payload"],
            "flags": [flag for flag in (theme, font, f"{size}px", variant) if flag],
            "provenance": {"generator": "scripts/gen_display_vectors.py", "persona": persona, "theme": theme,
                           "font": font, "text_px": size, "variant": variant or "conformant"},
            "expected": expected(mode, variant),
        })
    manifest = {
        "format_version": 1,
        "description": "App screens with the personal QR code and the ID number, birth date and name beside it, "
                       "in the default (masked) and full display modes; expected outcome of every DSP rule.",
        "rules": RULES,
        "notes": {
            "light/dark": "theme: dark text on white, or light text on near-black (the code stays dark on white)",
            "DejaVuSans/DejaVuSerif": "font of the text (fonts-dejavu-core)",
            "<n>px": "font size of the values in pixels",
            "full-id": "the full ID number is shown in default mode (a leak)",
            "five-asterisks/seven-asterisks": "wrong count of '*' before the rest of the ID number",
            "bullet-mask/x-mask": "'\u2022' or 'x' instead of '*'",
            "day-masked-only": "birth date shown as YYYY-MM-**",
            "full-birth": "the full birth date is shown in default mode",
            "masked-in-full": "masked values shown although full mode is declared",
            "no-name": "the name is not shown",
            "no-text": "only the code, no text",
            "noise": "noise and 7 px text: OCR cannot judge, every rule of the mode is inconclusive",
        },
        "vectors": entries,
    }
    files["manifest.json"] = (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    return files


def main():
    files = build()
    if "--check" in sys.argv[1:]:
        stale = [name for name, data in files.items()
                 if not (OUTPUT / name).exists() or (OUTPUT / name).read_bytes() != data]
        if stale:
            print("stale: " + ", ".join(sorted(stale)) + "; run scripts/gen_display_vectors.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(files.items()):
        (OUTPUT / name).write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())

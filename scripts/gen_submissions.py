#!/usr/bin/env python3
"""Writes the example certification inputs of TestVectors/submissions/ (deterministic).

- test-plan.json: two TEST personas with payloads signed by TEST-ONLY key 1 (scripts/sign_payload.py), both
  display modes required.
- pass-acme/: a conformant submission (4 phone-sized screenshots and submission.json); pass-acme.zip the same.
- fail-*/: one failure each (masked payload, EC level L, wrong persona, missing display mode);
  zip-slip.zip (a ../evil.png entry) and symlink.zip (a symlink entry) are refused by the reader.
- With --hostile DIR: also writes the large hostile zips (100 000 empty entries, a zip bomb with honest sizes,
  one whose header lies about its size) into DIR. They are megabytes, so they are made on demand, not committed.

Codes come from segno, screens from Pillow with DejaVu Sans. Usage: gen_submissions.py [--check] [--hostile DIR]
"""
import io
import json
import os
import shutil
import stat
import sys
import tempfile
import zipfile

import segno
from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sign_payload import KEYS, sign_payload  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "TestVectors", "submissions")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
W, H = 1080, 2340
SPEC = "vn-personal-qr@1.1"
PERSONAS = {
    "P01": ("001093029317|NGUYEN LE KHA HAN|1987-01-18|0|162979388586171100|<1<HS4010120878821<0944713700",
            "Nguyễn Lê Kha Hân"),
    "P02": ("079201004512|TRAN THI DIEU LINH|2001-11-05|0|170412339901234567|<2<<0912345678", "Trần Thị Diệu Linh"),
}
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def signed(persona):
    with open(KEYS / "test-only-key-1.private.jwk.json") as f:
        key = json.load(f)
    return sign_payload(PERSONAS[persona][0].encode("ascii"), key)


def code_image(payload, error="q", scale=10, border=4):
    qr = segno.make_qr(payload, error=error, boost_error=False)
    n = len(qr.matrix) + 2 * border
    img = Image.new("L", (n, n), 255)
    for r, row in enumerate(qr.matrix):
        for c, v in enumerate(row):
            if v:
                img.putpixel((c + border, r + border), 0)
    return img.resize((n * scale, n * scale), Image.NEAREST)


def screen(persona, mode, payload, error="q"):
    """A phone screen: title bar, the code on a white card, name, ID number and birth date in the mode's form."""
    number, _, birth = PERSONAS[persona][0].split("|")[:3]
    shown_id = number if mode == "full" else "******" + number[6:]
    shown_birth = birth if mode == "full" else birth[:4] + "-**-**"
    big, small = ImageFont.truetype(FONT, 44), ImageFont.truetype(FONT, 34)
    img = Image.new("L", (W, H), 246)
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, 170], fill=60)
    d.text((60, 60), "Mã QR cá nhân", fill=250, font=small)
    code = code_image(payload, error=error)
    x, y = (W - code.width) // 2, 300
    d.rectangle([x - 40, y - 40, x + code.width + 40, y + code.height + 40], fill=255)
    img.paste(code, (x, y))
    y += code.height + 120
    for text, font, fill in [("Họ và tên", small, 110), (PERSONAS[persona][1], big, 20),
                             (f"CCCD: {shown_id}", big, 20), (f"Ngày sinh: {shown_birth}", big, 20)]:
        d.text((60, y), text, fill=fill, font=font)
        y += int(font.size * 1.7)
    d.text((60, y + 30), "Ẩn bớt thông tin" if mode == "full" else "Hiện đầy đủ", fill=110, font=small)
    return img


def png_bytes(img):
    buffer = io.BytesIO()
    img.save(buffer, format="PNG", optimize=False, compress_level=9)
    return buffer.getvalue()


# Who submitted which app: every bundled submission is another (fictitious) app, so the register's public list has
# one row each. The zip is ACME's iOS build of the same screens.
APPS = {
    "ACME-PASS-ACME": ("ACME Software (TEST)", "ACME ID", "2.3.1", "android"),
    "ACME-PASS-ACME-ZIP": ("ACME Software (TEST)", "ACME ID", "2.3.1", "ios"),
    "ACME-PASS-LEVEL-M": ("Sen Vang Tech (TEST)", "Sen Vang", "1.8.0", "android"),
    "ACME-FAIL-MASKED-PAYLOAD": ("Bach Khoa Apps (TEST)", "BK Wallet", "1.0.4", "android"),
    "ACME-FAIL-EC-LEVEL-L": ("Song Hong Digital (TEST)", "SH Citizen", "4.2.0", "android"),
    "ACME-FAIL-WRONG-PERSONA": ("Lotus Mobile (TEST)", "Lotus ID", "3.1.0", "ios"),
    "ACME-FAIL-MISSING-MODE": ("Mekong Soft (TEST)", "MK Pass", "0.9.1", "android"),
}


def manifest(submission_id, shots):
    vendor, name, version, platform = APPS.get(submission_id, APPS["ACME-PASS-ACME"])
    return {
        "format_version": 1, "submission_id": submission_id, "vendor": vendor,
        "app": {"name": name, "version": version, "platform": platform}, "spec": SPEC,
        "screenshots": [{"file": f, "persona": p, "display_mode": m, "device": "Pixel 7 (emulator)", "ppi": 416}
                        for f, p, m in shots],
    }


def submission(submission_id, variant=None):
    """The files of one submission: {relative path: bytes}."""
    shots, files = [], {}
    for persona in PERSONAS:
        for mode in ("default", "full"):
            if variant == "missing-mode" and (persona, mode) == ("P02", "full"):
                continue
            payload, error = signed(persona), "q"
            if variant == "masked-payload" and (persona, mode) == ("P01", "default"):
                payload = payload.replace(b"001093029317", b"******029317", 1)
            if variant == "ec-level-l" and (persona, mode) == ("P02", "full"):
                error = "l"
            if variant == "level-m":  # conformant to 1.1 (minimum M), not to the draft 1.2 (minimum Q)
                error = "m"
            if variant == "wrong-persona" and (persona, mode) == ("P01", "full"):
                payload = signed("P02")
            name = f"{persona.lower()}-{mode}.png"
            files[name] = png_bytes(screen(persona, mode, payload, error))
            shots.append((name, persona, mode))
    files["submission.json"] = (json.dumps(manifest(submission_id, shots), indent=2, ensure_ascii=False) + "\n").encode()
    return files


def zip_bytes(entries):
    """A deterministic zip of (name, bytes, mode) entries; mode carries the unix file type (symlinks)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data, mode in entries:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.create_system = 3
            info.external_attr = mode << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buffer.getvalue()


def regular(files):
    return [(name, data, stat.S_IFREG | 0o644) for name, data in sorted(files.items())]


def generate(out):
    os.makedirs(out, exist_ok=True)
    plan = {"format_version": 1, "id": "centre-plan-2026-01", "spec": SPEC,
            "description": "TEST personas only; payloads signed with TEST-ONLY key 1.",
            "personas": [{"id": p, "payload": signed(p).decode("ascii"), "required_modes": ["default", "full"]}
                         for p in PERSONAS]}
    with open(os.path.join(out, "test-plan.json"), "w") as f:
        f.write(json.dumps(plan, indent=2) + "\n")
    folders = {"pass-acme": None, "pass-level-m": "level-m", "fail-masked-payload": "masked-payload", "fail-ec-level-l": "ec-level-l",
               "fail-wrong-persona": "wrong-persona", "fail-missing-mode": "missing-mode"}
    for folder, variant in folders.items():
        files = submission("ACME-" + folder.upper(), variant)
        for name, data in files.items():
            os.makedirs(os.path.join(out, folder), exist_ok=True)
            with open(os.path.join(out, folder, name), "wb") as f:
                f.write(data)
    passing = submission("ACME-PASS-ACME-ZIP")
    with open(os.path.join(out, "pass-acme.zip"), "wb") as f:
        f.write(zip_bytes(regular(passing)))
    with open(os.path.join(out, "zip-slip.zip"), "wb") as f:
        f.write(zip_bytes(regular(passing) + [("../evil.png", passing["p01-default.png"], stat.S_IFREG | 0o644)]))
    with open(os.path.join(out, "symlink.zip"), "wb") as f:
        f.write(zip_bytes(regular(passing) + [("evil.png", b"/etc/passwd", stat.S_IFLNK | 0o777)]))


def hostile(out):
    """Large hostile zips, made on demand: 100 000 empty entries, and 200 MiB of zeros (honest and lying sizes)."""
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "many-entries.zip"), "wb") as f:
        f.write(zip_bytes([(f"e{i}.png", b"", stat.S_IFREG | 0o644) for i in range(100_000)]))
    bomb = zip_bytes([("bomb.png", bytes(200 << 20), stat.S_IFREG | 0o644)])
    with open(os.path.join(out, "zip-bomb.zip"), "wb") as f:
        f.write(bomb)
    with open(os.path.join(out, "zip-bomb-lying.zip"), "wb") as f:
        f.write(lie_about_size(bomb, 1000))


def lie_about_size(data, size):
    """The zip with the single entry's uncompressed size rewritten in both headers (what a bomb does)."""
    data = bytearray(data)
    local = data.index(b"PK\x03\x04")
    data[local + 22:local + 26] = size.to_bytes(4, "little")
    central = data.index(b"PK\x01\x02")
    data[central + 24:central + 28] = size.to_bytes(4, "little")
    return bytes(data)


def main():
    args = sys.argv[1:]
    if "--hostile" in args:
        hostile(args[args.index("--hostile") + 1])
        return
    if "--check" in args:
        with tempfile.TemporaryDirectory() as tmp:
            generate(tmp)
            diff = []
            for base, _, names in os.walk(tmp):
                for n in names:
                    rel = os.path.relpath(os.path.join(base, n), tmp)
                    theirs = os.path.join(OUT, rel)
                    if not os.path.exists(theirs) or open(os.path.join(tmp, rel), "rb").read() != open(theirs, "rb").read():
                        diff.append(rel)
            if diff:
                sys.exit("submissions differ from the generator's output: " + ", ".join(sorted(diff)))
            print("submissions are up to date")
        return
    for name in os.listdir(OUT) if os.path.isdir(OUT) else []:
        path = os.path.join(OUT, name)
        if os.path.isdir(path) and (name.startswith("pass-") or name.startswith("fail-")):
            shutil.rmtree(path)
    generate(OUT)


if __name__ == "__main__":
    main()

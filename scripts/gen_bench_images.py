#!/usr/bin/env python3
"""Writes N varied phone screenshots for the benchmarks (not committed; scripts/bench puts them in .bench/).

Deterministic for a given N: each screen is 1080x2340 or 1170x2532, light or dark, with an app bar, a status
bar, lines of real text (DejaVu), icons, a photo-like gradient card and 0 to 3 personal QR codes (segno) at
module sizes of 4 to 14 px; on dark screens some codes are drawn light-on-dark. The mix is about 10 % without a
code, 60 % with one, 20 % with two, 10 % with three. Also writes OUTDIR/codes.txt: the number of codes drawn
on each screen, one "file count" line each, so the benchmark can compare decode counts with the truth.

Usage: gen_bench_images.py OUTDIR N
"""
import os
import random
import sys

import segno
from PIL import Image, ImageDraw, ImageFont

SIZES = [(1080, 2340), (1170, 2532)]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
WORDS = ("Mã QR cá nhân Họ và tên Ngày sinh Số định danh Quét mã để xác thực Thông tin công dân Cập nhật "
         "Chia sẻ Lưu ảnh Hướng dẫn Cài đặt Tài khoản Bảo mật Thông báo Trang chủ Ví giấy tờ").split()


def font(path, size):
    try:
        return ImageFont.truetype(path, size)
    except OSError:
        return ImageFont.load_default()


def payload(rng, i):
    name = " ".join(rng.choice(["NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "VAN", "THI", "MINH", "ANH", "DUC"])
                    for _ in range(rng.randint(2, 4)))
    ext = "<%d<HS40101%06d<09%08d" % (rng.randint(0, 2), rng.randrange(10**6), rng.randrange(10**8))
    if rng.random() < 0.3:
        ext += "<K%02d.%s" % (rng.randrange(100), "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-_")
                                                          for _ in range(86)))
    return "%012d|%s|19%02d-%02d-%02d|0|%018d|%s" % (
        rng.randrange(10**12), name, rng.randrange(100), rng.randint(1, 12), rng.randint(1, 28),
        rng.randrange(10**18), ext)


def code_image(rng, i, scale, inverted):
    qr = segno.make_qr(payload(rng, i), error=rng.choice("mq"), boost_error=False)
    quiet = 4
    n = len(qr.matrix) + 2 * quiet
    light, dark = (0, 255) if inverted else (255, 0)
    code = Image.new("L", (n, n), light)
    for r, row in enumerate(qr.matrix):
        for c, v in enumerate(row):
            if v:
                code.putpixel((c + quiet, r + quiet), dark)
    return code.resize((n * scale, n * scale), Image.NEAREST)


def text_lines(d, rng, x, y, width, count, fg, size):
    f = font(FONT, size)
    for k in range(count):
        words, line = rng.randint(3, 9), []
        for _ in range(words):
            line.append(rng.choice(WORDS))
        d.text((x, y + k * int(size * 1.5)), " ".join(line)[: max(8, width // (size // 2 + 1))], font=f, fill=fg)


def screenshot(i, rng):
    w, h = SIZES[i % 2]
    dark = rng.random() < 0.5
    bg, fg, card, accent = (((16, 16, 20), (232, 232, 232), (38, 38, 44), (90, 160, 255)) if dark
                            else ((246, 246, 248), (28, 28, 30), (255, 255, 255), (0, 102, 204)))
    img = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(img)
    d.text((40, 20), "09:41", font=font(BOLD, 36), fill=fg)
    d.rectangle([0, 90, w, 250], fill=accent)
    d.text((60, 130), rng.choice(["Mã QR của tôi", "VNeID", "Ví giấy tờ", "Thông tin cá nhân"]),
           font=font(BOLD, 56), fill=(255, 255, 255))
    for k in range(4):  # icons of the bottom bar
        cx = w * (2 * k + 1) // 8
        d.ellipse([cx - 36, h - 170, cx + 36, h - 98], outline=fg, width=6)
        d.text((cx - 50, h - 85), rng.choice(WORDS), font=font(FONT, 28), fill=fg)
    # a photo-like card: smooth gradient with noise, the kind of content that costs a line scanner time
    gy = rng.randint(300, h // 2)
    grad = Image.linear_gradient("L").resize((w - 120, 260)).rotate(rng.choice([0, 90, 180, 270]), expand=False)
    noise = Image.effect_noise((w - 120, 260), rng.randint(10, 40))
    img.paste(Image.blend(grad.convert("RGB"), noise.convert("RGB"), 0.35), (60, gy))
    text_lines(d, rng, 70, 270 if gy > 500 else gy + 300, w - 140, rng.randint(4, 10), fg, rng.choice([30, 36, 42]))

    roll = rng.random()
    count = 0 if roll < 0.1 else 1 if roll < 0.7 else 2 if roll < 0.9 else 3
    placed = []
    for _ in range(count):
        scale = rng.choice([4, 5, 6, 7, 8, 10, 12, 14]) if count == 1 else rng.choice([4, 5, 6, 7, 8])
        inverted = dark and rng.random() < 0.5
        code = code_image(rng, i, scale, inverted)
        side = code.size[0]
        for _attempt in range(40):
            x0, y0 = rng.randint(20, max(20, w - side - 20)), rng.randint(280, max(280, h - side - 200))
            box = (x0 - 30, y0 - 30, x0 + side + 30, y0 + side + 30)
            if all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in placed):
                break
        else:
            continue
        placed.append(box)
        d.rounded_rectangle(box, radius=24, fill=(0, 0, 0) if inverted else card if not dark else (255, 255, 255))
        img.paste(code.convert("RGB"), (x0, y0))
    return img, len(placed)


def main():
    out, count = sys.argv[1], int(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    rng = random.Random(1405)
    truth = []
    for i in range(count):
        path = os.path.join(out, "shot-%04d.png" % i)
        img, codes = screenshot(i, rng)
        truth.append("%s %d" % (os.path.basename(path), codes))
        if not os.path.exists(path):
            img.save(path, optimize=False, compress_level=6)
    with open(os.path.join(out, "codes.txt"), "w") as f:
        f.write("\n".join(truth) + "\n")


if __name__ == "__main__":
    main()

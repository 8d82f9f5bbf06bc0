#!/usr/bin/env python3
"""A second implementation of the scannability ladder (SYM-019), written from the spec's README alone.

It reads the ladder from a spec's rules.json; runs `qrconform check --scannability --format json` on each screenshot
and cuts each symbol's crop where that report's `scannability.crop` says (the measurement is the suite's; the ladder
is what is reimplemented); renders every rung with numpy; decodes each camera image with `zbarimg` (a subprocess) and
zxing-cpp 1.4 (Debian's binding, the version the suite links); and prints per symbol the rungs passed per family and
every margin that differs from the suite's, then how often both reach the same rung (the acceptance asks for at least
90 %, and within one rung on all; the exit status is 1 otherwise).

    scripts/.venv/bin/python scripts/scannability_reference.py --spec spec/vn-personal-qr/1.1/rules.json \
        --suite .build/release/qrconform IMAGE.png...

A screen's density comes from `--ppi`, else from a `ppi` number in a JSON file beside the image (IMAGE.json), else
from the PNG's pHYs chunk; with none, the module-relative ladder runs.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

import glob
import importlib.machinery
import importlib.util

import numpy as np
from PIL import Image


def load_zxing():
    """zxing-cpp 1.4.0, the version the suite links (the README names it): Debian 12's python3-zxing-cpp, which
    scripts/setup installs; PyPI has only newer wheels, whose reader decides marginal rungs differently."""
    for path in sorted(glob.glob("/usr/lib/python3/dist-packages/zxingcpp.cpython-*.so")):
        loader = importlib.machinery.ExtensionFileLoader("zxingcpp", path)
        spec = importlib.util.spec_from_file_location("zxingcpp", path, loader=loader)
        module = importlib.util.module_from_spec(spec)
        loader.exec_module(module)
        return module
    raise SystemExit("scannability_reference: zxing-cpp 1.4's Python binding is missing (apt-get install "
                     "python3-zxing-cpp, or run scripts/setup)")


zxingcpp = load_zxing()

MASK64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def rnd(values):
    """Every operation ends so: nearest integer, halves up, clamped to 0..255."""
    return np.clip(np.floor(np.asarray(values, dtype=np.float64) + 0.5), 0, 255).astype(np.uint8)


def ladder(spec_path, unit):
    rule = next(r for r in json.load(open(spec_path, encoding="utf-8"))["rules"] if r["id"] == "SYM-019")
    p = {k: v["value"] for k, v in rule["parameters"].items()}
    suffix = "mm" if unit == "mm" else "module"
    base = p[f"base_px_per_{suffix}"]
    rungs = []

    def add(family, label, resolution, **settings):
        rungs.append(dict(family=family, label=label, resolution=resolution, index=len(rungs) + 1, **settings))

    def text(v):
        return str(int(v)) if float(v).is_integer() else repr(float(v))

    unit_text = "px/mm" if unit == "mm" else "px/module"
    for r in p[f"resolution_px_per_{suffix}"]:
        add("resolution", f"resolution {text(r)} {unit_text}", r, filter="area")
    for r in p[f"resolution_px_per_{suffix}"]:
        add("moire", f"moiré {text(r)} {unit_text}", r, filter="bilinear")
    for s in p["blur_sigma"]:
        add("blur", f"blur σ {text(s)} px", base, blur=s)
    for m in p["motion_px"]:
        add("motion", f"motion {text(m)} px", base, motion=int(math.floor(min(max(m, 0), 1000) + 0.5)))
    for q in p["jpeg_quality"]:
        add("jpeg", f"JPEG q{text(q)}", base, jpeg=int(math.floor(min(max(q, 0), 1000) + 0.5)))
    for c in p["contrast"]:
        add("contrast", f"contrast {text(c)}", base, contrast=c)
    for g in p["gamma"]:
        add("gamma", f"gamma {text(g)}", base, gamma=g)
    for s in p["noise_sigma"]:
        add("noise", f"noise σ {text(s)}", base, noise=s)
    for f in p["glare_fraction"]:
        add("glare", f"glare {text(f)} of the symbol", base, glare=f)
    for t in p["tilt_degrees"]:
        add("tilt", f"tilt {text(t)}°", base, tilt=t)
    if unit == "mm":
        add("checkpoint", "checkpoint", p["checkpoint_px_per_mm"], blur=p["checkpoint_blur_sigma"],
            noise=p["checkpoint_noise_sigma"], jpeg=p["checkpoint_jpeg_quality"], tilt=p["checkpoint_tilt_degrees"])
    return rungs, int(p["seed"]), float(p["margin_modules"])


# --- the operations, each as the README defines it -------------------------------------------------------------

def axis_weights(m, n, filt):
    ratio = m / n
    w = np.zeros((n, m))
    for i in range(n):
        if filt == "area":
            start, end = i * ratio, (i + 1) * ratio
            j = int(math.floor(start))
            while j < end and j < m:
                overlap = min(end, j + 1) - max(start, j)
                if overlap > 0:
                    w[i, j] += overlap / (end - start)
                j += 1
        else:
            x = min(max((i + 0.5) * ratio - 0.5, 0), m - 1)
            j = int(math.floor(x))
            t = x - j
            if t > 0 and j + 1 < m:
                w[i, j] += 1 - t
                w[i, j + 1] += t
            else:
                w[i, j] += 1
    return w


def resample(img, width, height, filt):
    rows = img.astype(np.float64) @ axis_weights(img.shape[1], width, filt).T
    return rnd(axis_weights(img.shape[0], height, filt) @ rows)


def convolve_rows(a, taps):
    w = a.shape[1]
    out = np.zeros_like(a, dtype=np.float64)
    for offset, weight in taps:
        idx = np.clip(np.arange(w) + offset, 0, w - 1)
        out += a[:, idx].astype(np.float64) * weight
    return out


def blur(img, sigma):
    radius = int(math.ceil(3 * sigma))
    raw = [math.exp(-(k * k) / (2 * sigma * sigma)) for k in range(-radius, radius + 1)]
    taps = [(k - radius, v / sum(raw)) for k, v in enumerate(raw)]
    rows = convolve_rows(img, taps)
    return rnd(convolve_rows(rows.T, taps).T)


def motion(img, length):
    taps = [(t - length // 2, (0.5 if t in (0, length) else 1) / length) for t in range(length + 1)]
    return rnd(convolve_rows(img, taps))


def splitmix_normals(seed, index, count):
    state = (seed + (index * GOLDEN & MASK64)) & MASK64
    pairs = (count + 1) // 2
    # The generator's outputs 1..2·pairs, vectorised: state_k = start + k·GOLDEN.
    k = np.arange(1, 2 * pairs + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = np.uint64(state) + k * np.uint64(GOLDEN)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    u = ((z >> np.uint64(11)).astype(np.float64) + 0.5) / 9007199254740992.0
    u1, u2 = u[0::2], u[1::2]
    r = np.sqrt(-2 * np.log(u1))
    n = np.empty(2 * pairs)
    n[0::2] = r * np.cos(2 * np.pi * u2)
    n[1::2] = r * np.sin(2 * np.pi * u2)
    return n[:count]


def noise(img, sigma, seed, index):
    n = splitmix_normals(seed, index, img.size).reshape(img.shape)
    return rnd(img.astype(np.float64) + sigma * n)


LUMINANCE = np.array([
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
    14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99]).reshape(8, 8)


def jpeg(img, quality):
    q = min(max(quality, 1), 100)
    scale = 5000 // q if q < 50 else 200 - 2 * q
    table = np.clip((LUMINANCE * scale + 50) // 100, 1, 255).astype(np.float64)
    u = np.arange(8)
    c = np.where(u == 0, 1 / math.sqrt(2), 1.0)
    basis = (c[:, None] / 2) * np.cos((2 * u[None, :] + 1) * u[:, None] * np.pi / 16)  # [coefficient, position]
    h, w = img.shape
    ph, pw = -(-h // 8) * 8, -(-w // 8) * 8
    padded = img[np.minimum(np.arange(ph), h - 1)][:, np.minimum(np.arange(pw), w - 1)].astype(np.float64) - 128
    blocks = padded.reshape(ph // 8, 8, pw // 8, 8).transpose(0, 2, 1, 3)
    coef = basis @ blocks @ basis.T
    levels = coef / table
    levels = np.sign(levels) * np.floor(np.abs(levels) + 0.5)  # half away from zero
    back = basis.T @ (levels * table) @ basis
    out = back.transpose(0, 2, 1, 3).reshape(ph, pw)[:h, :w] + 128
    return rnd(out)


def bilinear_sample(img, x, y):
    h, w = img.shape
    inside = (x >= 0) & (y >= 0) & (x <= w - 1) & (y <= h - 1)
    xc = np.clip(x, 0, w - 1)
    yc = np.clip(y, 0, h - 1)
    x0 = np.floor(xc).astype(int)
    y0 = np.floor(yc).astype(int)
    x1 = np.minimum(x0 + 1, w - 1)
    y1 = np.minimum(y0 + 1, h - 1)
    tx, ty = xc - x0, yc - y0
    a = img.astype(np.float64)
    top = a[y0, x0] * (1 - tx) + a[y0, x1] * tx
    bottom = a[y1, x0] * (1 - tx) + a[y1, x1] * tx
    return np.where(inside, top * (1 - ty) + bottom * ty, 255.0)


def tilt(img, degrees):
    h, w = img.shape
    theta = math.radians(degrees)
    f = 8 * max(w, h)
    px = np.arange(w) + 0.5 - w / 2
    py = np.arange(h) + 0.5 - h / 2
    PX, PY = np.meshgrid(px, py)
    den = f * math.cos(theta) - PX * math.sin(theta)
    ok = den > 0
    u = np.where(ok, PX * f / np.where(ok, den, 1), 0)
    v = PY * (f + u * math.sin(theta)) / f
    out = np.where(ok, bilinear_sample(img, u + w / 2 - 0.5, v + h / 2 - 0.5), 255.0)
    return rnd(out)


def glare(img, fraction, centre, side):
    a = math.sqrt(2 * fraction * side * side / math.pi)
    b = a / 2
    cx, cy = centre[0] + 0.15 * side, centre[1] - 0.15 * side
    ys, xs = np.mgrid[0:img.shape[0], 0:img.shape[1]]
    inside = ((xs + 0.5 - cx) / a) ** 2 + ((ys + 0.5 - cy) / b) ** 2 <= 1
    out = img.copy()
    out[inside] = 255
    return out


def render(crop, corners, screen_per_unit, rung, seed):
    ratio = rung["resolution"] / screen_per_unit
    h, w = crop.shape
    width = int(math.floor(w * ratio + 0.5))
    height = int(math.floor(h * ratio + 0.5))
    if width < 1 or height < 1 or width > 4096 or height > 4096:
        return None
    img = crop
    if rung.get("tilt"):
        img = tilt(img, rung["tilt"])
    img = resample(img, width, height, rung.get("filter", "area"))
    if "contrast" in rung:
        img = rnd(127.5 + rung["contrast"] * (img.astype(np.float64) - 127.5))
    if "gamma" in rung:
        img = rnd(255 * (img.astype(np.float64) / 255) ** rung["gamma"])
    if rung.get("blur"):
        img = blur(img, rung["blur"])
    if rung.get("motion"):
        img = motion(img, rung["motion"])
    if rung.get("glare"):
        sx, sy = width / w, height / h
        centre = (sum(p[0] for p in corners) / 4 * sx, sum(p[1] for p in corners) / 4 * sy)
        sides = [math.dist(corners[i], corners[(i + 1) % 4]) for i in range(4)]
        img = glare(img, rung["glare"], centre, sum(sides) / 4 * sx)
    if rung.get("noise"):
        img = noise(img, rung["noise"], seed, rung["index"])
    if rung.get("jpeg"):
        img = jpeg(img, rung["jpeg"])
    return img


# --- decoding ---------------------------------------------------------------------------------------------------

def zbar(img, payload, tmp):
    path = os.path.join(tmp, "rung.png")
    Image.fromarray(img).save(path)
    out = subprocess.run(["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", "-Sbinary", path],
                         capture_output=True).stdout
    if not out:
        return "unread"
    return "read" if out in (payload, payload + b"\n") else "misread"


def read_qr(img):
    """zxing-cpp as the README's "Reading a rung" says: QR only, no rotated or downscaled retries (its binding keeps
    zxing-cpp's default tryHarder and local-average binarizer, as the suite does)."""
    return zxingcpp.read_barcodes(img, formats=zxingcpp.BarcodeFormat.QRCode, try_rotate=False, try_downscale=False)


def zxing(img, payload):
    readings = [r.bytes for r in read_qr(img) if r.valid]
    if any(r != payload for r in readings):
        return "misread"
    return "read" if readings else "unread"


def screen_density(path, override):
    if override:
        return override / 25.4
    side = os.path.splitext(path)[0] + ".json"
    if os.path.exists(side):
        ppi = json.load(open(side)).get("ppi")
        if ppi:
            return ppi / 25.4
    dpi = Image.open(path).info.get("dpi")
    return dpi[0] / 25.4 if dpi and dpi[0] > 1 else None


def libpng_table(gamma):
    v = np.arange(256, dtype=np.float64)
    t = np.floor(255 * (v / 255) ** (gamma * 1e-5) + 0.5)
    t[0], t[255] = 0, 255
    return t.astype(np.int64)


def grey(path):
    """The screenshot's grey levels as the README's crop paragraph defines them (libpng's simplified API)."""
    im = Image.open(path)
    if im.mode == "L":
        return np.array(im)
    if "A" in im.getbands() or (im.mode == "P" and "transparency" in im.info):
        raise SystemExit(f"{path}: the reference reads opaque screenshots only")
    rgb = np.array(im.convert("RGB")).astype(np.int64)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    to_linear, from_linear = libpng_table(219998), libpng_table(45455)
    total = 6968 * to_linear[r] + 23434 * to_linear[g] + 2366 * to_linear[b]
    out = from_linear[(total + 16384) >> 15]
    same = (r == g) & (r == b)
    return np.where(same, r, out).astype(np.uint8)


def cut(gray, crop):
    """The crop the report names (`scannability.crop`), cut and inverted as the README says."""
    left, top, w, h = crop["left"], crop["top"], crop["width"], crop["height"]
    out = np.full((h, w), 0 if crop["inverted"] else 255, dtype=np.uint8)
    sy0, sx0 = max(top, 0), max(left, 0)
    sy1, sx1 = min(top + h, gray.shape[0]), min(left + w, gray.shape[1])
    if sy1 > sy0 and sx1 > sx0:
        out[sy0 - top:sy1 - top, sx0 - left:sx1 - left] = gray[sy0:sy1, sx0:sx1]
    return 255 - out if crop["inverted"] else out


def payload_of(crop_img):
    """The payload bytes, read by zxing-cpp from the crop at screen resolution (reports never carry them)."""
    found = [r.bytes for r in read_qr(crop_img) if r.valid]
    if found:
        return found[0]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "crop.png")
        Image.fromarray(crop_img).save(path)
        out = subprocess.run(["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", "-Sbinary", path],
                             capture_output=True).stdout
    return out[:-1] if out.endswith(b"\n") else out or None


def assess(path, spec, report_symbols, ppi=None, exhaustive=False):
    """Per symbol the suite measured: {family: rungs passed}, and the checkpoint outcome (None on the
    module-relative ladder)."""
    gray = grey(path)
    density = screen_density(path, ppi)
    unit = "mm" if density else "module"
    rungs, seed, _ = ladder(spec, unit)
    results = []
    for symbol in report_symbols:
        crop_info = (symbol.get("scannability") or {}).get("crop")
        if not crop_info:
            results.append(None)
            continue
        crop = cut(gray, crop_info)
        local = [(c["x"], c["y"]) for c in crop_info["corners"]]
        payload = payload_of(crop)
        if payload is None:
            results.append(None)
            continue
        per_unit = density if unit == "mm" else crop_info["module_pixels"]
        families, checkpoint, stopped = {}, None, set()
        with tempfile.TemporaryDirectory() as tmp:
            for rung in rungs:
                fam = rung["family"]
                families.setdefault(fam, 0) if fam != "checkpoint" else None
                if fam in stopped and not exhaustive:
                    continue
                img = render(crop, local, per_unit, rung, seed)
                ok = img is not None and zbar(img, payload, tmp) == "read" and zxing(img, payload) == "read"
                if fam == "checkpoint":
                    checkpoint = ok
                elif ok and fam not in stopped:
                    families[fam] += 1
                else:
                    stopped.add(fam)
        results.append(dict(unit=unit, families=families, checkpoint=checkpoint))
    return results


def suite_report(binary, path, spec, ppi):
    args = [binary, "check", "--scannability", "--spec", spec, "--format", "json", "--trust-list",
            "TestVectors/keys/test-trust-list.jwks.json", path]
    if ppi:
        args += ["--ppi", str(ppi)]
    return json.loads(subprocess.run(args, capture_output=True).stdout)["images"][0]["symbols"]


def suite_margins(symbols):
    margins = []
    for symbol in symbols:
        m = symbol.get("scannability")
        if not m:
            margins.append(None)
            continue
        c = m.get("checkpoint")
        margins.append(dict(unit=m["unit"], families={f["family"]: f["passed"] for f in m["families"]},
                            checkpoint=None if c is None else (c["zbar"] == "read" and c["zxing"] == "read")))
    return margins


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spec", default="spec/vn-personal-qr/1.1/rules.json")
    ap.add_argument("--ppi", type=float)
    ap.add_argument("--suite", metavar="QRCONFORM", default=".build/release/qrconform",
                    help="the qrconform binary whose report gives each symbol's crop, and whose margins are compared")
    ap.add_argument("images", nargs="+")
    a = ap.parse_args()
    same = within_one = pairs = symbols_same = symbols = 0
    for path in a.images:
        ppi = a.ppi
        side = os.path.splitext(path)[0] + ".json"
        if ppi is None and os.path.exists(side):
            ppi = json.load(open(side)).get("ppi")
        report = suite_report(a.suite, path, a.spec, ppi)
        ours = assess(path, a.spec, report, ppi)
        line = "; ".join(" ".join(f"{k} {v}" for k, v in r["families"].items()) + f" checkpoint {r['checkpoint']}"
                         for r in ours if r)
        print(f"{os.path.basename(path)}: {line or 'no symbol'}")
        for mine, suite_margin in zip(ours, suite_margins(report)):
            if mine is None or suite_margin is None:
                continue
            symbols += 1
            all_same = mine["checkpoint"] == suite_margin["checkpoint"]
            for family, passed in suite_margin["families"].items():
                pairs += 1
                delta = abs(mine["families"].get(family, -9) - passed)
                same += delta == 0
                within_one += delta <= 1
                all_same &= delta == 0
                if delta:
                    print(f"  {family}: reference {mine['families'].get(family)}, suite {passed}")
            if mine["checkpoint"] != suite_margin["checkpoint"]:
                print(f"  checkpoint: reference {mine['checkpoint']}, suite {suite_margin['checkpoint']}")
            symbols_same += all_same
    if pairs:
        print(f"agreement: same rung on {same}/{pairs} family margins ({100 * same / pairs:.1f} %), within one rung on "
              f"{within_one}/{pairs}; symbols with every family and the checkpoint the same: {symbols_same}/{symbols} "
              f"({100 * symbols_same / max(symbols, 1):.1f} %)")
        return 0 if same >= 0.9 * pairs and within_one == pairs else 1
    print("agreement: no symbol had a margin in both implementations; nothing was compared", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Generate the QR symbol-measurement test vectors in TestVectors/symbols/.

Deterministic: the same inputs give byte-identical files. The QR matrices come from segno 1.6.6 (an encoder
we did not write) with a fixed version, error level and mask and boost_error=False; this script only renders
them (scale, rotate, anti-alias, invert, place, damage) and records the ground truth in manifest.json.

Usage:
    python3 scripts/gen_symbol_vectors.py            # (re)write TestVectors/symbols/
    python3 scripts/gen_symbol_vectors.py --check    # regenerate into a temp dir, compare bytes, exit 1 on difference
"""

import argparse
import base64
import filecmp
import json
import math
import os
import random
import struct
import sys
import tempfile
import zlib

import numpy as np
import segno

MANIFEST_FORMAT_VERSION = 1
SEED = 1405
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "TestVectors", "symbols")

EC_LEVELS = ["L", "M", "Q", "H"]
EC_FORMAT_BITS = {"L": 1, "M": 0, "Q": 3, "H": 2}
GRID_VERSIONS = [1, 2, 5, 7, 10, 15, 20, 25, 40]
GRID_MODULE_PX = [2, 3, 4, 8]
GRID_QUIET = [0, 1, 2, 4]
GRID_ROTATIONS = [0, 90, 180, 270]
GRID_PER_VERSION = 8
MAX_SIDE_PX = 640
DARK, LIGHT, BAND = 0, 255, 40

PAYLOADS_1405 = [
    "001093029317|NGUYEN LE KHA HAN|1987-01-18|0|162979388586171100|<1<HS4010120878821<0944713700",
    "079203004512|TRAN VAN BINH|1992-11-03|0|248810377201553600|<1<GP0123456789<0912345678",
    "036185011223|LE THI MAI ANH|1985-06-30|0|301457722190845500|<2<BH7900123456789<0987654321",
    "001201009988|PHAM MINH DUC|2001-02-14|0|118203349871206300|<1<HS4790123400011<0368123456",
]


# ---------------------------------------------------------------- BCH and format/version placement

def bch_remainder(value, generator, degree):
    value <<= degree
    top = generator.bit_length() - 1
    while value.bit_length() - 1 >= top:
        value ^= generator << (value.bit_length() - 1 - top)
    return value


def format_word(ec, mask):
    data = (EC_FORMAT_BITS[ec] << 3) | mask
    return ((data << 10) | bch_remainder(data, 0x537, 10)) ^ 0x5412


def version_word(version):
    return (version << 12) | bch_remainder(version, 0x1F25, 12)


ALL_FORMAT_WORDS = [format_word(ec, m) for ec in EC_LEVELS for m in range(8)]
ALL_VERSION_WORDS = [version_word(v) for v in range(7, 41)]


def format_positions(n):
    """(row, col) of format bits 14..0 (MSB first) for copy 0 (around top-left) and copy 1 (split)."""
    copy0 = [(8, c) for c in range(6)] + [(8, 7), (8, 8), (7, 8)] + [(r, 8) for r in range(5, -1, -1)]
    copy1 = [(r, 8) for r in range(n - 1, n - 8, -1)] + [(8, c) for c in range(n - 8, n)]
    return copy0, copy1


def version_positions(n):
    """(row, col) of version bits 17..0 (MSB first): block 0 top-right (3 wide), block 1 bottom-left (3 tall)."""
    block0 = [(k // 3, n - 11 + k % 3) for k in range(17, -1, -1)]
    block1 = [(n - 11 + k % 3, k // 3) for k in range(17, -1, -1)]
    return block0, block1


def read_bits(matrix, positions):
    value = 0
    for r, c in positions:
        value = (value << 1) | int(matrix[r][c])
    return value


def write_bits(matrix, positions, value):
    for i, (r, c) in enumerate(positions):
        matrix[r][c] = (value >> (len(positions) - 1 - i)) & 1


def min_distance(word, words):
    return min(bin(word ^ w).count("1") for w in words)


def far_word(rng, bits, words, minimum=5):
    """A deterministic pseudo-random word at Hamming distance >= minimum from every valid word."""
    while True:
        w = rng.getrandbits(bits)
        if min_distance(w, words) >= minimum:
            return w


# ---------------------------------------------------------------- payloads and matrices

def make_qr(payload, version, ec, mask):
    return segno.make_qr(payload, version=version, error=ec.lower(), mask=mask, boost_error=False)


def fits(payload, version, ec):
    try:
        make_qr(payload, version, ec, 0)
        return True
    except segno.DataOverflowError:
        return False


def random_ascii(rng, length):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 |<-.:/"
    return "".join(rng.choice(alphabet) for _ in range(length))


def choose_payload(rng, version, ec):
    """A 1405-like string when it fits, else random ASCII filling 50-95 % of the byte capacity."""
    base = rng.choice(PAYLOADS_1405)
    if version >= 5 and fits(base, version, ec):
        extra_room = capacity(version, ec) - len(base)
        if extra_room > 8 and rng.random() < 0.5:
            return base + "<" + random_ascii(rng, int(extra_room * rng.uniform(0.2, 0.8)))
        return base
    cap = capacity(version, ec)
    return random_ascii(rng, max(1, int(cap * rng.uniform(0.5, 0.95))))


_CAPACITY = {}


def capacity(version, ec):
    key = (version, ec)
    if key not in _CAPACITY:
        lo, hi = 1, 3000
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if fits("a|" * (mid // 2) + "a" * (mid % 2), version, ec):
                lo = mid
            else:
                hi = mid - 1
        _CAPACITY[key] = lo
    return _CAPACITY[key]


def matrix_of(qr, version, ec, mask):
    m = np.array([list(row) for row in qr.matrix], dtype=np.uint8)
    n = 17 + 4 * version
    assert m.shape == (n, n), (m.shape, n)
    c0, c1 = format_positions(n)
    want = format_word(ec, mask)
    assert read_bits(m, c0) == want and read_bits(m, c1) == want, "format placement mismatch with segno"
    if version >= 7:
        b0, b1 = version_positions(n)
        assert read_bits(m, b0) == version_word(version) == read_bits(m, b1), "version placement mismatch"
    return m


# ---------------------------------------------------------------- rendering

def corners_for(origin, module_px, n, degrees):
    """Symbol corners TL, BL, BR, TR in continuous pixel coordinates for a clockwise rotation about origin."""
    rad = math.radians(degrees)
    cos, sin = math.cos(rad), math.sin(rad)
    out = []
    for u, v in [(0, 0), (0, n), (n, n), (n, 0)]:
        x, y = u * module_px, v * module_px
        out.append((origin[0] + x * cos - y * sin, origin[1] + x * sin + y * cos))
    return out


def render_integer(matrix, module_px, quiet, bound, rotation):
    """Hard-edged render at an integer scale, then an exact multiple-of-90 rotation."""
    n = matrix.shape[0]
    band = 3 if bound == "dark" else 0
    size = n + 2 * (quiet + band)
    field = np.full((size, size), 0, dtype=np.uint8)
    field[band:size - band, band:size - band] = 1
    field[quiet + band:quiet + band + n, quiet + band:quiet + band + n] = 1 - matrix
    img = np.repeat(np.repeat(field, module_px, axis=0), module_px, axis=1).astype(np.uint8) * 255
    side = size * module_px
    offset = (quiet + band) * module_px
    corners = corners_for((offset, offset), module_px, n, 0)
    for _ in range(rotation // 90):
        img = np.rot90(img, k=-1)
        corners = [(side - y, x) for x, y in corners]
    return np.ascontiguousarray(img), corners


def render_resampled(matrix, module_px, quiet, degrees, supersample=4):
    """Anti-aliased render: area-average of supersample^2 points per pixel, any scale and rotation.

    Outside the quiet-zone square the background is dark, so the quiet zone is bounded by dark content."""
    n = matrix.shape[0]
    outer = n + 2 * quiet
    rad = math.radians(degrees)
    cos, sin = math.cos(rad), math.sin(rad)
    pts = [(u * module_px, v * module_px) for u, v in [(0, 0), (outer, 0), (0, outer), (outer, outer)]]
    rot = [(x * cos - y * sin, x * sin + y * cos) for x, y in pts]
    margin = 0 if degrees % 90 == 0 else 2 * module_px
    min_x = min(p[0] for p in rot) - margin
    min_y = min(p[1] for p in rot) - margin
    width = int(math.ceil(max(p[0] for p in rot) + margin - min_x))
    height = int(math.ceil(max(p[1] for p in rot) + margin - min_y))
    sub = (np.arange(supersample) + 0.5) / supersample
    xs = (np.arange(width)[:, None] + sub[None, :]).reshape(-1) + min_x
    ys = (np.arange(height)[:, None] + sub[None, :]).reshape(-1) + min_y
    gx, gy = np.meshgrid(xs, ys)
    u = (gx * cos + gy * sin) / module_px - quiet
    v = (-gx * sin + gy * cos) / module_px - quiet
    inside_outer = (u >= -quiet) & (u < n + quiet) & (v >= -quiet) & (v < n + quiet)
    if degrees % 90 == 0:
        inside_outer = np.ones_like(inside_outer)
    ui = np.floor(u).astype(np.int64)
    vi = np.floor(v).astype(np.int64)
    in_symbol = (ui >= 0) & (ui < n) & (vi >= 0) & (vi < n)
    dark = np.zeros(u.shape, dtype=bool)
    dark[in_symbol] = matrix[vi[in_symbol], ui[in_symbol]] == 1
    value = np.where(inside_outer, float(LIGHT), float(BAND))
    value = np.where(dark, float(DARK), value)
    value = value.reshape(height, supersample, width, supersample).mean(axis=(1, 3))
    img = np.clip(np.floor(value + 0.5), 0, 255).astype(np.uint8)
    origin = (quiet * module_px * cos - quiet * module_px * sin - min_x,
              quiet * module_px * sin + quiet * module_px * cos - min_y)
    return img, corners_for(origin, module_px, n, degrees)


def place_on_canvas(symbol_img, corners, canvas_spec):
    """Paste a rendered symbol into a 1080x2340 screenshot-like canvas of flat bars."""
    width, height = 1080, 2340
    canvas = np.full((height, width), canvas_spec["background"], dtype=np.uint8)
    for top, bottom, value in canvas_spec["bars"]:
        canvas[top:bottom, :] = value
    x0, y0 = canvas_spec["at"]
    h, w = symbol_img.shape
    canvas[y0:y0 + h, x0:x0 + w] = symbol_img
    return canvas, [(x + x0, y + y0) for x, y in corners]


# ---------------------------------------------------------------- file writers (deterministic)

def png_bytes(img, ppi=None):
    height, width = img.shape
    raw = b"".join(b"\x00" + img[row].tobytes() for row in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
    if ppi is not None:
        ppm = int(round(ppi / 0.0254))
        out += chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
    return out + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")



# ---------------------------------------------------------------- vector list

def balanced(values, count, rng):
    out = [values[i % len(values)] for i in range(count)]
    rng.shuffle(out)
    return out


def grid_specs(rng):
    """A sampled subset of EC x version x module px x quiet zone x rotation; each value appears >= 8 times."""
    count = GRID_PER_VERSION * len(GRID_VERSIONS)
    versions = [GRID_VERSIONS[i // GRID_PER_VERSION] for i in range(count)]
    ecs, pxs = balanced(EC_LEVELS, count, rng), balanced(GRID_MODULE_PX, count, rng)
    quiets, rots = balanced(GRID_QUIET, count, rng), balanced(GRID_ROTATIONS, count, rng)

    def ok(i):
        return (17 + 4 * versions[i] + 2 * quiets[i] + 6) * pxs[i] <= MAX_SIDE_PX

    for _ in range(10000):
        bad = [i for i in range(count) if not ok(i)]
        if not bad:
            break
        i = bad[0]
        j = rng.randrange(count)
        pxs[i], pxs[j] = pxs[j], pxs[i]
        if not (ok(i) and ok(j)):
            quiets[i], quiets[j] = quiets[j], quiets[i]
            if not (ok(i) and ok(j)):
                quiets[i], quiets[j] = quiets[j], quiets[i]
                pxs[i], pxs[j] = pxs[j], pxs[i]
    assert all(ok(i) for i in range(count)), "could not satisfy the size cap"
    specs = []
    for i in range(count):
        specs.append(dict(group="grid", version=versions[i], ec=ecs[i], mask=rng.randrange(8), module_px=pxs[i],
                          quiet=quiets[i], rotation=rots[i], bound=rng.choice(["image-edge", "dark"])))
    return specs


def extra_specs(rng):
    specs = []
    for scale, version, ec in [(1.5, 2, "M"), (1.5, 7, "Q"), (1.5, 15, "L"), (2.7, 1, "H"), (2.7, 5, "L"),
                               (2.7, 10, "M"), (2.7, 20, "Q")]:
        specs.append(dict(group="antialiased", version=version, ec=ec, mask=rng.randrange(8), module_px=scale,
                          quiet=rng.choice([1, 2, 4]), rotation=0))
    for degrees, version, ec, px in [(3, 2, "L", 4), (3, 7, "M", 3), (3, 15, "H", 4), (10, 1, "Q", 6),
                                     (10, 5, "M", 4), (10, 10, "L", 3), (357, 5, "Q", 3.5), (190, 7, "H", 4)]:
        specs.append(dict(group="small-rotation", version=version, ec=ec, mask=rng.randrange(8), module_px=px,
                          quiet=rng.choice([1, 2, 4]), rotation=degrees))
    for version, ec, px, rot in [(1, "M", 4, 0), (5, "Q", 3, 90), (10, "L", 4, 180), (25, "H", 2, 270)]:
        specs.append(dict(group="light-on-dark", version=version, ec=ec, mask=rng.randrange(8), module_px=px,
                          quiet=4, rotation=rot, bound="image-edge", inverted=True))
    specs.append(dict(group="quiet-zone-cap", version=2, ec="M", mask=5, module_px=3, quiet=12, rotation=0,
                      bound="image-edge"))
    for damage in ["format-first-destroyed", "format-second-destroyed", "format-two-bits-each",
                   "format-both-destroyed"]:
        specs.append(dict(group="damage-format", version=rng.choice([2, 5, 7]), ec=rng.choice(EC_LEVELS),
                          mask=rng.randrange(8), module_px=4, quiet=4, rotation=0, bound="image-edge",
                          damage=damage))
    for damage in ["version-first-destroyed", "version-second-destroyed", "version-two-bits-each",
                   "version-both-destroyed"]:
        specs.append(dict(group="damage-version", version=rng.choice([7, 10]), ec=rng.choice(EC_LEVELS),
                          mask=rng.randrange(8), module_px=4, quiet=4, rotation=0, bound="image-edge",
                          damage=damage))
    canvases = [
        dict(background=245, bars=[(0, 90, 30), (90, 250, 200), (2200, 2340, 235)], at=(200, 700), ppi=460),
        dict(background=18, bars=[(0, 90, 0), (90, 250, 40), (2200, 2340, 28)], at=(150, 900), ppi=401,
             inverted=True),
        dict(background=238, bars=[(0, 80, 25), (1900, 2340, 120)], at=(120, 500), ppi=326),
    ]
    for canvas, (version, ec, px) in zip(canvases, [(5, "M", 8), (7, "Q", 6), (10, "L", 12)]):
        specs.append(dict(group="canvas", version=version, ec=ec, mask=rng.randrange(8), module_px=px, quiet=4,
                          rotation=0, bound="dark", canvas=canvas, inverted=bool(canvas.get("inverted"))))
    return specs


def apply_damage(matrix, damage, rng):
    """Overwrite or flip format/version modules; returns the expected per-copy decode results."""
    n = matrix.shape[0]
    if damage.startswith("format"):
        positions, words, bits = format_positions(n), ALL_FORMAT_WORDS, 15
    else:
        positions, words, bits = version_positions(n), ALL_VERSION_WORDS, 18
    readable = [True, True]
    errors = [0, 0]
    if damage.endswith("first-destroyed") or damage.endswith("both-destroyed"):
        write_bits(matrix, positions[0], far_word(rng, bits, words))
        readable[0] = False
    if damage.endswith("second-destroyed") or damage.endswith("both-destroyed"):
        write_bits(matrix, positions[1], far_word(rng, bits, words))
        readable[1] = False
    if damage.endswith("two-bits-each"):
        for copy in (0, 1):
            for index in rng.sample(range(bits), 2):
                r, c = positions[copy][index]
                matrix[r][c] ^= 1
            errors[copy] = 2
    return readable, errors


def agreement(readable):
    return {(True, True): "both-agree", (True, False): "only-first-readable",
            (False, True): "only-second-readable", (False, False): "unreadable"}[tuple(readable)]


def build_vector(index, spec, rng):
    version, ec, mask = spec["version"], spec["ec"], spec["mask"]
    payload = choose_payload(rng, version, ec)
    qr = make_qr(payload, version, ec, mask)
    matrix = matrix_of(qr, version, ec, mask)
    n = matrix.shape[0]
    expected = {"format_copies_agree": "both-agree",
                "format_copies": [{"ec_level": ec, "mask": mask, "bit_errors": 0}] * 2,
                "version_info_blocks": [version, version] if version >= 7 else []}
    if "damage" in spec:
        readable, errors = apply_damage(matrix, spec["damage"], rng)
        if spec["damage"].startswith("format"):
            expected["format_copies_agree"] = agreement(readable)
            expected["format_copies"] = [{"ec_level": ec, "mask": mask, "bit_errors": e} if ok else None
                                         for ok, e in zip(readable, errors)]
        else:
            expected["version_info_blocks"] = [version if ok else None for ok in readable]
    px, quiet, rotation = spec["module_px"], spec["quiet"], spec["rotation"]
    integer = float(px).is_integer() and rotation % 90 == 0
    if integer:
        img, corners = render_integer(matrix, int(px), quiet, spec.get("bound", "image-edge"), rotation)
        bound = spec.get("bound", "image-edge")
    else:
        img, corners = render_resampled(matrix, px, quiet, rotation)
        bound = "image-edge" if rotation % 90 == 0 else "dark"
    if spec.get("inverted"):
        img = 255 - img
    vector_id = "%03d-%s-v%d-%s-m%d" % (index, spec["group"], version, ec, mask)
    files = {"png": vector_id + ".png"}
    ppi = None
    if "canvas" in spec:
        img, corners = place_on_canvas(img, corners, spec["canvas"])
        ppi = spec["canvas"]["ppi"]
    flags = [spec["group"]] + ([spec["damage"]] if "damage" in spec else [])
    flags += ["integer-scale" if integer else "resampled", "light-on-dark" if spec.get("inverted") else "dark-on-light"]
    if quiet > 10:
        flags.append("quiet-zone-over-cap")
    payload_field = {"text": payload} if payload.isascii() else {"base64": base64.b64encode(payload.encode()).decode()}
    record = {
        "id": vector_id,
        "group": spec["group"],
        "description": "%s: v%d-%s mask %d, %s px/module, quiet %d, rotation %s deg" % (
            spec["group"], version, ec, mask, px, quiet, rotation),
        "payload": payload_field,
        "version": version,
        "ec_level": ec,
        "mask": mask,
        "module_px": px,
        "quiet_zone": {side: min(quiet, 10) for side in ("top", "right", "bottom", "left")},
        "quiet_zone_bounded_by": bound,
        "rotation_degrees": rotation,
        "polarity": "light-on-dark" if spec.get("inverted") else "dark-on-light",
        "corners": [{"x": round(x, 4), "y": round(y, 4)} for x, y in corners],
        "rendering": "integer-hard-edges" if integer else "resampled",
        "width": int(img.shape[1]),
        "height": int(img.shape[0]),
        "pixels_per_inch": ppi,
        "files": files,
        "flags": flags,
        "expected": expected,
        "provenance": {"encoder": "segno 1.6.6", "boost_error": False, "spec": {
            k: v for k, v in spec.items() if k not in ("canvas",)}},
    }
    return record, img, ppi


def generate(out_dir):
    rng = random.Random(SEED)
    specs = grid_specs(rng) + extra_specs(rng)
    os.makedirs(out_dir, exist_ok=True)
    vectors = []
    for index, spec in enumerate(specs):
        record, img, ppi = build_vector(index, spec, rng)
        with open(os.path.join(out_dir, record["files"]["png"]), "wb") as f:
            f.write(png_bytes(img, ppi))
        vectors.append(record)
    manifest = {
        "format_version": MANIFEST_FORMAT_VERSION,
        "generator": "scripts/gen_symbol_vectors.py",
        "encoder": "segno 1.6.6 (fixed version, error level and mask; boost_error=False)",
        "coordinates": "continuous pixel coordinates: pixel (i, j) covers [i, i+1) x [j, j+1); corners are the "
                       "outer symbol corners (quiet zone excluded) in symbol order TL, BL, BR, TR",
        "quiet_zone_sides": "image sides (top, right, bottom, left of the image), whole light modules, capped at 10",
        "format_copy_order": "copy 0 surrounds the top-left finder; copy 1 is split under top-right / beside "
                             "bottom-left",
        "version_block_order": "block 0 is above-left of the top-right finder; block 1 is above-right of the "
                               "bottom-left finder",
        "flags": {
            "grid": "sampled combination of EC level, version, module px, quiet zone and rotation",
            "antialiased": "non-integer scale, area-averaged (anti-aliased) edges",
            "small-rotation": "rotation not a multiple of 90 degrees, anti-aliased, dark background",
            "light-on-dark": "luma inverted after rendering",
            "quiet-zone-cap": "quiet zone wider than the cap of 10 modules",
            "canvas": "1080x2340 screenshot-like canvas, PNG only (no PGM), for end-to-end tests",
            "damage-format": "format information modules overwritten or flipped",
            "damage-version": "version information modules overwritten or flipped",
            "integer-scale": "integer module px and multiple-of-90 rotation: hard edges, exact quiet zone",
            "resampled": "anti-aliased rendering: quiet zone asserted within 1 module",
        },
        "vectors": vectors,
    }
    with open(os.path.join(out_dir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
        f.write("\n")


def check():
    with tempfile.TemporaryDirectory() as tmp:
        generate(tmp)
        ours = sorted(os.path.relpath(os.path.join(d, f), tmp) for d, _, fs in os.walk(tmp) for f in fs)
        theirs = sorted(os.path.relpath(os.path.join(d, f), OUT_DIR) for d, _, fs in os.walk(OUT_DIR) for f in fs
                        if f != "README.md")
        differing = sorted(set(ours) ^ set(theirs))
        differing += [p for p in ours if p in theirs and not filecmp.cmp(os.path.join(tmp, p),
                                                                           os.path.join(OUT_DIR, p), shallow=False)]
        for path in differing:
            print("differs: " + path, file=sys.stderr)
        print("%d files checked, %d differ" % (len(ours), len(differing)))
        return 1 if differing else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="regenerate into a temp dir and compare bytes")
    args = parser.parse_args()
    if args.check:
        sys.exit(check())
    generate(OUT_DIR)


if __name__ == "__main__":
    main()

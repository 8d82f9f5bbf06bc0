#!/usr/bin/env python3
"""Generate TestVectors/codewords/manifest.json: QR module matrices made by segno (an encoder we did not
write) with the version, EC level, mask, segment list and payload each was made from.

Deterministic: no randomness, no clock; re-running rewrites the same bytes. Requires segno==1.6.6.
Usage: python3 scripts/gen_codeword_fixtures.py [output path]
"""
import json
import sys
from pathlib import Path

import segno
from segno import consts, encoder

SEGNO_VERSION = "1.6.6"
FORMAT_VERSION = 1
LEVEL_NAMES = {consts.ERROR_LEVEL_L: "L", consts.ERROR_LEVEL_M: "M",
               consts.ERROR_LEVEL_Q: "Q", consts.ERROR_LEVEL_H: "H"}
MODE_NAMES = {consts.MODE_NUMERIC: "numeric", consts.MODE_ALPHANUMERIC: "alphanumeric",
              consts.MODE_BYTE: "byte", consts.MODE_KANJI: "kanji"}
PERSONAL = "001099012345|Nguyễn Văn An|01011990|1|0123456789|Hà Nội<0912345678"
ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"


def segment_bytes(content, mode, encoding):
    """The payload bytes of one input segment, as our reader should report them."""
    if isinstance(content, bytes):
        return content
    if mode == "kanji":
        return content.encode("shift_jis")
    if mode in ("numeric", "alphanumeric"):
        return str(content).encode("ascii")
    return content.encode(encoding or consts.DEFAULT_BYTE_ENCODING)


def expected_segments(code, eci):
    """Segment list as the reader should report it, from segno's own segmentation."""
    result = []
    for seg in code.segments:
        if eci and seg.mode == consts.MODE_BYTE and seg.encoding != consts.DEFAULT_BYTE_ENCODING:
            result.append({"mode": "eci", "char_count": 0,
                           "eci_designator": encoder.get_eci_assignment_number(seg.encoding)})
        result.append({"mode": MODE_NAMES[seg.mode], "char_count": seg.char_count})
    return result


def data_codewords(code, eci, sa_info=None):
    """segno's own data codewords for `code` (its _encode steps up to padding) and the bit length
    before the terminator."""
    buff = encoder.Buffer()
    ver_range = encoder.version_range(code.version)
    if sa_info is not None:
        for value in sa_info[:3]:
            buff.append_bits(value, 4)
        buff.append_bits(sa_info[3], 8)
    for segment in code.segments:
        encoder.write_segment(buff, segment, None, ver_range, eci)
    data_bits = len(buff)
    capacity = consts.SYMBOL_CAPACITY[code.version][code.error]
    encoder.write_terminator(buff, capacity, None, len(buff))
    encoder.write_padding_bits(buff, code.version, len(buff))
    encoder.write_pad_codewords(buff, code.version, capacity, len(buff))
    return bytes(buff.toints())[:capacity // 8], data_bits


def hygiene(data, data_bits):
    """Expected terminator/padding findings, checked directly on segno's data codewords (ISO 7.4.9/7.4.10)."""
    total = len(data) * 8
    bit = lambda i: (data[i // 8] >> (7 - i % 8)) & 1
    term_end = min(total, data_bits + 4)
    terminator_ok = all(bit(i) == 0 for i in range(data_bits, term_end))
    if term_end - data_bits < 4:
        return {"terminator_ok": terminator_ok, "padding_ok": True, "trailing_data": 0 if terminator_ok else 1}
    fill_end = -(-term_end // 8) * 8
    fill_clean = all(bit(i) == 0 for i in range(term_end, fill_end))
    pads = data[fill_end // 8:]
    ordered = fill_clean and all(b == (0xEC if k % 2 == 0 else 0x11) for k, b in enumerate(pads))
    trailing = (0 if fill_clean else 1) + sum(1 for b in pads if b not in (0xEC, 0x11))
    return {"terminator_ok": terminator_ok, "padding_ok": ordered, "trailing_data": trailing}


def matrix_rows(code):
    return ["".join("1" if cell else "0" for cell in row) for row in code.matrix]


def vector(vid, description, code, segments, payload, provenance, eci=False, sa_info=None):
    data, data_bits = data_codewords(code, eci, sa_info)
    return {
        **hygiene(data, data_bits),
        "data_codewords_hex": data.hex(),
        "id": vid,
        "description": description,
        "version": code.version,
        "ec_level": LEVEL_NAMES[code.error],
        "mask": code.mask,
        "segments": segments,
        "payload_hex": payload.hex(),
        "provenance": provenance,
        "matrix": matrix_rows(code),
    }


def make(vid, description, items, version, error, mask, eci=False):
    """items: list of (content, mode or None, encoding or None)."""
    content = [(c, encoder.normalize_mode(m), e) for c, m, e in items]
    code = encoder.encode(content, error=error, version=version, mask=mask, eci=eci,
                          micro=False, boost_error=False)
    payload = b"".join(segment_bytes(c, m or MODE_NAMES.get(s.mode), e)
                       for (c, m, e), s in zip(items, code.segments))
    provenance = {"encoder": f"segno {SEGNO_VERSION}", "call": "segno.encoder.encode",
                  "segments": [{"content": c if isinstance(c, str) else c.hex(), "mode": m, "encoding": e}
                               for c, m, e in items],
                  "eci": eci, "boost_error": False}
    return vector(vid, description, code, expected_segments(code, eci), payload, provenance, eci=eci)


def filler(mode, version, error):
    """Content of the given mode filling about 70% of the symbol's data capacity."""
    bits = consts.SYMBOL_CAPACITY[version][error] * 7 // 10 - 24
    if mode == "numeric":
        count = max(1, bits * 3 // 10)
        return "".join(str((i * 7 + version) % 10) for i in range(count))
    if mode == "alphanumeric":
        count = max(1, bits * 2 // 11)
        return "".join(ALNUM[(i * 11 + version) % 45] for i in range(count))
    count = max(1, bits // 8)
    text = (PERSONAL * (count // len(PERSONAL.encode()) + 1)).encode("utf-8")[:count]
    return text


def all_versions():
    levels = "LMQH"
    modes = ["byte", "numeric", "alphanumeric"]
    out = []
    for version in range(1, 41):
        level = levels[version % 4]
        error = encoder.normalize_errorlevel(level)
        mask = version % 8
        mode = modes[version % 3]
        content = filler(mode, version, error)
        out.append(make(f"v{version:02d}-{level}-m{mask}-{mode}",
                        f"version {version}, level {level}, mask {mask}, one {mode} segment at ~70% capacity",
                        [(content, mode, None)], version, level, mask))
    return out


def version1_grid():
    out = []
    for level in "LMQH":
        for mask in range(8):
            out.append(make(f"v01-{level}-m{mask}-grid", f"version 1-{level} with mask {mask}",
                            [(f"QR{level}{mask}", "alphanumeric", None)], 1, level, mask))
    return out


def specials():
    out = [
        make("iso-01234567-1M", "ISO/IEC 18004 Annex I example: numeric 01234567 at 1-M",
             [("01234567", "numeric", None)], 1, "M", 2),
        make("mixed-numeric-byte-5Q", "two segments: numeric then byte",
             [("0123456789012", "numeric", None), (b"|An|", "byte", None)], 5, "Q", 4),
        make("mixed-alnum-numeric-byte-9M", "three segments: alphanumeric, numeric, byte",
             [("VN-QR/", "alphanumeric", None), ("20250101", "numeric", None),
              ("Hà Nội".encode("utf-8"), "byte", None)], 9, "M", 6),
        make("eci26-personal-7M", "ECI 26 (UTF-8) then byte segment: a unified personal QR payload",
             [(PERSONAL, "byte", "utf-8")], 7, "M", 1, eci=True),
        make("eci26-personal-10L", "ECI 26 (UTF-8) byte segment at version 10 (16-bit byte count)",
             [(PERSONAL * 3, "byte", "utf-8")], 10, "L", 5, eci=True),
        make("byte-personal-8M-no-eci", "UTF-8 personal payload in byte mode without ECI",
             [(PERSONAL.encode("utf-8"), "byte", None)], 8, "M", 3),
        make("kanji-2H", "Kanji mode (Shift JIS 0x935F, 0xE4AA ranges)",
             [("点茗漢字", "kanji", None)], 2, "H", 7),
        make("kanji-byte-mixed-6Q", "Kanji segment followed by byte segment",
             [("日本", "kanji", None), (b"QR-2025", "byte", None)], 6, "Q", 0),
        make("kanji-long-27L", "Kanji at version 27 (12-bit count)",
             [("漢字" * 40, "kanji", None)], 27, "L", 2),
        make("numeric-v10-M", "numeric at version 10 (12-bit count)",
             [("9" * 250, "numeric", None)], 10, "M", 5),
        make("alnum-v27-H", "alphanumeric at version 27 (13-bit count)",
             [(ALNUM * 20, "alphanumeric", None)], 27, "H", 1),
    ]
    content = "STRUCTURED APPEND ACROSS THREE SYMBOLS 0123456789"
    parity = encoder.calc_structured_append_parity(content)
    codes = encoder.encode_sequence(content, error="M", mode="alphanumeric", symbol_count=3,
                                    boost_error=False, mask=3)
    chunk_len = [len(content) // 3 + (1 if i < len(content) % 3 else 0) for i in range(3)]
    start = 0
    for index, code in enumerate(codes):
        chunk = content[start:start + chunk_len[index]]
        start += chunk_len[index]
        segments = [{"mode": "structured-append", "char_count": 0,
                     "structured_append": {"symbol_index": index, "symbol_count": len(codes), "parity": parity}}]
        segments += expected_segments(code, False)
        provenance = {"encoder": f"segno {SEGNO_VERSION}", "call": "segno.encoder.encode_sequence",
                      "content": content, "symbol_count": 3, "mode": "alphanumeric", "boost_error": False}
        out.append(vector(f"structured-append-{index + 1}of3", f"structured append symbol {index + 1} of 3",
                          code, segments, chunk.encode("ascii"), provenance,
                          sa_info=encoder._StructuredAppendInfo(index, len(codes) - 1, parity)))
    return out


def main():
    if segno.__version__ != SEGNO_VERSION:
        sys.exit(f"segno {SEGNO_VERSION} required, found {segno.__version__}")
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else \
        Path(__file__).resolve().parent.parent / "TestVectors" / "codewords" / "manifest.json"
    manifest = {
        "format_version": FORMAT_VERSION,
        "generator": "scripts/gen_codeword_fixtures.py",
        "encoder": f"segno {SEGNO_VERSION}",
        "notes": {
            "matrix": "rows top to bottom, '1' = dark module, no quiet zone, symbol orientation",
            "payload_hex": "segment characters concatenated: byte mode raw, numeric/alphanumeric ASCII, "
                           "Kanji Shift JIS; ECI and structured-append headers add no bytes",
            "segments": "segno's segmentation (adjacent same-mode inputs merge), with the ECI header segno "
                        "writes before non-Latin-1 byte segments when eci is true",
            "data_codewords_hex": "segno's data codewords before interleaving (its own _encode steps)",
            "terminator_ok/padding_ok/trailing_data": "checked in this script on segno's data codewords; segno 1.6.6 "
                "adds a whole 0x00 byte when the terminator ends on a codeword boundary (ISO/IEC 18004 7.4.10 "
                "adds fill bits only when it does not), so such symbols expect padding_ok false, trailing_data 1",
            "damage": "no damaged matrices are stored: tests flip codewords of these matrices themselves",
        },
        "vectors": all_versions() + version1_grid() + specials(),
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(manifest, indent=1, ensure_ascii=False, sort_keys=True)
    target.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {len(manifest['vectors'])} vectors to {target}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Write the conformance vector corpus of TestVectors/conformance/ (deterministic): one folder per area, each with
manifest.json (format: TestVectors/conformance/schema/manifest.schema.json) and, for image vectors, its PNGs.

Payload-only vectors (areas payload, signature) hold the exact payload bytes; image vectors (area symbol) are
phone-sized screenshots (1080x2340, grayscale, flat colours) with app chrome and text, light and dark mode, the code
at various sizes and positions. Codes come from segno (an encoder we did not write), signatures from
scripts/sign_payload.py with the TEST-ONLY keys. Expected outcomes are written here by hand per rule and per spec
version; what the 1.2 draft changes is spelled out in `for_versions`.

Usage: gen_conformance_vectors.py [--check] [--schema]
  --check   regenerate into a temp dir and compare bytes with the committed corpus (exit 1 naming what differs)
  --schema  validate every manifest against TestVectors/conformance/schema/manifest.schema.json (needs jsonschema)
"""
import base64
import json
import os
import random
import sys
import tempfile

import segno
from segno import consts
from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_symbol_vectors import ALL_FORMAT_WORDS, far_word, format_positions, write_bits  # noqa: E402
from sign_payload import EXAMPLE, KEYS, sign_payload  # noqa: E402

OUT = os.path.join(HERE, "..", "TestVectors", "conformance")
FORMAT_VERSION = 1
SPEC_ID = "vn-personal-qr"
VERSIONS = ["1.1", "1.2"]
GENERATOR = "scripts/gen_conformance_vectors.py"
AT = "2026-06-01T00:00:00Z"
MAIN_TL = "../../keys/test-trust-list.jwks.json"
W, H = 1080, 2340

PAY = [f"PAY-{i:03d}" for i in range(1, 13)]
SIG = [f"SIG-{i:03d}" for i in range(1, 7)]
SYM = [f"SYM-{i:03d}" for i in range(1, 19)]  # SYM-019 (the ladder) has vectors of its own: scannability_vectors


def key(label):
    with open(KEYS / f"test-only-key-{label}.private.jwk.json") as f:
        return json.load(f)


def for_versions(expected, ec=None):
    """Expected outcomes per spec version. The 1.2 draft raises SYM-002's minimum to Q and makes PAY-010 an error."""
    v12 = dict(expected)
    if v12.get("PAY-010") == "warn":
        v12["PAY-010"] = "fail"
    if "SYM-002" in v12 and ec in ("L", "M"):
        v12["SYM-002"] = "fail"
    return {"1.1": dict(sorted(expected.items())), "1.2": dict(sorted(v12.items()))}


def spec_severities():
    """Rule id -> severity, per shipped spec version."""
    result = {}
    for version in VERSIONS:
        with open(os.path.join(HERE, "..", "spec", SPEC_ID, version, "rules.json"), encoding="utf-8") as f:
            result[version] = {rule["id"]: rule["severity"] for rule in json.load(f)["rules"]}
    return result


VERDICT_ORDER = ["pass", "inconclusive", "fail", "error"]


def verdicts(expected, floor="pass"):
    """The verdict `check` or `certify` gives, per spec version, from expectations that assert every rule able to
    decide it: fail when an error-severity rule fails, inconclusive when one is inconclusive, else pass; never better
    than `floor` (what the rules left unasserted are known to give)."""
    severities = spec_severities()
    result = {}
    for version, rules in expected.items():
        error_outcomes = {o for r, o in rules.items() if severities[version].get(r) == "error"}
        verdict = "fail" if "fail" in error_outcomes else "inconclusive" if "inconclusive" in error_outcomes else "pass"
        result[version] = max(verdict, floor, key=VERDICT_ORDER.index)
    return result


def outcomes(rules, **changes):
    """Every rule in `rules` passes except the ones named (PAY_004="fail" style keys)."""
    result = {rule: "pass" for rule in rules}
    for name, outcome in changes.items():
        result[name.replace("_", "-")] = outcome
    return result


def inapplicable(rules, **changes):
    """Every rule in `rules` does not apply (a premise failed elsewhere) except the ones named."""
    result = {rule: "not_applicable" for rule in rules}
    for name, outcome in changes.items():
        result[name.replace("_", "-")] = outcome
    return result


# ---------------------------------------------------------------- payload area

BASE = EXAMPLE.decode("ascii")
ID, NAME, BIRTH, KIND, QID, EXT = BASE.split("|")
EXT_FIELDS = EXT.split("<")


def payload(id_=ID, name=NAME, birth=BIRTH, kind=KIND, qid=QID, ext=None):
    ext_text = "<".join(EXT_FIELDS if ext is None else ext)
    return "|".join([id_, name, birth, kind, qid, ext_text])


def ext(on_behalf="", gender="1", insurance="HS4010120878821", phone="0944713700", *more):
    return [on_behalf, gender, insurance, phone, *more]


PAYLOAD_GROUPS = [
    ("pay-001-ascii", "Printable ASCII only (bytes 0x20-0x7E).", [
        ("published-example", "The published example payload.", BASE, {}, ["valid"]),
        ("tilde-upper-bound", "0x7E in EXT position 5 (the highest allowed byte).",
         payload(ext=ext("", "1", "HS4010120878821", "0944713700", "", "~")), {}, ["boundary", "valid"]),
        ("del-byte", "0x7F (DEL) in EXT position 5.",
         payload(ext=ext("", "1", "HS4010120878821", "0944713700", "", "\x7f")), {"PAY_001": "fail"}, ["control-byte"]),
        ("unit-separator", "0x1F in EXT position 5.",
         payload(ext=ext("", "1", "HS4010120878821", "0944713700", "", "\x1f")), {"PAY_001": "fail"}, ["control-byte"]),
        ("nul-byte", "A NUL byte in EXT position 5.",
         payload(ext=ext("", "1", "HS4010120878821", "0944713700", "", "\x00")), {"PAY_001": "fail"}, ["control-byte"]),
        ("diacritics-name", "The name with Vietnamese diacritics (UTF-8).",
         payload(name="NGUYỄN LÊ KHA HÂN"), {"PAY_001": "fail", "PAY_005": "fail"}, ["non-ascii"]),
        ("utf8-bom", "A UTF-8 byte order mark before the payload.",
         "\ufeff" + BASE, {"PAY_001": "fail", "PAY_003": "fail"}, ["non-ascii"]),
        ("invalid-utf8", "Byte 0xFF inside the name.",
         b"|".join([ID.encode(), b"NGUYEN \xff HAN", BIRTH.encode(), KIND.encode(), QID.encode(), EXT.encode()]),
         {"PAY_001": "fail", "PAY_005": "fail"}, ["non-ascii"]),
    ]),
    ("pay-002-fields", "Exactly 6 fields separated by |; the field rules do not apply without them.", [
        ("five-fields", "EXT and its separator missing.", "|".join(BASE.split("|")[:5]),
         inapplicable(PAY, PAY_001="pass", PAY_002="fail"), ["field-count"]),
        ("seven-fields", "An extra field after EXT.", BASE + "|X",
         inapplicable(PAY, PAY_001="pass", PAY_002="fail"), ["field-count"]),
        ("empty", "An empty payload.", "", inapplicable(PAY, PAY_001="pass", PAY_002="fail"), ["field-count"]),
        ("leading-bar", "A | before the ID number.", "|" + BASE,
         inapplicable(PAY, PAY_001="pass", PAY_002="fail"), ["field-count"]),
        ("empty-ext", "Six fields, EXT empty.", payload(ext=[""]), {}, ["valid", "minimal"]),
    ]),
    ("pay-003-id-number", "SoGiayTo is a CMND (9 digits), CCCD (12 digits) or passport number (6-20 A-Z/0-9).", [
        ("cmnd", "A 9-digit CMND number.", payload(id_="123456789"), {}, ["valid"]),
        ("passport", "A Vietnamese passport number: one letter, 7 digits.", payload(id_="C1234567"), {}, ["valid"]),
        ("passport-20", "A 20-character passport number (upper bound).", payload(id_="AB345678901234567890"), {},
         ["boundary", "valid"]),
        ("passport-6", "A 6-character passport number (lower bound).", payload(id_="AB3456"), {},
         ["boundary", "valid"]),
        ("ten-digits", "10 digits: neither CMND nor CCCD.", payload(id_="0010930293"), {"PAY_003": "fail"}, []),
        ("passport-5", "A 5-character passport number.", payload(id_="AB345"), {"PAY_003": "fail"}, ["boundary"]),
        ("passport-21", "A 21-character passport number.", payload(id_="AB3456789012345678901"),
         {"PAY_003": "fail"}, ["boundary"]),
        ("lowercase", "A passport number in lowercase.", payload(id_="c1234567"), {"PAY_003": "fail"}, []),
        ("dash", "A dash inside the number.", payload(id_="001093-029317"), {"PAY_003": "fail"}, []),
        ("empty-id", "An empty ID number.", payload(id_=""), {"PAY_003": "fail"}, []),
    ]),
    ("pay-004-full-values", "The code carries full values: no * in SoGiayTo, NgaySinh or EXT.", [
        ("masked-id", "The ID number masked as on screen.", payload(id_="******029317"),
         {"PAY_003": "fail", "PAY_004": "fail"}, ["masked"]),
        ("masked-birth", "The birth date masked as YYYY-**-**.", payload(birth="1987-**-**"),
         {"PAY_004": "fail", "PAY_006": "fail"}, ["masked"]),
        ("masked-phone", "The phone number masked.", payload(ext=ext("", "1", "HS4010120878821", "*******700")),
         {"PAY_004": "fail", "PAY_011": "warn"}, ["masked"]),
        ("masked-insurance", "The insurance number masked.", payload(ext=ext("", "1", "************821")),
         {"PAY_004": "fail", "PAY_010": "warn"}, ["masked"]),
        ("star-in-name", "A * in the name: PAY-004 looks only at SoGiayTo, NgaySinh and EXT.",
         payload(name="NGUYEN *** HAN"), {"PAY_005": "fail"}, []),
    ]),
    ("pay-005-name", "HoTen: uppercase A-Z words, single spaces, at most 100 characters.", [
        ("single-word", "A one-word name.", payload(name="HAN"), {}, ["valid"]),
        ("name-100", "A 100-character name (upper bound).", payload(name=("NGUYEN " * 15)[:99] + "A"), {},
         ["boundary", "valid"]),
        ("name-101", "A 101-character name.", payload(name=("NGUYEN " * 15)[:100] + "A"), {"PAY_005": "fail"},
         ["boundary"]),
        ("lowercase-name", "The name in mixed case.", payload(name="Nguyen Le Kha Han"), {"PAY_005": "fail"}, []),
        ("double-space", "Two spaces between words.", payload(name="NGUYEN  LE KHA HAN"), {"PAY_005": "fail"}, []),
        ("leading-space", "A space before the name.", payload(name=" NGUYEN LE KHA HAN"), {"PAY_005": "fail"}, []),
        ("trailing-space", "A space after the name.", payload(name="NGUYEN LE KHA HAN "), {"PAY_005": "fail"}, []),
        ("empty-name", "An empty name.", payload(name=""), {"PAY_005": "fail"}, []),
        ("digit-in-name", "A digit in the name.", payload(name="NGUYEN VAN 2"), {"PAY_005": "fail"}, []),
        ("hyphen-in-name", "A hyphen in the name.", payload(name="NGUYEN-LE KHA HAN"), {"PAY_005": "fail"}, []),
    ]),
    ("pay-006-birth-date", "NgaySinh: YYYY-MM-DD, a real date from 1900-01-01 to the validation date (2026-06-01).", [
        ("leap-day", "2020-02-29, a real leap day.", payload(birth="2020-02-29"), {}, ["valid"]),
        ("earliest", "1900-01-01 (lower bound).", payload(birth="1900-01-01"), {}, ["boundary", "valid"]),
        ("validation-day", "Born on the validation date (upper bound).", payload(birth="2026-06-01"), {},
         ["boundary", "valid"]),
        ("not-leap", "2021-02-29 does not exist.", payload(birth="2021-02-29"), {"PAY_006": "fail"}, []),
        ("before-earliest", "1899-12-31.", payload(birth="1899-12-31"), {"PAY_006": "fail"}, ["boundary"]),
        ("future", "The day after the validation date.", payload(birth="2026-06-02"), {"PAY_006": "fail"},
         ["boundary"]),
        ("dd-mm-yyyy", "18/01/1987.", payload(birth="18/01/1987"), {"PAY_006": "fail"}, []),
        ("unpadded", "1987-1-18.", payload(birth="1987-1-18"), {"PAY_006": "fail"}, []),
        ("month-13", "1987-13-01.", payload(birth="1987-13-01"), {"PAY_006": "fail"}, []),
    ]),
    ("pay-007-identification-type", "LoaiDinhDanh is 0 or 1.", [
        ("on-behalf", "LoaiDinhDanh 1 with the declarer's QID in EXT position 0.",
         payload(kind="1", ext=ext("987654321012345678")), {}, ["valid", "on-behalf"]),
        ("two", "LoaiDinhDanh 2.", payload(kind="2"), {"PAY_007": "fail"}, []),
        ("empty-kind", "LoaiDinhDanh empty.", payload(kind=""), {"PAY_007": "fail"}, []),
        ("zero-padded", "LoaiDinhDanh 00.", payload(kind="00"), {"PAY_007": "fail"}, []),
    ]),
    ("pay-008-qid", "QID: 1-64 ASCII letters and digits.", [
        ("qid-letters", "A QID of letters and digits.", payload(qid="ABC123xyz"), {}, ["valid"]),
        ("qid-64", "A 64-character QID (upper bound).", payload(qid="1" * 64), {}, ["boundary", "valid"]),
        ("qid-65", "A 65-character QID.", payload(qid="1" * 65), {"PAY_008": "fail"}, ["boundary"]),
        ("qid-empty", "An empty QID.", payload(qid=""), {"PAY_008": "fail"}, []),
        ("qid-dash", "A dash in the QID.", payload(qid="1629-7938"), {"PAY_008": "fail"}, []),
    ]),
    ("pay-009-gender", "EXT position 1 (gender) is empty or 0, 1 or 2.", [
        ("gender-empty", "Gender empty.", payload(ext=ext("", "")), {}, ["valid"]),
        ("gender-2", "Gender 2.", payload(ext=ext("", "2")), {}, ["valid"]),
        ("gender-3", "Gender 3.", payload(ext=ext("", "3")), {"PAY_009": "fail"}, []),
        ("gender-letter", "Gender M.", payload(ext=ext("", "M")), {"PAY_009": "fail"}, []),
    ]),
    ("pay-010-insurance", "EXT position 2 (insurance number) is empty or 2 letters and 13 digits: a warning in 1.1, "
     "an error in the 1.2 draft.", [
        ("insurance-empty", "Insurance number empty.", payload(ext=ext("", "1", "")), {}, ["valid"]),
        ("insurance-short", "14 characters.", payload(ext=ext("", "1", "HS401012087882")), {"PAY_010": "warn"},
         ["severity-changes"]),
        ("insurance-lowercase", "Letters in lowercase.", payload(ext=ext("", "1", "hs4010120878821")),
         {"PAY_010": "warn"}, ["severity-changes"]),
        ("insurance-digits-only", "15 digits.", payload(ext=ext("", "1", "104010120878821")),
         {"PAY_010": "warn"}, ["severity-changes"]),
    ]),
    ("pay-011-phone", "EXT position 3 (phone) is empty or 10 digits starting with 0.", [
        ("phone-empty", "Phone empty.", payload(ext=ext("", "1", "HS4010120878821", "")), {}, ["valid"]),
        ("phone-plus84", "+84 international form.", payload(ext=ext("", "1", "HS4010120878821", "+84944713700")),
         {"PAY_011": "warn"}, []),
        ("phone-9", "9 digits.", payload(ext=ext("", "1", "HS4010120878821", "944713700")), {"PAY_011": "warn"}, []),
        ("phone-prefix", "10 digits not starting with 0.",
         payload(ext=ext("", "1", "HS4010120878821", "1944713700")), {"PAY_011": "warn"}, []),
        ("phone-11", "11 digits.", payload(ext=ext("", "1", "HS4010120878821", "09447137001")),
         {"PAY_011": "warn"}, []),
    ]),
    ("pay-012-on-behalf", "LoaiDinhDanh is 1 if and only if EXT position 0 holds the declarer's QID.", [
        ("self-declared", "LoaiDinhDanh 0, EXT position 0 empty.", BASE, {}, ["valid"]),
        ("on-behalf-without-qid", "LoaiDinhDanh 1, EXT position 0 empty.", payload(kind="1"),
         {"PAY_012": "warn"}, ["on-behalf"]),
        ("qid-without-on-behalf", "LoaiDinhDanh 0, EXT position 0 set.", payload(ext=ext("987654321012345678")),
         {"PAY_012": "warn"}, ["on-behalf"]),
    ]),
]


def payload_field(data):
    """The manifest's payload member: text when printable-safe JSON, else base64."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        text = raw.decode("utf-8")
        if all(0x20 <= b < 0x7F for b in raw):
            return {"payload": text}
    except UnicodeDecodeError:
        pass
    return {"payload_base64": base64.b64encode(raw).decode("ascii")}


def payload_manifest():
    groups = []
    for group_id, description, vectors in PAYLOAD_GROUPS:
        rule = "PAY-" + group_id.split("-")[1]
        entries = []
        for vid, vdesc, data, changes, flags in vectors:
            expected = changes if "PAY-001" in changes else outcomes(PAY, **changes)
            entries.append({
                "id": f"{group_id.split('-')[0]}-{group_id.split('-')[1]}-{vid}",
                "description": vdesc,
                "flags": sorted(flags),
                "provenance": {"generator": GENERATOR, "parameters": {"base": "published example", "change": vid}},
                **payload_field(data),
                "expected": for_versions(expected),
            })
        groups.append({"id": group_id, "description": description, "rules": [rule],
                       "clause": "spec/vn-personal-qr/<version>/README.md, " + rule, "vectors": entries})
    return manifest("payload", "Payload-only vectors for every payload rule: each changes one thing in the published "
                    "example; every payload rule is asserted on every vector.", groups, PAYLOAD_NOTES, {})


PAYLOAD_NOTES = {
    "valid": "Every asserted rule passes.",
    "boundary": "The value sits exactly on a parameter's limit or one step beyond it.",
    "control-byte": "Holds a byte below 0x20 or 0x7F.",
    "non-ascii": "Holds bytes above 0x7E (UTF-8, a BOM or invalid UTF-8).",
    "field-count": "Not six |-separated fields: the field rules are not applicable, with the reason 'see PAY-002'.",
    "minimal": "The shortest well-formed payload shape.",
    "masked": "A value masked with * as it may be shown on screen: the code must carry it in full.",
    "on-behalf": "About LoaiDinhDanh 1 (declared on someone's behalf) and EXT position 0.",
    "severity-changes": "The rule's severity differs between spec versions, so the expected outcome does too.",
}


# ---------------------------------------------------------------- signature area

def signed(data, label="1"):
    return sign_payload(data.encode("ascii") if isinstance(data, str) else data, key(label)).decode("ascii")


def replace_signature(text, new_sig_field):
    head, _, _ = text.rpartition("<")
    return head + "<" + new_sig_field


def sig_field(text):
    return text.rpartition("<")[2]


def flip_b64(text, index):
    """The base64url text with one character changed, still base64url."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    ch = text[index]
    return text[:index] + alphabet[(alphabet.index(ch) + 1) % 64] + text[index + 1:]


def signature_groups():
    good = signed(BASE)
    kid, sig = sig_field(good).split(".")
    raw_sig = base64.urlsafe_b64decode(sig + "==")
    b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode("ascii")  # noqa: E731
    by_key2_as_key1 = replace_signature(good, kid + "." + sig_field(signed(BASE, "2")).split(".")[1])
    all_pass = outcomes(SIG + PAY)
    no_sig = outcomes(SIG + PAY, SIG_001="fail", SIG_002="not_applicable", SIG_003="not_applicable", SIG_004="not_applicable", SIG_005="not_applicable")
    malformed = outcomes(SIG + PAY, SIG_002="fail", SIG_003="not_applicable", SIG_004="not_applicable", SIG_005="not_applicable")
    main = [
        ("valid-key-1", "Signed by TEST-ONLY key 1, which the trust list holds.", good, all_pass, ["valid"]),
        ("valid-on-behalf", "A payload declared on someone's behalf, signed by key 1.",
         signed(payload(kind="1", ext=ext("987654321012345678"))), all_pass, ["valid", "on-behalf"]),
        ("valid-minimal-ext", "EXT empty before signing (padded to 4 positions), signed by key 1.",
         signed(payload(ext=[""])), all_pass, ["valid", "minimal"]),
        ("absent", "No EXT position 4.", BASE, no_sig, ["unsigned"]),
        ("empty-position-4", "EXT position 4 present but empty.", BASE + "<", no_sig, ["unsigned"]),
        ("no-dot", "KID and SIG without the separating dot.", replace_signature(good, kid + sig), malformed,
         ["malformed-signature"]),
        ("padding", "Base64 padding '=' after the signature.", good + "=", malformed, ["malformed-signature"]),
        ("plus-slash", "Standard base64 '+' instead of base64url.", replace_signature(good, kid + "." + "+" + sig[1:]),
         malformed, ["malformed-signature"]),
        ("sig-63-bytes", "A 63-byte signature.", replace_signature(good, kid + "." + b64(raw_sig[:63])), malformed,
         ["malformed-signature"]),
        ("sig-65-bytes", "A 65-byte signature.", replace_signature(good, kid + "." + b64(raw_sig + b"\x00")),
         malformed, ["malformed-signature"]),
        ("kid-7-bytes", "A 7-byte key id.",
         replace_signature(good, b64(base64.urlsafe_b64decode(kid + "=")[:7]) + "." + sig), malformed,
         ["malformed-signature"]),
        ("unknown-key", "Signed by the TEST-ONLY key that no trust list holds.", signed(BASE, "unknown"),
         outcomes(SIG + PAY, SIG_003="fail", SIG_004="not_applicable", SIG_005="not_applicable"), ["key"]),
        ("tampered-name", "One letter of the name changed after signing.", good.replace("KHA", "KHE", 1),
         outcomes(SIG + PAY, SIG_005="fail"), ["tampered"]),
        ("tampered-id", "One digit of the ID number changed after signing.", good.replace("001093029317",
                                                                                          "001093029318", 1),
         outcomes(SIG + PAY, SIG_005="fail"), ["tampered"]),
        ("tampered-phone", "The phone number changed after signing.", good.replace("0944713700", "0944713701", 1),
         outcomes(SIG + PAY, SIG_005="fail"), ["tampered"]),
        ("tampered-signature", "One character of the signature changed.",
         replace_signature(good, kid + "." + flip_b64(sig, 20)), outcomes(SIG + PAY, SIG_005="fail"), ["tampered"]),
        ("wrong-key-same-kid", "Key 2's signature under key 1's kid.", by_key2_as_key1,
         outcomes(SIG + PAY, SIG_005="fail"), ["tampered", "key"]),
        ("masked-after-signing", "The ID number masked after signing.", good.replace("001093", "******", 1),
         outcomes(SIG + PAY, SIG_005="fail", PAY_003="fail", PAY_004="fail"), ["tampered", "masked"]),
        ("appended-after-signature", "An EXT position after the signature.", good + "<EXTRA",
         outcomes(SIG + PAY, SIG_006="fail"), ["unsigned-data"]),
        ("appended-empty-position", "An empty EXT position after the signature.", good + "<",
         outcomes(SIG + PAY, SIG_006="fail"), ["unsigned-data"]),
    ]
    revoked = [
        ("revoked-key-2", "Signed by key 2, listed in the trust list's revoked kids.", signed(BASE, "2"),
         outcomes(SIG + PAY, SIG_004="fail"), ["key", "revoked"]),
        ("key-1-beside-revoked", "Signed by key 1, valid in the same trust list.", good, all_pass, ["valid"]),
    ]
    window_payload = signed(BASE, "3")
    window = [
        ("before-nbf", "One second before key 3's nbf (2025-01-01T00:00:00Z).", "2024-12-31T23:59:59Z",
         outcomes(SIG + PAY, SIG_004="fail"), ["key", "window", "boundary"]),
        ("at-nbf", "Exactly at nbf: valid.", "2025-01-01T00:00:00Z", all_pass, ["valid", "window", "boundary"]),
        ("before-exp", "One second before exp (2027-01-01T00:00:00Z).", "2026-12-31T23:59:59Z", all_pass,
         ["valid", "window", "boundary"]),
        ("at-exp", "Exactly at exp: expired.", "2027-01-01T00:00:00Z", outcomes(SIG + PAY, SIG_004="fail"),
         ["key", "window", "boundary"]),
    ]
    no_list = [
        ("no-trust-list", "Signed by key 1, judged without a trust list: the key and verification rules are inconclusive "
         "(the run's verdict is error).", good,
         outcomes(SIG + PAY, SIG_003="inconclusive", SIG_004="inconclusive", SIG_005="inconclusive"), ["no-trust-list"]),
    ]
    return [
        ("sig-main", "Signatures judged against the main TEST-ONLY trust list (key 1).", MAIN_TL, None, main),
        ("sig-revoked", "Trust list with keys 1 and 2, key 2 revoked.", "../../keys/test-trust-list-revoked.jwks.json",
         None, revoked),
        ("sig-window", "Trust list with key 3, valid from 2025-01-01 until 2027-01-01; validation time per vector.",
         "../../keys/test-trust-list-window.jwks.json", "window", window),
        ("sig-no-trust-list", "No trust list given.", None, None, no_list),
    ]


def signature_manifest():
    groups = []
    window_payload = signed(BASE, "3")
    for group_id, description, trust_list, kind, vectors in signature_groups():
        entries = []
        for vector in vectors:
            vid, vdesc = vector[0], vector[1]
            entry = {"id": f"{group_id}-{vid}", "description": vdesc}
            if kind == "window":
                at, expected, flags = vector[2], vector[3], vector[4]
                entry.update({"flags": sorted(flags), "validation_time": at})
                data = window_payload
            else:
                data, expected, flags = vector[2], vector[3], vector[4]
                entry["flags"] = sorted(flags)
            entry["provenance"] = {"generator": GENERATOR,
                                   "parameters": {"signer": "scripts/sign_payload.py (RFC 6979)", "change": vid}}
            entry.update(payload_field(data))
            entry["expected"] = for_versions(expected)
            entries.append(entry)
        group = {"id": group_id, "description": description, "rules": SIG,
                 "clause": "spec/vn-personal-qr/<version>/README.md, Signature profile", "vectors": entries}
        group["trust_list"] = trust_list
        groups.append(group)
    return manifest("signature", "Payload-only vectors for the signature profile (EXT position 4 = KID.SIG, ES256), "
                    "signed with the TEST-ONLY keys of TestVectors/keys; payload rules are asserted too.",
                    groups, SIGNATURE_NOTES, {})


SIGNATURE_NOTES = {
    "valid": "Every asserted rule passes.",
    "on-behalf": "LoaiDinhDanh 1 with the declarer's QID in EXT position 0.",
    "minimal": "EXT was empty before signing.",
    "unsigned": "No signature in EXT position 4.",
    "malformed-signature": "EXT position 4 is not KID.SIG in strict base64url with an 8-byte kid and 64-byte "
                           "signature.",
    "key": "About the signing key: unknown, revoked or outside its window.",
    "revoked": "The key is in the trust list's revoked list.",
    "window": "The validation time sits at a bound of the key's nbf/exp window.",
    "boundary": "Exactly at a bound or one second from it.",
    "tampered": "Bytes changed after signing: the signature no longer verifies.",
    "masked": "A value masked with * in the code.",
    "unsigned-data": "EXT positions after the signature, which it does not cover.",
    "no-trust-list": "Judged without a trust list: the rules that need one are inconclusive, which is the point.",
}


# ---------------------------------------------------------------- symbol area (images)

def font(size):
    return ImageFont.load_default(size=size)


def qr_matrix(data, error="q", version=None, mask=None, mode=None, eci=False, encoding=None):
    qr = segno.make_qr(data, error=error, version=version, mask=mask, mode=mode, eci=eci, encoding=encoding,
                       boost_error=False)
    return [list(row) for row in qr.matrix], qr


def render_code(matrix, scale=10, border=4, dark=0, light=255, scale_y=None):
    """The code as a grayscale image with its quiet zone, each module scale x scale_y pixels."""
    sy = scale_y or scale
    n = len(matrix) + 2 * border
    img = Image.new("L", (n, n), light)
    for r, row in enumerate(matrix):
        for c, v in enumerate(row):
            if v:
                img.putpixel((c + border, r + border), dark)
    return img.resize((n * scale, n * sy), Image.NEAREST)


def screen(codes, dark_mode=False, title="Ma QR ca nhan", positions=None, card=None, frame=None, overlay=None):
    """A phone screenshot: status bar, app bar, the code(s), and the person's masked data as text."""
    bg, fg, bar = (18, 230, 45) if dark_mode else (246, 20, 225)
    img = Image.new("L", (W, H), bg)
    d = ImageDraw.Draw(img)
    d.fontmode = "1"
    d.rectangle([0, 0, W, 90], fill=bar)
    d.text((40, 22), "09:41", fill=fg, font=font(40))
    d.rectangle([0, 90, W, 250], fill=bar)
    d.text((40, 130), title, fill=fg, font=font(64))
    placed = []
    y = 360
    for index, code in enumerate(codes):
        x, top = positions[index] if positions else ((W - code.width) // 2, y)
        if card is not None:
            pad, shade = card
            d.rectangle([x - pad, top - pad, x + code.width + pad - 1, top + code.height + pad - 1], fill=shade)
        if frame is not None:
            pad, shade = frame
            d.rectangle([x - pad, top - pad, x + code.width + pad - 1, top + code.height + pad - 1], fill=shade)
        img.paste(code, (x, top))
        placed.append((x, top, code.width, code.height))
        y = top + code.height + 100
    text_y = max(top + h for _, top, _, h in placed) + 80 if placed else 600
    for line in ["NGUYEN LE KHA HAN", "So giay to: ******029317", "Ngay sinh: 1987-**-**", "QID: 162979388586171100"]:
        d.text((60, text_y), line, fill=fg, font=font(44))
        text_y += 70
    d.rectangle([0, H - 160, W, H], fill=bar)
    for i, label in enumerate(["Trang chu", "Ma QR", "Cai dat"]):
        d.text((90 + i * 340, H - 110), label, fill=fg, font=font(40))
    if overlay:
        overlay(d, placed)
    return img


def destroy_format_copy(matrix, copy_index, seed):
    n = len(matrix)
    positions = format_positions(n)[copy_index]
    write_bits(matrix, positions, far_word(random.Random(seed), 15, ALL_FORMAT_WORDS))
    return matrix


def cover(fraction_modules, border=4, shade=200):
    """An overlay drawing a light box with a label over the centre of the first code (like a logo)."""
    def draw(d, placed):
        x, y, w, h = placed[0]
        side = int(w * fraction_modules)
        cx, cy = x + w // 2, y + h // 2
        d.rectangle([cx - side // 2, cy - side // 2, cx + side // 2, cy + side // 2], fill=shade)
        d.text((cx - side // 2 + 8, cy - 20), "LOGO", fill=40, font=font(36))
    return draw


def resampled(img, factor):
    return img.resize((round(img.width * factor), round(img.height * factor)), Image.BILINEAR)


def symbol_vectors():
    good = signed(BASE).encode("ascii")
    unsigned_short = BASE.encode("ascii")
    m_q, _ = qr_matrix(good, "q", mode="byte")
    m_m, _ = qr_matrix(good, "m", mode="byte")
    m_l, _ = qr_matrix(good, "l", mode="byte")
    m_h, _ = qr_matrix(good, "h", mode="byte")
    m_v15, _ = qr_matrix(good, "q", version=15, mode="byte")
    m_v13m, _ = qr_matrix(good, "m", version=13, mode="byte")
    masked = good.replace(b"001093029317", b"******029317", 1)
    tampered = good.replace(b"KHA", b"KHE", 1)
    ok = outcomes(SYM + SIG + PAY, SYM_017="inconclusive")
    ok_phys = outcomes(SYM + SIG + PAY)
    V = []

    def add(vid, desc, img, expected, flags, params, ppi=None, ec="Q"):
        V.append((vid, desc, img, expected, flags, params, ppi, ec))

    add("clean-light-center", "Conformant: level Q, 12 px modules, centred, light mode, 460 ppi.",
        screen([render_code(m_q, 12)]), ok_phys, ["valid", "light"], {"ec": "Q", "scale": 12}, ppi=460)
    add("clean-dark-card", "Conformant: dark mode app, code on a white card, 10 px modules.",
        screen([render_code(m_q, 10)], dark_mode=True, card=(40, 255)), ok, ["valid", "dark"],
        {"ec": "Q", "scale": 10})
    add("clean-top-left-small", "Conformant: 6 px modules near the top left.",
        screen([render_code(m_q, 6)], positions=[(40, 300)]), ok, ["valid", "light", "position"],
        {"ec": "Q", "scale": 6, "at": [40, 300]})
    add("clean-bottom-right", "Conformant: 8 px modules near the bottom right, dark mode on a card.",
        screen([render_code(m_q, 8)], dark_mode=True, card=(30, 250), positions=[(W - 40 - 73 * 8, 1500)]),
        ok, ["valid", "dark", "position"], {"ec": "Q", "scale": 8, "at": "bottom right"})
    add("clean-large", "Conformant: 14 px modules filling the width.", screen([render_code(m_q, 14)]), ok,
        ["valid", "light"], {"ec": "Q", "scale": 14})
    add("ec-level-l", "Level L: below the minimum M.", screen([render_code(m_l, 12)]),
        outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SYM_002="fail", SYM_003="warn"), ["ec-level"], {"ec": "L"}, ec="L")
    add("ec-level-m", "Level M: the 1.1 minimum, below the 1.2 draft's Q.", screen([render_code(m_m, 12)]),
        outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SYM_003="warn"), ["ec-level", "severity-changes"], {"ec": "M"},
        ec="M")
    add("ec-level-h", "Level H: the signed payload needs version 15, above the maximum 13.",
        screen([render_code(m_h, 10)]), outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SYM_004="fail"),
        ["ec-level", "version"], {"ec": "H"}, ec="H")
    add("version-15", "Version 15 at level Q where 12 suffices: above the maximum and the needed size.",
        screen([render_code(m_v15, 10)]),
        outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SYM_004="fail", SYM_005="warn"), ["version"], {"version": 15})
    add("version-13-m", "Version 13 at level M where 10 suffices: within the maximum, larger than needed.",
        screen([render_code(m_v13m, 10)]), outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SYM_005="warn", SYM_003="warn"),
        ["version", "ec-level"], {"version": 13, "ec": "M"}, ec="M")
    add("format-copy-destroyed", "The second format information copy overwritten with a non-codeword.",
        screen([render_code(destroy_format_copy([r[:] for r in m_q], 1, 7), 12)]),
        outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SYM_006="warn"), ["damage"], {"copy": 2})
    add("overlay-small", "A small logo box over the centre: some codewords need correcting.",
        screen([render_code(m_q, 12)], overlay=cover(0.12)),
        outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SYM_009="warn"), ["overlay"], {"box": 0.12})
    add("overlay-large", "A large logo box over the centre: most of the error correction is used.",
        screen([render_code(m_q, 12)], overlay=cover(0.26)),
        outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SYM_008="fail", SYM_009="warn"), ["overlay"], {"box": 0.26})
    add("no-quiet-zone", "A dark frame one module from the code.",
        screen([render_code(m_q, 10, border=1)], frame=(20, 40)),
        outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SYM_013="fail"), ["quiet-zone"], {"border": 1})
    add("quiet-zone-3", "A light card three modules wide on a dark screen.",
        screen([render_code(m_q, 10, border=3)], dark_mode=True),
        outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SYM_013="fail"), ["quiet-zone", "boundary", "dark"], {"border": 3})
    add("quiet-zone-4", "A light card exactly four modules wide on a dark screen.",
        screen([render_code(m_q, 10, border=4)], dark_mode=True), ok, ["quiet-zone", "boundary", "dark", "valid"],
        {"border": 4})
    add("inverted", "Light modules on a dark background in dark mode.",
        screen([render_code(m_q, 10, dark=255, light=0)], dark_mode=True),
        outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SYM_014="fail"), ["polarity", "dark"], {"inverted": True})
    add("antialiased", "Scaled by 0.77 with bilinear filtering: non-integer pitch and grey edges.",
        screen([resampled(render_code(m_q, 12), 0.77)]),
        outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SYM_012="warn"), ["scaling"], {"scale": 12, "resize": 0.77})
    add("two-codes", "The same code twice.", screen([render_code(m_q, 6), render_code(m_q, 6)]),
        {"SYM-001": "fail"}, ["count"], {"codes": 2})
    add("no-code", "The app screen without a code.", screen([]),
        inapplicable(SYM, SYM_001="fail"), ["count"], {"codes": 0})
    add("unmeasurable-low-contrast", "A crop of the code alone, grey 130 modules on grey 150: zbar reads it, the "
        "suite's reader cannot tell modules apart, so every measured rule is inconclusive (not pass).",
        render_code(m_q, 10, dark=130, light=150),
        outcomes(SYM + SIG + PAY, **{r.replace("-", "_"): "inconclusive" for r in SYM if r not in ("SYM-001", "SYM-014")}),
        ["unmeasurable", "contrast"], {"dark": 130, "light": 150})
    add("small-pitch", "3 px modules.", screen([render_code(m_q, 3)]),
        outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SYM_010="fail"), ["pitch"], {"scale": 3})
    add("pitch-5", "5 px modules, just above the minimum.", screen([render_code(m_q, 5)]), ok, ["pitch", "valid"],
        {"scale": 5})
    add("non-square", "12 px wide and 10 px tall modules.", screen([render_code(m_q, 12, scale_y=10)]),
        outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SYM_011="warn"), ["aspect"], {"scale": [12, 10]})
    add("low-contrast", "Grey 120 modules on grey 215.", screen([render_code(m_q, 12, dark=120, light=215)]),
        outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SYM_015="fail", SYM_016="warn"), ["contrast"],
        {"dark": 120, "light": 215})
    add("medium-contrast", "Grey 60 modules on grey 225: above the minimum, below the recommended.",
        screen([render_code(m_q, 12, dark=60, light=225)]),
        outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SYM_016="warn"), ["contrast"], {"dark": 60, "light": 225})
    add("physically-small", "6 px modules at 800 ppi: about 12 mm wide.", screen([render_code(m_q, 6)]),
        outcomes(SYM + SIG + PAY, SYM_017="fail"), ["physical-size"], {"scale": 6}, ppi=800)
    add("physically-large", "10 px modules at 326 ppi: about 50 mm wide.", screen([render_code(m_q, 10)]),
        ok_phys, ["physical-size", "valid"], {"scale": 10}, ppi=326)
    add("masked-payload", "The ID number masked inside the code after signing.",
        screen([render_code(qr_matrix(masked, "q", mode="byte")[0], 10)]),
        outcomes(SYM + SIG + PAY, SYM_017="inconclusive", PAY_003="fail", PAY_004="fail", SIG_005="fail"), ["masked"],
        {"masked": "SoGiayTo"})
    add("bad-signature", "The name changed after signing.", screen([render_code(qr_matrix(tampered, "q",
                                                                                          mode="byte")[0], 10)]),
        outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SIG_005="fail"), ["signature"], {"tampered": "HoTen"})
    add("unsigned", "The published example without a signature.",
        screen([render_code(qr_matrix(unsigned_short, "q", mode="byte")[0], 12)]),
        outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SIG_001="fail", SIG_002="not_applicable", SIG_003="not_applicable", SIG_004="not_applicable",
                 SIG_005="not_applicable"), ["signature"], {"signed": False})
    mixed = [(good[:12].decode("ascii"), consts.MODE_NUMERIC), (good[12:], consts.MODE_BYTE)]
    add("numeric-and-byte-segments", "The ID number in a numeric segment, the rest in a byte segment.",
        screen([render_code(qr_matrix(mixed, "q")[0], 12)]), ok, ["segments", "valid"], {"segments": "numeric,byte"})
    add("eci-segment", "An ECI designator (UTF-8) before the byte segment.",
        screen([render_code(qr_matrix(good.decode("ascii"), "q", mode="byte", eci=True, encoding="utf-8")[0], 12)]),
        outcomes(SYM + SIG + PAY, SYM_017="inconclusive", SYM_007="fail"), ["segments"], {"eci": "utf-8"})
    add("kanji-segment", "A Kanji segment appended as an extra EXT position.",
        screen([render_code(qr_matrix([(good + b"<", consts.MODE_BYTE), ("漢字", consts.MODE_KANJI)], "q")[0], 10)]),
        {"SYM-007": "fail", "PAY-001": "fail", "SIG-006": "fail", "SYM-001": "pass"}, ["segments", "non-ascii"],
        {"kanji": "漢字"})
    sequence = segno.make_sequence(good, symbol_count=2, error="q", mode="byte", boost_error=False)
    for part, qr in enumerate(sequence, start=1):
        add(f"structured-append-part-{part}", f"Part {part} of 2 of a structured-append sequence, shown alone.",
            screen([render_code([list(row) for row in qr.matrix], 10)]),
            {"SYM-001": "pass", "SYM-007": "fail", "SYM-018": "pass" if part == 1 else "fail"},
            ["segments", "structured-append"], {"structured_append": f"{part}/2"})
    return V


SYMBOL_NOTES = {
    "structured-append": "One symbol of a structured-append sequence (segno.make_sequence). zbar and the suite's "
                         "reader disagree on the bytes of the second part, which is what SYM-018 exists to catch.",
    "valid": "Every asserted rule passes.",
    "light": "Light-mode app screen.",
    "dark": "Dark-mode app screen.",
    "position": "The code away from the centre.",
    "ec-level": "About the error correction level.",
    "severity-changes": "A parameter or severity differs between spec versions, so the expected outcome does too.",
    "version": "About the QR version.",
    "damage": "Function-pattern information deliberately damaged.",
    "overlay": "Something drawn over the modules: codewords need correcting.",
    "quiet-zone": "About the light margin around the code.",
    "boundary": "Exactly at a parameter's limit or one step beyond it.",
    "polarity": "Light modules on a dark background.",
    "scaling": "Resampled instead of drawn at whole pixels per module.",
    "count": "Not exactly one code on screen.",
    "pitch": "About pixels per module.",
    "aspect": "Modules not square.",
    "contrast": "Grey instead of black and white.",
    "physical-size": "The PNG carries a pHYs density, so the width on screen is judged.",
    "masked": "A value masked with * in the code.",
    "unmeasurable": "The code is read but cannot be measured from its pixels: the measured rules are inconclusive.",
    "signature": "About the signature in EXT position 4.",
    "segments": "About the segment modes the encoder used.",
    "non-ascii": "The payload holds bytes above 0x7E.",
    "scannability": "Judged on the scannability ladder (SYM-019): the vector runner runs it for vectors asserting "
                    "SYM-019, as check --scannability does.",
}


def scannability_vectors():
    """SYM-019's vectors: the signed example (version 12, level Q) drawn small, each a crop of a screen with a 40 px
    margin; only SYM-019 is asserted. tests/QRHarnessTests/ScannabilityStageTests compares their margins."""
    good = signed(BASE).encode("ascii")
    m_q, _ = qr_matrix(good, "q", mode="byte")
    n = len(m_q) + 8

    def on_screen(code):
        img = Image.new("L", (code.width + 80, code.height + 80), 246)
        img.paste(code, (40, 40))
        return img

    crisp = render_code(m_q, 4, dark=76)
    bilinear = render_code(m_q, 2, dark=76).resize((4 * n, 4 * n), Image.BILINEAR)
    ladder = "the scannability ladder's checkpoint rung"
    return [
        ("scan-crisp-integer", "Whole pixels per module (4), contrast 0.70, 26 mm wide at 254 ppi: the smallest code "
         "the other symbol rules accept reads at " + ladder + ".", on_screen(crisp), {"SYM-019": "pass"},
         ["scannability", "valid"], {"scale": 4, "dark": 76}, 254),
        ("scan-bilinear-magnified", "The same code as a 2 px-per-module bitmap magnified twice with a bilinear "
         "filter, as on a 2x screen that did not multiply the bitmap (cwa-app-ios#3515): blurred module edges cost "
         "margin on the ladder.", on_screen(bilinear),
         {"SYM-019": "pass"}, ["scannability", "scaling"], {"scale": 4, "resampled": "bilinear from 2 px/module",
                                                             "dark": 76}, 254),
        ("scan-2px-400ppi", "2 px modules at 400 ppi: 11 mm wide, a webcam cannot resolve the modules.",
         on_screen(render_code(m_q, 2)), {"SYM-019": "warn"}, ["scannability", "physical-size"], {"scale": 2}, 400),
        ("scan-no-density", "The crisp code without a pHYs density: the physical ladder cannot run, the finding gives "
         "the module-relative margin.", on_screen(crisp), {"SYM-019": "inconclusive"}, ["scannability"],
         {"scale": 4, "dark": 76}, None),
    ]


# The verdict of the whole check of each crop (every rule, not only SYM-019): the 2 px code also fails SYM-010 and
# SYM-017; without a density SYM-017 is inconclusive too.
SCAN_VERDICTS = {"scan-crisp-integer": "pass", "scan-bilinear-magnified": "pass", "scan-2px-400ppi": "fail",
                 "scan-no-density": "inconclusive"}


def scannability_expected(expected):
    """SYM-019 is a warning in 1.1 and an error in the 1.2 draft."""
    v12 = {rule: "fail" if outcome == "warn" else outcome for rule, outcome in expected.items()}
    return {"1.1": dict(expected), "1.2": v12}


def symbol_manifest(out):
    groups, entries = [], []
    for vid, desc, img, expected, flags, params, ppi, ec in symbol_vectors():
        name = f"{vid}.png"
        kwargs = {"dpi": (ppi, ppi)} if ppi else {}
        img.save(os.path.join(out, name), optimize=False, compress_level=9, **kwargs)
        entry = {"id": f"sym-{vid}", "description": desc, "flags": sorted(flags),
                 "provenance": {"generator": GENERATOR, "parameters": {"encoder": "segno 1.6.6", **params,
                                                                       "ppi": ppi}},
                 "file": name, "expected": for_versions(expected, ec)}
        entry["expected_verdict"] = verdicts(entry["expected"])
        entries.append(entry)
    groups.append({"id": "sym-screenshots", "description": "Phone screenshots judged end to end (zbar, the suite's "
                   "reader, every rule); payloads signed by TEST-ONLY key 1.", "rules": SYM,
                   "clause": "spec/vn-personal-qr/<version>/README.md, symbol rules", "trust_list": MAIN_TL,
                   "vectors": entries})
    scan_entries = []
    for vid, desc, img, expected, flags, params, ppi in scannability_vectors():
        name = f"{vid}.png"
        kwargs = {"dpi": (ppi, ppi)} if ppi else {}
        img.save(os.path.join(out, name), optimize=False, compress_level=9, **kwargs)
        scan_entries.append({"id": f"sym-{vid}", "description": desc, "flags": sorted(flags),
                             "provenance": {"generator": GENERATOR, "parameters": {"encoder": "segno 1.6.6", **params,
                                                                                   "ppi": ppi}},
                             "file": name, "expected": scannability_expected(expected),
                             "expected_verdict": {version: SCAN_VERDICTS[vid] for version in VERSIONS}})
    groups.append({"id": "sym-scannability", "description": "The code as checkpoint cameras see it (SYM-019): small "
                   "crops of screens, only SYM-019 asserted.", "rules": ["SYM-019"],
                   "clause": "spec/vn-personal-qr/<version>/README.md, SYM-019 and the scannability ladder",
                   "trust_list": MAIN_TL, "vectors": scan_entries})
    return manifest("symbol", "Image vectors: 1080x2340 grayscale screenshots with app chrome, the code at various "
                    "sizes, positions and renderings.", groups, SYMBOL_NOTES, {})


# ---------------------------------------------------------------- submission area (adapter)

SUBMISSIONS = os.path.join(HERE, "..", "TestVectors", "submissions")
SUB = [f"SUB-{i:03d}" for i in range(1, 6)]


def derived_submission(out, name, drop=(), extra=None, manifest_text=None, swap=None):
    """A copy of TestVectors/submissions/pass-acme with one thing changed, written to <out>/<name>/."""
    source = os.path.join(SUBMISSIONS, "pass-acme")
    target = os.path.join(out, name)
    os.makedirs(target, exist_ok=True)
    for file in sorted(os.listdir(source)):
        if file in drop:
            continue
        origin = os.path.join(SUBMISSIONS, swap[1], file) if swap and swap[0] == file else os.path.join(source, file)
        with open(origin, "rb") as f:
            data = f.read()
        if file == "submission.json" and manifest_text is not None:
            data = manifest_text.encode("utf-8")
        with open(os.path.join(target, file), "wb") as f:
            f.write(data)
    for file, data in (extra or {}).items():
        with open(os.path.join(target, file), "wb") as f:
            f.write(data)
    return name


def submission_manifest(out):
    """Submission vectors: helper-made submissions of TestVectors/submissions (made by scripts/gen_submissions.py)
    and variants of its conformant one, judged as `qrconform certify` judges them."""
    made = [
        ("pass-acme", "../../submissions/pass-acme", "The conformant example submission (folder).",
         outcomes(SUB), ["valid"]),
        ("pass-acme-zip", "../../submissions/pass-acme.zip", "The conformant example submission (zip).",
         outcomes(SUB), ["valid", "zip"]),
        ("fail-masked-payload", "../../submissions/fail-masked-payload", "Screenshots whose codes carry a masked ID.",
         outcomes(SUB, SUB_003="fail"), ["payload"]),
        ("fail-ec-level-l", "../../submissions/fail-ec-level-l", "One screenshot at level L, its pair at Q.",
         outcomes(SUB, SUB_005="warn"), ["symbol"]),
        ("fail-wrong-persona", "../../submissions/fail-wrong-persona", "A screenshot showing another persona's code.",
         outcomes(SUB, SUB_003="fail", SUB_005="warn"), ["payload"]),
        ("fail-missing-mode", "../../submissions/fail-missing-mode", "A persona without its full display mode.",
         outcomes(SUB, SUB_004="fail"), ["modes"]),
    ]
    listed = json.load(open(os.path.join(SUBMISSIONS, "pass-acme", "submission.json"), encoding="utf-8"))
    derived = [
        (derived_submission(out, "listed-file-missing", drop=("p02-full.png",)),
         "pass-acme with p02-full.png listed but absent.", outcomes(SUB, SUB_001="fail"), ["files", "derived"]),
        (derived_submission(out, "unlisted-file", extra={"extra.png": open(os.path.join(
            SUBMISSIONS, "pass-acme", "p01-default.png"), "rb").read()}),
         "pass-acme with a screenshot the manifest does not list.", outcomes(SUB, SUB_002="warn"), ["files", "derived"]),
        (derived_submission(out, "spec-unversioned", manifest_text=json.dumps(
            {**listed, "spec": SPEC_ID}, indent=2, ensure_ascii=False) + "\n"),
         "pass-acme naming the spec by id only, so it is judged by any version.", outcomes(SUB),
         ["valid", "derived", "spec-name"]),
        (derived_submission(out, "manifest-not-json", manifest_text="{ not json"),
         "pass-acme with submission.json that is not JSON.", {"SUB-001": "fail"}, ["files", "derived"]),
        (derived_submission(out, "no-pixel-density", manifest_text=json.dumps(
            {**listed, "screenshots": [{**shot, "device": "Unlisted phone", "ppi": None}
                                       if shot["file"] == "p01-full.png" else shot for shot in listed["screenshots"]]},
            indent=2, ensure_ascii=False) + "\n"),
         "pass-acme with p01-full.png taken on a phone neither the manifest's ppi nor the device catalogue describes: "
         "its on-screen size (SYM-017) cannot be judged, so the submission is inconclusive.",
         outcomes(SUB), ["derived", "inconclusive"]),
        (derived_submission(out, "mixed-ec-levels", swap=("p02-full.png", "fail-ec-level-l")),
         "pass-acme with P02's full-mode screenshot taken from fail-ec-level-l (level L).",
         outcomes(SUB, SUB_005="warn"), ["symbol", "derived"]),
    ]
    # Screenshots whose own rules fail (SYM-002: a code at level L), so the submission fails whatever SUB-* say.
    failing_screenshots = {"fail-ec-level-l", "mixed-ec-levels"}
    entries = []
    for vid, path, desc, expected, flags in made:
        versions = pinned_to_1_1(for_versions(expected))
        entries.append({"id": f"sub-{vid}", "description": desc, "flags": sorted(flags + ["spec-name"]),
                        "provenance": {"generator": "scripts/gen_submissions.py", "parameters": {"submission": vid}},
                        "submission": path, "expected": versions,
                        "expected_verdict": verdicts(versions, "fail" if vid in failing_screenshots else "pass")})
    for name, desc, expected, flags in derived:
        versions = for_versions(expected)
        versions = versions if name in ("spec-unversioned", "manifest-not-json") else pinned_to_1_1(versions)
        entries.append({"id": f"sub-{name}", "description": desc, "flags": sorted(set(flags + ["spec-name"])),
                        "provenance": {"generator": GENERATOR, "parameters": {"from": "pass-acme", "change": name}},
                        "submission": name, "expected": versions,
                        "expected_verdict": verdicts(versions, "fail" if name in failing_screenshots
                                                     else "inconclusive" if name == "no-pixel-density" else "pass")})
    groups = [{"id": "sub-certify", "description": "Submissions judged against the example test plan (personas P01, "
               "P02; display modes default and full).", "rules": SUB,
               "clause": "spec/vn-personal-qr/<version>/README.md, submission rules", "trust_list": MAIN_TL,
               "test_plan": "../../submissions/test-plan.json", "vectors": entries}]
    return manifest("submission", "Submission vectors: folders and zips of screenshots with submission.json, judged "
                    "by the submission rules.", groups, SUBMISSION_NOTES, {})


def pinned_to_1_1(versions):
    """A submission whose manifest names vn-personal-qr@1.1 fails SUB-001 when judged by 1.2."""
    if "SUB-001" in versions["1.2"]:
        versions["1.2"] = dict(sorted({**versions["1.2"], "SUB-001": "fail"}.items()))
    return versions


SUBMISSION_NOTES = {
    "spec-name": "submission.json names the spec: vn-personal-qr@1.1 fails SUB-001 under 1.2; the bare id passes "
                 "under any version.",
    "valid": "Every asserted rule passes.",
    "zip": "The submission is a zip file.",
    "payload": "A code does not carry the persona's issued payload.",
    "symbol": "Screenshots of one persona differ in how the code is drawn.",
    "modes": "A required display mode has no screenshot.",
    "files": "About the files of the submission and its manifest.",
    "derived": "Made by this generator from TestVectors/submissions/pass-acme with one change.",
    "inconclusive": "A required rule cannot be judged on one screenshot, and nothing fails: the verdict is inconclusive.",
}


# ---------------------------------------------------------------- display area (adapter)

DISPLAY = os.path.join(HERE, "..", "TestVectors", "display")


def display_notes(source_notes, flags):
    """A note for every flag: the display manifest explains some flags in groups ('light/dark', '<n>px')."""
    notes = {}
    for flag in sorted(flags):
        for key, text in source_notes.items():
            if key == flag or flag in key.split("/") or (key == "<n>px" and flag.endswith("px") and flag[:-2].isdigit()):
                notes[flag] = text
                break
        else:
            notes[flag] = "a flag of TestVectors/display/manifest.json"
    return notes


def display_manifest(out):
    """Display vectors: TestVectors/display (scripts/gen_display_vectors.py) in this corpus's format; the same
    expectations for every spec version (the 1.2 draft does not change the display rules)."""
    with open(os.path.join(DISPLAY, "manifest.json"), encoding="utf-8") as f:
        source = json.load(f)
    entries, flags = [], set()
    for vector in source["vectors"]:
        flags.update(vector["flags"])
        entry = {"id": "dsp-" + vector["id"], "description": vector["description"], "flags": sorted(vector["flags"]),
                 "provenance": {"generator": vector["provenance"]["generator"],
                                "parameters": {k: v for k, v in sorted(vector["provenance"].items())
                                               if k != "generator"}},
                 "file": "../../display/" + vector["file"]}
        if vector.get("display_mode"):
            entry["display_mode"] = vector["display_mode"]
        entry["expected"] = for_versions(vector["expected"])
        # The display vectors' codes carry no signature, so SIG-001 fails every one of them: the verdict `check`
        # gives is fail; the display rules are asserted one by one.
        entry["expected_verdict"] = verdicts(entry["expected"], floor="fail")
        # OCR may be unsure of any display rule, never wrong: inconclusive meets every expectation.
        entry["unsure_allowed"] = sorted(vector["expected"])
        entries.append(entry)
    groups = [{"id": "dsp-screens", "description": source["description"], "rules": source["rules"],
               "clause": "spec/vn-personal-qr/<version>/README.md, display rules", "vectors": entries}]
    notes = display_notes(source["notes"], flags)
    screens, screen_notes = screens_group(ci_only=True)
    if screens:
        groups.append(screens)
        notes.update(screen_notes)
    document = manifest("display", "Display vectors (screen text read with OCR): converted from "
                        "TestVectors/display/manifest.json and the CI subset of the browser-rendered screens "
                        "(TestVectors/screens/manifest.json).", groups, notes, {})
    document["validation_time"] = "2026-01-01T00:00:00Z"
    return document


SCREENS = os.path.join(HERE, "..", "TestVectors", "screens")


def screens_group(ci_only=True, base="../../screens/", root=None):
    """The browser-rendered screens (TestVectors/screens, made by hand with scripts/gen_screens.py) as a vector group:
    the fixed CI subset, or all of them for scripts/bench-display. Their codes are unsigned, so the verdict of
    `check` is fail (SIG-001); each display rule is asserted."""
    path = os.path.join(root or SCREENS, "manifest.json")
    if not os.path.exists(path):
        return None, {}
    with open(path, encoding="utf-8") as f:
        source = json.load(f)
    entries, flags = [], set()
    for vector in source["vectors"]:
        if ci_only and not vector.get("ci"):
            continue
        flags.update(vector["flags"])
        expected = for_versions(vector["expected"])
        entries.append({"id": "scr-" + vector["id"], "description": "browser-rendered screen: " + ", ".join(vector["flags"]),
                        "flags": sorted(set(vector["flags"])),
                        "provenance": {"generator": source["generator"], "parameters": vector["provenance"]},
                        "file": base + vector["file"], "display_mode": vector["display_mode"], "expected": expected,
                        "expected_verdict": verdicts(expected, floor="fail"),
                        # OCR may be unsure of any display rule, never wrong: inconclusive meets every expectation.
                        "unsure_allowed": sorted(vector["expected"])})
    if not entries:
        return None, {}
    notes = {flag: source["notes"].get(flag, "a flag of TestVectors/screens/manifest.json") for flag in sorted(flags)}
    group = {"id": "dsp-browser-screens", "description": source["description"], "rules": source["rules"],
             "clause": "spec/vn-personal-qr/<version>/README.md, display rules", "vectors": entries}
    return group, notes


def manifest(area, description, groups, notes, extra):
    return {
        "format_version": FORMAT_VERSION,
        "area": area,
        "spec": SPEC_ID,
        "spec_versions": VERSIONS,
        "description": description,
        "generator": GENERATOR,
        "validation_time": AT,
        "notes": dict(sorted(notes.items())),
        **extra,
        "groups": groups,
    }


def write_json(path, document):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def generate(out):
    for area, build in [("payload", lambda d: payload_manifest()), ("signature", lambda d: signature_manifest()),
                        ("symbol", symbol_manifest), ("submission", submission_manifest),
                        ("display", display_manifest)]:
        directory = os.path.join(out, area)
        os.makedirs(directory, exist_ok=True)
        write_json(os.path.join(directory, "manifest.json"), build(directory))


def compare(a, b):
    differences = []
    for root, _, files in os.walk(a):
        for name in files:
            path = os.path.join(root, name)
            rel = os.path.relpath(path, a)
            other = os.path.join(b, rel)
            if not os.path.exists(other) or open(path, "rb").read() != open(other, "rb").read():
                differences.append(rel)
    return sorted(differences)


def validate_schema():
    import jsonschema
    with open(os.path.join(OUT, "schema", "manifest.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    bad = []
    for area in sorted(os.listdir(OUT)):
        path = os.path.join(OUT, area, "manifest.json")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            errors = sorted(validator.iter_errors(json.load(f)), key=str)
        for error in errors[:5]:
            print(f"{area}/manifest.json: /{'/'.join(str(p) for p in error.absolute_path)}: {error.message}",
                  file=sys.stderr)
        if errors:
            bad.append(area)
    if bad:
        sys.exit("manifests that do not match the schema: " + ", ".join(bad))
    print("every manifest matches the schema")


def main():
    if "--schema" in sys.argv[1:]:
        validate_schema()
        return
    if "--check" in sys.argv[1:]:
        with tempfile.TemporaryDirectory() as tmp:
            generate(tmp)
            differences = compare(tmp, OUT)
            if differences:
                sys.exit("TestVectors/conformance differs from the generator's output (run "
                         "scripts/gen_conformance_vectors.py): " + ", ".join(differences))
            print("conformance vectors are up to date")
        return
    generate(OUT)


if __name__ == "__main__":
    main()

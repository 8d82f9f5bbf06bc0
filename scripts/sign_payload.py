#!/usr/bin/env python3
"""Sign a personal QR payload per the suite's signature profile, and (re)make the TEST-ONLY keys.

Profile (spec/vn-personal-qr/1.1/README.md, "Signature profile"): EXT position 4 holds KID.SIG, both
base64url without padding; SIG is ES256 (P-256, SHA-256) as the 64-byte r||s over the payload bytes up to,
not including, the '<' that opens EXT position 4; KID is base64url of the first 8 bytes of the key's
RFC 7638 JWK SHA-256 thumbprint. EXT is padded with empty positions to 4 before signing.

Deterministic: keys are derived from fixed labels and signatures use RFC 6979, so re-running rewrites the
same bytes. The keys are for tests only and must never sign anything real.
Requires cryptography==48.0.0.

Usage:
  scripts/sign_payload.py sign --key TestVectors/keys/test-only-key-1.private.jwk.json --payload 'A|B|...'
  scripts/sign_payload.py sign --key KEY --payload-file unsigned.txt [--out signed.txt]
  scripts/sign_payload.py test-keys [--check]     # rewrite or check TestVectors/keys
Library use: from sign_payload import sign_payload; sign_payload(payload_bytes, private_jwk_dict) -> bytes
"""
import argparse
import base64
import hashlib
import json
import sys
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

ROOT = Path(__file__).resolve().parent.parent
KEYS = ROOT / "TestVectors" / "keys"
KID_BYTES = 8
EXT_POSITIONS_BEFORE_SIGNATURE = 4
CURVES = {"P-256": (ec.SECP256R1(), 32), "P-384": (ec.SECP384R1(), 48)}
# Seconds since 1970: 2025-01-01T00:00:00Z and 2027-01-01T00:00:00Z, the window of the window test key.
WINDOW = (1735689600, 1798761600)
# The published example payload (no signature yet).
EXAMPLE = b"001093029317|NGUYEN LE KHA HAN|1987-01-18|0|162979388586171100|<1<HS4010120878821<0944713700"
# RFC 7517 Appendix A.1 example RSA public key, used only to show that RSA keys are rejected.
RFC7517_RSA = {
    "kty": "RSA",
    "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3"
         "oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHz"
         "u6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU"
         "8awapJzKnqDKgw",
    "e": "AQAB",
    "alg": "RS256",
    "use": "sig",
}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def thumbprint_kid(jwk: dict) -> str:
    """Base64url of the first 8 bytes of the RFC 7638 SHA-256 thumbprint."""
    members = ("e", "kty", "n") if jwk["kty"] == "RSA" else ("crv", "kty", "x", "y")
    canonical = json.dumps({name: jwk[name] for name in members}, separators=(",", ":"), sort_keys=True)
    return b64url(hashlib.sha256(canonical.encode("ascii")).digest()[:KID_BYTES])


def derived_key(label: str, crv: str) -> ec.EllipticCurvePrivateKey:
    """A private key derived from a fixed label, so the TEST-ONLY keys are reproducible."""
    curve, _ = CURVES[crv]
    order = {"P-256": 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551,
             "P-384": int("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973", 16)}[crv]
    scalar = int.from_bytes(hashlib.sha512(("qrconform TEST-ONLY key: " + label).encode()).digest(), "big")
    return ec.derive_private_key(scalar % (order - 1) + 1, curve)


def private_jwk(key: ec.EllipticCurvePrivateKey, crv: str) -> dict:
    _, size = CURVES[crv]
    numbers = key.private_numbers()
    jwk = {"kty": "EC", "crv": crv, "x": b64url(numbers.public_numbers.x.to_bytes(size, "big")),
           "y": b64url(numbers.public_numbers.y.to_bytes(size, "big"))}
    jwk["kid"] = thumbprint_kid(jwk)
    jwk["alg"] = "ES256" if crv == "P-256" else "ES384"
    jwk["use"] = "sig"
    jwk["d"] = b64url(numbers.private_value.to_bytes(size, "big"))
    return jwk


def public_jwk(jwk: dict, **extra) -> dict:
    return {**{name: value for name, value in jwk.items() if name != "d"}, **extra}


def load_private_key(jwk: dict) -> ec.EllipticCurvePrivateKey:
    if jwk.get("kty") != "EC" or jwk.get("crv") != "P-256" or "d" not in jwk:
        raise SystemExit("the signing key must be a private EC P-256 JWK (with \"d\")")
    return ec.derive_private_key(int.from_bytes(b64url_decode(jwk["d"]), "big"), ec.SECP256R1())


def signing_input(payload: bytes) -> bytes:
    """The payload with EXT padded to 4 positions: exactly the bytes the signature covers."""
    fields = payload.split(b"|")
    if len(fields) != 6:
        raise SystemExit(f"the payload has {len(fields)} '|'-separated fields, not 6")
    ext = fields[5].split(b"<")
    if len(ext) > EXT_POSITIONS_BEFORE_SIGNATURE:
        raise SystemExit("EXT already has a position 4 (signature) or later; sign the payload without it")
    ext += [b""] * (EXT_POSITIONS_BEFORE_SIGNATURE - len(ext))
    return b"|".join(fields[:5] + [b"<".join(ext)])


def sign_payload(payload: bytes, jwk: dict) -> bytes:
    """The payload with EXT[4] = KID.SIG appended (RFC 6979 deterministic ES256)."""
    key = load_private_key(jwk)
    message = signing_input(payload)
    der = key.sign(message, ec.ECDSA(hashes.SHA256(), deterministic_signing=True))
    r, s = decode_dss_signature(der)
    signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    return message + b"<" + thumbprint_kid(jwk).encode("ascii") + b"." + b64url(signature).encode("ascii")


def centre_report_key() -> dict:
    """The TEST-ONLY certification centre's report-signing key: kid = the full RFC 7638 thumbprint (base64url)."""
    jwk = private_jwk(derived_key("centre report signing", "P-256"), "P-256")
    canonical = json.dumps({name: jwk[name] for name in ("crv", "kty", "x", "y")}, separators=(",", ":"), sort_keys=True)
    jwk["kid"] = b64url(hashlib.sha256(canonical.encode("ascii")).digest())
    jwk["name"] = "qrconform TEST-ONLY certification centre"
    return jwk


def jwks(*keys, revoked=None) -> dict:
    document = {"keys": list(keys)}
    if revoked is not None:
        document["revoked"] = revoked
    return document


def test_key_files() -> dict:
    """Every file of TestVectors/keys this script owns, by name, as bytes."""
    keys = {label: private_jwk(derived_key(label, "P-256"), "P-256") for label in ("1", "2", "3", "unknown")}
    p384 = private_jwk(derived_key("p384", "P-384"), "P-384")
    rsa = {**RFC7517_RSA, "kid": thumbprint_kid(RFC7517_RSA)}
    mismatch = public_jwk(keys["1"], kid=keys["2"]["kid"])
    lists = {
        "test-trust-list.jwks.json": jwks(public_jwk(keys["1"])),
        "test-trust-list-revoked.jwks.json": jwks(public_jwk(keys["1"]), public_jwk(keys["2"]),
                                                  revoked=[keys["2"]["kid"]]),
        "test-trust-list-window.jwks.json": jwks(public_jwk(keys["3"], nbf=WINDOW[0], exp=WINDOW[1])),
        "test-trust-list-kid-mismatch.jwks.json": jwks(mismatch),
        "test-trust-list-p384.jwks.json": jwks(public_jwk(keys["1"]), public_jwk(p384)),
        "test-trust-list-rsa.jwks.json": jwks(public_jwk(keys["1"]), rsa),
    }
    files = {name: encode(document) for name, document in lists.items()}
    files["test-trust-list-malformed.jwks.json"] = encode(lists["test-trust-list.jwks.json"])[:-20]
    for label, jwk in keys.items():
        files[f"test-only-key-{label}.private.jwk.json"] = encode(jwk)
    centre = centre_report_key()
    files["test-only-centre-report-key.private.jwk.json"] = encode(centre)
    files["test-centre-report-keys.jwks.json"] = encode(jwks(public_jwk(centre)))
    signed = {label: sign_payload(EXAMPLE, keys[label]).decode("ascii") for label in ("1", "2", "3", "unknown")}
    files["signed-examples.json"] = encode({
        "format_version": 1,
        "description": "The published example signed by each TEST-ONLY key with scripts/sign_payload.py (RFC 6979).",
        "unsigned": EXAMPLE.decode("ascii"),
        "signed": {f"test-only-key-{label}": text for label, text in signed.items()},
    })
    return files


def encode(document) -> bytes:
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=True) + "\n").encode("ascii")


def write_test_keys(check: bool) -> int:
    stale = []
    for name, data in sorted(test_key_files().items()):
        path = KEYS / name
        if check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(name)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    for name in stale:
        print(f"TestVectors/keys/{name} is stale: run scripts/sign_payload.py test-keys", file=sys.stderr)
    return 1 if stale else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    sign = commands.add_parser("sign", help="sign one payload with a TEST-ONLY private JWK")
    sign.add_argument("--key", required=True, type=Path)
    source = sign.add_mutually_exclusive_group(required=True)
    source.add_argument("--payload")
    source.add_argument("--payload-file", type=Path)
    sign.add_argument("--out", type=Path)
    keys = commands.add_parser("test-keys", help="rewrite TestVectors/keys (deterministic)")
    keys.add_argument("--check", action="store_true", help="exit 1 when a file differs instead of writing")
    args = parser.parse_args()
    if args.command == "test-keys":
        return write_test_keys(args.check)
    payload = args.payload.encode("utf-8") if args.payload is not None else args.payload_file.read_bytes()
    signed = sign_payload(payload.rstrip(b"\n") if args.payload_file else payload, json.loads(args.key.read_text()))
    if args.out:
        args.out.write_bytes(signed)
    else:
        sys.stdout.write(signed.decode("utf-8") + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Schemathesis hooks for scripts/serve-schemathesis (loaded through SCHEMATHESIS_HOOKS=serve_schemathesis_hooks).

openapi.yaml declares the upload bodies as application/zip, which schemathesis has no serializer for: this one
sends the generated value as the raw body (bytes as they are, text as UTF-8), so the upload operations are
exercised with arbitrary bytes (the service must answer them 400 not-a-zip, not 5xx).
"""

import schemathesis


@schemathesis.serializer("application/zip")
def zip_body(ctx, value):
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if value is None:
        return b""
    return str(value).encode("utf-8", "surrogatepass")

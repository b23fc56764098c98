# A portal's server mints a subject token (HS256) for its signed-in patient, with Python's
# standard library only. The shared secret comes from the environment, never the page.
# Usage: RAPPORT_SUBJECT_SECRET=... python3 mint_subject_token.py ISS AUD SUB
import base64, hashlib, hmac, json, os, sys, time

def b64(data): return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

iss, aud, sub = sys.argv[1:4]
now = int(time.time())
signed = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()) + "." + b64(
    json.dumps({"iss": iss, "aud": aud, "sub": sub, "iat": now, "exp": now + 900}).encode())
key = os.environ["RAPPORT_SUBJECT_SECRET"].encode()
print(signed + "." + b64(hmac.new(key, signed.encode(), hashlib.sha256).digest()))

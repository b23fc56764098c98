// A portal's server mints a subject token (EdDSA) for its signed-in patient, with Node's own
// crypto. The Ed25519 private key (PKCS#8 PEM) comes from the environment, never the page.
// Usage: PORTAL_PRIVATE_KEY_PEM="$(cat key.pem)" node mint-subject-token.mjs ISS AUD SUB
import { createPrivateKey, sign } from "node:crypto";
const [iss, aud, sub] = process.argv.slice(2);
const key = createPrivateKey(process.env.PORTAL_PRIVATE_KEY_PEM);
const b64 = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
const now = Math.floor(Date.now() / 1000);
const signed = `${b64({ alg: "EdDSA", typ: "JWT" })}.${b64({ iss, aud, sub, iat: now, exp: now + 900 })}`;
console.log(`${signed}.${sign(null, Buffer.from(signed), key).toString("base64url")}`);

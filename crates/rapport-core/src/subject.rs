//! Whose answers: the subject token a portal signs for its signed-in patient (a compact JWS,
//! documented in `docs/payload.md`). The core never verifies a signature (it holds no key and the
//! widget must not): it only reads the claims that say who the token is about, so that the
//! widget can keep each patient's drafts apart and put the subject into the
//! QuestionnaireResponse, and so that [`crate::envelope::verify`] can check the two agree. The
//! receiver verifies the signature, issuer, audience and times with a JWT library. Performs no
//! I/O and never panics on any input.

use std::fmt;

use serde_json::Value;

/// Longest subject token the widget passes on and the receiver reads, in bytes. A portal's token
/// with the documented claims is a few hundred bytes; a longer one is refused rather than carried.
pub const MAX_SUBJECT_TOKEN_BYTES: usize = 4096;

/// Longest `iss` or `sub`, in characters.
pub const MAX_ID_CHARS: usize = 256;

/// What is wrong with a token before any signature is looked at.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SubjectTokenErrorKind {
    /// Longer than [`MAX_SUBJECT_TOKEN_BYTES`].
    TooLarge,
    /// Not three base64url parts, or a payload that is not a JSON object in UTF-8.
    Malformed,
    /// `iss` or `sub` missing, not a string, empty, longer than [`MAX_ID_CHARS`], or holding a
    /// control character.
    BadClaims,
}

impl SubjectTokenErrorKind {
    /// The stable code, e.g. `subject-token-malformed`.
    pub fn code(self) -> &'static str {
        match self {
            Self::TooLarge => "subject-token-too-large",
            Self::Malformed => "subject-token-malformed",
            Self::BadClaims => "subject-token-claims",
        }
    }

    /// What is wrong, for developers (never a value from the token).
    pub fn message(self) -> String {
        match self {
            Self::TooLarge => format!(
                "the subject token is longer than {MAX_SUBJECT_TOKEN_BYTES} bytes; a portal's \
                 token carries ids, not data"
            ),
            Self::Malformed => "the subject token is not a compact JWS (three base64url parts, \
                                the middle one a JSON object)"
                .into(),
            Self::BadClaims => format!(
                "the subject token needs \"iss\" and \"sub\" as non-empty strings of at most \
                 {MAX_ID_CHARS} characters without control characters"
            ),
        }
    }
}

/// Who a token is about: the portal that signed it and its pseudonymous id for the patient.
/// `Debug` shows the issuer only.
#[derive(Clone, PartialEq, Eq)]
pub struct SubjectClaims {
    /// The portal (`iss`).
    pub iss: String,
    /// The portal's stable pseudonymous id for the patient (`sub`).
    pub sub: String,
}

impl fmt::Debug for SubjectClaims {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SubjectClaims")
            .field("iss", &self.iss)
            .field("sub", &format_args!("<redacted>"))
            .finish()
    }
}

impl SubjectClaims {
    /// The claims in a token, read without checking its signature.
    pub fn peek(token: &str) -> Result<SubjectClaims, SubjectTokenErrorKind> {
        let text = payload_text(token)?;
        let value: Value =
            serde_json::from_str(&text).map_err(|_| SubjectTokenErrorKind::Malformed)?;
        SubjectClaims::from_payload(&value)
    }

    /// The claims in a token's payload, already read as JSON (the widget reads it with the
    /// browser's `JSON.parse`).
    pub fn from_payload(payload: &Value) -> Result<SubjectClaims, SubjectTokenErrorKind> {
        let obj = payload
            .as_object()
            .ok_or(SubjectTokenErrorKind::Malformed)?;
        let id = |name: &str| -> Result<String, SubjectTokenErrorKind> {
            let s = obj
                .get(name)
                .and_then(Value::as_str)
                .ok_or(SubjectTokenErrorKind::BadClaims)?;
            if s.is_empty() || s.chars().count() > MAX_ID_CHARS || s.chars().any(char::is_control) {
                return Err(SubjectTokenErrorKind::BadClaims);
            }
            Ok(s.to_owned())
        };
        Ok(SubjectClaims {
            iss: id("iss")?,
            sub: id("sub")?,
        })
    }

    /// The text whose SHA-256 names this patient's browser storage: `iss`, a line feed, `sub`
    /// (neither may hold a control character, so the two cannot run together). The widget keys
    /// drafts and the outbox by the first 32 hex digits of that hash, never by the token.
    pub fn scope_text(&self) -> String {
        format!("{}\n{}", self.iss, self.sub)
    }

    /// The QuestionnaireResponse's `subject`: a logical reference with the issuer as the
    /// identifier's system and `sub` as its value (FHIR R4 `Reference.identifier`).
    pub fn reference(&self) -> Value {
        crate::json::object([(
            "identifier",
            crate::json::object([
                ("system", Value::from(self.iss.as_str())),
                ("value", Value::from(self.sub.as_str())),
            ]),
        )])
    }
}

/// The decoded payload (middle part) of a compact JWS, as text. Checks the size, the three
/// parts and their alphabet, and that the payload is UTF-8; nothing about the signature.
pub fn payload_text(token: &str) -> Result<String, SubjectTokenErrorKind> {
    if token.len() > MAX_SUBJECT_TOKEN_BYTES {
        return Err(SubjectTokenErrorKind::TooLarge);
    }
    let mut parts = token.split('.');
    let (Some(header), Some(payload), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(SubjectTokenErrorKind::Malformed);
    };
    if header.is_empty() || payload.is_empty() || base64url_decode(signature).is_none() {
        return Err(SubjectTokenErrorKind::Malformed);
    }
    base64url_decode(header).ok_or(SubjectTokenErrorKind::Malformed)?;
    let bytes = base64url_decode(payload).ok_or(SubjectTokenErrorKind::Malformed)?;
    String::from_utf8(bytes).map_err(|_| SubjectTokenErrorKind::Malformed)
}

/// Unpadded base64url (RFC 4648 §5, as JWS uses it), strictly: no padding, no other
/// characters, no length that cannot occur, and unused trailing bits zero.
fn base64url_decode(s: &str) -> Option<Vec<u8>> {
    if s.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(s.len() / 4 * 3 + 2);
    let mut acc: u32 = 0;
    let mut bits: u32 = 0;
    for b in s.bytes() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    (acc == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn b64(bytes: &[u8]) -> String {
        const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
            for i in 0..=chunk.len() {
                out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
            }
        }
        out
    }

    fn token(payload: &str) -> String {
        format!(
            "{}.{}.{}",
            b64(br#"{"alg":"HS256","typ":"JWT"}"#),
            b64(payload.as_bytes()),
            b64(&[7; 32])
        )
    }

    #[test]
    fn reads_iss_and_sub() {
        let t = token(r#"{"iss":"https://portal.example","sub":"p-1","name":"Zoë","exp":1}"#);
        let c = SubjectClaims::peek(&t).unwrap();
        assert_eq!(c.iss, "https://portal.example");
        assert_eq!(c.sub, "p-1");
        assert_eq!(c.scope_text(), "https://portal.example\np-1");
        assert_eq!(
            c.reference(),
            json!({ "identifier": { "system": "https://portal.example", "value": "p-1" } })
        );
        assert!(!format!("{c:?}").contains("p-1"));
    }

    #[test]
    fn decodes_every_length() {
        for n in 0..40u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
            assert_eq!(base64url_decode(&b64(&bytes)), Some(bytes));
        }
        assert_eq!(base64url_decode("QQ"), Some(b"A".to_vec()));
        assert_eq!(base64url_decode("QR"), None, "trailing bits");
        assert_eq!(base64url_decode("QQ=="), None, "padding");
        assert_eq!(base64url_decode("Q"), None, "impossible length");
        assert_eq!(base64url_decode("a+b/"), None, "standard alphabet");
    }

    #[test]
    fn refuses_what_is_not_a_token() {
        use SubjectTokenErrorKind as K;
        let good = token(r#"{"iss":"i","sub":"s"}"#);
        let cases: Vec<(String, K)> = vec![
            (String::new(), K::Malformed),
            ("a.b".into(), K::Malformed),
            (format!("{good}.x"), K::Malformed),
            (format!(".{}", good), K::Malformed),
            (good.replacen('.', ".!", 1), K::Malformed),
            (token("[1]"), K::Malformed),
            (token("not json"), K::Malformed),
            (token(r#"{"iss":"i"}"#), K::BadClaims),
            (token(r#"{"iss":"i","sub":""}"#), K::BadClaims),
            (token(r#"{"iss":"i","sub":7}"#), K::BadClaims),
            (token(r#"{"iss":"i\nj","sub":"s"}"#), K::BadClaims),
            (
                token(&format!(r#"{{"iss":"i","sub":"{}"}}"#, "s".repeat(257))),
                K::BadClaims,
            ),
            ("a".repeat(MAX_SUBJECT_TOKEN_BYTES + 1), K::TooLarge),
        ];
        for (t, kind) in cases {
            assert_eq!(SubjectClaims::peek(&t), Err(kind), "{t}");
        }
        // An unsigned token (`alg: none`, empty signature) still has readable claims: refusing
        // it is the receiver's job, which checks signatures.
        let unsigned = format!(
            "{}.{}.",
            b64(br#"{"alg":"none"}"#),
            b64(br#"{"iss":"i","sub":"s"}"#)
        );
        assert!(SubjectClaims::peek(&unsigned).is_ok());
    }

    #[test]
    fn every_code_is_distinct() {
        use SubjectTokenErrorKind as K;
        let codes = [K::TooLarge, K::Malformed, K::BadClaims].map(K::code);
        assert!(codes.iter().all(|c| c.starts_with("subject-token-")));
        assert_ne!(codes[0], codes[1]);
        assert_ne!(codes[1], codes[2]);
    }
}

//! Whose answers: verifying the subject token a portal signs for its signed-in patient
//! (`docs/payload.md`, "Subject"). With an issuer, an audience and at least one key configured
//! (`--subject-issuer`, `--subject-audience`, `--subject-public-key` and/or
//! `RAPPORT_SUBJECT_SECRET`), every envelope must carry a token that one of the keys verifies,
//! from that issuer, for that audience, valid at arrival or (the outbox rule) valid when the
//! patient pressed send and arriving at most `--subject-grace` seconds after it expired.
//!
//! The signature and the `iss`/`aud` checks are the `jsonwebtoken` crate's; the algorithm a
//! token may use follows from the configured keys (HS256 for the secret, EdDSA for an Ed25519
//! public key, ES256 for a P-256 one), so `alg: none` and algorithm confusion (an HS256 token
//! "signed" with a public key's bytes) find no key. The claims the core reads without checking
//! (`rapport_core::subject`) are checked first, with the core's codes.
//!
//! Nothing here logs, and no error carries a value from the token.

use std::fmt;
use std::path::{Path, PathBuf};

use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use rapport_core::envelope::EnvelopeErrorKind;
use rapport_core::subject::{SubjectClaims, SubjectTokenErrorKind};
use serde::Deserialize;

use crate::reply::Refusal;

/// The clock skew allowed between the portal, the browser and the receiver, in seconds.
pub const SKEW_SECS: i64 = 60;
/// The default of `--subject-grace`: how long after its `exp` a token that was valid when the
/// patient pressed send is still accepted, in seconds.
pub const DEFAULT_GRACE_SECS: u64 = 3600;
/// Shortest `RAPPORT_SUBJECT_SECRET`, in bytes (HS256 wants a key at least as long as its hash).
pub const MIN_SECRET_BYTES: usize = 32;

/// How subject tokens are verified: issuer, audience and the keys, each with its algorithm.
/// `Debug` shows the issuer, the audience and the algorithms, never a key.
#[derive(Clone)]
pub struct Verifier {
    issuer: String,
    audience: String,
    keys: Vec<(Algorithm, DecodingKey)>,
    grace: i64,
    required: bool,
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verifier")
            .field("issuer", &self.issuer)
            .field("audience", &self.audience)
            .field(
                "algorithms",
                &self.keys.iter().map(|(a, _)| *a).collect::<Vec<_>>(),
            )
            .field("grace", &self.grace)
            .field("required", &self.required)
            .finish()
    }
}

/// A subject whose token was verified: what the record is filed under. `Debug` shows the
/// issuer only.
#[derive(Clone, PartialEq, Eq)]
pub struct Subject {
    /// The portal (`iss`): the identifier's system.
    pub system: String,
    /// The portal's pseudonymous id for the patient (`sub`): the identifier's value.
    pub value: String,
    /// Whether a configured key verified the token (false: read, not verified, because the
    /// receiver has no keys).
    pub verified: bool,
    /// The display label the portal chose (`name`), if any.
    pub name: Option<String>,
    /// Who may see these answers (`care_team`), if given.
    pub care_team: Option<Vec<String>>,
    /// The episode of care (`episode`), if given.
    pub episode: Option<String>,
}

impl fmt::Debug for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Subject")
            .field("system", &self.system)
            .field("value", &format_args!("<redacted>"))
            .field("verified", &self.verified)
            .finish_non_exhaustive()
    }
}

/// The claims read from a verified token. Times are JSON numbers (seconds since the epoch).
#[derive(Deserialize)]
struct Claims {
    iss: String,
    sub: String,
    exp: f64,
    iat: f64,
    #[serde(default)]
    nbf: Option<f64>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    care_team: Option<Vec<String>>,
    #[serde(default)]
    episode: Option<String>,
}

/// A refused token: the refusal and a message for developers (never a value from the token).
pub type Refused = (Refusal, String);

impl Verifier {
    /// A verifier for `issuer` and `audience` with the HS256 `secret` and the public keys in
    /// the PEM files `public_keys` (Ed25519: EdDSA; P-256: ES256). At least one key.
    pub fn new(
        issuer: &str,
        audience: &str,
        secret: Option<&[u8]>,
        public_keys: &[PathBuf],
        grace: u64,
    ) -> Result<Verifier, String> {
        if issuer.trim().is_empty() || audience.trim().is_empty() {
            return Err("--subject-issuer and --subject-audience must not be empty".into());
        }
        let mut keys = Vec::new();
        if let Some(secret) = secret {
            if secret.len() < MIN_SECRET_BYTES {
                return Err(format!(
                    "RAPPORT_SUBJECT_SECRET must be at least {MIN_SECRET_BYTES} bytes (make one \
                     with `openssl rand -hex 32`)"
                ));
            }
            let key = DecodingKey::from_secret(secret)
                .map_err(|e| format!("RAPPORT_SUBJECT_SECRET: {e}"))?;
            keys.push((Algorithm::HS256, key));
        }
        for path in public_keys {
            keys.push(public_key(path)?);
        }
        if keys.is_empty() {
            return Err(
                "subject tokens need a key: --subject-public-key PEM_FILE and/or \
                 RAPPORT_SUBJECT_SECRET"
                    .into(),
            );
        }
        Ok(Verifier {
            issuer: issuer.to_owned(),
            audience: audience.to_owned(),
            keys,
            grace: i64::try_from(grace).unwrap_or(i64::MAX),
            required: true,
        })
    }

    /// The same verifier, letting envelopes without a token through (subject-less): only for
    /// the demo portal, whose page also shows the widget without a signed-in patient.
    pub fn token_optional(mut self) -> Verifier {
        self.required = false;
        self
    }

    /// Whether every envelope must carry a token.
    pub fn required(&self) -> bool {
        self.required
    }

    /// The configured issuer.
    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// The configured audience.
    pub fn audience(&self) -> &str {
        &self.audience
    }

    /// The algorithms the configured keys allow, e.g. `HS256, EdDSA`, for the start line.
    pub fn algorithms(&self) -> String {
        let mut names: Vec<String> = self.keys.iter().map(|(a, _)| format!("{a:?}")).collect();
        names.dedup();
        names.join(", ")
    }

    /// Verifies `token` for an envelope the patient sent at `submitted_at` (the envelope's
    /// `submittedAt`, RFC 3339), arriving `now` (seconds since the epoch).
    pub fn verify(&self, token: &str, submitted_at: &str, now: i64) -> Result<Subject, Refused> {
        // The core's checks first (size, shape, iss and sub), with the core's codes.
        SubjectClaims::peek(token).map_err(core_refusal)?;
        let alg = jsonwebtoken::decode_header(token)
            .map(|h| h.alg)
            .map_err(|_| algorithm_refused())?;
        let candidates: Vec<&DecodingKey> = self
            .keys
            .iter()
            .filter(|(a, _)| *a == alg)
            .map(|(_, k)| k)
            .collect();
        if candidates.is_empty() {
            return Err(algorithm_refused());
        }
        let mut validation = Validation::new(alg);
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&[&self.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        // The times are checked below, by the documented rule.
        validation.validate_exp = false;
        validation.validate_nbf = false;
        let mut last = None;
        for key in candidates {
            match jsonwebtoken::decode::<Claims>(token, key, &validation) {
                Ok(data) => return self.check_times(data.claims, submitted_at, now),
                // Key rotation: another key of the same algorithm may verify it.
                Err(e) if *e.kind() == ErrorKind::InvalidSignature => last = Some(e),
                Err(e) => return Err(jwt_refusal(e.kind())),
            }
        }
        Err(jwt_refusal(
            last.as_ref()
                .map_or(&ErrorKind::InvalidSignature, |e| e.kind()),
        ))
    }

    /// The time rule (`docs/payload.md`): valid at arrival, or valid when the patient pressed
    /// send and arriving at most the grace after `exp`.
    fn check_times(&self, c: Claims, submitted_at: &str, now: i64) -> Result<Subject, Refused> {
        // `as` saturates: a time of 1e300 is i64::MAX, and the sums below saturate too.
        let secs = |t: f64| t.floor() as i64;
        let (exp, iat) = (secs(c.exp), secs(c.iat));
        let late = now.saturating_add(SKEW_SECS);
        let not_yet = iat > late || c.nbf.is_some_and(|n| secs(n) > late);
        if not_yet {
            return Err((
                Refusal::SubjectTokenNotYetValid,
                format!(
                    "the subject token's iat or nbf is more than {SKEW_SECS} s in the future: \
                     check the portal's clock"
                ),
            ));
        }
        let until = exp.saturating_add(SKEW_SECS);
        if now > until {
            let sent = parse_time(submitted_at);
            let sent_while_valid =
                sent.is_some_and(|t| t >= iat.saturating_sub(SKEW_SECS) && t <= until);
            if !(sent_while_valid && now <= exp.saturating_add(self.grace)) {
                return Err((
                    Refusal::SubjectTokenExpired,
                    format!(
                        "the subject token has expired (an envelope sent while it was valid is \
                         accepted up to {} s after its exp): send it with a fresh token",
                        self.grace
                    ),
                ));
            }
        }
        Ok(Subject {
            system: c.iss,
            value: c.sub,
            verified: true,
            name: c.name,
            care_team: c.care_team,
            episode: c.episode,
        })
    }
}

/// The subject of a token that no key checked (the receiver has none): read with the core.
pub fn unverified(token: &str) -> Result<Subject, Refused> {
    let claims = SubjectClaims::peek(token).map_err(core_refusal)?;
    Ok(Subject {
        system: claims.iss,
        value: claims.sub,
        verified: false,
        name: None,
        care_team: None,
        episode: None,
    })
}

/// Reads one public key in PEM: Ed25519 (EdDSA) or P-256 (ES256).
fn public_key(path: &Path) -> Result<(Algorithm, DecodingKey), String> {
    let pem = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if let Ok(key) = DecodingKey::from_ed_pem(&pem) {
        return Ok((Algorithm::EdDSA, key));
    }
    if let Ok(key) = DecodingKey::from_ec_pem(&pem) {
        // An uncompressed (65 bytes) or compressed (33 bytes) P-256 point; P-384 and others
        // are longer.
        let p256 = key
            .try_get_as_bytes()
            .is_ok_and(|b| matches!(b.len(), 65 | 33));
        if p256 {
            return Ok((Algorithm::ES256, key));
        }
    }
    Err(format!(
        "{}: not an Ed25519 or P-256 public key in PEM (\"-----BEGIN PUBLIC KEY-----\")",
        path.display()
    ))
}

fn core_refusal(kind: SubjectTokenErrorKind) -> Refused {
    let envelope_kind = match kind {
        SubjectTokenErrorKind::TooLarge => EnvelopeErrorKind::SubjectTokenTooLarge,
        SubjectTokenErrorKind::BadClaims => EnvelopeErrorKind::SubjectTokenClaims,
        _ => EnvelopeErrorKind::SubjectTokenMalformed,
    };
    (Refusal::Envelope(envelope_kind), kind.message())
}

fn algorithm_refused() -> Refused {
    (
        Refusal::SubjectTokenAlgorithm,
        "the subject token's alg is none, unknown, or not one a configured key allows".into(),
    )
}

fn jwt_refusal(kind: &ErrorKind) -> Refused {
    let (refusal, message) = match kind {
        ErrorKind::InvalidSignature => (
            Refusal::SubjectTokenSignature,
            "no configured key verifies the subject token's signature",
        ),
        ErrorKind::InvalidAlgorithm
        | ErrorKind::MissingAlgorithm
        | ErrorKind::InvalidAlgorithmName
        | ErrorKind::UnsupportedAlgorithm
        | ErrorKind::InvalidKeyFormat
        | ErrorKind::InvalidEcdsaKey
        | ErrorKind::InvalidEddsaKey => return algorithm_refused(),
        ErrorKind::InvalidIssuer => (
            Refusal::SubjectTokenIssuer,
            "the subject token's iss is not the configured issuer",
        ),
        ErrorKind::InvalidAudience => (
            Refusal::SubjectTokenAudience,
            "the subject token's aud does not name this receiver's audience",
        ),
        ErrorKind::ExpiredSignature => (
            Refusal::SubjectTokenExpired,
            "the subject token has expired",
        ),
        ErrorKind::ImmatureSignature => (
            Refusal::SubjectTokenNotYetValid,
            "the subject token is not valid yet",
        ),
        ErrorKind::MissingRequiredClaim(_)
        | ErrorKind::InvalidClaimFormat(_)
        | ErrorKind::Json(_) => (
            Refusal::Envelope(EnvelopeErrorKind::SubjectTokenClaims),
            "the subject token needs iss, sub and aud as strings, exp and iat as numbers, and \
             name, care_team and episode (if present) as a string, a list of strings and a \
             string",
        ),
        _ => (
            Refusal::Envelope(EnvelopeErrorKind::SubjectTokenMalformed),
            "the subject token is not a compact JWS this receiver can read",
        ),
    };
    (refusal, message.to_owned())
}

/// Seconds since the epoch of an RFC 3339 time, if it is one.
pub fn parse_time(text: &str) -> Option<i64> {
    time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .ok()
        .map(|t| t.unix_timestamp())
}

/// Now, in seconds since the epoch.
pub fn now_secs() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_as_rfc3339() {
        assert_eq!(parse_time("1970-01-01T00:01:00Z"), Some(60));
        assert_eq!(parse_time("1970-01-01T01:01:00+01:00"), Some(60));
        assert_eq!(parse_time("yesterday"), None);
    }

    #[test]
    fn a_short_secret_or_no_key_is_refused() {
        assert!(Verifier::new("iss", "aud", Some(b"short"), &[], 60).is_err());
        assert!(Verifier::new("iss", "aud", None, &[], 60).is_err());
        assert!(Verifier::new("", "aud", Some(&[7; 32]), &[], 60).is_err());
        let v = Verifier::new("iss", "aud", Some(&[7; 32]), &[], 60).unwrap();
        assert!(!format!("{v:?}").contains("7, 7"), "{v:?}");
    }
}

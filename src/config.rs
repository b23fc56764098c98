//! Reads and checks the element's attributes. A wrong attribute becomes a [`ConfigError`] with
//! what is wrong and how to fix it (for the portal developer, in English), which the widget
//! shows in a small panel and logs to the console. Never touches the host page.

use serde_json::Value;
use web_sys::HtmlElement;

use rapport_core::subject::{self, SubjectClaims, SubjectTokenErrorKind};

use crate::store::Policy;

/// Where the definition comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// A bundled instrument, by id.
    Bundled(&'static str),
    /// A FHIR Questionnaire at a URL.
    Url(String),
    /// A FHIR Questionnaire given in the page: a `<script type="application/fhir+json">` child
    /// of the element, or the element's `definition` property set from JavaScript.
    Inline(String),
}

/// The checked configuration of one element.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where the definition comes from.
    pub source: Source,
    /// Requested languages, best first: the `lang` attribute (own or inherited), then the
    /// browser's languages.
    pub requested_languages: Vec<String>,
    /// Where answers are posted.
    pub endpoint: String,
    /// JSON the portal wants echoed back in the envelope.
    pub context: Value,
    /// Where drafts and the outbox are kept (`storage` attribute).
    pub storage: Policy,
    /// Names this widget's draft: the element's `id`, else a hash of `context`, else
    /// `default`.
    pub instance: String,
    /// How long one send may take before it counts as failed and is retried
    /// (`send-timeout`, in seconds, 1–120; default 20).
    pub send_timeout_ms: i32,
    /// The patient's previous scores, by score id (`previous-scores`), for flags such as
    /// `drop-from-previous`; echoed in the envelope.
    pub previous_scores: rapport_core::scoring::PreviousScores,
    /// `show-scores`: after sending, the patient sees the labelled scores (by default only the
    /// clinic does).
    pub show_scores: bool,
    /// The portal's subject token (`subject-token` or the `subjectToken` property) and who it is
    /// about, read without checking its signature (the receiver does).
    pub subject: Option<(String, SubjectClaims)>,
    /// How long a draft is brought back after it was last saved (`draft-expiry`, in hours,
    /// 1–8760; default 168, a week), in milliseconds.
    pub draft_expiry_ms: f64,
    /// What every storage key of this widget starts with: `rapport:` without a subject,
    /// `rapport:s:<first 32 hex digits of SHA-256(iss, LF, sub)>:` with one (set once the hash
    /// is known, see [`crate::store::subject_prefix`]).
    pub prefix: String,
    /// `terminology-server`: the base URL of a FHIR server whose `ValueSet/$expand` lists the
    /// answers of value sets a clinic definition names by canonical URL (checked like `src`).
    pub terminology_server: Option<String>,
}

/// The `endpoint` of a widget whose page sends the answers itself (`delivery="host"`).
pub const HOST_ENDPOINT: &str = "host:";

/// Every code `rapport-failed` carries, and the configuration panel shows: the one list of
/// them. README's "`rapport-failed` codes" table is checked against [`FailCode::ALL`] by a test.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailCode {
    // Attributes (`config::read`, `check_url`).
    ConflictingAttributes,
    UnknownInstrument,
    MissingInstrument,
    InvalidDelivery,
    MissingEndpoint,
    InvalidContext,
    InvalidStorage,
    InvalidSendTimeout,
    InvalidPreviousScores,
    InvalidUrl,
    InsecureEndpoint,
    InsecureSrc,
    InsecureTerminologyServer,
    // Loading (`load`).
    MissingLanguagesFile,
    BadLanguagesFile,
    MissingInstrumentFile,
    DefinitionUnreachable,
    InvalidDefinition,
    MissingStrings,
    IntegrityFailed,
    ValueSetUnreachable,
    // Sending (`delivery`).
    NoIdempotencyKey,
    Network,
    Server,
    Unauthorized,
    Rejected,
    // The subject token, read by the widget (at mount, or when the portal sets a new one).
    // The receiver's refusals of a token are passed on under its own codes ([`PASSED_ON`]).
    SubjectTokenTooLarge,
    SubjectTokenMalformed,
    SubjectTokenClaims,
    InvalidDraftExpiry,
}

impl FailCode {
    /// Every code, in the order above. Used by tests only, so it costs the release wasm nothing.
    pub const ALL: [FailCode; 30] = [
        FailCode::ConflictingAttributes,
        FailCode::UnknownInstrument,
        FailCode::MissingInstrument,
        FailCode::InvalidDelivery,
        FailCode::MissingEndpoint,
        FailCode::InvalidContext,
        FailCode::InvalidStorage,
        FailCode::InvalidSendTimeout,
        FailCode::InvalidPreviousScores,
        FailCode::InvalidUrl,
        FailCode::InsecureEndpoint,
        FailCode::InsecureSrc,
        FailCode::InsecureTerminologyServer,
        FailCode::MissingLanguagesFile,
        FailCode::BadLanguagesFile,
        FailCode::MissingInstrumentFile,
        FailCode::DefinitionUnreachable,
        FailCode::InvalidDefinition,
        FailCode::MissingStrings,
        FailCode::IntegrityFailed,
        FailCode::ValueSetUnreachable,
        FailCode::NoIdempotencyKey,
        FailCode::Network,
        FailCode::Server,
        FailCode::Unauthorized,
        FailCode::Rejected,
        FailCode::SubjectTokenTooLarge,
        FailCode::SubjectTokenMalformed,
        FailCode::SubjectTokenClaims,
        FailCode::InvalidDraftExpiry,
    ];

    /// The stable code sent in `rapport-failed` (e.g. `unknown-instrument`).
    pub fn code(self) -> &'static str {
        match self {
            FailCode::ConflictingAttributes => "conflicting-attributes",
            FailCode::UnknownInstrument => "unknown-instrument",
            FailCode::MissingInstrument => "missing-instrument",
            FailCode::InvalidDelivery => "invalid-delivery",
            FailCode::MissingEndpoint => "missing-endpoint",
            FailCode::InvalidContext => "invalid-context",
            FailCode::InvalidStorage => "invalid-storage",
            FailCode::InvalidSendTimeout => "invalid-send-timeout",
            FailCode::InvalidPreviousScores => "invalid-previous-scores",
            FailCode::InvalidUrl => "invalid-url",
            FailCode::InsecureEndpoint => "insecure-endpoint",
            FailCode::InsecureSrc => "insecure-src",
            FailCode::InsecureTerminologyServer => "insecure-terminology-server",
            FailCode::MissingLanguagesFile => "missing-languages-file",
            FailCode::BadLanguagesFile => "bad-languages-file",
            FailCode::MissingInstrumentFile => "missing-instrument-file",
            FailCode::DefinitionUnreachable => "definition-unreachable",
            FailCode::InvalidDefinition => "invalid-definition",
            FailCode::MissingStrings => "missing-strings",
            FailCode::IntegrityFailed => "integrity-failed",
            FailCode::ValueSetUnreachable => "value-set-unreachable",
            FailCode::NoIdempotencyKey => "no-idempotency-key",
            FailCode::Network => "network",
            FailCode::Server => "server",
            FailCode::Unauthorized => "unauthorized",
            FailCode::Rejected => "rejected",
            FailCode::SubjectTokenTooLarge => "subject-token-too-large",
            FailCode::SubjectTokenMalformed => "subject-token-malformed",
            FailCode::SubjectTokenClaims => "subject-token-claims",
            FailCode::InvalidDraftExpiry => "invalid-draft-expiry",
        }
    }
}

/// The receiver's codes for a refused subject token, passed on as they come in `rapport-failed`
/// (README's table lists them with [`FailCode::ALL`]). Used by tests only.
pub const PASSED_ON: [&str; 8] = [
    "subject-mismatch",
    "subject-token-missing",
    "subject-token-algorithm",
    "subject-token-signature",
    "subject-token-issuer",
    "subject-token-audience",
    "subject-token-expired",
    "subject-token-not-yet-valid",
];

/// Who a subject token is about, read the widget's way: the core checks its shape and decodes
/// the payload, the browser's `JSON.parse` reads it (no serde deserializer in the widget), and
/// the core reads `iss` and `sub`. Never checks the signature (the receiver does). The error
/// names what is wrong, never a value from the token.
pub fn subject_claims(token: &str) -> Result<SubjectClaims, ConfigError> {
    let claims = subject::payload_text(token).and_then(|text| {
        let payload = crate::json::parse(&text).map_err(|_| SubjectTokenErrorKind::Malformed)?;
        SubjectClaims::from_payload(&payload)
    });
    claims.map_err(|kind| {
        let code = match kind {
            SubjectTokenErrorKind::TooLarge => FailCode::SubjectTokenTooLarge,
            SubjectTokenErrorKind::BadClaims => FailCode::SubjectTokenClaims,
            _ => FailCode::SubjectTokenMalformed,
        };
        ConfigError::new(code, kind.message())
    })
}

/// A configuration, loading or sending problem that stops the widget: its code and what is
/// wrong and how to fix it.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfigError {
    /// Which problem (its code is sent in `rapport-failed`).
    pub kind: FailCode,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl ConfigError {
    pub fn new(kind: FailCode, message: impl Into<String>) -> Self {
        ConfigError {
            kind,
            message: message.into(),
        }
    }

    /// The stable code of [`ConfigError::kind`].
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

/// Reads the attributes of `host`; `inline` is a definition given in the page (see
/// [`Source::Inline`]), if any.
/// `subject_token` is the `subjectToken` property, else the `subject-token` attribute (the
/// loader decides).
pub fn read(
    host: &HtmlElement,
    inline: Option<String>,
    subject_token: Option<String>,
) -> Result<Config, ConfigError> {
    let attr = |name: &str| {
        host.get_attribute(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let inline = inline.filter(|t| !t.trim().is_empty());
    let page = Page::current(host.has_attribute("allow-insecure-endpoint"));
    let source = match (attr("instrument"), attr("src")) {
        (Some(_), _) | (_, Some(_)) if inline.is_some() => {
            return Err(ConfigError::new(
                FailCode::ConflictingAttributes,
                "the element has an inline definition (a <script type=\"application/fhir+json\"> child or the definition property) and also instrument=\"…\" or src=\"…\"; keep one of them",
            ))
        }
        (None, None) if inline.is_some() => Source::Inline(inline.unwrap_or_default()),
        (Some(_), Some(_)) => {
            return Err(ConfigError::new(
                FailCode::ConflictingAttributes,
                "both instrument=\"…\" and src=\"…\" are set; keep one of them",
            ))
        }
        (Some(id), None) => match rapport_core::bundled::get(&id) {
            Some(b) => Source::Bundled(b.id),
            None => {
                // A loop rather than `join`: its generic code is compiled for this one call.
                let mut known = String::new();
                for b in rapport_core::bundled::INSTRUMENTS {
                    known.push_str(b.id);
                    known.push_str(", ");
                }
                return Err(ConfigError::new(
                    FailCode::UnknownInstrument,
                    format!("instrument=\"{id}\" is not a bundled questionnaire; use one of: {known}or src=\"…\" for a FHIR Questionnaire URL"),
                ));
            }
        },
        (None, Some(src)) => Source::Url(check_url(&src, Target::Src, &page)?),
        (None, None) => {
            return Err(ConfigError::new(
                FailCode::MissingInstrument,
                "set instrument=\"working-together\" (or another bundled id) or src=\"…\" (the URL of a FHIR Questionnaire)",
            ))
        }
    };
    let host_delivery = match attr("delivery").as_deref() {
        None | Some("endpoint") => false,
        Some("host") => true,
        Some(other) => {
            return Err(ConfigError::new(
                FailCode::InvalidDelivery,
                format!("delivery=\"{other}\" is not a delivery mode; use endpoint (the default: the widget posts to endpoint=\"…\") or host (the page sends the payload itself: listen for rapport-submit)"),
            ))
        }
    };
    let endpoint = match attr("endpoint") {
        _ if host_delivery => HOST_ENDPOINT.to_owned(),
        Some(e) => check_url(&e, Target::Endpoint, &page)?,
        None => {
            return Err(ConfigError::new(
                FailCode::MissingEndpoint,
                "set endpoint=\"…\" to the URL that receives answers (e.g. /api/responses)",
            ))
        }
    };
    let context = match attr("context") {
        None => Value::Object(Default::default()),
        Some(text) => match crate::json::parse(&text) {
            Ok(v @ Value::Object(_))
                if crate::intl::json_text(&v).len()
                    > rapport_core::envelope::MAX_CONTEXT_BYTES =>
            {
                return Err(ConfigError::new(FailCode::InvalidContext, format!("context=\"…\" is larger than {} bytes; pass ids (an appointment id, a visit number), not data", rapport_core::envelope::MAX_CONTEXT_BYTES)))
            }
            Ok(v @ Value::Object(_)) => v,
            Ok(_) => {
                return Err(ConfigError::new(FailCode::InvalidContext, "context=\"…\" must be a JSON object, e.g. {\"appointmentId\":\"A-123\"}"))
            }
            Err(e) => {
                return Err(ConfigError::new(FailCode::InvalidContext, format!("context=\"…\" is not valid JSON ({e}); use a JSON object, e.g. {{\"appointmentId\":\"A-123\"}}")))
            }
        },
    };
    let storage = match attr("storage") {
        None => Policy::Session,
        Some(v) => Policy::parse(&v).ok_or_else(|| {
            ConfigError::new(
                FailCode::InvalidStorage,
                format!("storage=\"{v}\" is not a storage policy; use session (the default: kept until the tab closes), local (kept on the device) or none (shared devices: nothing stored)"),
            )
        })?,
    };
    let send_timeout_ms = match attr("send-timeout") {
        None => 20_000,
        Some(v) => match whole_number(&v) {
            Some(s @ 1..=120) => s * 1000,
            _ => {
                return Err(ConfigError::new(
                    FailCode::InvalidSendTimeout,
                    format!("send-timeout=\"{v}\" must be a whole number of seconds from 1 to 120 (default 20)"),
                ))
            }
        },
    };
    let instance = match attr("id") {
        Some(id) => id,
        None if context.as_object().is_some_and(|o| !o.is_empty()) => {
            format!("c{:08x}", fnv1a(&crate::intl::json_text(&context)))
        }
        None => "default".to_owned(),
    };
    let previous_scores = match attr("previous-scores") {
        None => Default::default(),
        Some(text) => {
            let bad = || {
                ConfigError::new(
                FailCode::InvalidPreviousScores,
                format!("previous-scores=\"{text}\" must be a JSON object of numbers by score id, e.g. {{\"total\":40}}"),
            )
            };
            let value = crate::json::parse(&text).map_err(|_| bad())?;
            match value {
                Value::Object(scores) if scores.values().all(Value::is_number) => scores,
                _ => return Err(bad()),
            }
        }
    };
    let draft_expiry_ms = match attr("draft-expiry") {
        None => 168,
        Some(v) => match whole_number(&v) {
            Some(h @ 1..=8760) => h,
            _ => {
                return Err(ConfigError::new(
                    FailCode::InvalidDraftExpiry,
                    format!("draft-expiry=\"{v}\" must be whole hours, 1 to 8760 (default 168)"),
                ))
            }
        },
    } as f64
        * 3_600_000.0;
    let terminology_server = match attr("terminology-server") {
        None => None,
        // The base without a trailing slash: `ValueSet/$expand` is put after it.
        Some(v) => Some(
            check_url(&v, Target::TerminologyServer, &page)?
                .trim_end_matches('/')
                .to_owned(),
        ),
    };
    let subject = match subject_token
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
    {
        None => None,
        Some(token) => {
            let claims = subject_claims(&token)?;
            Some((token, claims))
        }
    };
    Ok(Config {
        subject,
        terminology_server,
        draft_expiry_ms,
        prefix: crate::store::PREFIX.to_owned(),
        previous_scores,
        source,
        requested_languages: requested_languages(host),
        endpoint,
        context,
        storage,
        instance,
        send_timeout_ms,
        show_scores: host.has_attribute("show-scores"),
    })
}

/// A whole number of at most six digits (`send-timeout`, `draft-expiry`), folded by hand: one
/// small loop instead of the integer parser.
fn whole_number(text: &str) -> Option<i32> {
    if text.is_empty() || text.len() > 6 {
        return None;
    }
    text.bytes().try_fold(0i32, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + i32::from(b - b'0'))
    })
}

/// The `lang` attribute of the element or its nearest ancestor (as HTML inherits it), then the
/// browser's languages.
pub fn requested_languages(host: &HtmlElement) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(Some(el)) = host.closest("[lang]") {
        if let Some(l) = el.get_attribute("lang").filter(|l| !l.trim().is_empty()) {
            out.push(l.trim().to_owned());
        }
    }
    if let Some(w) = web_sys::window() {
        for l in w.navigator().languages().iter() {
            if let Some(s) = l.as_string() {
                out.push(s);
            }
        }
    }
    out
}

/// A 32-bit FNV-1a hash, to name a draft after the portal's context without writing the
/// context itself into a storage key.
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Which URL attribute is checked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target {
    /// `endpoint`: where the answers go.
    Endpoint,
    /// `src`: where the questionnaire's words and scoring rules come from.
    Src,
    /// `terminology-server`: where the answer lists of canonical value sets come from.
    TerminologyServer,
}

/// What a URL attribute is checked against: the page it is on.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// The document's base URL, which relative URLs resolve against.
    pub base: String,
    /// The page's origin (`https://portal.example`), for the same-origin rule.
    pub origin: String,
    /// The element has `allow-insecure-endpoint` (development only): plain http on another host
    /// is allowed for `endpoint`. Never for `src`, nor for credentials in a URL.
    pub allow_insecure_endpoint: bool,
}

impl Page {
    /// The current document's base URL and origin.
    fn current(allow_insecure_endpoint: bool) -> Page {
        let window = web_sys::window();
        Page {
            base: window
                .as_ref()
                .and_then(|w| w.document())
                .and_then(|d| d.base_uri().ok().flatten())
                .unwrap_or_default(),
            origin: window
                .and_then(|w| w.location().origin().ok())
                .unwrap_or_default(),
            allow_insecure_endpoint,
        }
    }
}

/// Resolves a URL attribute against the page and checks it, with the same rule for `endpoint`
/// and `src`: http(s) only; no user name or password in it; and private in transit, that is
/// https, the page's own origin, or a loopback host (development). Plain http to another host
/// would let anyone on the network read the answers (`endpoint`) or reword the questions and
/// their scoring (`src`). Returns the resolved URL.
pub fn check_url(value: &str, target: Target, page: &Page) -> Result<String, ConfigError> {
    let attr = match target {
        Target::Endpoint => "endpoint",
        Target::Src => "src",
        Target::TerminologyServer => "terminology-server",
    };
    let Ok(url) = web_sys::Url::new_with_base(value, &page.base) else {
        return Err(ConfigError::new(
            FailCode::InvalidUrl,
            format!("{attr}=\"{value}\" is not a valid URL"),
        ));
    };
    let protocol = url.protocol();
    if protocol != "https:" && protocol != "http:" {
        return Err(ConfigError::new(
            FailCode::InvalidUrl,
            format!("{attr}=\"{value}\" uses {protocol}; only http: and https: URLs are allowed"),
        ));
    }
    let href = url.href();
    // An http(s) URL's text starts with its origin unless a user name or password comes before
    // the host. The message does not repeat the URL, so never the password either.
    if !href.starts_with(&url.origin()) {
        return Err(ConfigError::new(
            FailCode::InvalidUrl,
            format!("{attr}=\"…\" has a user name or password before the host (user:password@): URLs end up in logs and browser history. Remove it; send a token with setRequestHeaders instead"),
        ));
    }
    let private =
        protocol == "https:" || url.origin() == page.origin || is_loopback(&url.hostname());
    match target {
        _ if private => Ok(href),
        Target::Endpoint if page.allow_insecure_endpoint => Ok(href),
        Target::Endpoint => Err(ConfigError::new(
            FailCode::InsecureEndpoint,
            format!("endpoint=\"{href}\" is plain http on another host: answers would cross the network unencrypted. Use https:, the page's own origin, or (for development only) add the attribute allow-insecure-endpoint"),
        )),
        Target::Src => Err(ConfigError::new(
            FailCode::InsecureSrc,
            format!("src=\"{href}\" is plain http on another host: anyone on the network could change the questions or their scoring. Use https:, the page's own origin, a loopback host (development), or an inline definition"),
        )),
        Target::TerminologyServer => Err(ConfigError::new(
            FailCode::InsecureTerminologyServer,
            format!("terminology-server=\"{href}\" is plain http on another host: anyone on the network could change the answers offered. Use https:, the page's own origin or a loopback host"),
        )),
    }
}

/// Whether a hostname, as the browser's URL parser writes it, is this device: `localhost`,
/// `[::1]`, or an IPv4 address in 127.0.0.0/8 (four numeric labels; the parser has already
/// turned forms such as `127.1` or `0x7f.0.0.1` into this one). Exact: `127.0.0.1.evil.test`
/// and `localhost.evil.test` are other hosts.
pub fn is_loopback(hostname: &str) -> bool {
    if hostname == "localhost" || hostname == "[::1]" {
        return true;
    }
    let mut labels = hostname.split('.');
    labels.next() == Some("127")
        && labels.clone().count() == 3
        && labels.all(|l| {
            (1..=3).contains(&l.len())
                && l.bytes()
                    .try_fold(0u32, |n, b| {
                        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
                    })
                    .is_some_and(|n| n <= 255)
        })
}

#[cfg(test)]
mod tests {
    use super::FailCode;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// The codes of README's "`rapport-failed` codes" table: the first cell of each row.
    fn readme_codes() -> Vec<String> {
        let readme = include_str!("../README.md");
        let table = readme
            .split("#### `rapport-failed` codes")
            .nth(1)
            .expect("README has a \"`rapport-failed` codes\" section");
        let table = table.split("\n#").next().unwrap_or(table);
        table
            .lines()
            .filter_map(|l| l.strip_prefix("| `"))
            .filter_map(|l| l.split('`').next())
            .map(str::to_owned)
            .collect()
    }

    #[wasm_bindgen_test]
    fn readme_lists_exactly_the_rapport_failed_codes() {
        let mut ours: Vec<String> = FailCode::ALL.iter().map(|c| c.code().to_owned()).collect();
        ours.extend(super::PASSED_ON.iter().map(|c| c.to_string()));
        // Sent by the loader (js/rapport.js) when the WebAssembly cannot start; checked
        // against the loader by xtask's `elements` tests.
        ours.push("wasm-load-failed".to_owned());
        let mut readme = readme_codes();
        ours.sort();
        readme.sort();
        let mut unique = ours.clone();
        unique.dedup();
        assert_eq!(unique, ours, "FailCode::ALL lists a code twice");
        assert_eq!(
            readme, ours,
            "README's rapport-failed codes table and FailCode::ALL differ"
        );
    }
}

//! Reads and checks the element's attributes. A wrong attribute becomes a [`ConfigError`] with
//! what is wrong and how to fix it (for the portal developer, in English), which the widget
//! shows in a small panel and logs to the console. Never touches the host page.

use serde_json::Value;
use web_sys::HtmlElement;

/// Where the definition comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// A bundled instrument, by id.
    Bundled(&'static str),
    /// A FHIR Questionnaire at a URL.
    Url(String),
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
}

/// A configuration problem.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfigError {
    /// A stable code (e.g. `unknown-instrument`), also sent in `rapport-failed`.
    pub code: &'static str,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl ConfigError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        ConfigError {
            code,
            message: message.into(),
        }
    }
}

/// Reads the attributes of `host`.
pub fn read(host: &HtmlElement) -> Result<Config, ConfigError> {
    let attr = |name: &str| {
        host.get_attribute(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let source = match (attr("instrument"), attr("src")) {
        (Some(_), Some(_)) => {
            return Err(ConfigError::new(
                "conflicting-attributes",
                "both instrument=\"…\" and src=\"…\" are set; keep one of them",
            ))
        }
        (Some(id), None) => match rapport_core::bundled::get(&id) {
            Some(b) => Source::Bundled(b.id),
            None => {
                let known: Vec<&str> = rapport_core::bundled::INSTRUMENTS.iter().map(|b| b.id).collect();
                return Err(ConfigError::new(
                    "unknown-instrument",
                    format!("instrument=\"{id}\" is not a bundled questionnaire; use one of: {}, or src=\"…\" for a FHIR Questionnaire URL", known.join(", ")),
                ));
            }
        },
        (None, Some(src)) => Source::Url(resolve_url(&src, "src")?),
        (None, None) => {
            return Err(ConfigError::new(
                "missing-instrument",
                "set instrument=\"working-together\" (or another bundled id) or src=\"…\" (the URL of a FHIR Questionnaire)",
            ))
        }
    };
    let endpoint = match attr("endpoint") {
        Some(e) => resolve_url(&e, "endpoint")?,
        None => {
            return Err(ConfigError::new(
                "missing-endpoint",
                "set endpoint=\"…\" to the URL that receives answers (e.g. /api/responses)",
            ))
        }
    };
    let context = match attr("context") {
        None => Value::Object(Default::default()),
        Some(text) => match serde_json::from_str::<Value>(&text) {
            Ok(v @ Value::Object(_)) => v,
            Ok(_) => {
                return Err(ConfigError::new("invalid-context", "context=\"…\" must be a JSON object, e.g. {\"appointmentId\":\"A-123\"}"))
            }
            Err(e) => {
                return Err(ConfigError::new("invalid-context", format!("context=\"…\" is not valid JSON ({e}); use a JSON object, e.g. {{\"appointmentId\":\"A-123\"}}")))
            }
        },
    };
    Ok(Config {
        source,
        requested_languages: requested_languages(host),
        endpoint,
        context,
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

/// Resolves a URL attribute against the page and allows only http(s).
fn resolve_url(value: &str, attr: &str) -> Result<String, ConfigError> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    match web_sys::Url::new_with_base(value, &base) {
        Ok(u) if u.protocol() == "https:" || u.protocol() == "http:" => Ok(u.href()),
        Ok(u) => Err(ConfigError::new(
            "invalid-url",
            format!(
                "{attr}=\"{value}\" uses {}; only http: and https: URLs are allowed",
                u.protocol()
            ),
        )),
        Err(_) => Err(ConfigError::new(
            "invalid-url",
            format!("{attr}=\"{value}\" is not a valid URL"),
        )),
    }
}

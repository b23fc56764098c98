//! The root component: loads, then shows the questionnaire or a configuration panel.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use web_sys::HtmlElement;

use crate::components::{attr, form::Form, panel::ConfigPanel, question};
use crate::config::{Config, ConfigError, FailCode};
use crate::control::Control;
use crate::delivery::DeliverySettings;
use crate::events::{self, Detail};
use crate::load::{self, Loaded};
use crate::session::Session;
use crate::text::Strings;

/// What loading ended with: the questionnaire, its strings and the configuration with the
/// storage of its subject settled, or what is wrong.
type Outcome = Result<(Arc<Loaded>, Arc<Strings>, Config), ConfigError>;

/// Loads the questionnaire for `config`, then renders it.
#[component]
pub fn App(
    /// The `<rapport-questionnaire>` element (events are dispatched on it).
    host: HtmlElement,
    /// The checked attributes, or what is wrong with them.
    config: Result<Config, ConfigError>,
    /// Where `rapport.js` was loaded from (ends with `/`).
    base_url: String,
    /// The loader's handle.
    control: Control,
) -> impl IntoView {
    // Set once, then the view follows (a `Trigger` and a `OnceLock`, not a signal).
    let outcome: Arc<OnceLock<Outcome>> = Arc::new(OnceLock::new());
    let finished = Trigger::new();
    let finish = {
        let outcome = outcome.clone();
        move |o: Outcome| {
            let _ = outcome.set(o);
            finished.notify();
        }
    };
    match config {
        Err(e) => {
            events::config_failed(&host, e.code(), &e.message);
            finish(Err(e));
        }
        Ok(mut c) => {
            let host = host.clone();
            leptos::task::spawn_local(async move {
                if let Some((_, claims)) = &c.subject {
                    match crate::store::subject_prefix(claims).await {
                        Some(prefix) => c.prefix = prefix,
                        None => {
                            // Page memory only, kept apart by the ids themselves (never
                            // written anywhere).
                            events::console_error(
                                "no crypto.subtle (insecure page): nothing stored for this patient",
                            );
                            c.storage = crate::store::Policy::None;
                            c.prefix =
                                format!("{}m:{}:", crate::store::PREFIX, claims.scope_text());
                        }
                    }
                }
                let loaded = match load::load(&c, &base_url).await {
                    // The rarer controls' chunk, when the definition has one (before drawing).
                    Ok(mut l) => match question::load_rare(&mut l.0).await {
                        Ok(()) => Ok(l),
                        Err(Ok(message)) => {
                            Err(ConfigError::new(FailCode::DefinitionUnreachable, message))
                        }
                        Err(Err(problems)) => {
                            Err(ConfigError::new(FailCode::InvalidDefinition, problems))
                        }
                    },
                    Err(e) => Err(e),
                };
                match loaded {
                    Ok((loaded, strings)) => {
                        finish(Ok((loaded.clone(), strings.clone(), c)));
                        Detail::new()
                            .value(
                                "instrument",
                                &Detail::instrument(&loaded.instrument_id, &loaded.version),
                            )
                            .text("language", &strings.tag)
                            .dispatch(&host, "rapport-ready");
                    }
                    Err(e) => {
                        events::config_failed(&host, e.code(), &e.message);
                        finish(Err(e));
                    }
                }
            });
        }
    }
    let host = SendWrapper::new(host);
    move || {
        finished.track();
        match outcome.get() {
            None => {
                view! { <div class="rapport loading" {attr("aria-busy", "true")}></div> }.into_any()
            }
            Some(Err(e)) => view! { <ConfigPanel error=e.clone()/> }.into_any(),
            Some(Ok((loaded, strings, c))) => {
                let session = Session::new(
                    loaded.clone(),
                    strings.clone(),
                    (*host).clone(),
                    DeliverySettings {
                        endpoint: c.endpoint.clone(),
                        context: c.context.clone(),
                        policy: c.storage,
                        instance: c.instance.clone(),
                        timeout_ms: c.send_timeout_ms,
                        control: control.clone(),
                        previous_scores: c.previous_scores.clone(),
                        show_scores: c.show_scores,
                        subject: c.subject.as_ref().map(|(_, claims)| claims.clone()),
                        prefix: c.prefix.clone(),
                        draft_expiry_ms: c.draft_expiry_ms,
                    },
                );
                session.resume(question::fit(), question::read_typed());
                view! { <Form session=session control=control.clone()/> }.into_any()
            }
        }
    }
}

//! The root component: loads, then shows the questionnaire or a configuration panel.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use web_sys::HtmlElement;

use crate::components::{attr, form::Form, panel::ConfigPanel};
use crate::config::{Config, ConfigError};
use crate::control::Control;
use crate::delivery::DeliverySettings;
use crate::events::{self, Detail};
use crate::load::{self, Loaded};
use crate::session::Session;
use crate::text::Strings;

/// What loading ended with: the questionnaire and its strings, or what is wrong.
type Outcome = Result<(Arc<Loaded>, Arc<Strings>), ConfigError>;

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
    /// Fetches the loader started early, by URL (see [`crate::net::get_text`]).
    started: js_sys::Map,
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
    match config.clone() {
        Err(e) => {
            events::config_failed(&host, e.code(), &e.message);
            finish(Err(e));
        }
        Ok(c) => {
            let host = host.clone();
            leptos::task::spawn_local(async move {
                match load::load(&c, &base_url, &started).await {
                    Ok((loaded, strings)) => {
                        finish(Ok((loaded.clone(), strings.clone())));
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
    let config = config.ok();
    let host = SendWrapper::new(host);
    move || {
        finished.track();
        match outcome.get() {
            None => {
                view! { <div class="rapport loading" {attr("aria-busy", "true")}></div> }.into_any()
            }
            Some(Err(e)) => view! { <ConfigPanel error=e.clone()/> }.into_any(),
            Some(Ok((loaded, strings))) => {
                let Some(c) = config.clone() else {
                    return ().into_any();
                };
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
                    },
                );
                session.resume();
                view! { <Form session=session control=control.clone()/> }.into_any()
            }
        }
    }
}

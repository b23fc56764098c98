//! The root component: loads, then shows the questionnaire or a configuration panel.

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::json;
use web_sys::HtmlElement;

use crate::components::{form::Form, panel::ConfigPanel};
use crate::config::{Config, ConfigError};
use crate::events;
use crate::load::{self, Loaded};
use crate::session::{DeliverySettings, Session};
use crate::text::Strings;

/// A handle the loader uses to talk to a mounted widget (e.g. when `lang` changes).
#[derive(Clone)]
pub struct Control {
    /// A language the host asked for; the form follows it.
    pub language: ArcRwSignal<Option<String>>,
    /// Request headers the portal set from JavaScript (`setRequestHeaders`).
    pub headers: ArcRwSignal<Vec<(String, String)>>,
}

impl Control {
    pub fn new() -> Self {
        Control {
            language: ArcRwSignal::new(None),
            headers: ArcRwSignal::new(Vec::new()),
        }
    }

    /// Replaces the extra request headers and retries a waiting send at once (it may have
    /// been waiting for these credentials).
    pub fn set_headers(&self, headers: Vec<(String, String)>) {
        self.headers.set(headers);
        crate::delivery::wake_all();
    }

    pub fn set_language(&self, tag: String) {
        self.language.set(Some(tag));
    }
}

impl Default for Control {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Clone)]
enum Phase {
    Loading,
    Failed(ConfigError),
    Ready(Arc<Loaded>, Arc<Strings>),
}

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
    let phase = RwSignal::new(Phase::Loading);
    let host_store = StoredValue::new_local(host.clone());
    match config.clone() {
        Err(e) => {
            events::config_failed(&host, e.code, &e.message);
            phase.set(Phase::Failed(e));
        }
        Ok(c) => {
            let host = host.clone();
            leptos::task::spawn_local(async move {
                match load::load(&c, &base_url, &started).await {
                    Ok((loaded, strings)) => {
                        phase.set(Phase::Ready(loaded.clone(), strings.clone()));
                        events::dispatch(
                            &host,
                            "rapport-ready",
                            &json!({
                                "instrument": { "id": loaded.instrument_id, "version": loaded.version },
                                "language": strings.tag,
                            }),
                        );
                    }
                    Err(e) => {
                        events::config_failed(&host, e.code, &e.message);
                        phase.set(Phase::Failed(e));
                    }
                }
            });
        }
    }
    let config = config.ok();
    move || match phase.get() {
        Phase::Loading => view! { <div class="rapport loading" aria-busy="true"></div> }.into_any(),
        Phase::Failed(e) => view! { <ConfigPanel error=e/> }.into_any(),
        Phase::Ready(loaded, strings) => {
            let Some(c) = config.clone() else {
                return ().into_any();
            };
            let session = Session::new(
                loaded,
                strings,
                host_store.get_value(),
                DeliverySettings {
                    endpoint: c.endpoint.clone(),
                    context: c.context.clone(),
                    policy: c.storage,
                    instance: c.instance.clone(),
                    timeout_ms: c.send_timeout_ms,
                    headers: control.headers.clone(),
                    previous_scores: c.previous_scores.clone(),
                    show_scores: c.show_scores,
                },
            );
            crate::delivery::resume(session);
            view! { <Form session=session control=control.clone()/> }.into_any()
        }
    }
}

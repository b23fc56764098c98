//! Rapport's widget: binds the pure core ([`rapport_core`]) to the DOM with Leptos.
//!
//! The hand-written loader `js/rapport.js` defines `<rapport-questionnaire>`, attaches an open
//! shadow root and calls [`mount`]. From there data flows one way: element attributes →
//! [`config::Config`] (checked) → definition and Fluent files ([`load`]) → [`session::Session`]
//! (the answers and the rest of the state in one stored value, a trigger per part) → view
//! ([`app`], [`components`]) → the typed submission and its envelope ([`delivery`]) → [`net`] →
//! endpoint → DOM events back to the host page ([`events`]).
//!
//! This crate owns everything that touches the browser: fetch, events, focus, styles. It holds
//! no user-visible words: they come from Fluent files or from the definition itself.

pub mod app;
pub mod components;
pub mod config;
pub mod control;
pub mod delivery;
pub mod events;
pub mod intl;
pub mod json;
pub mod load;
pub mod net;
pub mod session;
pub mod store;
pub mod text;

use std::any::Any;

use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};

use control::Control;

/// The widget's styles, attached to the shadow root as a constructed stylesheet (a strict
/// `style-src 'self'` policy blocks `<style>` elements and `style` attributes).
const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

/// What the loader keeps for one mounted element. Dropping the Leptos handle unmounts the view,
/// so it lives here until [`WidgetHandle::unmount`].
#[wasm_bindgen]
pub struct WidgetHandle {
    view: Option<Box<dyn Any>>,
    control: Control,
    host: HtmlElement,
    /// Whose answers this widget was mounted for: `Some(None)` without a subject, `None` when
    /// the configuration (token included) could not be read.
    mounted: Option<Option<rapport_core::subject::SubjectClaims>>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget's view (called by the loader when the element leaves the page).
    pub fn unmount(&mut self) {
        self.view.take();
    }

    /// Switches the widget's language (the loader calls this when the `lang` attribute
    /// changes). Answers are kept.
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&self, tag: String) {
        self.control.set_language(tag);
    }

    /// Sets extra request headers for sending answers (e.g. `Authorization` or a CSRF token),
    /// from a plain object of strings. Kept in memory only, never stored or shown.
    #[wasm_bindgen(js_name = setRequestHeaders)]
    pub fn set_request_headers(&self, headers: JsValue) {
        let mut list = Vec::new();
        if let Some(object) = headers.dyn_ref::<js_sys::Object>() {
            for pair in js_sys::Object::entries(object).iter() {
                let pair: js_sys::Array = pair.unchecked_into();
                if let (Some(name), Some(value)) =
                    (pair.get(0).as_string(), pair.get(1).as_string())
                {
                    list.push((name, value));
                }
            }
        }
        self.control.set_headers(list);
    }

    /// The portal set a new subject token (`subject-token` or `subjectToken`; empty or absent
    /// for none). Returns `true` when it is about another patient than the one the widget was
    /// mounted for: the loader then mounts a new widget, whose storage is that patient's (the
    /// first patient's draft and queued submission stay under theirs, and are never sent with
    /// this token). The same patient's fresh token is used from the next attempt on, and wakes
    /// a send waiting for it. A token that cannot be read is reported in `rapport-failed` with
    /// its code; the answers stay and nothing is sent until a good one comes.
    #[wasm_bindgen(js_name = setSubjectToken)]
    pub fn set_subject_token(&self, token: Option<String>) -> bool {
        let token = token.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
        let read = match token {
            None => Ok(None),
            Some(t) => config::subject_claims(&t).map(|c| Some((t, c))),
        };
        match read {
            Err(e) => {
                events::config_failed(&self.host, e.code(), &e.message);
                self.control.set_subject(Err(()));
                false
            }
            Ok(subject) => {
                let claims = subject.as_ref().map(|(_, c)| c.clone());
                if self.mounted.as_ref() != Some(&claims) {
                    return true;
                }
                self.control.set_subject(Ok(subject));
                false
            }
        }
    }
}

/// `el.clearStoredData()`'s part in the page's memory (`storage="none"`): forgets every
/// queued submission and returns how many (the loader wipes Web Storage).
#[wasm_bindgen(js_name = clearMemory)]
pub fn clear_memory() -> u32 {
    store::clear_memory()
}

/// Host delivery (`delivery="host"`): the page confirms that it delivered the submission with
/// this idempotency key (`receipt` is passed on in `rapport-submitted`). Returns `false` when no
/// such submission is waiting. The loader exposes it as the element's `confirmSubmission`.
#[wasm_bindgen(js_name = confirmSubmission)]
pub fn confirm_submission(idempotency_key: String, receipt: JsValue) -> bool {
    let reply = events::Detail::new()
        .flag("ok", true)
        .value("receipt", &receipt);
    delivery::host_reply(&idempotency_key, &reply.into())
}

/// Host delivery: the page could not deliver the submission with this key. `retryable`
/// (default true) asks the widget to try again later with the same key; `false` shows the
/// patient that the answers could not be accepted. The element's `rejectSubmission`.
#[wasm_bindgen(js_name = rejectSubmission)]
pub fn reject_submission(
    idempotency_key: String,
    retryable: Option<bool>,
    message: Option<String>,
) -> bool {
    let reply = events::Detail::new()
        .flag("ok", false)
        .flag("retryable", retryable.unwrap_or(true))
        .text("message", message.as_deref().unwrap_or(""));
    delivery::host_reply(&idempotency_key, &reply.into())
}

/// Mounts a widget for `host` into `shadow`. `base_url` is where `rapport.js` was loaded from;
/// locale files are fetched relative to it. `definition` is a FHIR Questionnaire given in the
/// page (JSON text), if the loader found one. `assets` is the loader's resolver of the
/// release's files: called with a URL, it gives a `fetch` promise (begun early while the
/// WebAssembly loaded, or now, with the file's content-hashed name and integrity hash), or
/// `undefined` for a URL that is not one of them (see [`net::take_or_start`]).
/// `subject_token` is the portal's (the `subjectToken` property, else the attribute).
/// `chunk_failure` gives why the loader could not load a WebAssembly chunk last (the error it
/// threw: an altered chunk is a `RapportIntegrityError`), see [`net::chunk_failure`].
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    shadow: ShadowRoot,
    base_url: String,
    definition: Option<String>,
    assets: Option<js_sys::Function>,
    subject_token: Option<String>,
    chunk_failure: Option<js_sys::Function>,
) -> Result<WidgetHandle, JsValue> {
    net::set_assets(assets, chunk_failure);
    adopt_styles(&shadow)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("rapport: no document"))?;
    let container: HtmlElement = document.create_element("div")?.dyn_into()?;
    container.set_attribute("class", "rapport-host")?;
    shadow.append_child(&container)?;
    let config = config::read(&host, definition, subject_token);
    let control = Control::new();
    let mounted = config.as_ref().ok().map(|c| {
        control.set_subject(Ok(c.subject.clone()));
        c.subject.as_ref().map(|(_, claims)| claims.clone())
    });
    let ctl = control.clone();
    let host_for_view = host.clone();
    let view = leptos::mount::mount_to(container, move || {
        app::App(app::AppProps {
            host: host_for_view,
            config,
            base_url,
            control: ctl,
        })
    });
    Ok(WidgetHandle {
        view: Some(Box::new(view)),
        control,
        host,
        mounted,
    })
}

fn adopt_styles(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(STYLES)?;
    let sheets = js_sys::Array::of1(&sheet);
    shadow.set_adopted_style_sheets(&sheets);
    Ok(())
}

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
/// page (JSON text), if the loader found one. `started` maps URLs to `fetch` promises the loader
/// began while the WebAssembly was loading (the language list and a bundled definition).
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    shadow: ShadowRoot,
    base_url: String,
    definition: Option<String>,
    started: Option<js_sys::Map>,
) -> Result<WidgetHandle, JsValue> {
    adopt_styles(&shadow)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("rapport: no document"))?;
    let container: HtmlElement = document.create_element("div")?.dyn_into()?;
    container.set_attribute("class", "rapport-host")?;
    shadow.append_child(&container)?;
    let config = config::read(&host, definition);
    let control = Control::new();
    let ctl = control.clone();
    let host_for_view = host.clone();
    let view = leptos::mount::mount_to(container, move || {
        app::App(app::AppProps {
            host: host_for_view,
            config,
            base_url,
            control: ctl,
            started: started.unwrap_or_default(),
        })
    });
    Ok(WidgetHandle {
        view: Some(Box::new(view)),
        control,
    })
}

fn adopt_styles(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(STYLES)?;
    let sheets = js_sys::Array::of1(&sheet);
    shadow.set_adopted_style_sheets(&sheets);
    Ok(())
}

//! The helpers every view is written with. They carry the widget's size rules (docs/size.md,
//! "Rules for the widget's view code"): Leptos compiles its reactive and rendering code once per
//! Rust *type*, so the views use a few types for everything (three signal types, attributes by
//! name, `AnyView`, no `NodeRef`), and view code written with these needs no size comments.

use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::{custom_attribute, CustomAttr};
use leptos::tachys::html::attribute::AttributeValue;
use leptos::tachys::renderer::{dom::Dom, RemoveEventHandler};
use send_wrapper::SendWrapper;
use std::{cell::RefCell, rc::Rc};

use crate::session::Session;

/// A widget message in the language shown, as plain text: the form is drawn again when the
/// language changes (the answers live in the session), so a text that depends only on the
/// language needs no reactive node of its own.
pub fn tr(s: Session, id: &'static str) -> String {
    s.strings_untracked().t(id)
}

/// A text that changes with the answers or the status. Read with `.get()`.
#[inline(always)] // as if `Signal::derive` were written here: no function per call site
pub fn live_text(f: impl Fn() -> String + Send + Sync + 'static) -> Signal<String> {
    Signal::derive(f)
}

/// A yes/no that changes with the answers or the status (`class:x=`, `disabled`, …).
#[inline(always)]
pub fn live_flag(f: impl Fn() -> bool + Send + Sync + 'static) -> Signal<bool> {
    Signal::derive(f)
}

/// An optional text that changes: an attribute that is there or not (`aria-invalid`), or a
/// message.
#[inline(always)]
pub fn live_maybe(
    f: impl Fn() -> Option<String> + Send + Sync + 'static,
) -> Signal<Option<String>> {
    Signal::derive(f)
}

/// An HTML attribute by name, written in a view as `{attr("role", "status")}`; every attribute
/// but `class` is written this way. The browser sees the same `setAttribute` as for
/// `role="status"`.
pub fn attr<V: AttributeValue>(name: &'static str, value: V) -> CustomAttr<&'static str, V> {
    custom_attribute(name, value)
}

/// An event listener, written in a view as `{listen("input", move |ev| …)}`; every listener
/// is written this way. The browser sees the same `addEventListener` as for
/// `on:input=…`, and the handler runs under the view's reactive owner, as Leptos's does.
/// Why not `on:`: Leptos's listener code is compiled per event type and handler, and always
/// links its global event delegation (a hash set of event names and a document listener),
/// which the widget never uses.
pub fn listen(
    event: &'static str,
    f: impl FnMut(web_sys::Event) + 'static,
) -> CustomAttr<&'static str, Listener> {
    let f: Handler = Rc::new(RefCell::new(f));
    custom_attribute(
        event,
        Listener(SendWrapper::new((Owner::current().unwrap_or_default(), f))),
    )
}

/// An event handler and the owner it runs under; the attribute's name is the event's.
#[derive(Clone)]
pub struct Listener(SendWrapper<(Owner, Handler)>);

type Handler = Rc<RefCell<dyn FnMut(web_sys::Event)>>;

impl Listener {
    fn attach(self, el: &web_sys::Element, event: &str) -> RemoveEventHandler<web_sys::Element> {
        let (owner, f) = self.0.take();
        Dom::add_event_listener(
            el,
            event,
            Box::new(move |ev| owner.with(|| (f.borrow_mut())(web_sys::Event::from(ev)))),
        )
    }
}

impl AttributeValue for Listener {
    /// The element, and what removes the listener (when the view is rebuilt or dropped).
    type State = (web_sys::Element, RemoveEventHandler<web_sys::Element>);
    type AsyncOutput = Self;
    type Cloneable = Self;
    type CloneableOwned = Self;

    fn html_len(&self) -> usize {
        0
    }

    fn to_html(self, _key: &str, _buf: &mut String) {}

    fn to_template(_key: &str, _buf: &mut String) {}

    fn hydrate<const FROM_SERVER: bool>(self, key: &str, el: &web_sys::Element) -> Self::State {
        self.build(el, key)
    }

    fn build(self, el: &web_sys::Element, key: &str) -> Self::State {
        (el.clone(), self.attach(el, key))
    }

    fn rebuild(self, key: &str, state: &mut Self::State) {
        // The new listener replaces the old, which is removed as its handle is dropped.
        state.1 = self.attach(&state.0, key);
    }

    fn into_cloneable(self) -> Self {
        self
    }

    fn into_cloneable_owned(self) -> Self {
        self
    }

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self {
        self
    }
}

/// A selector for the element of this widget that has the focus, to find it again after the
/// form is drawn again (a language change): by id, by a radio's name and value, or by test id.
pub fn focused(s: Session) -> Option<String> {
    let el = s.host().shadow_root()?.active_element()?;
    // By id, else by a radio's name and value, else by test id: `[name="value"]` for each
    // attribute, pushed onto one string (no `format!` per case).
    let mut selector = String::new();
    'ways: for names in [&["id"][..], &["name", "value"], &["data-testid"]] {
        selector.clear();
        for &name in names {
            let Some(value) = el.get_attribute(name).filter(|v| !v.is_empty()) else {
                continue 'ways;
            };
            for part in ["[", name, "=\"", &value, "\"]"] {
                selector.push_str(part);
            }
        }
        return Some(selector);
    }
    None
}

/// Focuses the element of this widget that matches `selector`, if there is one, found from the
/// host's shadow root (or the host, when mounted without one, as in the component tests).
pub fn focus(s: Session, selector: &str) {
    use wasm_bindgen::JsCast;
    let host = s.host();
    let found = match host.shadow_root() {
        Some(root) => root.query_selector(selector),
        None => host.query_selector(selector),
    };
    if let Some(el) = found
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

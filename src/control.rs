//! What the page asks of a mounted widget from outside its view: the loader's handle
//! ([`Control`]: a language, request headers) and the page-wide wake-up of sends that wait to
//! be retried ([`wake_all`]: new headers, the browser back online, a "try again" tap).
//!
//! A leaf: it knows neither the session nor the delivery loop, so both can use it.

use std::cell::{Cell, RefCell};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use leptos::prelude::*;
use rapport_core::subject::SubjectClaims;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// A handle the loader uses to talk to a mounted widget (e.g. when `lang` changes).
///
/// Plain shared state and a trigger rather than two signals (docs/size.md, "Rules for the
/// widget's view code").
#[derive(Clone, Default)]
pub struct Control {
    requests: Arc<Mutex<Requests>>,
    language_changed: ArcTrigger,
}

struct Requests {
    /// A language the host asked for; the form follows it.
    language: Option<String>,
    /// Request headers the portal set from JavaScript (`setRequestHeaders`).
    headers: Vec<(String, String)>,
    /// The portal's subject token now and who it is about; `Err` when the last one set could
    /// not be read (nothing is sent until a good one comes).
    subject: Result<Option<(String, SubjectClaims)>, ()>,
}

impl Default for Requests {
    fn default() -> Self {
        Requests {
            language: None,
            headers: Vec::new(),
            subject: Ok(None),
        }
    }
}

impl Control {
    pub fn new() -> Self {
        Self::default()
    }

    fn requests(&self) -> MutexGuard<'_, Requests> {
        // Nothing can poison it (the wasm aborts on a panic); take the value regardless.
        self.requests.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Replaces the extra request headers and retries a waiting send at once (it may have
    /// been waiting for these credentials).
    pub fn set_headers(&self, headers: Vec<(String, String)>) {
        self.requests().headers = headers;
        wake_all();
    }

    /// Replaces the subject token (the same patient's fresh one, or one that could not be read)
    /// and retries a waiting send at once (it may have been refused for an expired token).
    pub fn set_subject(&self, subject: Result<Option<(String, SubjectClaims)>, ()>) {
        self.requests().subject = subject;
        wake_all();
    }

    /// The token to send a submission of `claims`' patient with (`Some(None)`: no subject, no
    /// token), read just before each attempt; `None` while the token the portal set is not
    /// that patient's (or could not be read): then nothing is sent.
    pub fn token_for(&self, claims: Option<&SubjectClaims>) -> Option<Option<String>> {
        match (&self.requests().subject, claims) {
            (Ok(None), None) => Some(None),
            (Ok(Some((token, now))), Some(c)) if now == c => Some(Some(token.clone())),
            _ => None,
        }
    }

    /// The extra request headers now (not reactive: read when a send starts).
    pub fn headers(&self) -> Vec<(String, String)> {
        self.requests().headers.clone()
    }

    pub fn set_language(&self, tag: String) {
        self.requests().language = Some(tag);
        self.language_changed.notify();
    }

    /// The language the host asked for last, if any; reactive.
    pub fn language(&self) -> Option<String> {
        self.language_changed.track();
        self.requests().language.clone()
    }
}

thread_local! {
    /// Resolvers of the waits in progress; calling one ends that wait early.
    static WAKERS: RefCell<Vec<js_sys::Function>> = const { RefCell::new(Vec::new()) };
    static ONLINE_LISTENER: Cell<bool> = const { Cell::new(false) };
}

/// Listens once per page for the browser coming back online, which ends every retry wait
/// ([`wake_all`]): the delivery loop's, and the wait for the chunk that sends
/// (`session::sending_loaded`).
pub fn listen_online() {
    if ONLINE_LISTENER.with(|l| l.replace(true)) {
        return;
    }
    if let Some(window) = web_sys::window() {
        let on_online = Closure::<dyn Fn()>::new(wake_all);
        let _ =
            window.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
        on_online.forget(); // one listener for the page's lifetime
    }
}

/// Ends every retry wait on the page now (back online, "try again", new headers).
pub fn wake_all() {
    let wakers = WAKERS.with(|w| std::mem::take(&mut *w.borrow_mut()));
    for f in wakers {
        let _ = f.call0(&JsValue::NULL);
    }
}

/// Waits `ms` milliseconds, or until [`wake_all`]; with `None`, only until [`wake_all`].
pub async fn wait(ms: Option<f64>) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let (Some(ms), Some(window)) = (ms, web_sys::window()) {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms.round() as i32);
        }
        WAKERS.with(|w| w.borrow_mut().push(resolve));
    });
    let _ = JsFuture::from(promise).await;
}

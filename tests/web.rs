//! Component tests in headless Chromium (`cargo test --target wasm32-unknown-unknown`).
//! Each test mounts the form into a fresh element with the real bundled definitions and the
//! real Fluent files, acts on it like a patient, waits a tick (Leptos updates the DOM
//! asynchronously) and checks text and ARIA attributes, not markup. Where the wording is not
//! the point, a text is compared with the Fluent message it should be (by id and arguments,
//! [`en`]), so a copy edit in a `.ftl` file breaks no test.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use rapport_core::i18n::{strip_isolation, Arg, Localizer};
use rapport_widget::components::form::Form;
use rapport_widget::config::Source;
use rapport_widget::control::Control;
use rapport_widget::load::{Language, Loaded, EN_WIDGET};
use rapport_widget::session::Session;
use rapport_widget::text::Strings;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn ftl(id: &str) -> &'static str {
    match id {
        "session-checkin" => include_str!("../locales/en/session-checkin.ftl"),
        "working-together" => include_str!("../locales/en/working-together.ftl"),
        "psychiatry-relationship" => include_str!("../locales/en/psychiatry-relationship.ftl"),
        _ => "",
    }
}

/// The English message `id` with `args`, as the widget formats it (isolation marks removed, as
/// [`text`] does), from the widget's strings and `working-together`'s file.
fn en(id: &str, args: &[(&str, Arg)]) -> String {
    let mut loc = Localizer::new();
    assert!(loc
        .add_locale("en", &[EN_WIDGET, ftl("working-together")])
        .is_empty());
    let message = loc.text(id, args);
    assert_ne!(message, id, "no English message {id}");
    strip_isolation(&message).trim().to_owned()
}

fn n(v: f64) -> Arg {
    Arg::Number(v)
}

/// Mounts the form for a bundled instrument in English; returns the container element.
fn mount(id: &'static str) -> HtmlElement {
    let definition = rapport_core::bundled::load(id).unwrap().unwrap();
    let source = Source::Bundled(rapport_core::bundled::get(id).unwrap().id);
    let mut loc = Localizer::new();
    assert!(loc.add_locale("en", &[EN_WIDGET, ftl(id)]).is_empty());
    mount_with(definition, source, loc, "en", vec![])
}

/// Mounts the clinic-style definition with every item type, its texts in `lang`, once the
/// rarer controls are loaded (as the app does before drawing such a definition).
async fn mount_fhir(lang: &str) -> HtmlElement {
    let definition = rapport_core::definition::Questionnaire::from_json(include_str!(
        "../demo/clinic-questionnaire.json"
    ))
    .unwrap();
    let source = Source::Url("/all-types.json".into());
    let mut loaded = loaded_for(definition, source);
    rapport_widget::components::question::load_rare(&mut loaded)
        .await
        .expect("the controls load");
    let mut loc = Localizer::new();
    assert!(loc.add_locale("en", &[EN_WIDGET]).is_empty());
    mount_loaded(loaded, loc, lang, vec![lang.to_owned(), "en".into()])
}

thread_local! {
    /// The session of the form mounted last, to look at its state.
    static LAST_SESSION: std::cell::Cell<Option<Session>> = const { std::cell::Cell::new(None) };
}

fn last_session() -> Session {
    LAST_SESSION.with(|l| l.get()).expect("a form was mounted")
}

fn mount_with(
    definition: rapport_core::definition::Questionnaire,
    source: Source,
    loc: Localizer,
    tag: &str,
    definition_chain: Vec<String>,
) -> HtmlElement {
    mount_loaded(loaded_for(definition, source), loc, tag, definition_chain)
}

/// What the widget has loaded for `definition` from `source`, in English.
fn loaded_for(definition: rapport_core::definition::Questionnaire, source: Source) -> Arc<Loaded> {
    Arc::new(Loaded {
        version: definition.version.clone().unwrap_or_default(),
        instrument_id: definition.name.clone().unwrap_or_default(),
        base: Arc::new(definition.clone()),
        definition: Arc::new(definition),
        source,
        languages: vec![Language {
            tag: "en".into(),
            name: "English".into(),
            dir: "ltr".into(),
            status: "source".into(),
        }],
        widget_languages: vec!["en".into()],
        base_url: "/".into(),
    })
}

fn mount_loaded(
    loaded: Arc<Loaded>,
    loc: Localizer,
    tag: &str,
    definition_chain: Vec<String>,
) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document
        .create_element("section")
        .unwrap()
        .dyn_into()
        .unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let bundled = matches!(loaded.source, Source::Bundled(_));
    let strings = Arc::new(Strings {
        loc,
        tag: tag.into(),
        dir: "ltr",
        status: if bundled {
            "source".into()
        } else {
            "definition".into()
        },
        definition_chain,
        bundled,
    });
    let h = host.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let session = Session::new(
            loaded,
            strings,
            h,
            rapport_widget::delivery::DeliverySettings {
                endpoint: "/api/responses".into(),
                context: serde_json::json!({}),
                // Component tests write nothing to the browser's storage.
                policy: rapport_widget::store::Policy::None,
                instance: "test".into(),
                timeout_ms: 20_000,
                control: Control::new(),
                previous_scores: Default::default(),
                show_scores: false,
                subject: None,
                prefix: rapport_widget::store::PREFIX.into(),
                draft_expiry_ms: 168.0 * 3_600_000.0,
            },
        );
        LAST_SESSION.with(|l| l.set(Some(session)));
        view! { <Form session=session control=Control::new()/> }
    });
    handle.forget();
    host
}

async fn tick() {
    // Leptos applies changes on the next microtask; a timeout also lets animation frames run.
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn text(root: &HtmlElement, selector: &str) -> String {
    let el = root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"));
    strip_isolation(&el.text_content().unwrap_or_default())
        .trim()
        .to_owned()
}

fn count(root: &HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn click(root: &HtmlElement, selector: &str) {
    let el: HtmlElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .dyn_into()
        .unwrap();
    el.click();
}

#[wasm_bindgen_test]
async fn renders_every_question_with_a_legend_and_progress() {
    let root = mount("working-together");
    tick().await;
    assert_eq!(
        count(&root, "fieldset.question"),
        12,
        "12 questions in working-together"
    );
    assert_eq!(
        text(&root, "[data-testid=question-kind] legend .legend-text"),
        en("item-kind", &[])
    );
    assert_eq!(
        count(&root, "[data-testid=question-kind] input[type=radio]"),
        5
    );
    let progress = en("progress", &[("answered", n(0.0)), ("total", n(12.0))]);
    assert!(text(&root, "[data-testid=progress]").starts_with(&progress));
    assert_eq!(
        root.query_selector("[data-testid=rapport-root]")
            .unwrap()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
}

#[wasm_bindgen_test]
async fn answering_updates_progress_with_plural_words() {
    let root = mount("session-checkin");
    tick().await;
    click(&root, "[data-testid=question-say-my-mind] input[value='8']");
    click(
        &root,
        "[data-testid=question-what-matters] input[value='3']",
    );
    click(
        &root,
        "[data-testid=question-way-we-worked] input[value='3']",
    );
    tick().await;
    let progress = text(&root, "[data-testid=progress]");
    // English words on purpose: the point is the plural form Fluent picked for one.
    assert!(progress.contains("3 of 4 answered"), "{progress}");
    assert!(
        progress.contains("1 question left"),
        "singular form for one: {progress}"
    );
}

#[wasm_bindgen_test]
async fn submit_with_problems_shows_summary_and_inline_errors() {
    let root = mount("session-checkin");
    tick().await;
    click(&root, "[data-testid=question-say-my-mind] input[value='0']");
    click(&root, "[data-testid=submit]");
    tick().await;
    assert_eq!(count(&root, "[data-testid=error-summary] a"), 3);
    assert_eq!(
        text(&root, "[data-testid=error-summary] h3"),
        en("error-summary-title", &[("count", n(3.0))])
    );
    let field = root
        .query_selector("[data-testid=question-what-matters]")
        .unwrap()
        .unwrap();
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error_id = field
        .get_attribute("aria-describedby")
        .expect("the question points at its error");
    assert_eq!(
        text(&root, &format!("#{error_id}")),
        en("issue-required", &[])
    );
    let answered = root
        .query_selector("[data-testid=question-say-my-mind]")
        .unwrap()
        .unwrap();
    assert_eq!(
        answered.get_attribute("aria-invalid"),
        None,
        "an answered question is not marked"
    );
    assert!(
        text(&root, "[data-testid=status]").is_empty(),
        "nothing was sent"
    );
}

#[wasm_bindgen_test]
async fn enable_when_shows_follow_up_questions() {
    let root = mount("psychiatry-relationship");
    tick().await;
    assert_eq!(
        count(&root, "[data-testid=question-medicine-say]"),
        0,
        "hidden until the patient says they take medicine"
    );
    click(
        &root,
        "[data-testid=question-takes-medicine] input[value='true']",
    );
    tick().await;
    assert_eq!(count(&root, "[data-testid=question-medicine-say]"), 1);
    click(
        &root,
        "[data-testid=question-takes-medicine] input[value='false']",
    );
    tick().await;
    assert_eq!(count(&root, "[data-testid=question-medicine-say]"), 0);
}

#[wasm_bindgen_test]
async fn long_text_counts_characters_left() {
    let root = mount("psychiatry-relationship");
    tick().await;
    let area: web_sys::HtmlTextAreaElement = root
        .query_selector("[data-testid=question-better] textarea")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    area.set_value("More time to talk.");
    area.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    assert_eq!(
        text(
            &root,
            "[data-testid=question-better] [data-testid=char-count]"
        ),
        en("characters-left", &[("count", n(982.0))])
    );
    assert!(text(&root, "[data-testid=question-better] legend").contains(&en("optional-mark", &[])));
}

#[wasm_bindgen_test]
async fn radio_groups_are_named_per_question() {
    let root = mount("session-checkin");
    tick().await;
    let first: HtmlInputElement = root
        .query_selector("[data-testid=question-say-my-mind] input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let other: HtmlInputElement = root
        .query_selector("[data-testid=question-what-matters] input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_ne!(
        first.name(),
        other.name(),
        "each question is its own radio group"
    );
    assert!(first.required());
}

#[wasm_bindgen_test]
async fn every_item_type_renders_from_a_clinic_definition() {
    let root = mount_fhir("en").await;
    tick().await;
    assert_eq!(
        text(&root, "[data-testid=display-intro]"),
        "Placeholder display text."
    );
    assert_eq!(text(&root, "[data-testid=group-g] h3"), "Placeholder group");
    assert_eq!(
        count(&root, "[data-testid=question-choice] input[type=radio]"),
        2
    );
    assert_eq!(
        count(&root, "[data-testid=question-slider] input[type=range]"),
        1
    );
    assert_eq!(
        count(
            &root,
            "[data-testid=question-count] input[inputmode=numeric]"
        ),
        1,
        "1-50 is too wide for a radio row"
    );
    assert_eq!(
        count(
            &root,
            "[data-testid=question-amount] input[inputmode=decimal]"
        ),
        1
    );
    assert_eq!(
        count(&root, "[data-testid=question-yesno] input[type=radio]"),
        2
    );
    assert_eq!(
        count(&root, "[data-testid=question-short] input[type=text]"),
        1
    );
    assert_eq!(
        count(&root, "[data-testid=question-follow]"),
        0,
        "enableWhen hides the follow-up"
    );
    click(&root, "[data-testid=question-yesno] input[value='true']");
    tick().await;
    assert_eq!(count(&root, "[data-testid=question-follow] textarea"), 1);
}

#[wasm_bindgen_test]
async fn clinic_texts_follow_the_translation_extension() {
    let root = mount_fhir("es").await;
    tick().await;
    assert_eq!(
        text(&root, "[data-testid=question-choice] .legend-text"),
        "Pregunta de opción."
    );
    assert_eq!(
        text(&root, "[data-testid=question-choice] .option-label"),
        "Opción A"
    );
    assert_eq!(
        text(&root, "[data-testid=question-slider] .legend-text"),
        "Placeholder slider item.",
        "untranslated text falls back to the base language"
    );
}

#[wasm_bindgen_test]
async fn typed_numbers_are_checked_in_any_script() {
    let root = mount_fhir("en").await;
    tick().await;
    let input: HtmlInputElement = root
        .query_selector("[data-testid=question-count] input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value("٧٠");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    let amount: HtmlInputElement = root
        .query_selector("[data-testid=question-amount] input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    amount.set_value("2,5x");
    amount
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    click(&root, "[data-testid=submit]");
    tick().await;
    assert_eq!(
        text(&root, "[data-testid=error-count]"),
        en("issue-above-max", &[("max", n(50.0))]),
        "Arabic-Indic 70 is read as 70"
    );
    assert_eq!(
        text(&root, "[data-testid=error-amount]"),
        en("issue-not-number", &[])
    );
    assert_eq!(
        text(&root, "[data-testid=error-slider]"),
        en("issue-required", &[]),
        "an untouched slider is not an answer"
    );
}

// The typed submission (src/delivery.rs): no answers in its `Debug`, and an outbox entry
// read back after a reload still carries the scores and flags the thank-you and
// `rapport-flagged` need.
use rapport_core::scoring::{Flag, Score};
use rapport_widget::delivery::{SendStatus, Submission};

#[wasm_bindgen_test]
fn debug_of_a_submission_shows_no_answers_scores_or_flags() {
    let submission = Submission {
        key: "7a0c2f4e-1b2d-4c3e-8f90-123456789abc".into(),
        body:
            r#"{"questionnaireResponse":{"item":[{"answer":[{"valueString":"CANARY-ANSWER"}]}]}}"#
                .into(),
        scores: vec![Score {
            id: "CANARY-SCORE".into(),
            value: Some(4.25),
            answered: 3,
            items: 4,
        }],
        flags: vec![Flag {
            id: "CANARY-FLAG".into(),
            score: "CANARY-SCORE".into(),
            items: vec!["CANARY-ITEM".into()],
        }],
    };
    let printed = format!("{submission:?} {submission:#?}");
    assert!(!printed.contains("CANARY"), "{printed}");
    assert!(!printed.contains("4.25"), "{printed}");
    assert!(printed.contains("7a0c2f4e-1b2d-4c3e-8f90-123456789abc"));
}

#[wasm_bindgen_test]
fn an_outbox_entry_read_back_gives_the_thank_you_its_scores_and_flags() {
    let scores = vec![Score {
        id: "total".into(),
        value: Some(3.5),
        answered: 4,
        items: 4,
    }];
    let flags = vec![Flag {
        id: "low".into(),
        score: "total".into(),
        items: vec!["kind".into()],
    }];
    let body = rapport_widget::intl::json_text(&serde_json::json!({
        "scores": Score::list_to_json(&scores),
        "flags": Flag::list_to_json(&flags),
    }));
    let entry = rapport_core::delivery::OutboxEntry {
        key: "k".into(),
        endpoint: "/api/responses".into(),
        body: body.clone(),
        instance: "default".into(),
        instrument: "session-checkin".into(),
        attempts: 2,
    };
    // Before the sending chunk runs: the key and body only (a second tap sends the same).
    let kept = Submission::from_outbox(&entry);
    assert_eq!(
        (kept.key.as_str(), kept.body.as_str()),
        ("k", body.as_str())
    );
    assert!(kept.scores.is_empty() && kept.flags.is_empty());
    // Read back in the chunk, before the first attempt: what the thank-you shows.
    let back = kept.read_back();
    assert_eq!(back.scores, scores);
    assert_eq!(back.flags, flags);
    assert_eq!(back.body, body);
    assert_eq!(back.key, "k");
}

/// Records the `code` of every `rapport-failed` dispatched on `host`.
fn failed_codes(host: &HtmlElement) -> std::rc::Rc<std::cell::RefCell<Vec<String>>> {
    let codes = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let seen = codes.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::CustomEvent)>::new(
        move |ev: web_sys::CustomEvent| {
            let code = js_sys::Reflect::get(&ev.detail(), &"code".into()).unwrap();
            seen.borrow_mut().push(code.as_string().unwrap_or_default());
        },
    );
    host.add_event_listener_with_callback("rapport-failed", listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    codes
}

#[wasm_bindgen_test]
async fn without_a_random_source_nothing_is_sent_and_the_panel_says_so() {
    let root = mount("session-checkin");
    tick().await;
    let failed = failed_codes(&root);
    for id in [
        "say-my-mind",
        "what-matters",
        "way-we-worked",
        "worth-my-time",
    ] {
        click(
            &root,
            &format!("[data-testid=question-{id}] input[value='3']"),
        );
    }
    tick().await;
    // The browser offers no `crypto.getRandomValues()` (nor `randomUUID`) while the patient sends.
    let window = web_sys::window().unwrap();
    let original = js_sys::Object::get_own_property_descriptor(&window, &"crypto".into());
    let bare = js_sys::Object::new();
    js_sys::Reflect::set(&bare, &"value".into(), &js_sys::Object::new()).unwrap();
    js_sys::Reflect::set(&bare, &"configurable".into(), &true.into()).unwrap();
    js_sys::Object::define_property(&window, &"crypto".into(), &bare);
    click(&root, "[data-testid=submit]");
    tick().await;
    if original.is_undefined() {
        js_sys::Reflect::delete_property(&window, &"crypto".into()).unwrap();
    } else {
        js_sys::Object::define_property(&window, &"crypto".into(), &original.unchecked_into());
    }
    assert!(
        js_sys::Reflect::get(&window, &"crypto".into())
            .unwrap()
            .is_object(),
        "crypto is back for the other tests"
    );

    assert_eq!(*failed.borrow(), vec!["no-idempotency-key".to_owned()]);
    assert_eq!(
        count(&root, "[data-testid=config-error]"),
        1,
        "the configuration panel"
    );
    assert!(text(&root, "[data-testid=config-error] code").contains("no-idempotency-key"));
    assert_eq!(
        count(&root, "[data-testid=submit]"),
        0,
        "the panel replaces the form"
    );
    let s = last_session();
    assert_eq!(s.status_untracked(), SendStatus::NoKey);
    assert!(s.pending().is_none(), "no submission was made");
    assert!(
        rapport_widget::store::keys(
            rapport_widget::store::Policy::None,
            &rapport_widget::store::outbox_prefix(rapport_widget::store::PREFIX)
        )
        .is_empty(),
        "nothing went to the outbox"
    );
    assert_eq!(s.answers_untracked().len(), 4, "the answers are kept");
}

// Whose answers (issue 15): the subject token read the widget's way, the storage scope from
// the browser's crypto.subtle, the token never in a stored body, and a token for another
// patient never handed to a send.
mod subject {
    use rapport_core::subject::SubjectClaims;
    use rapport_widget::config::{subject_claims, FailCode};
    use rapport_widget::control::Control;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn b64(text: &str) -> String {
        let s: String = web_sys::window().unwrap().btoa(text).unwrap();
        s.trim_end_matches('=').replace('+', "-").replace('/', "_")
    }

    fn token(payload: &str) -> String {
        format!(
            "{}.{}.{}",
            b64(r#"{"alg":"HS256"}"#),
            b64(payload),
            b64("sig")
        )
    }

    #[wasm_bindgen_test]
    fn claims_are_read_and_each_problem_has_its_code() {
        let c = subject_claims(&token(
            r#"{"iss":"https://portal.example","sub":"p-1","exp":1}"#,
        ))
        .unwrap();
        assert_eq!(
            (c.iss.as_str(), c.sub.as_str()),
            ("https://portal.example", "p-1")
        );
        let code = |t: &str| subject_claims(t).unwrap_err().code();
        assert_eq!(code("not.a-token"), "subject-token-malformed");
        assert_eq!(code(&token("[1,2]")), "subject-token-malformed");
        assert_eq!(code(&token("{not json")), "subject-token-malformed");
        assert_eq!(
            code(&token(r#"{"iss":"https://portal.example"}"#)),
            "subject-token-claims"
        );
        assert_eq!(
            code(&token(r#"{"iss":"x","sub":7}"#)),
            "subject-token-claims"
        );
        assert_eq!(code(&"a".repeat(5000)), "subject-token-too-large");
        let e = subject_claims(&token(r#"{"iss":"SECRET-ISS"}"#)).unwrap_err();
        assert!(
            !e.message.contains("SECRET"),
            "no claim value in the message"
        );
    }

    #[wasm_bindgen_test]
    fn every_subject_refusal_of_the_receiver_has_its_own_code() {
        for code in [
            "subject-token-missing",
            "subject-token-algorithm",
            "subject-token-signature",
            "subject-token-issuer",
            "subject-token-audience",
            "subject-token-expired",
            "subject-token-not-yet-valid",
            "subject-token-too-large",
            "subject-token-malformed",
            "subject-token-claims",
            "subject-mismatch",
        ] {
            assert!(
                FailCode::ALL.iter().any(|c| c.code() == code)
                    || rapport_widget::config::PASSED_ON.contains(&code),
                "{code} is passed on in rapport-failed, so README lists it"
            );
        }
    }

    #[wasm_bindgen_test]
    fn a_token_is_handed_only_to_a_send_for_its_own_patient() {
        let a = SubjectClaims {
            iss: "i".into(),
            sub: "a".into(),
        };
        let b = SubjectClaims {
            iss: "i".into(),
            sub: "b".into(),
        };
        let control = Control::new();
        assert_eq!(control.token_for(None), Some(None), "no subject, no token");
        assert_eq!(
            control.token_for(Some(&a)),
            None,
            "A's send waits without A's token"
        );
        control.set_subject(Ok(Some(("tok-a".into(), a.clone()))));
        assert_eq!(control.token_for(Some(&a)), Some(Some("tok-a".into())));
        assert_eq!(control.token_for(Some(&b)), None, "never A's token for B");
        assert_eq!(control.token_for(None), None);
        control.set_subject(Err(()));
        assert_eq!(
            control.token_for(Some(&a)),
            None,
            "an unreadable token sends nothing"
        );
    }

    #[wasm_bindgen_test]
    async fn the_storage_scope_is_sha256_of_iss_and_sub() {
        let claims = SubjectClaims {
            iss: "https://portal.example".into(),
            sub: "p-1".into(),
        };
        let prefix = rapport_widget::store::subject_prefix(&claims)
            .await
            .unwrap();
        // printf 'https://portal.example\np-1' | sha256sum | cut -c1-32
        assert_eq!(
            prefix,
            format!("rapport:s:{}:", "2dd594f4258cba8d8d48f797dd80ea00")
        );
        assert!(!prefix.contains("p-1"));
    }
}

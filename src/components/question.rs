//! One item: a group, display text, or a question drawn by its type (radio group, 0–10 radio
//! row, slider, number field, the browser's date, time and date-and-time controls, yes/no,
//! text), with its required mark, inline error and, for long text, a live character count.

use leptos::prelude::*;
use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::definition::{
    AnswerOption, ChoiceLayout, Item, ItemKind, NumericControl, Questionnaire,
};
use rapport_core::i18n::Arg;
use std::sync::Arc;

use super::{
    attr, error_dom_id, label_dom_id, listen, live_flag, live_maybe, live_text, question_dom_id, tr,
};
use crate::config::Source;
use crate::load::Loaded;
use crate::session::Session;

/// Draws the item at `pos` in the definition (and its children).
#[component]
pub fn ItemView(session: Session, pos: usize) -> impl IntoView {
    let s = session;
    let loaded = s.loaded();
    let q = loaded.definition.clone();
    let Some(item) = q.items.get(pos) else {
        return ().into_any();
    };
    let link_id = item.link_id.clone();
    let enabled = Memo::new(move |_| s.is_enabled(pos));
    let text = s.strings_untracked().item(&q, item);
    // Rich text (a group's title, display text), made again with the body.
    let rich = {
        let q = q.clone();
        move |blocks: bool| q.items.get(pos).and_then(|i| rich_words(s, &q, i, blocks))
    };
    // What the body needs of the item: its kind's shape and a group's children (no copy of
    // the whole item, whose clone would be compiled in for this alone).
    let children = item.children.clone();
    let (group, display) = (
        matches!(item.kind, ItemKind::Group),
        matches!(item.kind, ItemKind::Display),
    );
    let repeats = item.repeats;
    let asked = item.asked();
    let make_body = move || match (group, display) {
        // A calculated or read-only value, drawn by the `controls` chunk (loaded before).
        _ if !asked => RARE
            .get()
            .map(|r| (r.read_only)(s, pos))
            .unwrap_or_else(|| ().into_any()),
        (true, _) => {
            // An instance of a repeating group: drawn by the `controls` chunk (loaded before).
            if let (true, Some(r)) = (repeats, REPEATS.get()) {
                return (r.instance)(s, pos, text.clone());
            }
            let children = children
                .iter()
                .map(|&c| view! { <ItemView session=s pos=c/> })
                .collect_view();
            view! {
                <section class="group" {attr("id", question_dom_id(pos))} data-testid=format!("group-{link_id}")>
                    {(!text.is_empty()).then(|| {
                        let words = rich(false).unwrap_or_else(|| text.clone().into_any());
                        view! { <h3 class="group-title">{words}</h3> }.into_any()
                    })}
                    {warning_of(s, pos, true)}
                    {children}
                    {warning_of(s, pos, false)}
                </section>
            }
            .into_any()
        }
        (_, true) => rich(true).unwrap_or_else(|| {
            view! { <p class="display" data-testid=format!("display-{link_id}")>{text.clone()}</p> }
                .into_any()
        }),
        // A question's own items (FHIR allows them) follow it, set in, once it is answered
        // (the core's enableWhen rules decide; each child is an ItemView of its own).
        _ if children.is_empty() => view! { <Question session=s pos=pos/> }.into_any(),
        _ => {
            let children = children
                .iter()
                .map(|&c| view! { <ItemView session=s pos=c/> })
                .collect_view();
            view! { <Question session=s pos=pos/><div class="nested">{children}</div> }.into_any()
        }
    };
    // Recreated when the item is enabled again; its answers live in the session, not here.
    (move || enabled.get().then(make_body.clone())).into_any()
}

/// A question: fieldset, legend, control and inline error.
#[component]
fn Question(session: Session, pos: usize) -> impl IntoView {
    let s = session;
    let loaded = s.loaded();
    let q = loaded.definition.clone();
    let Some(item) = q.items.get(pos) else {
        return ().into_any();
    };
    let link_id = item.link_id.clone();
    let required = item.required;
    let err_id = error_dom_id(pos);
    // The message shown for this question, if any.
    let issue = {
        let (link_id, q) = (link_id.clone(), q.clone());
        live_maybe(move || {
            let item = q.items.get(pos)?;
            s.issue_for(&link_id)
                .map(|code| s.strings().issue(&q, item, &code))
        })
    };
    let invalid = live_flag(move || issue.get().is_some());
    let valid = live_flag(move || issue.get().is_none());
    let message = live_text(move || issue.get().unwrap_or_default());
    let legend = rich_words(s, &q, item, false)
        .unwrap_or_else(|| s.strings_untracked().item(&q, item).into_any());
    let mark = tr(
        s,
        if required {
            "required-mark"
        } else {
            "optional-mark"
        },
    );
    let aria_invalid = live_maybe(move || invalid.get().then(|| "true".to_owned()));
    let described = {
        let err_id = err_id.clone();
        live_maybe(move || invalid.get().then(|| err_id.clone()))
    };
    let control = control_view(s, pos);
    let warn = warning_of(s, pos, false);
    view! {
        <fieldset class="question" {attr("id", question_dom_id(pos))} {attr("part", "question")}
            {attr("aria-invalid", aria_invalid)} {attr("aria-describedby", described)}
            data-testid=format!("question-{link_id}") class:invalid=invalid>
            <legend class="legend">
                <span class="legend-text" {attr("id", label_dom_id(pos))}>{legend}</span>" "
                <span class="mark" class:required=required>{mark}</span>
            </legend>
            <p class="error" {attr("id", err_id)} data-testid=format!("error-{link_id}") class:hidden=valid>
                {message}
            </p>
            {control}
            {warn}
        </fieldset>
    }
    .into_any()
}

/// The note of the item's warnings, if it has any (drawn by the `expressions` chunk, which is
/// loaded before a definition with constraints is drawn).
fn warning_of(s: Session, pos: usize, top: bool) -> Option<AnyView> {
    (super::calculated::get()?.warning)(s, pos, top)
}

/// What every control of one question needs: the session, its position, its link id, the name
/// its radio buttons share and whether an answer is required.
pub(super) struct Field<'a> {
    s: Session,
    pos: usize,
    link_id: &'a str,
    name: String,
    required: bool,
    /// What to type, shown in an empty text or number field (FHIR's `entryFormat`; empty when
    /// none, which shows nothing).
    hint: String,
}

/// The controls no bundled questionnaire has: a slider, a number, date or time field, check
/// boxes, and the rows of values the patient reads but does not change; and the reading of a
/// definition's initial values. Their code is a WebAssembly chunk of its own (`controls`, see
/// `xtask/src/split.rs`), fetched by [`load_rare`] before a definition that has one is drawn: a
/// bundled questionnaire's first render does not pay for them. Function pointers into the
/// chunk, set once per page.
struct Rare {
    slider: fn(&Field<'_>, i64, i64, i64) -> AnyView,
    drop_down: fn(&Field<'_>, &Questionnaire, &[AnswerOption]) -> AnyView,
    typed: fn(&Field<'_>, &ItemKind, Vec<String>) -> AnyView,
    read_typed: crate::session::ReadTyped,
    unit_choice: fn(String, String, &[String], usize, Pick) -> AnyView,
    /// The typed text of rows and back (`validate::rows_text`, `validate::typed_rows`): here,
    /// so that the `repeats` chunk shares no code with this one (each function two chunks
    /// share is one more file to fetch).
    rows_text: fn(&[(&str, usize)], bool) -> String,
    typed_rows: fn(&str) -> Vec<(&str, usize)>,
    check_box: fn(Session, &str, String, AnswerValue, AnyView) -> AnyView,
    own_words: fn(&Field<'_>, String) -> AnyView,
    read_only: fn(Session, usize) -> AnyView,
    read_later: for<'a> fn(&'a mut Arc<Loaded>) -> Reading<'a>,
    give_initial: fn(&Questionnaire, &mut Answers, bool) -> bool,
}

/// Gives `answers` the definition's initial values on a first visit, and its read-only ones
/// always (they are the definition's, not the patient's); `true` when it gave any. Done by the
/// `controls` chunk, which a definition with initial values has loaded before it is drawn.
pub fn give_initial(q: &Questionnaire, answers: &mut Answers, first_visit: bool) -> bool {
    RARE.get()
        .is_some_and(|r| (r.give_initial)(q, answers, first_visit))
}

/// What draws repeating groups' instances and rows of text, in a chunk of its own (`repeats`),
/// fetched by [`load_rare`] before a definition with one is drawn: a clinic questionnaire with
/// only a date field does not pay for them.
struct Repeats {
    instance: fn(Session, usize, String) -> AnyView,
    rows: fn(&Field<'_>, &Questionnaire, &Item) -> AnyView,
    fit: crate::session::Fit,
}

static REPEATS: std::sync::OnceLock<Repeats> = std::sync::OnceLock::new();

/// Whether the item is drawn by [`Repeats`]: a repeating group, or a question that repeats
/// other than a choice (which has check boxes).
fn repeats(item: &Item) -> bool {
    item.repeats && !matches!(item.kind, ItemKind::Choice { .. })
}

/// The reader of what is typed into number, date and time fields, once the `controls` chunk is
/// here (it is whenever a definition has such a field, or rows of them).
pub fn read_typed() -> Option<crate::session::ReadTyped> {
    RARE.get().map(|r| r.read_typed)
}

/// The definition with the instances of repeating groups a draft holds, once the `controls`
/// chunk is here (it is whenever a group repeats).
pub fn fit() -> Option<crate::session::Fit> {
    REPEATS.get().map(|r| r.fit)
}

static RARE: std::sync::OnceLock<Rare> = std::sync::OnceLock::new();

static RICH: std::sync::OnceLock<super::rich::RichView> = std::sync::OnceLock::new();

/// Whether the item's text or prefix is rich text (drawn by the `rich` chunk).
fn has_rich(item: &Item) -> bool {
    [&item.text, &item.prefix]
        .into_iter()
        .any(|t| t.as_ref().is_some_and(|t| t.rich.is_some()))
}

/// The item's words as rich text, when the definition gives rich text in the language shown
/// (drawn by the `rich` chunk, loaded before): display text's whole block (`display`), else
/// one run of words for a legend or a group's title. `None`: the plain words are drawn.
fn rich_words(s: Session, q: &Questionnaire, item: &Item, display: bool) -> Option<AnyView> {
    RICH.get().and_then(|r| (r.words)(s, q, item, display))
}

/// Whether the item is drawn by [`Rare`]: a value the patient does not change, or a control
/// of the cases of [`control_view`].
fn is_rare(item: &Item) -> bool {
    if !item.asked() {
        return true;
    }
    match &item.kind {
        ItemKind::Choice { layout, .. } => item.repeats || *layout == ChoiceLayout::DropDown,
        // Rows of numbers are typed fields (read by this chunk's reader).
        ItemKind::Integer {
            min: Some(_),
            max: Some(_),
            control: NumericControl::RadioRow,
            ..
        } => item.repeats,
        ItemKind::Integer { .. }
        | ItemKind::Decimal { .. }
        | ItemKind::Date
        | ItemKind::DateTime
        | ItemKind::Time
        | ItemKind::Quantity { .. } => true,
        _ => false,
    }
}

/// Reads the answers the definition's items start with, when it has some (in the chunk of
/// the rarer controls, which draws them too), then fetches the chunk of the rarer controls
/// when the definition has one of them (once per page), the chunk
/// of repeating groups and rows of text when `q` has one of those, and the chunk of rich text
/// when `q` has some, and the chunk of FHIRPath expressions when `q` has some (which reads
/// them: `Err(Err(…))` is the definition's problems then). `Err(Ok(…))` is the message for
/// the page, naming the chunk that could not be fetched (whole sentences: alike, they cost
/// less than a `format!` or a `concat`).
pub async fn load_rare(l: &mut Arc<Loaded>) -> Result<(), Result<&'static str, String>> {
    // The rarer controls first: their chunk also reads the answers items start with
    // (`initial`, `initialSelected`), so that a problem in them is the definition's before
    // anything is drawn, and before the expressions' chunk keeps what it reads by the
    // definition's address.
    let unread = l.base.unread_later();
    if RARE.get().is_none() && (unread || l.base.items.iter().any(is_rare)) {
        #[cfg(rapport_split)]
        let rare = rare_controls().await;
        #[cfg(not(rapport_split))]
        let rare = rare_controls();
        let _ = RARE.set(*rare.map_err(|_| Ok("a part of the widget this questionnaire needs did not load (pkg/split_controls…); serve the whole dist/ folder next to rapport.js"))?);
    }
    if let Some(r) = RARE.get().filter(|_| unread) {
        (r.read_later)(l).await.map_err(Err)?;
    }
    let q = &*l.definition.clone();
    // FHIRPath (calculated items, initial values): the `expressions` chunk reads them now, so
    // that one it cannot evaluate is the definition's error before anything is drawn.
    if q.expressions.is_some() {
        super::calculated::load(q).await?;
    }
    if RICH.get().is_none() && q.items.iter().any(has_rich) {
        #[cfg(rapport_split)]
        let r = super::rich::rich_views().await;
        #[cfg(not(rapport_split))]
        let r = super::rich::rich_views();
        let _ = RICH.set(*r.map_err(|_| Ok("a part of the widget this questionnaire needs did not load (pkg/split_rich…); serve the whole dist/ folder next to rapport.js"))?);
    }
    if REPEATS.get().is_none() && q.items.iter().any(repeats) {
        #[cfg(rapport_split)]
        let r = repeat_controls().await;
        #[cfg(not(rapport_split))]
        let r = repeat_controls();
        let _ = REPEATS.set(*r.map_err(|_| Ok("a part of the widget this questionnaire needs did not load (pkg/split_repeats…); serve the whole dist/ folder next to rapport.js"))?);
    }
    Ok(())
}

/// Repeating groups and rows of text, in the `repeats` chunk.
#[cfg_attr(rapport_split, wasm_split_helpers::wasm_split(repeats, fallible))]
fn repeat_controls() -> Result<Box<Repeats>, wasm_split_helpers::SplitLoaderError> {
    Ok(Box::new(Repeats {
        instance,
        rows,
        fit: fit_draft,
    }))
}

/// The rarer controls, in the `controls` chunk. Boxed: one thin pointer across the split's
/// `extern "C"` call.
#[cfg_attr(rapport_split, wasm_split_helpers::wasm_split(controls, fallible))]
fn rare_controls() -> Result<Box<Rare>, wasm_split_helpers::SplitLoaderError> {
    Ok(Box::new(Rare {
        slider,
        drop_down,
        typed: typed_field,
        read_typed: rapport_core::validate::parse_typed,
        unit_choice,
        rows_text: rapport_core::validate::rows_text,
        typed_rows: rapport_core::validate::typed_rows,
        check_box,
        own_words,
        read_only: super::read_only::view,
        read_later,
        give_initial: |q, answers, first_visit| {
            let mut given = false;
            for (item, v) in q.initial_answers() {
                if first_visit || item.read_only {
                    answers.set(&item.link_id, Some(v.clone()));
                    given = true;
                }
            }
            given
        },
    }))
}

/// Reads the answers the loaded definition's items start with (in the `controls` chunk),
/// before anything keeps it.
fn read_later(l: &mut Arc<Loaded>) -> Reading<'_> {
    Box::pin(async move {
        let mut q = (*l.base).clone();
        if let Err(errors) = q.read_later() {
            let origin = match &l.source {
                Source::Url(url) => url.clone(),
                Source::Inline(_) => "the inline definition".to_owned(),
                Source::Bundled(id) => format!("{}instruments/{id}.json", l.base_url),
            };
            return Err(crate::load::definition_error(&origin, errors).await.message);
        }
        let q = Arc::new(q);
        let loaded = Arc::make_mut(l);
        loaded.definition = q.clone();
        loaded.base = q;
        Ok(())
    })
}

/// Reading the answers a definition's items start with: `Err` is the developer's message for
/// its problems (written by the `problems` chunk, like the definition's other problems).
type Reading<'a> = std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + 'a>>;

/// The control of the question at `pos`, by its kind.
fn control_view(s: Session, pos: usize) -> AnyView {
    let loaded = s.loaded();
    let q = &loaded.definition;
    let Some(item) = q.items.get(pos) else {
        return ().into_any();
    };
    // Fetched before the form is drawn (`load_rare`), whenever `is_rare` holds.
    let rare = RARE.get().filter(|_| is_rare(item));
    let f = Field {
        s,
        pos,
        link_id: &item.link_id,
        name: question_dom_id(pos),
        required: item.required,
        hint: item
            .entry_format
            .as_ref()
            .map(|t| s.strings_untracked().words(q, t))
            .unwrap_or_default(),
    };
    match (&item.kind, rare) {
        // Options an SDC `answerExpression` lists (drawn by the `expressions` chunk, loaded
        // before: only a definition with expressions has one).
        (ItemKind::Choice { options, .. }, _) if options.is_empty() => {
            super::calculated::get().map_or_else(|| ().into_any(), |e| (e.listed_choice)(&f, item))
        }
        (
            ItemKind::Choice {
                options,
                layout: ChoiceLayout::DropDown,
                ..
            },
            Some(r),
        ) => (r.drop_down)(&f, q, options),
        (
            ItemKind::Choice {
                options,
                open,
                layout,
            },
            _,
        ) => {
            // An open-choice's own words: a text field under the options, named by its label;
            // typing in it is the answer (the options let go), picking an option empties it.
            // Under check boxes (it repeats), the words are one more answer beside the ticks.
            let own = open.as_ref().map(|label| {
                let own = Field {
                    required: false,
                    name: f.name.clone(),
                    hint: f.hint.clone(),
                    ..f
                };
                let label = s.strings_untracked().open_label(q, label);
                match rare.filter(|_| item.repeats) {
                    Some(r) => (r.own_words)(&own, label),
                    None => text_field(&own, None, false, Some(label)),
                }
            });
            // Check boxes when it repeats (`rare` is set for those only).
            choice(
                &f,
                q,
                options,
                rare.map(|r| r.check_box),
                own,
                *layout == ChoiceLayout::Horizontal,
            )
        }
        // Rows when it repeats (drawn by the `repeats` chunk, loaded before).
        (kind, _) if item.repeats && *kind != ItemKind::Group => REPEATS
            .get()
            .map_or_else(|| ().into_any(), |r| (r.rows)(&f, q, item)),
        (ItemKind::Boolean, _) => yes_no(&f),
        (
            ItemKind::Integer {
                min: Some(min),
                max: Some(max),
                control: NumericControl::RadioRow,
                ..
            },
            _,
        ) => radio_row(&f, item, *min, *max),
        (
            ItemKind::Integer {
                min: Some(min),
                max: Some(max),
                control: NumericControl::Slider,
                step,
            },
            Some(r),
        ) => (r.slider)(&f, *min, *max, *step),
        (
            ItemKind::Integer { .. }
            | ItemKind::Decimal { .. }
            | ItemKind::Date
            | ItemKind::DateTime
            | ItemKind::Time,
            Some(r),
        ) => (r.typed)(
            &f,
            &item.kind,
            item.unit
                .iter()
                .map(|t| s.strings_untracked().words(q, t))
                .collect(),
        ),
        (ItemKind::Quantity { units }, Some(r)) => (r.typed)(
            &f,
            &item.kind,
            units
                .iter()
                .map(|u| s.strings_untracked().option(q, u))
                .collect(),
        ),
        (ItemKind::String { max_length } | ItemKind::Text { max_length }, _) => text_field(
            &f,
            *max_length,
            matches!(item.kind, ItemKind::Text { .. }),
            None,
        ),
        // Groups and display text; a rarer control is always loaded before (`load_rare`).
        _ => ().into_any(),
    }
}

/// A radio group, one button per answer option, labelled in the language shown; check boxes
/// (drawn by `check_box`) when the item takes several answers (`repeats`). Inlined: called by
/// the `expressions` chunk too (`listed_choice`), which would otherwise make it a function of
/// its own in the main module (+86 bytes, measured).
#[allow(clippy::type_complexity)]
#[inline(always)]
fn choice(
    f: &Field<'_>,
    q: &Questionnaire,
    options: &[AnswerOption],
    check_box: Option<fn(Session, &str, String, AnswerValue, AnyView) -> AnyView>,
    own: Option<AnyView>,
    row: bool,
) -> AnyView {
    let s = f.s;
    let opts = options
        .iter()
        .map(|opt| {
            let label = s.strings_untracked().option(q, opt);
            let value = opt.answer();
            if let Some(check_box) = check_box {
                return check_box(s, f.link_id, opt.code.clone(), value, label.into_any());
            }
            radio(
                s,
                f.link_id,
                &f.name,
                opt.code.clone(),
                value,
                f.required,
                label.into_any(),
            )
        })
        .collect_view();
    let class = if row {
        "options options-row"
    } else {
        "options"
    };
    view! { <div {attr("class", class)}>{opts}{own}</div> }.into_any()
}

/// A choice whose options an SDC `answerExpression` lists from the other answers (in the
/// `expressions` chunk): radio buttons, or check boxes when it repeats, drawn again only when
/// the list changes (the patient's own pick does not redraw them, so focus stays); until the
/// list has any, the words that say the question waits for others (`calculated-pending`).
/// An answer the list no longer holds is taken out by the core (`Program::calculate`).
pub(super) fn listed_choice(f: &Field<'_>, item: &Item) -> AnyView {
    let (s, pos, required, name, hint) = (f.s, f.pos, f.required, f.name.clone(), f.hint.clone());
    let link = f.link_id.to_owned();
    let listed = {
        let link = link.clone();
        Memo::new(move |_| {
            let loaded = s.loaded();
            s.with_answers(|a| super::calculated::options(&loaded, a, &link))
        })
    };
    let check_box = RARE.get().filter(|_| item.repeats).map(|r| r.check_box);
    let draw = move |options: Vec<AnswerOption>| {
        if options.is_empty() {
            return view! { <p class="calculated-note">{tr(s, "calculated-pending")}</p> }
                .into_any();
        }
        let f = Field {
            s,
            pos,
            link_id: &link,
            name: name.clone(),
            required,
            hint: hint.clone(),
        };
        choice(&f, &s.loaded().definition, &options, check_box, None, false)
    };
    // A new list is new buttons, drawn in place of the old (one side of an `Either`, then the
    // other): buttons patched in place would keep the browser's checked state of the one the
    // patient had picked, under another option's words. Drawn only when the list changes.
    let flip = std::cell::Cell::new(false);
    (move || {
        flip.set(!flip.get());
        let view = draw(listed.get());
        match flip.get() {
            true => leptos::either::Either::Left(view),
            false => leptos::either::Either::Right(view),
        }
    })
    .into_any()
}

/// The words of the warning the answers to the question or group at `pos` break (a constraint
/// of severity `warning`, worked out by the core with the others), in the `expressions` chunk:
/// a calm note under it, announced politely, which stops nothing. Empty while none is broken
/// and while the item shows an issue (the issue comes first). Shown from the start when an
/// empty answer breaks it ("answering three helps"): the form sends at once when nothing else
/// is wrong, so a warning kept for later would never be read. With `top`, for a group with a
/// constraint of severity `error`, its issue once problems are shown, drawn under its title (a
/// question shows its own).
pub(super) fn warning(s: Session, pos: usize, top: bool) -> Option<AnyView> {
    let q = s.loaded().definition.clone();
    let item = q.items.get(pos)?;
    let lid = rapport_core::definition::instances::link_id_of(&item.link_id);
    let mine = |warning: bool| {
        q.constraints
            .iter()
            .any(|c| c.warning == warning && c.link_id == lid)
    };
    // A question shows its own issues; a group's are shown here.
    let group_error = matches!(item.kind, ItemKind::Group) && mine(false);
    let key = item.link_id.clone();
    if top {
        // A group's issue, under its title.
        if !group_error {
            return None;
        }
        let (q, key) = (q.clone(), key.clone());
        let testid = format!("error-{key}");
        let message = live_text(move || {
            let item = q.items.get(pos);
            match (item, s.issue_for(&key)) {
                (Some(item), Some(code)) => s.strings().issue(&q, item, &code),
                _ => String::new(),
            }
        });
        let hidden = live_flag(move || message.get().is_empty());
        return Some(view! { <p class="error" {attr("id", error_dom_id(pos))} data-testid=testid class:hidden=hidden>{message}</p> }.into_any());
    }
    if !mine(true) {
        return None;
    }
    let testid = format!("warning-{key}");
    let words = live_text(move || {
        let index = s.with_answers(|a| a.warned(&key));
        match (index.and_then(|i| q.constraints.get(i)), s.issue_for(&key)) {
            (Some(c), None) => s.strings().words(&q, &c.human),
            _ => String::new(),
        }
    });
    adopt_warning_styles(s);
    Some(view! { <p class="warning" {attr("role", "status")} {attr("part", "warning")} data-testid=testid>{words}</p> }
        .into_any())
}

/// The note a broken warning shows: the widget's text beside a line in its accent colour (no
/// alarm colour: nothing is wrong); while empty it takes no room but stays in the page, so that
/// a screen reader announces the words when they arrive (a live region that appears with its
/// words is often not announced).
const WARNING_STYLES: &str = ".warning{margin:8px 0 0;padding:4px 0;padding-inline-start:12px;border-inline-start:3px solid var(--_accent);color:var(--_text)}.warning:empty{margin:0;padding:0;border:0}";

thread_local! {
    static WARNING_SHEET: std::cell::OnceCell<web_sys::CssStyleSheet> = const { std::cell::OnceCell::new() };
}

fn adopt_warning_styles(s: Session) {
    super::adopt_sheet(s, &WARNING_SHEET, WARNING_STYLES);
}

/// A drop-down list of the options (`itemControl` `drop-down` or `autocomplete`), for long
/// lists: an empty first entry until the patient picks one (nothing is chosen for them), each
/// option's label in the language shown. Named by the question.
fn drop_down(f: &Field<'_>, q: &Questionnaire, options: &[AnswerOption]) -> AnyView {
    let (s, pos) = (f.s, f.pos);
    let answers: Vec<AnswerValue> = options.iter().map(AnswerOption::answer).collect();
    let entries = options
        .iter()
        .enumerate()
        .map(|(i, opt)| {
            let label = s.strings_untracked().option(q, opt);
            view! { <option {attr("value", i.to_string())}>{label}</option> }.into_any()
        })
        .collect_view();
    let value = {
        let (link, answers) = (f.link_id.to_owned(), answers.clone());
        live_text(move || {
            s.with_answers(|a| {
                a.get(&link)
                    .and_then(|v| answers.iter().position(|o| o == v))
                    .map(|i| i.to_string())
                    .unwrap_or_default()
            })
        })
    };
    let link = f.link_id.to_owned();
    let on_input = move |ev: web_sys::Event| {
        let picked = event_target_value(&ev)
            .parse::<usize>()
            .ok()
            .and_then(|i| answers.get(i).cloned());
        s.set_answer(&link, picked);
    };
    view! {
        <select class="choose" {attr("aria-labelledby", label_dom_id(pos))} {attr("id", format!("{}-input", f.name))}
            {attr("required", f.required)} {listen("input", on_input)} prop:value=value>
            <option {attr("value", "")}></option>
            {entries}
        </select>
    }
    .into_any()
}

/// Yes and no, as two radio buttons in a row.
fn yes_no(f: &Field<'_>) -> AnyView {
    let s = f.s;
    let yes = radio(
        s,
        f.link_id,
        &f.name,
        "true".into(),
        AnswerValue::Boolean(true),
        f.required,
        tr(s, "yes").into_any(),
    );
    let no = radio(
        s,
        f.link_id,
        &f.name,
        "false".into(),
        AnswerValue::Boolean(false),
        f.required,
        tr(s, "no").into_any(),
    );
    view! { <div class="options options-row">{yes}{no}</div> }.into_any()
}

/// A row of radio buttons from `min` to `max` (e.g. 0–10), with the words of its two ends.
fn radio_row(f: &Field<'_>, item: &Item, min: i64, max: i64) -> AnyView {
    let s = f.s;
    let strings = s.strings_untracked();
    let low = strings.scale_end(item, "low").unwrap_or_default();
    let high = strings.scale_end(item, "high").unwrap_or_default();
    let cells = (min..=max)
        .map(|v| {
            // The number is shown; a screen reader hears "5 out of 10" (scale-value),
            // plus the words at the two ends.
            let end = if v == min {
                Some(low.clone())
            } else if v == max {
                Some(high.clone())
            } else {
                None
            };
            let shown = strings.number(v as f64);
            let spoken = strings.t_args(
                "scale-value",
                &[
                    ("value", Arg::Number(v as f64)),
                    ("max", Arg::Number(max as f64)),
                ],
            );
            let label = view! {
                <span class="num" {attr("aria-hidden", "true")}>{shown}</span>
                <span class="visually-hidden">{spoken}</span>
                {end.map(|w| view! { <span class="visually-hidden">" – "{w}</span> })}
            };
            radio(
                s,
                f.link_id,
                &f.name,
                v.to_string(),
                AnswerValue::Integer(v),
                f.required,
                label.into_any(),
            )
        })
        .collect_view();
    view! {
        <div class="scale">
            <div class="scale-row">{cells}</div>
            <div class="scale-ends" {attr("aria-hidden", "true")}>
                <span class="scale-low">{low}</span>
                <span class="scale-high">{high}</span>
            </div>
        </div>
    }
    .into_any()
}

/// A slider from `min` to `max`; untouched (no answer) until the patient moves it.
fn slider(f: &Field<'_>, min: i64, max: i64, step: i64) -> AnyView {
    let (s, pos) = (f.s, f.pos);
    let link = f.link_id.to_owned();
    let current = move || {
        s.with_answers(|a| match a.get(&link) {
            Some(AnswerValue::Integer(v)) => Some(*v),
            _ => None,
        })
    };
    let shown = {
        let current = current.clone();
        live_text(move || {
            current()
                .map(|v| s.strings().number(v as f64))
                .unwrap_or_else(|| "–".into())
        })
    };
    let untouched = {
        let current = current.clone();
        live_flag(move || current().is_none())
    };
    let link = f.link_id.to_owned();
    let on_input = move |ev: web_sys::Event| {
        if let Ok(v) = event_target_value(&ev).parse::<i64>() {
            s.set_answer(&link, Some(AnswerValue::Integer(v)));
        }
    };
    let mid = min + (max - min) / 2;
    view! {
        <div class="slider">
            <input {attr("type", "range")} {attr("aria-labelledby", label_dom_id(pos))} {attr("min", min.to_string())} {attr("max", max.to_string())} {attr("step", step.to_string())}
                {attr("aria-valuetext", shown)}
                {listen("input", on_input)} prop:value=live_text(move || current().unwrap_or(mid).to_string())
                class:untouched=untouched/>
            <output class="slider-value" {attr("aria-hidden", "true")}>{shown}</output>
        </div>
    }
    .into_any()
}

/// A field read as the patient types: a text field for a number (integer or decimal, digits of
/// any script), or the browser's own date, time or local date-and-time control, which shows
/// the value in the patient's locale and gives the widget `YYYY-MM-DD`, `hh:mm` or
/// `YYYY-MM-DDThh:mm` (a browser without one shows a text field, read the same way).
/// A number, date or time field. A number's unit is shown after it and is part of its name
/// ("Weight kg"): `units` holds the words of the item's one unit, or of a quantity's units, of
/// which the patient picks one from a list (the first until they do; the number typed keeps
/// the unit chosen, before or after it). Empty for dates, times and numbers without a unit.
fn typed_field(f: &Field<'_>, kind: &ItemKind, units: Vec<String>) -> AnyView {
    if matches!(kind, ItemKind::Quantity { units } if units.is_empty()) {
        return unit_words_field(f, kind);
    }
    let (s, pos, name) = (f.s, f.pos, &f.name);
    let unit_id = format!("{name}-unit");
    let labelled = match units.len() {
        1 => format!("{} {unit_id}", label_dom_id(pos)),
        _ => label_dom_id(pos),
    };
    let link = f.link_id.to_owned();
    // A quantity's unit, by its place in the item's units: from the answer (a draft), else the
    // first.
    let chosen = std::rc::Rc::new(std::cell::Cell::new(
        match (kind, s.answers_untracked().get(&link)) {
            (ItemKind::Quantity { units }, Some(AnswerValue::Quantity { code, .. })) => {
                units.iter().position(|u| &u.code == code).unwrap_or(0)
            }
            _ => 0,
        },
    ));
    let kind = kind.clone();
    let (kind_attr, mode) = input_kind(&kind);
    // What the field shows when it is drawn (a draft is brought back before that), and never
    // written again while the patient types: a date control that is given its own value back
    // starts the part being typed over (typing 2024 into the year then gives no date).
    let value = {
        let link = f.link_id.to_owned();
        live_text(move || {
            untrack(|| s.typed_text(&link)).unwrap_or_else(|| {
                // What was typed is kept in the draft; an answer without it is the
                // definition's initial value.
                s.answers_untracked()
                    .get(&link)
                    .map(shown_text)
                    .unwrap_or_default()
            })
        })
    };
    // The kind the typed text is read with: a quantity's chosen unit first (the core reads a
    // typed number in the first unit).
    let reading = {
        let (kind, chosen) = (kind.clone(), chosen.clone());
        move || match &kind {
            ItemKind::Quantity { units } => {
                let mut units = units.clone();
                let at = chosen.get().min(units.len().saturating_sub(1));
                units.rotate_left(at);
                ItemKind::Quantity { units }
            }
            other => other.clone(),
        }
    };
    // A date or time control that holds part of a value reports "" with `badInput`, and fires
    // no input event while it does: the control is read again when it loses focus (before a
    // click on "send" is handled), for that case only.
    let handler = move |only_bad: bool| {
        let (link, reading) = (link.clone(), reading.clone());
        move |ev: web_sys::Event| {
            let (text, bad) = typed_value(&ev);
            if bad || !only_bad {
                s.set_typed(
                    &link,
                    &reading(),
                    text,
                    bad,
                    rapport_core::validate::parse_typed,
                )
            }
        }
    };
    let input = view! {
        <input {attr("type", kind_attr)} class="number" {attr("aria-labelledby", labelled)} {attr("inputmode", mode)} {attr("autocomplete", "off")} {attr("id", format!("{name}-input"))} {attr("placeholder", f.hint.clone())}
            {attr("required", f.required)} {listen("input", handler(false))} {listen("blur", handler(true))} prop:value=value/>
    };
    let unit = match (units.len(), &kind) {
        (0, _) => return input.into_any(),
        (1, _) => view! { <span class="unit" {attr("id", unit_id)}>{units}</span> }.into_any(),
        (_, ItemKind::Quantity { units: codings }) => {
            // The list of units, named by the question (the field beside it is a number).
            let codings = codings.clone();
            let link = f.link_id.to_owned();
            let first = chosen.get();
            let on_unit = move |at: usize| {
                chosen.set(at);
                let (now, unit) = (s.answers_untracked(), codings.get(at));
                if let (Some(AnswerValue::Quantity { value, .. }), Some(u)) = (now.get(&link), unit)
                {
                    let value = *value;
                    s.set_answer(
                        &link,
                        Some(AnswerValue::Quantity {
                            value,
                            system: u.system.clone(),
                            code: u.code.clone(),
                        }),
                    );
                }
            };
            unit_choice(unit_id, label_dom_id(pos), &units, first, Box::new(on_unit))
        }
        _ => return input.into_any(),
    };
    view! { <div class="with-unit">{input}{unit}</div> }.into_any()
}

/// A quantity whose definition names no unit: the number, and beside it a field where the
/// patient writes the unit ("Unit", e.g. "weeks"), read together by the session as one typed
/// text (the number, U+001F, the words: `validate::parse_typed`), so that a number without its
/// unit is the question's issue (`no-unit`) and both stay in the draft. In the `controls` chunk.
fn unit_words_field(f: &Field<'_>, kind: &ItemKind) -> AnyView {
    use rapport_core::validate::MAX_UNIT_WORDS;
    let (s, pos, name) = (f.s, f.pos, &f.name);
    let link = f.link_id.to_owned();
    // What the two fields hold when drawn: the typed text (a draft), else the answer's.
    let typed =
        untrack(|| s.typed_text(&link)).unwrap_or_else(|| match s.answers_untracked().get(&link) {
            Some(a @ AnswerValue::Quantity { code, .. }) => {
                format!("{}\u{1f}{code}", shown_text(a))
            }
            _ => String::new(),
        });
    let (number, words) = rapport_core::validate::number_and_unit(&typed).unwrap_or((&typed, ""));
    let parts = std::rc::Rc::new(std::cell::RefCell::new((
        number.to_owned(),
        words.to_owned(),
    )));
    let (number, words) = (number.to_owned(), words.to_owned());
    let kind = kind.clone();
    let handler = move |unit: bool| {
        let (link, kind, parts) = (link.clone(), kind.clone(), parts.clone());
        move |ev: web_sys::Event| {
            let text = {
                let mut p = parts.borrow_mut();
                let value = event_target_value(&ev);
                if unit {
                    p.1 = value;
                } else {
                    p.0 = value;
                }
                format!("{}\u{1f}{}", p.0, p.1)
            };
            s.set_typed(
                &link,
                &kind,
                text,
                false,
                rapport_core::validate::parse_typed,
            );
        }
    };
    let unit_label = format!("{name}-unit-label");
    super::adopt_sheet(s, &UNIT_WORDS_SHEET, UNIT_WORDS_STYLES);
    view! {
        <div class="with-unit unit-written">
            <input {attr("type", "text")} class="number" {attr("aria-labelledby", label_dom_id(pos))} {attr("inputmode", "decimal")} {attr("autocomplete", "off")}
                {attr("id", format!("{name}-input"))} {attr("placeholder", f.hint.clone())} {attr("required", f.required)}
                {listen("input", handler(false))} prop:value=number/>
            <span class="unit-pair">
                <label class="unit" {attr("id", unit_label.clone())} {attr("for", format!("{name}-unit"))}>{tr(s, "quantity-unit")}</label>
                <input {attr("type", "text")} class="text unit-words" {attr("id", format!("{name}-unit"))} {attr("autocomplete", "off")} {attr("dir", "auto")}
                    {attr("maxlength", MAX_UNIT_WORDS.to_string())} {attr("aria-labelledby", format!("{} {unit_label}", label_dom_id(pos)))}
                    {listen("input", handler(true))} prop:value=words/>
            </span>
        </div>
    }
    .into_any()
}

/// The number and the unit's field side by side, the unit's words and field together on a line
/// of their own when the screen is narrow.
const UNIT_WORDS_STYLES: &str = ".unit-written{flex-wrap:wrap}.unit-pair{display:flex;align-items:center;gap:8px;flex:1 1 calc(12 * var(--_size));max-width:calc(18 * var(--_size))}.unit-pair .unit-words{flex:1 1 auto}";

thread_local! {
    static UNIT_WORDS_SHEET: std::cell::OnceCell<web_sys::CssStyleSheet> = const { std::cell::OnceCell::new() };
}

/// What is told the place of the unit the patient picks.
type Pick = Box<dyn Fn(usize)>;

/// A list of a quantity's units to pick from (`labels`, `at` picked), named by `labelled`;
/// `pick` is told the place of the one the patient picks. In the `controls` chunk, for the
/// quantity's field and, through [`Rare`], each of its rows (code the `repeats` chunk shared
/// with this one would be four more chunks to fetch, measured).
fn unit_choice(id: String, labelled: String, labels: &[String], at: usize, pick: Pick) -> AnyView {
    let entries = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            view! { <option {attr("value", i.to_string())} {attr("selected", i == at)}>{label.clone()}</option> }
                .into_any()
        })
        .collect_view();
    let on_input = move |ev: web_sys::Event| pick(event_target_value(&ev).parse().unwrap_or(0));
    view! {
        <select class="choose unit-choice" {attr("aria-labelledby", labelled)} {attr("id", id)} {listen("input", on_input)}>
            {entries}
        </select>
    }
    .into_any()
}

/// The `type` and `inputmode` of the field for a number, date or time.
fn input_kind(kind: &ItemKind) -> (&'static str, &'static str) {
    match kind {
        ItemKind::Integer { .. } => ("text", "numeric"),
        ItemKind::Date => ("date", "text"),
        ItemKind::Time => ("time", "text"),
        ItemKind::DateTime => ("datetime-local", "text"),
        _ => ("text", "decimal"),
    }
}

/// What a number, date or time field shows for a value the patient did not type (the
/// definition's initial value): the number as the browser prints it, a date or time as its
/// control takes it, a dateTime's local part.
fn shown_text(v: &AnswerValue) -> String {
    match v {
        AnswerValue::Quantity { value, .. } | AnswerValue::Decimal(value) => {
            crate::intl::plain_number(*value)
        }
        AnswerValue::Integer(i) => i.to_string(),
        AnswerValue::Date(t) | AnswerValue::Time(t) | AnswerValue::String(t) => t.clone(),
        AnswerValue::DateTime(t) => rapport_core::dates::local_part(t).to_owned(),
        _ => String::new(),
    }
}

/// A field's text on an input or blur event, and whether the browser's own date or time
/// control holds part of a value: it then reports "" with `badInput`, and fires no input event
/// while it does (so it is read again when it loses focus, for that case only).
fn typed_value(ev: &web_sys::Event) -> (String, bool) {
    let text = event_target_value(ev);
    let bad = text.is_empty()
        && ev.target().is_some_and(|t| {
            js_sys::Reflect::get(&t, &"validity".into())
                .and_then(|v| js_sys::Reflect::get(&v, &"badInput".into()))
                .is_ok_and(|b| b.is_truthy())
        });
    (text, bad)
}

/// A one-line (`long` false) or long text field, with a live count of the characters left when
/// the definition sets a maximum; with `own`, an open-choice's own words under that label.
fn text_field(
    f: &Field<'_>,
    max_length: Option<usize>,
    long: bool,
    own: Option<String>,
) -> AnyView {
    let (s, pos) = (f.s, f.pos);
    let own_id = format!("{}-own", f.name);
    let labelled = match own {
        Some(_) => format!("{} {own_id}", label_dom_id(pos)),
        None => label_dom_id(pos),
    };
    let own =
        own.map(|label| view! { <span class="own-label" {attr("id", own_id)}>{label}</span> });
    let link = f.link_id.to_owned();
    let value = {
        let link = f.link_id.to_owned();
        live_text(move || {
            s.with_answers(|a| match a.get(&link) {
                Some(AnswerValue::String(t)) => t.clone(),
                _ => String::new(),
            })
        })
    };
    let own_words = own.is_some();
    let on_input = move |ev: web_sys::Event| {
        if own_words {
            let_go_of_options(&ev);
        }
        let text = event_target_value(&ev);
        s.set_answer(&link, Some(AnswerValue::String(text)));
    };
    let counter = max_length.map(|max| {
        let left = move || max as i64 - value.get().chars().count() as i64;
        view! {
            <p class="counter" class:over=live_flag(move || left() < 0) {attr("aria-live", "polite")} data-testid="char-count">
                {live_text(move || s.strings().t_args("characters-left", &[("count", Arg::Number(left().max(0) as f64))]))}
            </p>
        }
        .into_any()
    });
    let (required, hint) = (f.required, f.hint.clone());
    let field = if long {
        view! { <textarea class="text" {attr("aria-labelledby", labelled)} {attr("placeholder", hint.clone())} {attr("rows", "4")} {attr("dir", "auto")} {attr("required", required)} {listen("input", on_input)} prop:value=value></textarea> }.into_any()
    } else {
        view! { <input {attr("type", "text")} class="text" {attr("aria-labelledby", labelled)} {attr("placeholder", hint)} {attr("dir", "auto")} {attr("required", required)} {listen("input", on_input)} prop:value=value/> }.into_any()
    };
    view! { {own}{field}{counter} }.into_any()
}

/// Typing an open-choice's own words lets go of the option chosen. Radio buttons are checked
/// as drawn and then left to the browser (see [`radio`]), so the one checked in the same box of
/// options is unchecked here.
fn let_go_of_options(ev: &web_sys::Event) {
    use wasm_bindgen::JsCast;
    let checked = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".options").ok().flatten())
        .and_then(|options| options.query_selector("input:checked").ok().flatten());
    if let Some(input) = checked {
        input
            .unchecked_into::<web_sys::HtmlInputElement>()
            .set_checked(false);
    }
}

/// One check box with its label: ticking adds its value to the question's answers, unticking
/// removes it. Not `required` in HTML (that would require this box): the legend says it.
fn check_box(
    s: Session,
    link_id: &str,
    value: String,
    answer: AnswerValue,
    label: AnyView,
) -> AnyView {
    let ticked = {
        let (link, answer) = (link_id.to_owned(), answer.clone());
        move |a: &rapport_core::answers::Answers| {
            a.get(&link).is_some_and(|v| v.values().contains(&answer))
        }
    };
    let checked = {
        let ticked = ticked.clone();
        live_flag(move || s.with_answers(&ticked))
    };
    let link = link_id.to_owned();
    let on_tick = move |_: web_sys::Event| {
        let now = s.answers_untracked();
        let on = !ticked(&now);
        s.set_answer(&link, AnswerValue::toggled(now.get(&link), &answer, on));
    };
    view! {
        <label class="option" {attr("part", "option")}>
            <input {attr("type", "checkbox")} {attr("value", value)} {listen("input", on_tick)} prop:checked=checked/>
            <span class="option-label">{label}</span>
        </label>
    }
    .into_any()
}

/// A repeating open-choice's own words, under its label beside the check boxes: typing keeps
/// the ticks and makes the words one more answer; a blank field takes them out
/// (`AnswerValue::with_own_words`). In the `controls` chunk, with the check boxes.
fn own_words(f: &Field<'_>, label: String) -> AnyView {
    let (s, link) = (f.s, f.link_id.to_owned());
    let own_id = format!("{}-own", f.name);
    let labelled = format!("{} {own_id}", label_dom_id(f.pos));
    let value = {
        let link = link.clone();
        live_text(move || {
            s.with_answers(|a| {
                let words = a.get(&link).and_then(AnswerValue::own_words);
                words.unwrap_or_default().to_owned()
            })
        })
    };
    let on_input = move |ev: web_sys::Event| {
        let words =
            AnswerValue::with_own_words(s.answers_untracked().get(&link), &event_target_value(&ev));
        s.set_answer(&link, words);
    };
    view! {
        <span class="own-label" {attr("id", own_id)}>{label}</span>
        <input {attr("type", "text")} class="text" {attr("aria-labelledby", labelled)} {attr("placeholder", f.hint.clone())} {attr("dir", "auto")} {listen("input", on_input)} prop:value=value/>
    }
    .into_any()
}

/// One radio button with its label.
fn radio(
    s: Session,
    link_id: &str,
    name: &str,
    value: String,
    answer: AnswerValue,
    required: bool,
    label: AnyView,
) -> AnyView {
    // Checked as the answers are when it is drawn, then left to the browser, which unchecks
    // the others of its group. Nothing else changes a drawn choice's answer but an
    // open-choice's own words, which uncheck it themselves (`let_go_of_options`): a draft is
    // brought back before the form is drawn; a change of language or of a repeating group's
    // instances draws the items again. One reactive effect per option was the largest part of
    // drawing a Likert form.
    let checked = s.answer_is(link_id, &answer);
    let link = link_id.to_owned();
    let on_pick = move |_: web_sys::Event| s.set_answer(&link, Some(answer.clone()));
    view! {
        <label class="option" {attr("part", "option")}>
            <input {attr("type", "radio")} {attr("name", name.to_owned())} {attr("value", value)} {attr("required", required)} {attr("checked", checked)} {listen("input", on_pick)}/>
            <span class="option-label">{label}</span>
        </label>
    }
    .into_any()
}

/// Gives the session's definition the instances of its repeating groups that `draft` (a stored
/// draft's JSON) holds answers or typed text in.
fn fit_draft(s: Session, draft: &serde_json::Value) {
    let loaded = s.loaded();
    let base = &loaded.base;
    if !base.has_repeating_groups() {
        return;
    }
    let keys = ["answers", "typed"]
        .into_iter()
        .filter_map(|field| draft.get(field).and_then(serde_json::Value::as_object))
        .flat_map(|m| m.keys().map(String::as_str));
    s.restructure(
        base.with_instances(&base.instance_counts(keys)),
        &|k| Some(k.to_owned()),
        false,
    );
}

/// One instance of a repeating group: its title with its number when there are several, its
/// items, a button that takes it out (when there are several) and, after the last, one that
/// adds another. Focus moves to the title of the instance added, or of the one that takes the
/// place of the one taken out.
fn instance(s: Session, pos: usize, title: String) -> AnyView {
    use rapport_core::definition::instances::{link_id_of, MAX_INSTANCES};
    let loaded = s.loaded();
    let q = &loaded.definition;
    let Some(item) = q.items.get(pos) else {
        return ().into_any();
    };
    adopt_instance_styles(s);
    let key = item.link_id.clone();
    let children = item
        .children
        .iter()
        .map(|&c| view! { <ItemView session=s pos=c/> })
        .collect_view();
    let (n, count) = q.instance_of(&key);
    let strings = s.strings_untracked();
    let number = (count > 1).then(|| {
        strings.t_args(
            "group-number",
            &[
                ("number", Arg::Number(n as f64)),
                ("count", Arg::Number(count as f64)),
            ],
        )
    });
    let heading = instance_heading_id(pos);
    // The key of this group's first instance (which always exists), naming the group.
    let first = loaded
        .base
        .instance_counts(std::iter::once(key.as_str()))
        .iter()
        .find(|(k, _)| link_id_of(k) == link_id_of(&key))
        .map_or_else(|| key.clone(), |(k, _)| k.to_owned());
    // After the structure changed: the title of instance `nth` of this group, by its key.
    let focus_instance = move |s: Session, group: String, nth: usize| {
        request_animation_frame(move || {
            let loaded = s.loaded();
            let q = &loaded.definition;
            let link = link_id_of(&group);
            let parent = q.item(&group).and_then(|i| i.parent);
            let at = q
                .items
                .iter()
                .enumerate()
                .filter(|(_, i)| link_id_of(&i.link_id) == link && i.parent == parent)
                .nth(nth.saturating_sub(1))
                .map(|(p, _)| p);
            if let Some(p) = at {
                super::focus(s, &format!("#{}", instance_heading_id(p)));
            }
        });
    };
    let add = {
        let first = first.clone();
        move |_: web_sys::Event| {
            let loaded = s.loaded();
            let (base, q) = (&loaded.base, &loaded.definition);
            let mut counts = base.instance_counts(q.items.iter().map(|i| i.link_id.as_str()));
            counts.insert(first.clone(), count + 1);
            s.restructure(base.with_instances(&counts), &|k| Some(k.to_owned()), true);
            focus_instance(s, first.clone(), count + 1);
        }
    };
    // An instance that holds answers asks first ("Remove this one and its answers?"), with
    // "No, keep it" focused: a mis-tap on a phone must not lose them.
    let confirming = RwSignal::new(false);
    let remove_id = format!("{heading}-remove");
    let confirm_id = format!("{heading}-confirm");
    let remove = {
        let key = key.clone();
        move || {
            let loaded = s.loaded();
            let (base, q) = (&loaded.base, &loaded.definition);
            let kept: Vec<String> = q
                .items
                .iter()
                .filter_map(|i| base.key_after_removing(&i.link_id, &key))
                .collect();
            let shrunk =
                base.with_instances(&base.instance_counts(kept.iter().map(String::as_str)));
            let base = base.clone();
            let removed = key.clone();
            s.restructure(shrunk, &move |k| base.key_after_removing(k, &removed), true);
            focus_instance(s, first.clone(), n.min(count - 1));
        }
    };
    let remove_now = StoredValue::new_local(remove);
    let ask = {
        let confirm_id = confirm_id.clone();
        move |_: web_sys::Event| {
            let loaded = s.loaded();
            if s.with_answers(|a| loaded.definition.answered_inside(pos, a)) {
                confirming.set(true);
                let keep = format!("#{confirm_id} .instance-keep");
                request_animation_frame(move || super::focus(s, &keep));
            } else {
                remove_now.with_value(|f| f());
            }
        }
    };
    let keep = {
        let remove_id = remove_id.clone();
        move || {
            confirming.set(false);
            let back = format!("#{remove_id}");
            request_animation_frame(move || super::focus(s, &back));
        }
    };
    let can_add =
        n == count && count < MAX_INSTANCES && q.items.len() < rapport_core::definition::MAX_ITEMS;
    view! {
        <section class="group instance" {attr("id", question_dom_id(pos))} data-testid=format!("group-{key}")>
            <h3 class="group-title" {attr("id", heading)} {attr("tabindex", "-1")}>
                {title}
                {number.map(|t| view! { " "<span class="instance-number">{t}</span> }.into_any())}
            </h3>
            {warning_of(s, pos, true)}
            {children}
            {warning_of(s, pos, false)}
            {(count > 1).then(|| {
                let keep_on_escape = keep.clone();
                let on_key = move |ev: web_sys::Event| {
                    use wasm_bindgen::JsCast;
                    if ev.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|k| k.key() == "Escape") {
                        keep_on_escape();
                    }
                };
                let keep_click = keep.clone();
                let question_id = format!("{confirm_id}-q");
                let labelled = question_id.clone();
                view! {
                    <div class="instance-confirm" {attr("id", confirm_id.clone())} {attr("role", "group")} {attr("aria-labelledby", labelled)}
                        class:hidden=move || !confirming.get() {listen("keydown", on_key)}>
                        <p class="instance-question" {attr("id", question_id)}>{strings.t("group-remove-confirm")}</p>
                        <button {attr("type", "button")} class="instance-remove" {attr("part", "instance-remove")} data-testid=format!("remove-yes-{key}")
                            {listen("click", move |_| remove_now.with_value(|f| f()))}>{strings.t("group-remove-yes")}</button>
                        " "
                        <button {attr("type", "button")} class="instance-add instance-keep" {attr("part", "instance-add")} data-testid=format!("remove-no-{key}")
                            {listen("click", move |_| keep_click())}>{strings.t("group-remove-no")}</button>
                    </div>
                    <button {attr("type", "button")} class="instance-remove" {attr("part", "instance-remove")} {attr("id", remove_id.clone())}
                        class:hidden=move || confirming.get()
                        data-testid=format!("remove-{key}") {listen("click", ask.clone())}>{strings.t("group-remove")}</button>
                }
                .into_any()
            })}
        </section>
        {can_add.then(|| view! {
            <button {attr("type", "button")} class="instance-add" {attr("part", "instance-add")}
                data-testid=format!("add-{}", link_id_of(&key)) {listen("click", add)}>{strings.t("group-add")}</button>
        }.into_any())}
    }
    .into_any()
}

/// The styles of repeating group instances: a line at the start side of each, the buttons as
/// outlined buttons (44 px high at least). Adopted by the widget's shadow root with the first
/// instance drawn, so a bundled questionnaire's download does not carry them.
const INSTANCE_STYLES: &str = ".instance{border-inline-start:3px solid var(--_surface-2);padding-inline-start:12px}\
.instance-number{font-weight:400;color:var(--_muted);font-size:var(--_size)}\
.instance-add,.instance-remove{font:inherit;font-weight:600;min-height:44px;padding:8px 18px;margin:0 0 12px;\
color:var(--_accent);background:var(--_surface);border:2px solid var(--_accent);border-radius:var(--_radius);cursor:pointer}\
.instance-remove{color:var(--_text);border-color:var(--_border);font-weight:400}\
.row{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start;margin:0 0 8px}.row .text{flex:1 1 calc(14 * var(--_size))}.row .instance-remove{margin:0;align-self:flex-end}\
.row .number{flex:0 1 calc(10 * var(--_size))}.row .number[type=date],.row .number[type=time],.row .number[type=datetime-local]{flex-basis:calc(16 * var(--_size))}.row .unit{margin-top:8px;align-self:center}.row .unit-choice{flex:0 1 auto;min-width:calc(6 * var(--_size))}\
.instance-confirm{border:2px solid var(--_border);border-radius:var(--_radius);padding:12px;margin:0 0 12px}\
.instance-question{margin:0 0 8px;font-weight:600}.instance-confirm .instance-remove,.instance-confirm .instance-add{margin:0 8px 0 0}\
.instance-add:focus-visible,.instance-remove:focus-visible,.group-title:focus-visible{outline:3px solid var(--_accent);outline-offset:2px}";

thread_local! {
    static INSTANCE_SHEET: std::cell::OnceCell<web_sys::CssStyleSheet> = const { std::cell::OnceCell::new() };
}

/// Adds [`INSTANCE_STYLES`] to the widget's shadow root, once.
fn adopt_instance_styles(s: Session) {
    super::adopt_sheet(s, &INSTANCE_SHEET, INSTANCE_STYLES);
}

/// Rows for a question that repeats, other than a choice: one field per answer (text, or a
/// number, date or time field read as the patient types, with the item's unit after it, or a
/// quantity's number with its unit, one of its units picked in each row when it has several),
/// "Add another" under them, "Remove this one" beside each when there are several. Each field
/// is named by the question and, when there are several, its number ("2 of 3"). The answer is
/// the rows that hold a value, in order; a blank row is kept on screen only. A number, date or
/// time row is read by the session with the others (each row's text followed by a line
/// break, `validate::parse_typed`), so that what is not a value yet is the question's issue
/// and stays in the draft. Focus moves to the row added, or to the one that takes the place
/// of the one taken out.
fn rows(f: &Field<'_>, q: &Questionnaire, item: &Item) -> AnyView {
    use rapport_core::definition::instances::MAX_INSTANCES;
    adopt_instance_styles(f.s);
    let (s, pos, required, hint) = (f.s, f.pos, f.required, f.hint.clone());
    let link = f.link_id.to_owned();
    let kind = item.kind.clone();
    let typed = rapport_core::validate::reads_typed(&kind);
    let long = matches!(kind, ItemKind::Text { .. });
    // The words of the item's one unit, or of a quantity's units (a list to pick from in each
    // row when there are several).
    let units: Vec<String> = match &kind {
        ItemKind::Quantity { units } => units
            .iter()
            .map(|u| s.strings_untracked().option(q, u))
            .collect(),
        _ => item
            .unit
            .iter()
            .map(|t| s.strings_untracked().words(q, t))
            .collect(),
    };
    let codes: Vec<String> = match &kind {
        ItemKind::Quantity { units } => units.iter().map(|u| u.code.clone()).collect(),
        _ => Vec::new(),
    };
    // Each row's text, whether its date or time control holds part of a value, and a
    // quantity's unit (its place in the item's units): from the draft's typed text, else from
    // the answer (the definition's initial values).
    let given: Vec<(String, bool, usize)> = match untrack(|| s.typed_text(&link)).filter(|_| typed)
    {
        Some(t) => RARE
            .get()
            .map(|r| (r.typed_rows)(&t))
            .unwrap_or_default()
            .into_iter()
            .map(|(text, unit)| (text.to_owned(), false, unit))
            .collect(),
        None => s
            .answers_untracked()
            .get(&link)
            .map(|a| {
                a.values()
                    .iter()
                    .map(|v| {
                        let unit = match v {
                            AnswerValue::Quantity { code, .. } => {
                                codes.iter().position(|c| c == code).unwrap_or(0)
                            }
                            _ => 0,
                        };
                        (shown_text(v), false, unit)
                    })
                    .collect()
            })
            .unwrap_or_default(),
    };
    let texts = StoredValue::new_local(if given.is_empty() {
        vec![(String::new(), false, 0)]
    } else {
        given
    });
    // Told when a row is added or taken out (not on typing, which would redraw the field).
    let rows_changed = Trigger::new();
    let save = move || {
        texts.with_value(|t| {
            if let (true, Some(r)) = (typed, RARE.get()) {
                // A quantity's row names its unit (`validate::parse_typed`).
                let rows: Vec<(&str, usize)> = t.iter().map(|(x, _, u)| (x.as_str(), *u)).collect();
                let text = (r.rows_text)(&rows, !codes.is_empty());
                let bad = t.iter().any(|(_, bad, _)| *bad);
                s.set_typed(&link, &kind, text, bad, r.read_typed);
            } else if !typed {
                let list = t
                    .iter()
                    .filter(|(x, _, _)| !x.trim().is_empty())
                    .map(|(x, _, _)| AnswerValue::String(x.clone()))
                    .collect();
                s.set_answer(&link, Some(AnswerValue::Many(list)));
            }
        })
    };
    let row_id = move |i: usize| format!("{}-row-{i}", question_dom_id(pos));
    let focus_row = move |i: usize| {
        request_animation_frame(move || super::focus(s, &format!("#{}", row_id(i))));
    };
    let testid = f.link_id.to_owned();
    let (kind_attr, mode) = input_kind(&item.kind);
    let draw = move || {
        rows_changed.track();
        let n = texts.with_value(Vec::len);
        let strings = s.strings_untracked();
        (0..n)
            .map(|i| {
                let text = texts.with_value(|t| t.get(i).map(|r| r.0.clone()).unwrap_or_default());
                let save_input = save.clone();
                // A date or time control that holds part of a value is read again when it
                // loses focus (see `typed_value`).
                let on = move |only_bad: bool| {
                    let save_input = save_input.clone();
                    move |ev: web_sys::Event| {
                        let (value, bad) = typed_value(&ev);
                        if bad || !only_bad {
                            texts.update_value(|t| {
                                if let Some(x) = t.get_mut(i) {
                                    (x.0, x.1) = (value, bad);
                                }
                            });
                            save_input();
                        }
                    }
                };
                let save_remove = save.clone();
                let remove = move |_: web_sys::Event| {
                    texts.update_value(|t| {
                        if i < t.len() {
                            t.remove(i);
                        }
                    });
                    save_remove();
                    rows_changed.notify();
                    focus_row(i.min(n.saturating_sub(2)));
                };
                let number_id = format!("{}-n", row_id(i));
                let unit_id = format!("{}-u", row_id(i));
                let mut labelled = label_dom_id(pos);
                if n > 1 {
                    labelled = format!("{labelled} {number_id}");
                }
                // The list of units is named like the field (the field's name does not hold it).
                let unit_labelled = labelled.clone();
                if units.len() == 1 {
                    labelled = format!("{labelled} {unit_id}");
                }
                // A quantity's unit, picked in each row when it has several.
                let save_unit = save.clone();
                let units = units.clone();
                let unit_view = move |i: usize, id: String, labelled: String| match units.len() {
                    0 => ().into_any(),
                    1 => view! { <span class="unit" {attr("id", id)}>{units.clone()}</span> }.into_any(),
                    _ => {
                        let at = texts.with_value(|t| t.get(i).map_or(0, |r| r.2));
                        let save_unit = save_unit.clone();
                        let pick = move |u: usize| {
                            texts.update_value(|t| {
                                if let Some(x) = t.get_mut(i) {
                                    x.2 = u;
                                }
                            });
                            save_unit();
                        };
                        RARE.get().map_or_else(
                            || ().into_any(),
                            |r| (r.unit_choice)(id, labelled, &units, at, Box::new(pick)),
                        )
                    }
                };
                let number = strings.t_args(
                    "group-number",
                    &[
                        ("number", Arg::Number((i + 1) as f64)),
                        ("count", Arg::Number(n as f64)),
                    ],
                );
                // Required in HTML on the first row only: one answer is enough.
                let required = required && i == 0;
                let field = if long {
                    view! { <textarea class="text" {attr("id", row_id(i))} {attr("aria-labelledby", labelled)} {attr("placeholder", hint.clone())} {attr("rows", "3")} {attr("dir", "auto")} {attr("required", required)} {listen("input", on(false))} prop:value=text></textarea> }.into_any()
                } else if typed {
                    view! { <input {attr("type", kind_attr)} class="number" {attr("id", row_id(i))} {attr("aria-labelledby", labelled)} {attr("inputmode", mode)} {attr("autocomplete", "off")} {attr("placeholder", hint.clone())} {attr("required", required)} {listen("input", on(false))} {listen("blur", on(true))} prop:value=text/> }.into_any()
                } else {
                    view! { <input {attr("type", "text")} class="text" {attr("id", row_id(i))} {attr("aria-labelledby", labelled)} {attr("placeholder", hint.clone())} {attr("dir", "auto")} {attr("required", required)} {listen("input", on(false))} prop:value=text/> }.into_any()
                };
                view! {
                    <div class="row">
                        {(n > 1).then(|| view! { <span class="visually-hidden" {attr("id", number_id)}>{number}</span> }.into_any())}
                        {field}
                        {unit_view(i, unit_id, unit_labelled)}
                        {(n > 1).then(|| view! {
                            <button {attr("type", "button")} class="instance-remove" {attr("part", "instance-remove")}
                                data-testid=format!("remove-row-{i}") {listen("click", remove)}>{strings.t("group-remove")}</button>
                        }.into_any())}
                    </div>
                }
                .into_any()
            })
            .collect_view()
    };
    let add = move |_: web_sys::Event| {
        let n = texts.with_value(Vec::len);
        if n < MAX_INSTANCES {
            texts.update_value(|t| t.push((String::new(), false, 0)));
            rows_changed.notify();
            focus_row(n);
        }
    };
    view! {
        <div class="rows" data-testid=format!("rows-{testid}")>{draw}</div>
        <button {attr("type", "button")} class="instance-add" {attr("part", "instance-add")}
            data-testid=format!("add-{testid}") {listen("click", add)}>{tr(s, "group-add")}</button>
    }
    .into_any()
}

/// The DOM id of a repeating group instance's title (focused when instances change).
fn instance_heading_id(pos: usize) -> String {
    format!("rg-{pos}")
}

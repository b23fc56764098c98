//! Rich text of a clinic definition (`rendering-xhtml`, `rendering-markdown`), drawn as DOM
//! nodes from the core's tree ([`rapport_core::rich`]): paragraphs, lists, emphasis, strong,
//! line breaks and `https:` links, never markup. The code, the core's reader and the styles
//! are a WebAssembly chunk of their own (`rich`), fetched by
//! [`super::question::load_rare`] only for a definition that has rich text.

use leptos::prelude::*;
use rapport_core::definition::{Item, Questionnaire, Text};
use rapport_core::rich::{parse, Block, Inline, Rich};

use super::{adopt_sheet, attr};
use crate::session::Session;

/// What the `rich` chunk draws, by function pointer (set once per page).
pub struct RichView {
    /// An item's prefix and text when either is rich text in the language shown: for display
    /// text (`true`) its whole block, paragraphs and lists; else one run of words (a legend, a
    /// group's title), paragraphs and list items on lines of their own. `None`: no rich text
    /// to show (or too long to read), and the plain words are drawn.
    pub words: fn(Session, &Questionnaire, &Item, bool) -> Option<AnyView>,
}

/// The `rich` chunk's entry.
#[cfg_attr(rapport_split, wasm_split_helpers::wasm_split(rich, fallible))]
pub fn rich_views() -> Result<Box<RichView>, wasm_split_helpers::SplitLoaderError> {
    Ok(Box::new(RichView { words }))
}

fn words(s: Session, q: &Questionnaire, item: &Item, display: bool) -> Option<AnyView> {
    let strings = s.strings_untracked();
    let draw = |t: &Text, display: bool| {
        let rich = strings.rich(q, t)?;
        if display {
            blocks(s, rich)
        } else {
            inline(s, rich)
        }
    };
    let text = item.text.as_ref()?;
    let rich_text = draw(text, display);
    let rich_prefix = item.prefix.as_ref().and_then(|p| draw(p, false));
    if rich_text.is_none() && rich_prefix.is_none() {
        return None;
    }
    let prefix = item.prefix.as_ref().map(|p| {
        let words = rich_prefix.unwrap_or_else(|| strings.words(q, p).into_any());
        view! { <span class="prefix">{words}</span>" " }
    });
    let text = rich_text.unwrap_or_else(|| strings.words(q, text).into_any());
    Some(if display {
        let id = format!("display-{}", item.link_id);
        view! { <div class="display rich" data-testid=id>{prefix}{text}</div> }.into_any()
    } else {
        view! { {prefix}{text} }.into_any()
    })
}

fn blocks(s: Session, rich: &Rich) -> Option<AnyView> {
    let blocks = parse(rich)?;
    adopt_sheet(s, &RICH_SHEET, RICH_STYLES);
    Some(
        blocks
            .into_iter()
            .map(|b| match b {
                Block::Paragraph(words) => view! { <p>{inlines(s, words, true)}</p> }.into_any(),
                // One level below the widget's group titles (`h3`).
                Block::Heading(words) => {
                    view! { <h4 class="rich-heading">{inlines(s, words, true)}</h4> }.into_any()
                }
                Block::List { ordered, items } => {
                    let items = items
                        .into_iter()
                        .map(|i| view! { <li>{inlines(s, i, true)}</li> })
                        .collect_view();
                    if ordered {
                        view! { <ol>{items}</ol> }.into_any()
                    } else {
                        view! { <ul>{items}</ul> }.into_any()
                    }
                }
            })
            .collect_view()
            .into_any(),
    )
}

fn inline(s: Session, rich: &Rich) -> Option<AnyView> {
    let blocks = parse(rich)?;
    adopt_sheet(s, &RICH_SHEET, RICH_STYLES);
    let mut words: Vec<Inline> = Vec::new();
    for b in blocks {
        if !words.is_empty() {
            words.push(Inline::Break);
        }
        match b {
            Block::Paragraph(p) => words.extend(p),
            Block::Heading(h) => words.push(Inline::Strong(h)),
            Block::List { ordered, items } => {
                for (n, item) in items.into_iter().enumerate() {
                    if n > 0 {
                        words.push(Inline::Break);
                    }
                    words.push(Inline::Text(if ordered {
                        format!("{}. ", n + 1)
                    } else {
                        "\u{2022} ".to_owned()
                    }));
                    words.extend(item);
                }
            }
        }
    }
    // No "opens in a new tab" here: the legend names the question's fields, and the words
    // would be read inside that name.
    Some(inlines(s, words, false))
}

/// Words as text nodes and the few elements allowed; a link opens in a new tab (the form and
/// its answers stay), and, with `hint`, says so to a screen reader.
fn inlines(s: Session, words: Vec<Inline>, hint: bool) -> AnyView {
    words
        .into_iter()
        .map(|i| match i {
            Inline::Text(t) => t.into_any(),
            Inline::Strong(c) => view! { <strong>{inlines(s, c, hint)}</strong> }.into_any(),
            Inline::Emphasis(c) => view! { <em>{inlines(s, c, hint)}</em> }.into_any(),
            Inline::Break => view! { <br/> }.into_any(),
            Inline::Link { href, content } => view! {
                <a {attr("href", href)} {attr("target", "_blank")} {attr("rel", "noopener noreferrer")}>
                    {inlines(s, content, hint)}
                    {hint.then(|| view! { <span class="visually-hidden">" "{s.strings_untracked().t("link-new-tab")}</span> })}
                </a>
            }
            .into_any(),
        })
        .collect_view()
        .into_any()
}

thread_local! {
    static RICH_SHEET: std::cell::OnceCell<web_sys::CssStyleSheet> = const { std::cell::OnceCell::new() };
}

/// Paragraphs and lists in display text, links in the accent colour and underlined.
const RICH_STYLES: &str =
    ".rich p,.rich .rich-heading{margin:0 0 8px}.rich p:last-child{margin-bottom:0}\
.rich .rich-heading{font-size:calc(1.125 * var(--_size));font-weight:700}\
.rich ul,.rich ol{margin:0 0 8px;padding-inline-start:calc(1.5 * var(--_size))}\
.rich li{margin:0 0 4px}\
.rapport a{color:var(--_accent);text-decoration:underline;text-underline-offset:2px}\
.rapport a:focus-visible{outline:3px solid var(--_accent);outline-offset:2px;border-radius:2px}";

//! The small panel shown instead of a questionnaire that cannot be shown: a kind sentence for
//! the patient and the exact problem for the clinic's web team (in English, as developers'
//! tools are).

use leptos::prelude::*;

use super::attr;
use rapport_core::i18n::Localizer;

use crate::config::ConfigError;
use crate::load::EN_WIDGET;

/// Shows a configuration or loading problem.
#[component]
pub fn ConfigPanel(error: ConfigError) -> impl IntoView {
    // The compiled-in reference strings: whatever failed to load, these are there.
    let mut loc = Localizer::with_rules(std::sync::Arc::new(crate::intl::BrowserNumbers));
    let _ = loc.add_locale("en", &[EN_WIDGET]);
    view! {
        <div class="rapport panel" {attr("role", "alert")} data-testid="config-error" {attr("part", "error-panel")} {attr("lang", "en")} {attr("dir", "ltr")}>
            <p class="panel-title">{loc.text("config-error-title", &[])}</p>
            <p class="panel-help">{loc.text("config-error-help", &[])}</p>
            <pre class="panel-detail"><code>{error.code()}</code>"\n"{error.message}</pre>
        </div>
    }
}

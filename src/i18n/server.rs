//! Rendering on the server, with fluent-bundle: one bundle per language, built on first use.

use super::pattern::{Plural, Value};
use super::{Lang, Msg, SERVER_SOURCES};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;
use unic_langid::LanguageIdentifier;

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: OnceLock<Vec<(Lang, Bundle)>> = OnceLock::new();

fn bundle(lang: Lang) -> Option<&'static Bundle> {
    let bundles = BUNDLES.get_or_init(|| Lang::ALL.iter().map(|lang| (*lang, build(*lang))).collect());
    bundles.iter().find(|(l, _)| *l == lang).map(|(_, b)| b)
}

fn build(lang: Lang) -> Bundle {
    let code = lang.code();
    let id: LanguageIdentifier = code.parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Isolation marks keep an inserted value (a name, "3 / 5", a date) in its own direction.
    // Arabic pages need them: without, the Latin or numeric value's edge punctuation is
    // reordered into the right-to-left sentence. French and English pages go without: there
    // the values are mostly left-to-right already, the browser tests compare their texts
    // exactly ("Done: 2 / 3"), and the user-written values carry `dir="auto"` in the markup.
    bundle.set_use_isolating(lang.isolates());
    // See build.rs (`rewrite_plurals`): plural choices use our CLDR rules, not the crate's.
    let registered = bundle.add_function("PLURAL", move |positional, _named| match positional.first() {
        Some(FluentValue::Number(n)) => FluentValue::String(Plural::of(lang, n.value as i64).name().into()),
        Some(other) => other.clone(),
        None => FluentValue::Error,
    });
    if let Err(e) = registered {
        tracing::error!(error = ?e, "PLURAL function for {code}");
    }
    let source = SERVER_SOURCES[super::lang_index(lang)];
    // build.rs parsed and checked this very text; an error here would be a bug of the build.
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, errors)| {
        tracing::error!(?errors, "translations for {code} do not parse");
        partial
    });
    if let Err(errors) = bundle.add_resource(resource) {
        tracing::error!(?errors, "translations for {code}");
    }
    bundle
}

/// `msg` in `lang` with its values; `None` only if the bundle lacks it (then the caller
/// falls back to the compiled pattern).
pub fn format(lang: Lang, msg: Msg, values: &[Value<'_>]) -> Option<String> {
    let bundle = bundle(lang)?;
    let pattern = bundle.get_message(msg.id())?.value()?;
    let mut args = FluentArgs::with_capacity(values.len());
    for (var, value) in msg.vars().iter().zip(values) {
        match value {
            Value::Count(n) => args.set(var.name, *n),
            Value::Text(t) => args.set(var.name, t.as_ref()),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
    if !errors.is_empty() {
        tracing::warn!(?errors, message = msg.id(), "while rendering a translation");
    }
    Some(text.into_owned())
}

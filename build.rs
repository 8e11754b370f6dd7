//! Checks the translation files (`src/i18n/locales/*.ftl`) and turns them into Rust.
//!
//! The build stops, naming file and message, when a file does not parse, a message is missing
//! from a language, or two languages disagree on a message's variables: a translation mistake
//! is a compile error, never a blank or a stray `{ $count }` on a page.
//!
//! It writes into OUT_DIR (included by `src/i18n/messages.rs`):
//! - `Msg`, one variant per message id (`import-confirm` becomes `ImportConfirm`); the names
//!   are the keys' serialized form, so errors travel as keys between server and browser;
//! - `args::*`, one struct per message with variables, whose fields are those variables: a
//!   misspelt or missing argument does not compile;
//! - the whole text of every message without variables (`&'static str`, no rendering), and
//!   the parsed pattern of the others, which the browser renders without a Fluent runtime;
//! - for the server, each file again with its plural choices routed through `PLURAL()` (see
//!   `rewrite_plurals`), which `fluent-bundle` renders.

use fluent_syntax::ast;
use fluent_syntax::parser;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const LOCALES: &str = "src/i18n/locales";
/// The language whose texts document the generated argument structs, and whose order of
/// messages the key enum follows.
const REFERENCE: &str = "en";
/// CLDR's plural categories: the only variant keys a choice may use.
const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    // A directory: cargo reruns when any file in it changes, appears or goes.
    println!("cargo::rerun-if-changed={LOCALES}");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    match run(&out_dir) {
        Ok(()) => {}
        Err(problems) => {
            eprintln!("\nThe translation files in {LOCALES} have {} problem(s):\n", problems.len());
            for p in &problems {
                eprintln!("  - {p}");
            }
            eprintln!("\nSee the header of {LOCALES}/en.ftl for the syntax, and README.md (Translations).\n");
            std::process::exit(1);
        }
    }
}

/// One language file, parsed and checked.
struct Locale {
    code: String,
    messages: BTreeMap<String, Compiled>,
    /// Message ids in file order.
    order: Vec<String>,
    /// The file as the server loads it.
    server_source: String,
}

/// One message in one language.
struct Compiled {
    pieces: Vec<Piece>,
    /// Variables in order of first use; `true` for those that choose a plural form.
    vars: Vec<(String, bool)>,
}

enum Piece {
    Text(String),
    Var { name: String, isolate: bool },
    Select { name: String, variants: Vec<(String, Vec<Piece>)>, default: usize, isolate: bool },
}

fn run(out_dir: &Path) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    let mut locales = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(LOCALES)
        .map_err(|e| vec![format!("cannot read {LOCALES}: {e}")])?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    for path in &files {
        let code = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
        if code.len() < 2 || code.len() > 3 || !code.chars().all(|c| c.is_ascii_lowercase()) {
            problems.push(format!("{}: name a file by its language code in lower case, e.g. `de.ftl`", path.display()));
            continue;
        }
        let source = match std::fs::read_to_string(path) {
            Ok(s) => s,
            Err(e) => {
                problems.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        match load(&code, &source) {
            Ok(locale) => locales.push(locale),
            Err(mut errors) => problems.append(&mut errors),
        }
    }
    if locales.is_empty() && problems.is_empty() {
        problems.push(format!("no .ftl file in {LOCALES}"));
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    // Every message in every language, with the same variables.
    let reference = locales.iter().position(|l| l.code == REFERENCE).unwrap_or(0);
    let mut ids: Vec<String> = locales[reference].order.clone();
    for locale in &locales {
        for id in &locale.order {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
    }
    let mut vars: BTreeMap<&str, Vec<(String, bool)>> = BTreeMap::new();
    for id in &ids {
        let mut merged: Vec<(String, bool)> = Vec::new();
        let mut sets: Vec<(String, BTreeSet<String>)> = Vec::new();
        for locale in &locales {
            let Some(message) = locale.messages.get(id) else {
                problems.push(format!("message `{id}` is missing from {}.ftl", locale.code));
                continue;
            };
            sets.push((locale.code.clone(), message.vars.iter().map(|(n, _)| n.clone()).collect()));
            for (name, plural) in &message.vars {
                match merged.iter_mut().find(|(n, _)| n == name) {
                    Some(entry) => entry.1 |= plural,
                    None => merged.push((name.clone(), *plural)),
                }
            }
        }
        if sets.windows(2).any(|w| w[0].1 != w[1].1) {
            let listed: Vec<String> = sets
                .iter()
                .map(|(code, set)| {
                    let names: Vec<String> = set.iter().map(|n| format!("${n}")).collect();
                    format!("{code}.ftl has {{ {} }}", names.join(", "))
                })
                .collect();
            problems.push(format!("message `{id}`: the languages disagree on its variables: {}", listed.join("; ")));
        }
        vars.insert(id.as_str(), merged);
    }
    let mut variants = BTreeMap::new();
    for id in &ids {
        let name = camel(id);
        if let Some(other) = variants.insert(name.clone(), id) {
            problems.push(format!("messages `{other}` and `{id}` would both be named `{name}` in the code"));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    for locale in &locales {
        let path = out_dir.join(format!("{}.ftl", locale.code));
        std::fs::write(&path, &locale.server_source).map_err(|e| vec![format!("{}: {e}", path.display())])?;
    }
    let code = generate(&locales, &ids, &vars, reference, out_dir);
    let path = out_dir.join("messages.rs");
    std::fs::write(&path, code).map_err(|e| vec![format!("{}: {e}", path.display())])?;
    Ok(())
}

fn load(code: &str, source: &str) -> Result<Locale, Vec<String>> {
    let file = format!("{code}.ftl");
    let line_of = |offset: usize| source[..offset.min(source.len())].lines().count().max(1);
    let mut resource = match parser::parse(source) {
        Ok(r) => r,
        Err((_, errors)) => {
            return Err(errors.iter().map(|e| format!("{file}, line {}: {e}", line_of(e.pos.start))).collect());
        }
    };
    let mut problems = Vec::new();
    let mut messages = BTreeMap::new();
    let mut order = Vec::new();
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let id = m.id.name.to_owned();
                let at = format!("{file}, message `{id}`");
                if !m.attributes.is_empty() {
                    problems.push(format!("{at}: attributes (`.name = …`) are not used by Hakam"));
                }
                let Some(pattern) = &m.value else {
                    problems.push(format!("{at}: has no text"));
                    continue;
                };
                let mut vars = Vec::new();
                match compile(pattern, &mut vars) {
                    Ok(pieces) => {
                        if messages.insert(id.clone(), Compiled { pieces, vars }).is_some() {
                            problems.push(format!("{at}: defined twice"));
                        } else {
                            order.push(id);
                        }
                    }
                    Err(e) => problems.push(format!("{at}: {e}")),
                }
            }
            ast::Entry::Term(t) => {
                problems.push(format!("{file}, term `-{}`: terms are not supported (the browser renders these texts without a Fluent runtime)", t.id.name));
            }
            ast::Entry::Junk { content } => {
                problems.push(format!("{file}: cannot read {content:?}"));
            }
            ast::Entry::Comment(_) | ast::Entry::GroupComment(_) | ast::Entry::ResourceComment(_) => {}
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    rewrite_plurals(&mut resource);
    let server_source = fluent_syntax::serializer::serialize(&resource);
    Ok(Locale { code: code.to_owned(), messages, order, server_source })
}

/// Turns a pattern into pieces, accepting only what the browser's renderer handles: text,
/// `{ "literal" }`, `{ $variable }`, and `{ $count -> [one] … *[other] … }` choices keyed by
/// CLDR plural categories.
fn compile(pattern: &ast::Pattern<&str>, vars: &mut Vec<(String, bool)>) -> Result<Vec<Piece>, String> {
    // Fluent wraps a placeable in bidi isolation marks only when it is not the whole pattern;
    // the renderers apply the same rule (see `src/i18n/pattern.rs`).
    let isolate = pattern.elements.len() > 1;
    let mut pieces = Vec::new();
    let use_var =
        |vars: &mut Vec<(String, bool)>, name: &str, plural: bool| match vars.iter_mut().find(|(n, _)| n == name) {
            Some(entry) => entry.1 |= plural,
            None => vars.push((name.to_owned(), plural)),
        };
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => push_text(&mut pieces, value),
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                    push_text(&mut pieces, &fluent_syntax::unicode::unescape_unicode_to_string(value));
                }
                ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
                    use_var(vars, id.name, false);
                    pieces.push(Piece::Var { name: id.name.to_owned(), isolate });
                }
                ast::Expression::Select { selector, variants } => {
                    let ast::InlineExpression::VariableReference { id } = selector else {
                        return Err("a choice must be made on a variable: `{ $count -> … }`".into());
                    };
                    use_var(vars, id.name, true);
                    let mut compiled = Vec::new();
                    let mut default = 0;
                    for (i, variant) in variants.iter().enumerate() {
                        let key = match &variant.key {
                            ast::VariantKey::Identifier { name } if CATEGORIES.contains(name) => (*name).to_owned(),
                            ast::VariantKey::Identifier { name } => {
                                return Err(format!(
                                    "`[{name}]` is not a plural category (use {})",
                                    CATEGORIES.join(", ")
                                ));
                            }
                            ast::VariantKey::NumberLiteral { value } => {
                                return Err(format!(
                                    "`[{value}]`: choose by plural category ({}), not by number",
                                    CATEGORIES.join(", ")
                                ));
                            }
                        };
                        if variant.default {
                            default = i;
                        }
                        compiled.push((key, compile(&variant.value, vars)?));
                    }
                    pieces.push(Piece::Select { name: id.name.to_owned(), variants: compiled, default, isolate });
                }
                ast::Expression::Inline(other) => {
                    let what = match other {
                        ast::InlineExpression::NumberLiteral { .. } => "a number literal",
                        ast::InlineExpression::FunctionReference { .. } => "a function",
                        ast::InlineExpression::MessageReference { .. } => "a reference to another message",
                        ast::InlineExpression::TermReference { .. } => "a term",
                        _ => "a nested placeable",
                    };
                    return Err(format!("{what} is not supported here: use text, {{ $variable }} or a plural choice"));
                }
            },
        }
    }
    Ok(pieces)
}

fn push_text(pieces: &mut Vec<Piece>, text: &str) {
    if let Some(Piece::Text(last)) = pieces.last_mut() {
        last.push_str(text);
    } else {
        pieces.push(Piece::Text(text.to_owned()));
    }
}

/// Routes every plural choice through a `PLURAL()` function that the server registers.
///
/// fluent-bundle picks plural forms with intl_pluralrules 7.0.2, whose Arabic rules drop the
/// `n % 100` of CLDR (103 comes out `other` instead of `few`, 111 `other` instead of `many`).
/// `PLURAL($count)` returns the category name from `src/i18n/pattern.rs`, which follows CLDR
/// and is what the browser uses; a category name matches its variant key as a string.
fn rewrite_plurals(resource: &mut ast::Resource<&str>) {
    fn pattern(p: &mut ast::Pattern<&str>) {
        for element in &mut p.elements {
            if let ast::PatternElement::Placeable { expression: ast::Expression::Select { selector, variants } } =
                element
            {
                let variable = std::mem::replace(selector, ast::InlineExpression::StringLiteral { value: "" });
                *selector = ast::InlineExpression::FunctionReference {
                    id: ast::Identifier { name: "PLURAL" },
                    arguments: ast::CallArguments { positional: vec![variable], named: Vec::new() },
                };
                for variant in variants {
                    pattern(&mut variant.value);
                }
            }
        }
    }
    for entry in &mut resource.body {
        if let ast::Entry::Message(ast::Message { value: Some(p), .. }) = entry {
            pattern(p);
        }
    }
}

/// `import-confirm` → `ImportConfirm`.
fn camel(id: &str) -> String {
    id.split(['-', '_'])
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

fn generate(
    locales: &[Locale],
    ids: &[String],
    vars: &BTreeMap<&str, Vec<(String, bool)>>,
    reference: usize,
    out_dir: &Path,
) -> String {
    let n = locales.len();
    let mut o = String::new();
    let w = &mut o;
    let _ = writeln!(w, "// Generated by build.rs from {LOCALES}/*.ftl. Edit those files, not this one.\n");

    // The key enum.
    let _ = writeln!(w, "/// A message of the translation files, named after its id in CamelCase (`import-confirm` is");
    let _ = writeln!(w, "/// `ImportConfirm`). Server errors carry these, never sentences; the names are their");
    let _ = writeln!(w, "/// serialized form.");
    let _ = writeln!(w, "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]");
    let _ = writeln!(w, "pub enum Msg {{");
    for id in ids {
        let _ = writeln!(w, "    {},", camel(id));
    }
    let _ = writeln!(w, "}}\n");
    let _ = writeln!(w, "impl Msg {{");
    let _ = writeln!(w, "    /// Every message, in the order of {REFERENCE}.ftl.");
    let _ = writeln!(w, "    pub const ALL: &'static [Msg] = &[");
    for id in ids {
        let _ = writeln!(w, "        Msg::{},", camel(id));
    }
    let _ = writeln!(w, "    ];\n}}\n");

    // The languages, in file order.
    let _ = writeln!(w, "/// Each file as the server loads it (plural choices routed through `PLURAL`, see build.rs).");
    let _ = writeln!(w, "#[cfg(feature = \"ssr\")]");
    let sources: Vec<String> = locales
        .iter()
        .map(|l| format!("include_str!({:?})", out_dir.join(format!("{}.ftl", l.code)).display().to_string()))
        .collect();
    let _ = writeln!(w, "pub const SERVER_SOURCES: [&str; {n}] = [{}];\n", sources.join(", "));
    let _ = writeln!(w, "/// A language's place in the tables below. A `Lang` without a `.ftl` file, or a file");
    let _ = writeln!(w, "/// without a `Lang` variant, fails to compile here.");
    let _ = writeln!(w, "pub const fn lang_index(lang: Lang) -> usize {{");
    let _ = writeln!(w, "    match lang {{");
    for (i, l) in locales.iter().enumerate() {
        let _ = writeln!(w, "        Lang::{} => {i},", camel(&l.code));
    }
    let _ = writeln!(w, "    }}\n}}\n");

    // Tables indexed by `Msg as usize`.
    let _ = writeln!(w, "const IDS: [&str; {}] = [", ids.len());
    for id in ids {
        let _ = writeln!(w, "    {id:?},");
    }
    let _ = writeln!(w, "];\n");
    let _ = writeln!(w, "const VARS: [&[Var]; {}] = [", ids.len());
    for id in ids {
        let list: Vec<String> = vars[id.as_str()]
            .iter()
            .map(|(name, plural)| format!("Var {{ name: {name:?}, count: {plural} }}"))
            .collect();
        let _ = writeln!(w, "    &[{}],", list.join(", "));
    }
    let _ = writeln!(w, "];\n");
    let _ = writeln!(w, "/// Whole texts of messages without variables; for the others, an outline (the `*` variant,");
    let _ = writeln!(w, "/// variables as `{{ $name }}`), never shown on purpose.");
    let _ = writeln!(w, "///");
    let _ = writeln!(w, "/// Each message's row is a constant of its own, which the table points to: where the key is");
    let _ =
        writeln!(w, "/// known at compile time (`lang.t(Msg::DeskSaved)`), the WASM keeps that row and no other, so");
    let _ = writeln!(w, "/// an island carries its own texts, not the catalogue.");
    let _ = writeln!(w, "static TEXTS: [&[&str; {n}]; {}] = [", ids.len());
    for id in ids {
        let texts: Vec<String> = locales.iter().map(|l| format!("{:?}", outline(&l.messages[id].pieces))).collect();
        let _ = writeln!(w, "    &[{}],", texts.join(", "));
    }
    let _ = writeln!(w, "];\n");
    let _ = writeln!(w, "/// Patterns of the messages with variables (empty for the others).");
    let _ = writeln!(w, "static PATTERNS: [&[&[Piece]; {n}]; {}] = [", ids.len());
    for id in ids {
        let index = |name: &str| vars[id.as_str()].iter().position(|(n, _)| n == name).unwrap_or(0);
        let patterns: Vec<String> = locales
            .iter()
            .map(|l| {
                if vars[id.as_str()].is_empty() {
                    "&[]".to_owned()
                } else {
                    pieces_code(&l.messages[id].pieces, &index)
                }
            })
            .collect();
        let _ = writeln!(w, "    &[{}],", patterns.join(", "));
    }
    let _ = writeln!(w, "];\n");

    // Typed arguments.
    let _ = writeln!(w, "/// Arguments of the messages that have variables: one struct per message, named like its");
    let _ = writeln!(w, "/// key, one field per variable. Pass one to `Lang::format`.");
    let _ = writeln!(w, "pub mod args {{");
    let _ = writeln!(w, "    use super::{{Count, Message, Msg, OneValue, Value}};");
    for id in ids {
        let list = &vars[id.as_str()];
        if list.is_empty() {
            continue;
        }
        let name = camel(id);
        let params: Vec<String> = (0..list.len()).map(|i| format!("A{i}")).collect();
        let text = outline(&locales[reference].messages[id].pieces);
        let _ = writeln!(w);
        let _ = writeln!(w, "    #[doc = {:?}]", format!("`{id}`: \"{text}\""));
        let _ = writeln!(w, "    pub struct {name}<{}> {{", params.join(", "));
        for (i, (var, _)) in list.iter().enumerate() {
            let _ = writeln!(w, "        pub {}: A{i},", field(var));
        }
        let _ = writeln!(w, "    }}");
        let bounds: Vec<String> = list
            .iter()
            .enumerate()
            .map(|(i, (_, plural))| format!("A{i}: {}", if *plural { "Count" } else { "std::fmt::Display" }))
            .collect();
        let values: Vec<String> = list
            .iter()
            .map(|(var, plural)| {
                if *plural {
                    format!("Value::Count(self.{}.count())", field(var))
                } else {
                    format!("Value::text(&self.{})", field(var))
                }
            })
            .collect();
        let _ = writeln!(w, "    impl<{}> Message for {name}<{}> {{", bounds.join(", "), params.join(", "));
        let _ = writeln!(w, "        fn msg(&self) -> Msg {{\n            Msg::{name}\n        }}");
        let _ = writeln!(
            w,
            "        fn values(&self) -> Vec<Value<'_>> {{\n            vec![{}]\n        }}",
            values.join(", ")
        );
        let _ = writeln!(w, "    }}");
        if list.len() == 1 {
            let _ = writeln!(w, "    impl<{}> OneValue for {name}<{}> {{}}", bounds.join(", "), params.join(", "));
        }
    }
    let _ = writeln!(w, "}}");
    o
}

/// A variable's name as a Rust field (`$team-name` → `team_name`).
fn field(var: &str) -> String {
    let name = var.replace('-', "_");
    if matches!(name.as_str(), "type" | "match" | "move" | "ref" | "self" | "fn" | "in" | "for" | "loop" | "use") {
        format!("r#{name}")
    } else {
        name
    }
}

fn outline(pieces: &[Piece]) -> String {
    let mut s = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => s.push_str(t),
            Piece::Var { name, .. } => {
                let _ = write!(s, "{{ ${name} }}");
            }
            Piece::Select { variants, default, .. } => s.push_str(&outline(&variants[*default].1)),
        }
    }
    s
}

fn pieces_code(pieces: &[Piece], index: &dyn Fn(&str) -> usize) -> String {
    let items: Vec<String> = pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(t) => format!("Piece::Text({t:?})"),
            Piece::Var { name, isolate } => format!("Piece::Var {{ var: {}, isolate: {isolate} }}", index(name)),
            Piece::Select { name, variants, default, isolate } => {
                let list: Vec<String> = variants
                    .iter()
                    .map(|(key, p)| format!("(Plural::{}, {})", camel(key), pieces_code(p, index)))
                    .collect();
                format!(
                    "Piece::Select {{ var: {}, variants: &[{}], default: {default}, isolate: {isolate} }}",
                    index(name),
                    list.join(", ")
                )
            }
        })
        .collect();
    format!("&[{}]", items.join(", "))
}

//! Messages with variables: their typed arguments, CLDR plural rules, and the renderer the
//! browser uses.
//!
//! build.rs compiles each `.ftl` message into `Piece`s; rendering them is a few lines, so the
//! WASM bundle carries no Fluent runtime. The server renders with `fluent-bundle` instead
//! (`super::server`); a test renders every message both ways and requires the same text.

use super::Lang;
use std::borrow::Cow;
use std::fmt;

/// One variable of a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Var {
    pub name: &'static str,
    /// The variable chooses a plural form, so it takes a number (`Count`).
    pub count: bool,
}

/// A message's pattern, compiled by build.rs.
#[derive(Debug)]
pub enum Piece {
    Text(&'static str),
    /// The value of the message's `var`-th variable.
    Var {
        var: usize,
        isolate: bool,
    },
    /// A plural choice on the `var`-th variable; `default` is the `*` variant.
    Select {
        var: usize,
        variants: &'static [(Plural, &'static [Piece])],
        default: usize,
        isolate: bool,
    },
}

/// CLDR's plural categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Plural {
    pub fn name(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }

    /// The category of a whole number in `lang`, after CLDR's cardinal rules
    /// (unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html).
    ///
    /// Written out rather than taken from intl_pluralrules (which fluent-bundle uses): that
    /// crate would add every locale's rules to the WASM bundle, and its Arabic rules drop
    /// CLDR's `n % 100` (103 is `few` in CLDR, `other` there). The tests check these rules
    /// against it wherever it follows CLDR, and against CLDR's own examples elsewhere.
    /// A new language adds its rules here (the match fails to compile until it does).
    pub fn of(lang: Lang, n: i64) -> Plural {
        let n = n.unsigned_abs();
        match lang {
            Lang::En => {
                if n == 1 {
                    Plural::One
                } else {
                    Plural::Other
                }
            }
            // `many` is for round millions (1 000 000 de lignes); the files need not use it.
            Lang::Fr => match n {
                0 | 1 => Plural::One,
                _ if n.is_multiple_of(1_000_000) => Plural::Many,
                _ => Plural::Other,
            },
            Lang::Ar => match (n, n % 100) {
                (0, _) => Plural::Zero,
                (1, _) => Plural::One,
                (2, _) => Plural::Two,
                (_, 3..=10) => Plural::Few,
                (_, 11..=99) => Plural::Many,
                _ => Plural::Other,
            },
        }
    }
}

/// A value given to a message's variable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    Text(Cow<'a, str>),
    Count(i64),
}

impl Value<'_> {
    pub fn text(value: &impl fmt::Display) -> Value<'static> {
        Value::Text(Cow::Owned(value.to_string()))
    }

    /// A value that arrived as text (an error's argument): a number if the variable counts
    /// and the text is one, otherwise the text.
    pub fn from_wire(text: &str, var: Var) -> Value<'_> {
        match text.trim().parse::<i64>() {
            Ok(n) if var.count => Value::Count(n),
            _ => Value::Text(Cow::Borrowed(text)),
        }
    }
}

impl fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Text(s) => f.write_str(s),
            Value::Count(n) => write!(f, "{n}"),
        }
    }
}

/// A number that chooses a plural form. Implemented for the integer types: counts are whole.
pub trait Count {
    fn count(&self) -> i64;
}

macro_rules! count_from {
    ($($t:ty),*) => {$(
        impl Count for $t {
            fn count(&self) -> i64 {
                // Beyond i64 no count of anything here can go; saturate rather than wrap.
                i64::try_from(*self).unwrap_or(i64::MAX)
            }
        }
    )*};
}
count_from!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, u128, i128);

impl<T: Count + ?Sized> Count for &T {
    fn count(&self) -> i64 {
        (**self).count()
    }
}

/// A message with its arguments: the structs in `args` (generated from the `.ftl` files).
pub trait Message {
    fn msg(&self) -> super::Msg;
    /// One value per variable, in the order of `Msg::vars`.
    fn values(&self) -> Vec<Value<'_>>;
}

/// A message with exactly one variable, whose value can travel as text (as `FieldError::arg`
/// and `AppError::ConflictWith` carry it).
pub trait OneValue: Message {
    fn wire_text(&self) -> String {
        self.values().first().map(ToString::to_string).unwrap_or_default()
    }
}

/// First Strong Isolate and Pop Directional Isolate, which Fluent puts around inserted values.
pub const FSI: char = '\u{2068}';
pub const PDI: char = '\u{2069}';

/// Renders compiled pieces exactly as fluent-bundle renders the same `.ftl` text: values as
/// they display, plural choices by `Plural::of`, a missing value as `{$name}`, and bidi
/// isolation marks where `lang.isolates()` and Fluent would put them.
pub fn render(lang: Lang, pieces: &[Piece], vars: &[Var], values: &[Value<'_>], out: &mut String) {
    let isolating = lang.isolates();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Var { var, isolate } => {
                let wrap = isolating && *isolate;
                if wrap {
                    out.push(FSI);
                }
                match values.get(*var) {
                    Some(value) => {
                        use fmt::Write;
                        let _ = write!(out, "{value}");
                    }
                    None => {
                        out.push_str("{$");
                        out.push_str(vars.get(*var).map_or("", |v| v.name));
                        out.push('}');
                    }
                }
                if wrap {
                    out.push(PDI);
                }
            }
            Piece::Select { var, variants, default, isolate } => {
                let chosen = match values.get(*var) {
                    Some(Value::Count(n)) => {
                        let category = Plural::of(lang, *n);
                        variants.iter().find(|(key, _)| *key == category)
                    }
                    // Text matches a variant key spelt the same, as in Fluent.
                    Some(Value::Text(t)) => variants.iter().find(|(key, _)| key.name() == t),
                    None => None,
                };
                let wrap = isolating && *isolate;
                if wrap {
                    out.push(FSI);
                }
                if let Some((_, pieces)) = chosen.or_else(|| variants.get(*default)) {
                    render(lang, pieces, vars, values, out);
                }
                if wrap {
                    out.push(PDI);
                }
            }
        }
    }
}

use super::*;

/// Messages that are the same in every language (none yet: even the name is transliterated).
const LANGUAGE_NEUTRAL: &[Msg] = &[];

fn has_arabic_letters(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Sample values for a message's variables: a count, or a recognizable text.
fn sample(msg: Msg, count: i64) -> Vec<Value<'static>> {
    msg.vars()
        .iter()
        .map(|v| if v.count { Value::Count(count) } else { Value::text(&format!("«{}»", v.name)) })
        .collect()
}

#[test]
fn every_message_is_translated_in_every_language() {
    let mut missing = Vec::new();
    for &msg in Msg::ALL {
        for lang in Lang::ALL {
            let text = lang.render(msg, &sample(msg, 5));
            if text.trim().is_empty() || msg.text(lang).trim().is_empty() {
                missing.push(format!("{msg:?} is empty in {}", lang.code()));
            }
        }
        // An Arabic text without Arabic letters is an English one left in place.
        if !has_arabic_letters(&Lang::Ar.render(msg, &sample(msg, 5))) && !LANGUAGE_NEUTRAL.contains(&msg) {
            missing.push(format!("{msg:?} is not translated to Arabic"));
        }
    }
    assert!(missing.is_empty(), "missing translations:\n{}", missing.join("\n"));
}

#[test]
fn every_language_shows_every_text_value() {
    // build.rs makes the languages agree on the variables; this checks that each text value
    // is shown whatever the count (a count may be spelt out: "سطر واحد").
    for &msg in Msg::ALL {
        for lang in Lang::ALL {
            for count in [0, 1, 2, 3, 11, 100] {
                let text = lang.render(msg, &sample(msg, count));
                for var in msg.vars().iter().filter(|v| !v.count) {
                    let value = format!("«{}»", var.name);
                    assert!(text.contains(&value), "{msg:?} in {} leaves out ${}: {text}", lang.code(), var.name);
                }
                assert!(!text.contains("{$") && !text.contains("{ $"), "{msg:?} in {}: {text}", lang.code());
            }
        }
    }
}

#[test]
fn plain_texts_are_whole_and_keys_keep_their_serialized_names() {
    assert_eq!(Lang::Fr.t(Msg::FieldPassword), "Mot de passe");
    assert_eq!(Msg::ImportConfirm.id(), "import-confirm");
    assert_eq!(Msg::ImportConfirm.vars(), &[Var { name: "count", count: true }]);
    assert!(Msg::LogIn.vars().is_empty());
    assert_eq!(Msg::ALL.len(), 921);
    #[cfg(feature = "ssr")]
    {
        assert_eq!(serde_json::to_string(&Msg::ErrBadCredentials).ok().as_deref(), Some("\"ErrBadCredentials\""));
        let back: Msg = serde_json::from_str("\"ErrTeamFull\"").expect("a key reads back");
        assert_eq!(back, Msg::ErrTeamFull);
    }
}

#[test]
fn french_and_english_plurals() {
    let fr = |n: usize| Lang::Fr.format(args::ImportConfirm { count: n });
    assert_eq!(fr(0), "Importer 0 ligne");
    assert_eq!(fr(1), "Importer 1 ligne");
    assert_eq!(fr(2), "Importer 2 lignes");
    assert_eq!(fr(1000), "Importer 1000 lignes");
    assert_eq!(Lang::Fr.format(args::ImportPreview { count: 1 }), "Aperçu : 1 ligne prête");
    assert_eq!(Lang::Fr.format(args::ImportPreview { count: 7 }), "Aperçu : 7 lignes prêtes");
    assert_eq!(Lang::En.format(args::ImportConfirm { count: 1 }), "Import 1 row");
    assert_eq!(Lang::En.format(args::ImportConfirm { count: 0 }), "Import 0 rows");
    assert_eq!(Lang::En.format(args::ErrRateLimited { seconds: 1u64 }), "Too many attempts. Try again in 1 second.");
    assert_eq!(Lang::En.format(args::ErrRateLimited { seconds: 30u64 }), "Too many attempts. Try again in 30 seconds.");
}

#[test]
fn arabic_plurals_follow_the_number() {
    let ar = |n: i64| Lang::Ar.format_plain(args::ImportDone { count: n });
    let then = " أرسل الروابط لأصحابها.";
    assert_eq!(ar(0), "لم يُستورد أي سطر.");
    assert_eq!(ar(1), format!("تم الاستيراد: سطر واحد.{then}"));
    assert_eq!(ar(2), format!("تم الاستيراد: سطران.{then}"));
    assert_eq!(ar(3), format!("تم الاستيراد: 3 أسطر.{then}"));
    assert_eq!(ar(11), format!("تم الاستيراد: 11 سطراً.{then}"));
    assert_eq!(ar(100), format!("تم الاستيراد: 100 سطر.{then}"));
    // CLDR counts by the last two digits: 103 is "few" and 111 "many", like 3 and 11.
    assert_eq!(ar(103), format!("تم الاستيراد: 103 أسطر.{then}"));
    assert_eq!(ar(111), format!("تم الاستيراد: 111 سطراً.{then}"));
    assert_eq!(ar(102), format!("تم الاستيراد: 102 سطر.{then}"));
    let wait = |n: i64| Lang::Ar.format_plain(args::WaitingMinutes { minutes: n });
    assert_eq!(
        [wait(0), wait(2), wait(4), wait(15)],
        ["منذ أقل من دقيقة", "منذ دقيقتين", "منذ 4 دقائق", "منذ 15 دقيقة"]
    );
}

#[test]
fn arabic_isolates_inserted_values_and_other_languages_do_not() {
    let name = args::SignedInAs { name: "Salma (CTO)" };
    assert_eq!(Lang::Ar.format(name), "أنت متصل باسم \u{2068}Salma (CTO)\u{2069}.");
    assert_eq!(Lang::En.format(args::SignedInAs { name: "Salma (CTO)" }), "You are signed in as Salma (CTO).");
    // The names that go into the database carry no marks.
    assert_eq!(Lang::Ar.format_plain(args::AutoTeamName { number: 3 }), "الفريق 3");
}

#[test]
fn values_that_travel_as_text_are_read_back_as_numbers() {
    assert_eq!(
        Lang::Fr.format_arg(Msg::ErrPasswordTooShort, "1"),
        "Le mot de passe doit contenir au moins 1 caractère."
    );
    assert_eq!(Lang::Fr.format_arg(Msg::ErrNumberRange, "1–5"), "Saisissez un nombre dans l'intervalle 1–5.");
    // A message without variables shows none of a forged argument.
    assert_eq!(Lang::En.format_arg(Msg::ErrTooLong, "Call +212"), Lang::En.t(Msg::ErrTooLong));
}

#[test]
fn plural_rules_follow_cldr_examples() {
    // CLDR's own sample numbers for each category (language_plural_rules.html).
    let cases: [(Lang, Plural, &[i64]); 10] = [
        (Lang::Ar, Plural::Zero, &[0]),
        (Lang::Ar, Plural::One, &[1]),
        (Lang::Ar, Plural::Two, &[2]),
        (Lang::Ar, Plural::Few, &[3, 4, 10, 103, 104, 110, 1003]),
        (Lang::Ar, Plural::Many, &[11, 12, 26, 99, 111, 1011]),
        (Lang::Ar, Plural::Other, &[100, 101, 102, 200, 1000, 10000, 100000]),
        (Lang::Fr, Plural::One, &[0, 1]),
        (Lang::Fr, Plural::Many, &[1_000_000]),
        (Lang::Fr, Plural::Other, &[2, 17, 100, 1000, 10000, 100000]),
        (Lang::En, Plural::Other, &[0, 2, 16, 100, 1000]),
    ];
    for (lang, category, numbers) in cases {
        for &n in numbers {
            assert_eq!(Plural::of(lang, n), category, "{n} in {}", lang.code());
        }
    }
    assert_eq!(Plural::of(Lang::En, 1), Plural::One);
}

#[test]
fn negotiation_prefers_cookie_then_weighted_header() {
    assert_eq!(Lang::negotiate(Some("ar"), Some("fr-FR,fr;q=0.9")), Lang::Ar);
    assert_eq!(Lang::negotiate(Some("xx"), Some("fr-FR,fr;q=0.9,en;q=0.8")), Lang::Fr);
    assert_eq!(Lang::negotiate(None, Some("de-DE,en;q=0.5,ar;q=0.7")), Lang::Ar);
    assert_eq!(Lang::negotiate(None, Some("de-DE")), Lang::En);
    assert_eq!(Lang::negotiate(None, Some("ar;q=0,fr;q=0.1")), Lang::Fr);
    assert_eq!(Lang::negotiate(None, None), Lang::En);
}

/// The server (fluent-bundle) and the browser (compiled tables) must show the same text.
#[cfg(feature = "ssr")]
mod server_and_browser {
    use super::*;
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

    #[test]
    fn render_every_message_alike() {
        let mut differ = Vec::new();
        for &msg in Msg::ALL {
            for lang in Lang::ALL {
                for count in [0, 1, 2, 3, 5, 10, 11, 21, 99, 100, 101, 102, 103, 111, 1000, 1_000_000] {
                    let values = sample(msg, count);
                    let server = server::format(lang, msg, &values);
                    // Plain messages are the static text build.rs wrote: it must be Fluent's text.
                    let browser = if msg.vars().is_empty() {
                        msg.text(lang).to_owned()
                    } else {
                        lang.render_compiled(msg, &values)
                    };
                    if server.as_deref() != Some(browser.as_str()) {
                        differ.push(format!("{msg:?} {} {count}: server {server:?}, browser {browser:?}", lang.code()));
                    }
                }
                // A forged, non-numeric count takes the `*` variant on both sides.
                let values = [Value::Text("many".into())];
                if msg.vars().len() == 1 && msg.vars()[0].count {
                    assert_eq!(server::format(lang, msg, &values), Some(lang.render_compiled(msg, &values)));
                }
            }
        }
        assert!(differ.is_empty(), "{} differences:\n{}", differ.len(), differ.join("\n"));
    }

    /// The category fluent-bundle's own plural rules (intl_pluralrules) give `n`.
    fn crate_category(code: &str, n: i64) -> String {
        let source =
            "c = { $n ->\n [zero] zero\n [one] one\n [two] two\n [few] few\n [many] many\n *[other] other\n}\n";
        let mut bundle = FluentBundle::new(vec![code.parse().expect("a language code")]);
        bundle.add_resource(FluentResource::try_new(source.to_owned()).expect("parses")).expect("added");
        let pattern = bundle.get_message("c").and_then(|m| m.value()).expect("the message");
        let mut args = FluentArgs::new();
        args.set("n", n);
        bundle.format_pattern(pattern, Some(&args), &mut Vec::new()).into_owned()
    }

    #[test]
    fn plural_rules_agree_with_the_crate_where_it_follows_cldr() {
        for n in 0..=2000 {
            assert_eq!(Plural::of(Lang::En, n).name(), crate_category("en", n), "{n} in en");
            // intl_pluralrules has CLDR 37, before French got `many` (CLDR 38).
            if n != 0 && n % 1_000_000 != 0 {
                assert_eq!(Plural::of(Lang::Fr, n).name(), crate_category("fr", n), "{n} in fr");
            }
        }
        assert_eq!(crate_category("fr", 0), "one");
        // Its Arabic rules test n, not n % 100: they agree up to 102 only.
        for n in 0..=102 {
            assert_eq!(Plural::of(Lang::Ar, n).name(), crate_category("ar", n), "{n} in ar");
        }
        assert_eq!(crate_category("ar", 103), "other", "the crate was fixed: PLURAL() in build.rs may go");
    }
}

/// The judging console's two "add a judge" actions read differently in every language (one
/// makes a judge with a phone link, the other gives one project one more judge), and the draw
/// number of judge and mentor assignment speaks of what they assign, not of forming teams.
#[test]
fn distinct_actions_have_distinct_labels_and_hints_speak_of_their_own_draw() {
    for lang in Lang::ALL {
        assert_ne!(lang.t(Msg::AddJudge), lang.t(Msg::AddExtraJudge), "{}", lang.code());
        assert_ne!(lang.t(Msg::HintSeedJudges), lang.t(Msg::HintSeed), "{}", lang.code());
        assert_ne!(lang.t(Msg::HintSeedMentors), lang.t(Msg::HintSeed), "{}", lang.code());
    }
    for (lang, teams) in [(Lang::En, "teams"), (Lang::Fr, "équipes"), (Lang::Ar, "الفرق")] {
        assert!(!lang.t(Msg::HintSeedJudges).contains(teams), "{}", lang.code());
        assert!(lang.t(Msg::HintSeed).contains(teams), "{}: the team formation hint still says teams", lang.code());
    }
}

//! Server-rendered SVG comparing each judge's raw and normalized scores.
//!
//! Rendered on the server so the calibration view needs no JavaScript and
//! prints; drawn with `currentColor` so the page's own theme (light, dark,
//! right-to-left) decides how it looks.

/// Values on a 0..=100 scale; `normalized` may fall outside and is clamped
/// only when drawn, never in the text summary.
pub struct JudgeScores {
    pub label: String,
    pub raw: Vec<f64>,
    pub normalized: Vec<f64>,
}

pub struct Labels<'a> {
    pub title: &'a str,
    pub raw: &'a str,
    pub normalized: &'a str,
    /// E.g. "mean {}", with one `{}` placeholder for the number.
    pub mean: &'a str,
}

const WIDTH: f64 = 800.0;
const LABEL_WIDTH: f64 = 160.0;
const PANEL_WIDTH: f64 = 300.0;
// Gaps leave room for the centred "100" / "0" tick numbers of neighbouring panels.
const PANEL_LEFT: [f64; 2] = [172.0, 488.0];
const HEADER_Y: f64 = 14.0;
const TICK_Y: f64 = 30.0;
const ROWS_TOP: f64 = 38.0;
const ROW_HEIGHT: f64 = 36.0;
const BOTTOM_PAD: f64 = 6.0;
const TICKS: [f64; 5] = [0.0, 25.0, 50.0, 75.0, 100.0];
// Blue and amber keep enough contrast on both white and near-black
// backgrounds and stay distinct for the common red-green colour blindness.
const COLORS: [&str; 2] = ["#2563eb", "#d97706"];
// Beyond this a label would spill into the first panel.
const LABEL_MAX_CHARS: usize = 24;

pub fn svg(judges: &[JudgeScores], labels: &Labels) -> String {
    let rows = judges.len() as f64;
    let height = ROWS_TOP + rows * ROW_HEIGHT + BOTTOM_PAD;
    let bottom = ROWS_TOP + rows * ROW_HEIGHT;
    let id = chart_id(judges, labels);

    let mut out = String::new();
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"100%\" \
         role=\"img\" aria-labelledby=\"{id}-t {id}-d\" font-family=\"system-ui, sans-serif\" \
         font-size=\"12\" fill=\"currentColor\">",
        num(WIDTH),
        num(height),
    ));
    out.push_str(&format!("<title id=\"{id}-t\">{}</title>", crate::ui::escape_html(labels.title)));
    out.push_str(&format!("<desc id=\"{id}-d\">{}</desc>", crate::ui::escape_html(&description(judges, labels))));

    out.push_str("<g text-anchor=\"middle\" font-weight=\"600\">");
    for (left, header) in PANEL_LEFT.iter().zip([labels.raw, labels.normalized]) {
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\">{}</text>",
            num(left + PANEL_WIDTH / 2.0),
            num(HEADER_Y),
            crate::ui::escape_html(header),
        ));
    }
    out.push_str("</g>");

    for left in PANEL_LEFT {
        // An inherited right-to-left direction would mirror the tick numbers.
        out.push_str("<g direction=\"ltr\" text-anchor=\"middle\" font-size=\"10\">");
        for tick in TICKS {
            let x = num(x_for(left, tick));
            out.push_str(&format!(
                "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"currentColor\" stroke-opacity=\"0.15\"/>",
                num(ROWS_TOP - 4.0),
                num(bottom),
            ));
            out.push_str(&format!("<text x=\"{x}\" y=\"{}\">{}</text>", num(TICK_Y), tick));
        }
        out.push_str("</g>");
    }

    for (i, judge) in judges.iter().enumerate() {
        let center = ROWS_TOP + (i as f64 + 0.5) * ROW_HEIGHT;
        out.push_str("<g>");
        out.push_str(&label_text(&judge.label, center));
        for ((left, color), values) in PANEL_LEFT.iter().zip(COLORS).zip([&judge.raw, &judge.normalized]) {
            out.push_str(&strip(*left, color, values, center));
        }
        out.push_str("</g>");
    }

    out.push_str("</svg>");
    out
}

/// Centred rather than start/end anchored: "start" flips sides when the page
/// is right-to-left, so only "middle" keeps Arabic and Latin names in the column.
fn label_text(label: &str, center: f64) -> String {
    let shown = if label.chars().count() > LABEL_MAX_CHARS {
        let mut cut: String = label.chars().take(LABEL_MAX_CHARS - 1).collect();
        cut.push('…');
        format!("{}<title>{}</title>", crate::ui::escape_html(&cut), crate::ui::escape_html(label))
    } else {
        crate::ui::escape_html(label)
    };
    format!("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{shown}</text>", num(LABEL_WIDTH / 2.0), num(center + 4.0),)
}

fn strip(left: f64, color: &str, values: &[f64], center: f64) -> String {
    let mut out = format!(
        "<line x1=\"{}\" y1=\"{c}\" x2=\"{}\" y2=\"{c}\" stroke=\"currentColor\" stroke-opacity=\"0.3\"/>",
        num(left),
        num(left + PANEL_WIDTH),
        c = num(center),
    );
    for &value in values.iter().filter(|value| value.is_finite()) {
        out.push_str(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{color}\" fill-opacity=\"0.5\"/>",
            num(x_for(left, value)),
            num(center),
        ));
    }
    if let Some(mean) = mean(values) {
        let x = num(x_for(left, mean));
        out.push_str(&format!(
            "<line class=\"mean\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{color}\" stroke-width=\"2.5\"/>",
            num(center - 11.0),
            num(center + 11.0),
        ));
    }
    out
}

fn x_for(left: f64, value: f64) -> f64 {
    left + value.clamp(0.0, 100.0) / 100.0 * PANEL_WIDTH
}

/// Non-finite values are ignored so one corrupt score cannot turn the whole
/// summary into NaN.
fn mean(values: &[f64]) -> Option<f64> {
    let finite: Vec<f64> = values.iter().copied().filter(|value| value.is_finite()).collect();
    if finite.is_empty() {
        None
    } else {
        Some(finite.iter().sum::<f64>() / finite.len() as f64)
    }
}

/// Screen readers cannot see the dots, so the gist goes in `<desc>`.
fn description(judges: &[JudgeScores], labels: &Labels) -> String {
    judges
        .iter()
        .map(|judge| {
            format!(
                "{}: {} {}, {} {}",
                judge.label,
                labels.raw,
                mean_text(labels.mean, mean(&judge.raw)),
                labels.normalized,
                mean_text(labels.mean, mean(&judge.normalized)),
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn mean_text(template: &str, mean: Option<f64>) -> String {
    let value = mean.map_or_else(|| "–".to_string(), num);
    if template.contains("{}") {
        template.replacen("{}", &value, 1)
    } else {
        // A translator dropping the placeholder should not hide the number.
        format!("{template} {value}")
    }
}

fn num(value: f64) -> String {
    let text = format!("{value:.1}");
    // Tiny negatives round to "-0.0", which reads as a bug to a judge.
    if text == "-0.0" {
        "0.0".to_string()
    } else {
        text
    }
}

/// Ids must be unique per page, and a page may hold several charts (one per
/// round); hashing the content keeps the output deterministic for caching.
fn chart_id(judges: &[JudgeScores], labels: &Labels) -> String {
    // FNV-1a: tiny, stable across Rust versions, unlike `DefaultHasher`.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(labels.title.as_bytes());
    for judge in judges {
        feed(judge.label.as_bytes());
        for value in judge.raw.iter().chain(&judge.normalized) {
            feed(&value.to_bits().to_le_bytes());
        }
    }
    format!("calibration-{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Labels<'static> {
        Labels { title: "Judge calibration", raw: "Raw", normalized: "Normalized", mean: "mean {}" }
    }

    fn judge(label: &str, raw: &[f64], normalized: &[f64]) -> JudgeScores {
        JudgeScores { label: label.to_string(), raw: raw.to_vec(), normalized: normalized.to_vec() }
    }

    fn count(haystack: &str, needle: &str) -> usize {
        haystack.matches(needle).count()
    }

    fn mean_xs(svg: &str) -> Vec<String> {
        svg.split("<line class=\"mean\" x1=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(str::to_string)
            .collect()
    }

    fn circle_xs(svg: &str) -> Vec<String> {
        svg.split("<circle cx=\"").skip(1).filter_map(|rest| rest.split('"').next()).map(str::to_string).collect()
    }

    fn assert_well_formed(svg: &str) {
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.ends_with("</svg>"), "{svg}");
        assert_eq!(count(svg, "<svg"), 1);
        assert_eq!(count(svg, "<g"), count(svg, "</g>"));
        assert_eq!(count(svg, "<text"), count(svg, "</text>"));
        assert_eq!(count(svg, "<title"), count(svg, "</title>"));
        assert!(!svg.contains("NaN"));
        assert!(!svg.contains("inf"));
    }

    #[test]
    fn hostile_label_is_escaped() {
        let hostile = "<script>alert(\"x\")</script>&'";
        let svg = svg(&[judge(hostile, &[50.0], &[50.0])], &labels());
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("alert(\"x\")"));
        let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;";
        // Once in the visible label, once in the description.
        assert_eq!(count(&svg, escaped), 2, "{svg}");
        assert_well_formed(&svg);
    }

    #[test]
    fn hostile_labels_struct_is_escaped_too() {
        let labels = Labels { title: "</title><x>", raw: "R&D", normalized: "\"n\"", mean: "<b>{}</b>" };
        let svg = svg(&[judge("A", &[10.0], &[])], &labels);
        assert!(svg.contains("&lt;/title&gt;&lt;x&gt;"));
        assert!(svg.contains(">R&amp;D<"));
        assert!(svg.contains("&quot;n&quot;"));
        assert!(svg.contains("&lt;b&gt;10.0&lt;/b&gt;"));
        assert!(!svg.contains("<x>") && !svg.contains("<b>"));
        assert_well_formed(&svg);
    }

    #[test]
    fn one_circle_per_score() {
        let judges = [judge("A", &[10.0, 20.0, 30.0], &[40.0, 50.0]), judge("B", &[70.0], &[60.0, 65.0, 90.0, 95.0])];
        let svg = svg(&judges, &labels());
        assert_eq!(count(&svg, "<circle"), 10);
        assert_eq!(count(&svg, "fill=\"#2563eb\""), 4);
        assert_eq!(count(&svg, "fill=\"#d97706\""), 6);
        assert_well_formed(&svg);
    }

    #[test]
    fn mean_bar_positions() {
        // Raw mean 30 → 172 + 0.3 × 300; normalized mean 50 → 488 + 150.
        let svg = svg(&[judge("A", &[20.0, 40.0], &[25.0, 75.0])], &labels());
        assert_eq!(mean_xs(&svg), vec!["262.0", "638.0"]);
        assert!(svg.contains("A: Raw mean 30.0, Normalized mean 50.0"), "{svg}");
    }

    #[test]
    fn out_of_range_values_are_clamped_when_drawn_only() {
        let svg = svg(&[judge("A", &[100.0], &[-20.0, 130.0]), judge("B", &[], &[120.0, 140.0])], &labels());
        assert_eq!(circle_xs(&svg), vec!["472.0", "488.0", "788.0", "788.0", "788.0"]);
        // A: normalized mean 55 stays in range; B: mean 130 pins to the right edge.
        assert_eq!(mean_xs(&svg), vec!["472.0", "653.0", "788.0"]);
        assert!(svg.contains("B: Raw mean –, Normalized mean 130.0"), "{svg}");
        assert_well_formed(&svg);
    }

    #[test]
    fn empty_judge_has_a_strip_but_no_marks() {
        let svg = svg(&[judge("Nobody", &[], &[])], &labels());
        assert_eq!(count(&svg, "<circle"), 0);
        assert!(mean_xs(&svg).is_empty());
        // The two baselines still draw the empty strip.
        assert_eq!(count(&svg, "stroke-opacity=\"0.3\""), 2);
        assert!(svg.contains("Nobody: Raw mean –, Normalized mean –"));
        assert_well_formed(&svg);
    }

    #[test]
    fn non_finite_scores_never_leak() {
        let svg = svg(&[judge("A", &[f64::NAN, 40.0], &[f64::INFINITY, f64::NEG_INFINITY])], &labels());
        assert_eq!(count(&svg, "<circle"), 1);
        assert_eq!(mean_xs(&svg), vec!["292.0"]);
        assert_well_formed(&svg);
    }

    #[test]
    fn no_judges_still_renders() {
        let svg = svg(&[], &labels());
        assert!(svg.contains("viewBox=\"0 0 800.0 44.0\""));
        assert_well_formed(&svg);
    }

    #[test]
    fn layout_scales_and_is_accessible() {
        let svg = svg(&[judge("A", &[1.0], &[2.0]), judge("B", &[3.0], &[4.0])], &labels());
        assert!(svg.contains("viewBox=\"0 0 800.0 116.0\""));
        assert!(svg.contains("width=\"100%\""));
        assert!(svg.contains("role=\"img\""));
        let id = chart_id(&[judge("A", &[1.0], &[2.0]), judge("B", &[3.0], &[4.0])], &labels());
        assert!(svg.contains(&format!("aria-labelledby=\"{id}-t {id}-d\"")));
        assert!(svg.contains(&format!("<title id=\"{id}-t\">Judge calibration</title>")));
        assert!(svg.contains(&format!("<desc id=\"{id}-d\">A: Raw mean 1.0, Normalized mean 2.0; B: Raw mean 3.0")));
        assert!(svg.contains(">Raw</text>") && svg.contains(">Normalized</text>"));
        // Ticks: five per panel, each axis group forced left-to-right.
        assert_eq!(count(&svg, "direction=\"ltr\""), 2);
        assert_eq!(count(&svg, ">100</text>"), 2);
        assert_well_formed(&svg);
    }

    #[test]
    fn different_charts_get_different_ids() {
        let a = chart_id(&[judge("A", &[1.0], &[])], &labels());
        let b = chart_id(&[judge("A", &[2.0], &[])], &labels());
        assert_ne!(a, b);
        assert_eq!(a, chart_id(&[judge("A", &[1.0], &[])], &labels()));
    }

    #[test]
    fn arabic_labels_and_long_labels() {
        let long = "عبد الرحمن بن عبد العزيز آل سعود";
        let svg = svg(&[judge("سارة", &[50.0], &[50.0]), judge(long, &[], &[])], &labels());
        assert!(svg.contains(">سارة</text>"));
        // Truncated on screen, full name kept as a tooltip and in the description.
        let shown: String = long.chars().take(LABEL_MAX_CHARS - 1).collect();
        assert!(svg.contains(&format!("{shown}…<title>{long}</title>")));
        assert!(svg.contains(&format!("{long}: Raw mean –")));
        assert_well_formed(&svg);
    }

    #[test]
    fn mean_template_without_placeholder_keeps_the_number() {
        assert_eq!(mean_text("moyenne", Some(12.34)), "moyenne 12.3");
        assert_eq!(mean_text("المتوسط {}", Some(-0.01)), "المتوسط 0.0");
    }
}

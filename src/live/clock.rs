//! Countdowns every screen shows alike (the pitch timer): the server renders the time left,
//! and the page's script (`client`) counts down from the end time the server set.
//!
//! A running countdown carries its end on the server's clock (`data-clock-ends`, ms since
//! the epoch); a stopped one only the time it has left (`data-clock-left`). Phones and
//! projector laptops keep their own time, so the script counts by the server's clock: the
//! element's `data-clock-now` (the server's time when it rendered the element) gives the
//! difference between the two clocks. Elements that come without it (the projector's
//! pushed frames, rendered once for every viewer) use the page's (`ServerClock`).

use leptos::prelude::*;

/// The time left as the countdown shows it: "4:30", counting whole seconds up (it reads
/// "0:01" until the very end), and "-0:12" once the time is up.
pub fn format_left(ms: i64) -> String {
    let (sign, secs) = match ms {
        ms if ms > 0 => ("", (ms + 999) / 1000),
        ms => (if ms <= -1000 { "-" } else { "" }, (-ms) / 1000),
    };
    format!("{sign}{}:{:02}", secs / 60, secs % 60)
}

/// The server's clock, for countdowns that come later without their own.
#[component]
pub fn ServerClock(now_ms: i64) -> impl IntoView {
    view! { <span hidden class="server-clock" data-clock-now=now_ms></span> }
}

/// A countdown: `ends_at` when running, else `left_ms` to go. `now_ms` is the server's time
/// at rendering (leave it out for frames sent long after they were rendered).
pub fn countdown_html(ends_at: Option<i64>, left_ms: i64, now_ms: Option<i64>) -> String {
    use std::fmt::Write;
    let mut out = String::from("<span class=\"clock\" dir=\"ltr\" role=\"timer\"");
    match ends_at {
        Some(end) => {
            let _ = write!(out, " data-clock-ends=\"{end}\"");
        }
        None => {
            let _ = write!(out, " data-clock-left=\"{left_ms}\"");
        }
    }
    if let Some(now) = now_ms {
        let _ = write!(out, " data-clock-now=\"{now}\"");
    }
    if left_ms <= -1000 {
        out.push_str(" data-over=\"true\"");
    }
    let _ = write!(out, ">{}</span>", format_left(left_ms));
    out
}

/// The same countdown as a component, for server-rendered pages.
#[component]
pub fn Countdown(ends_at: Option<i64>, left_ms: i64, now_ms: i64) -> impl IntoView {
    view! {
        <span
            class="clock"
            dir="ltr"
            role="timer"
            data-clock-ends=ends_at
            data-clock-left=ends_at.is_none().then_some(left_ms)
            data-clock-now=now_ms
            data-over=(left_ms <= -1000).then_some("true")
        >
            {format_left(left_ms)}
        </span>
    }
}

#[cfg(feature = "web")]
pub(crate) mod client {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// Starts the countdowns of a page that has or may later have some (it shows the server's
    /// clock); a page without either costs nothing.
    pub fn start(document: &web_sys::Document) {
        let page_offset = match document.query_selector("[data-clock-now]") {
            Ok(Some(el)) => offset(&el),
            _ => return,
        };
        let tick = Closure::<dyn Fn()>::new(move || {
            let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
            let Ok(clocks) = document.query_selector_all("[data-clock-ends]") else { return };
            for i in 0..clocks.length() {
                if let Some(el) = clocks.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    show(&el, page_offset);
                }
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), 250);
        }
        // The ticker lives as long as the page.
        tick.forget();
    }

    /// This device's clock in whole milliseconds. The script keeps to integers: parsing and
    /// printing floating-point numbers would add their tables to every page's download.
    fn device_now() -> i64 {
        js_sys::Date::now() as i64
    }

    /// The server's clock minus this device's, from an element's `data-clock-now`, read when
    /// the element was first seen (it was rendered just before it arrived).
    fn offset(el: &web_sys::Element) -> i64 {
        if let Some(known) = el.get_attribute("data-clock-offset").and_then(|v| v.parse().ok()) {
            return known;
        }
        let now: i64 = el.get_attribute("data-clock-now").and_then(|v| v.parse().ok()).unwrap_or_else(device_now);
        let offset = now - device_now();
        let _ = el.set_attribute("data-clock-offset", &offset.to_string());
        offset
    }

    fn show(el: &web_sys::Element, page_offset: i64) {
        let Some(ends) = el.get_attribute("data-clock-ends").and_then(|v| v.parse::<i64>().ok()) else { return };
        let offset = if el.has_attribute("data-clock-now") { offset(el) } else { page_offset };
        let now = device_now() + offset;
        // A pitch slot's countdown runs to its start first, then to its end (`data-phase`
        // says which, for the words around it).
        let starts = el.get_attribute("data-clock-starts").and_then(|v| v.parse::<i64>().ok());
        let before = starts.is_some_and(|s| now < s);
        let left = match (before, starts) {
            (true, Some(s)) => s - now,
            _ => ends - now,
        };
        if starts.is_some() {
            let phase = if before { "before" } else { "during" };
            if el.get_attribute("data-phase").as_deref() != Some(phase) {
                let _ = el.set_attribute("data-phase", phase);
            }
        }
        let text = super::format_left(left);
        if el.text_content().as_deref() != Some(text.as_str()) {
            el.set_text_content(Some(&text));
        }
        let over = left <= -1000;
        if over != el.has_attribute("data-over") {
            let _ = if over { el.set_attribute("data-over", "true") } else { el.remove_attribute("data-over") };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_left_reads_in_whole_seconds_and_runs_over_below_zero() {
        assert_eq!(format_left(300_000), "5:00");
        assert_eq!(format_left(299_001), "5:00");
        assert_eq!(format_left(270_000), "4:30");
        assert_eq!(format_left(1), "0:01");
        assert_eq!(format_left(0), "0:00");
        assert_eq!(format_left(-999), "0:00");
        assert_eq!(format_left(-12_500), "-0:12");
        assert_eq!(format_left(-61_000), "-1:01");
    }

    #[test]
    fn a_running_countdown_carries_its_end_and_a_stopped_one_its_time_left() {
        let run = countdown_html(Some(5_000), 3_000, None);
        assert!(run.contains("data-clock-ends=\"5000\"") && run.contains(">0:03<") && !run.contains("data-clock-now"));
        let stopped = countdown_html(None, -2_000, Some(7));
        assert!(
            stopped.contains("data-clock-left=\"-2000\"")
                && stopped.contains("data-over")
                && stopped.contains("data-clock-now=\"7\"")
        );
    }
}

//! Benchmarks of the assignment algorithms on event-sized and larger inputs.
//! Run: `cargo bench --features ssr --bench assignment` (prints timings; asserts nothing).
//! Target: pitch slots for 300 projects x 60 judges x 3 judges a project in at most 1 s.

use hakam::mentoring::assign::{assign, Mentor, Team};
use hakam::slots::domain::{schedule, Pending, Plan};
use hakam::teams::domain::{auto_form, Solo};
use rand::{Rng, SeedableRng};

const SKILLS: [&str; 30] = [
    "agritech",
    "data",
    "web",
    "mobile",
    "design",
    "iot",
    "ai",
    "security",
    "cloud",
    "marketing",
    "finance",
    "health",
    "education",
    "tourism",
    "energy",
    "water",
    "transport",
    "gis",
    "ux",
    "rust",
    "python",
    "javascript",
    "arduino",
    "3d",
    "video",
    "law",
    "logistics",
    "retail",
    "fintech",
    "govtech",
];
const LANGUAGES: [&str; 3] = ["ar", "fr", "en"];

fn pick(rng: &mut impl Rng, pool: &[&str], n: usize) -> Vec<String> {
    (0..n).map(|_| pool[rng.gen_range(0..pool.len())].to_owned()).collect()
}

mod common;
use common::time;

fn main() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(2026);
    let mentors: Vec<Mentor> = (0..100)
        .map(|id| Mentor {
            id,
            expertise: pick(&mut rng, &SKILLS, 4),
            languages: pick(&mut rng, &LANGUAGES, 2),
            capacity: rng.gen_range(3..=8),
        })
        .collect();
    let teams: Vec<Team> = (0..500)
        .map(|id| Team {
            id,
            track: Some(SKILLS[rng.gen_range(0..5)].to_owned()),
            needs: pick(&mut rng, &SKILLS, 3),
            languages: pick(&mut rng, &LANGUAGES, 2),
            current: None,
        })
        .collect();
    let (min, median, max, result) = time(20, || assign(&teams, &mentors, 7, false));
    println!(
        "mentor assignment, 500 teams x 100 mentors: min {:.2} ms, median {:.2} ms, max {:.2} ms; {} matched, {} uncovered",
        min.as_secs_f64() * 1e3,
        median.as_secs_f64() * 1e3,
        max.as_secs_f64() * 1e3,
        result.matches.len(),
        result.uncovered.len()
    );

    let solos: Vec<Solo> = (0..2000)
        .map(|user_id| Solo { user_id, skills: pick(&mut rng, &SKILLS, 3), languages: pick(&mut rng, &LANGUAGES, 2) })
        .collect();
    let (min, median, max, formation) = time(10, || auto_form(&solos, &[], 3, 5, 7));
    println!(
        "team auto-formation, 2000 solo participants into teams of 3-5: min {:.2} ms, median {:.2} ms, max {:.2} ms; {} teams, {} unplaced",
        min.as_secs_f64() * 1e3,
        median.as_secs_f64() * 1e3,
        max.as_secs_f64() * 1e3,
        formation.new_teams.len(),
        formation.unplaced.len()
    );

    // Pitch slots: 300 projects at tables in walking order, each seen by 3 of 60 judges
    // (the least loaded first, as the assignment spreads them), 7-minute slots with a
    // 10-minute break after every 8.
    let mut load = [0usize; 60];
    let mut pending: Vec<Pending> = Vec::new();
    for project in 0..300 {
        let mut judges: Vec<usize> = (0..60).collect();
        // Each judge's key drawn once: a key drawn per comparison is no order at all.
        judges.sort_by_cached_key(|j| (load[*j], rng.gen_range(0..1000)));
        for judge in judges.into_iter().take(3) {
            load[judge] += 1;
            pending.push(Pending { assignment: pending.len() as i64, judge: judge as i64, project });
        }
    }
    pending.sort_by_key(|p| (p.judge, p.project));
    let plan = Plan { starts_at: 1_796_371_200, pitch: 420, break_every: 8, break_len: 600 };
    let (min, median, max, slots) = time(20, || schedule(&plan, plan.starts_at, &pending, &[], 2026));
    let last = slots.iter().map(|s| s.end).max().unwrap_or(plan.starts_at);
    println!(
        "pitch slots, 300 projects x 60 judges x 3: min {:.2} ms, median {:.2} ms, max {:.2} ms; {} slots, last ends {} min after the first starts (15 pitches a judge)",
        min.as_secs_f64() * 1e3,
        median.as_secs_f64() * 1e3,
        max.as_secs_f64() * 1e3,
        slots.len(),
        (last - plan.starts_at) / 60
    );
}

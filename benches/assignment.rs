//! Benchmarks of the assignment algorithms on event-sized and larger inputs.
//! Run: `cargo bench --features ssr --bench assignment` (prints timings; asserts nothing).

use hakam::mentoring::assign::{assign, Mentor, Team};
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
}

//! Validation of an organizer's CSV upload.
//!
//! Nothing here touches storage: the caller shows `problems` to the organizer
//! and decides what to write, so a bad file never half-imports.

use std::collections::{HashMap, HashSet};

/// Large enough for any real hackathon, small enough that a mistaken upload
/// (an export of a whole CRM) is refused instead of flooding the event.
pub const MAX_ROWS: usize = 2000;

const NAME_MAX: usize = 100;
const EMAIL_MAX: usize = 254;
const SKILL_MAX: usize = 40;
const LANGUAGE_MAX: usize = 20;
const LIST_MAX: usize = 10;
const TEAM_MAX: usize = 80;
const TITLE_MAX: usize = 120;
const SUMMARY_MAX: usize = 2000;
const URL_MAX: usize = 300;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Participants,
    Mentors,
    Judges,
    Projects,
}

const PEOPLE_COLUMNS: &[&str] = &["name", "email", "skills", "languages"];
const PROJECT_COLUMNS: &[&str] = &["team", "title", "track", "summary", "repo_url"];

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Participants => "participants",
            Kind::Mentors => "mentors",
            Kind::Judges => "judges",
            Kind::Projects => "projects",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        match code {
            "participants" => Some(Kind::Participants),
            "mentors" => Some(Kind::Mentors),
            "judges" => Some(Kind::Judges),
            "projects" => Some(Kind::Projects),
            _ => None,
        }
    }

    /// Every header this kind understands; judges share the people columns so
    /// their skills and languages are not silently dropped when present.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Kind::Participants | Kind::Mentors | Kind::Judges => PEOPLE_COLUMNS,
            Kind::Projects => PROJECT_COLUMNS,
        }
    }

    /// Judges are often invited by name only, so their email is optional;
    /// participants and mentors need one to receive their login link.
    fn required(self) -> &'static [&'static str] {
        match self {
            Kind::Participants | Kind::Mentors => &["name", "email"],
            Kind::Judges => &["name"],
            Kind::Projects => &["team", "title"],
        }
    }
}

/// One problem, tied to a CSV line (1-based line number of the record in the
/// file, header = line 1) and a column name ("" for whole-file problems).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: String,
    pub what: What,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    NotCsv,
    MissingColumn,
    TooManyRows,
    Empty,
    TooLong,
    BadEmail,
    DuplicateInFile,
    UnknownTrack,
    BadUrl,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub line: usize,
    pub name: String,
    /// Lowercased and trimmed.
    pub email: Option<String>,
    pub skills: Vec<String>,
    pub languages: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Project {
    pub line: usize,
    pub team: String,
    pub title: String,
    /// Canonical track name as given in `known_tracks`.
    pub track: Option<String>,
    pub summary: String,
    pub repo_url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Parsed {
    pub people: Vec<Person>,
    pub projects: Vec<Project>,
    pub problems: Vec<Problem>,
}

pub fn parse(kind: Kind, text: &str, known_tracks: &[String]) -> Parsed {
    // Excel's "CSV UTF-8" export starts with a BOM that would otherwise glue
    // itself onto the first header name.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);

    // A spreadsheet (.xlsx, .ods) decoded as text is full of NULs; no real CSV
    // has them, and without this check it would "parse" into garbage rows.
    if text.contains('\0') {
        return whole_file(0, What::NotCsv);
    }

    let lines = Lines::new(text);
    let mut records = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes())
        .into_records();

    let mut header = None;
    for result in records.by_ref() {
        match result {
            Ok(record) if is_blank(&record) => continue,
            Ok(record) => {
                header = Some(record);
                break;
            }
            Err(error) => return not_csv(&lines, &error),
        }
    }
    let Some(header) = header else {
        return whole_file(0, What::Empty);
    };

    let columns = match Columns::locate(kind, &header) {
        Ok(columns) => columns,
        Err(missing) => {
            let line = lines.of(&header);
            return Parsed {
                problems: missing
                    .into_iter()
                    .map(|column| Problem { line, column: column.to_string(), what: What::MissingColumn })
                    .collect(),
                ..Parsed::default()
            };
        }
    };

    let mut out = Parsed::default();
    // Lowercased emails or team names already used by an earlier line.
    let mut seen: HashSet<String> = HashSet::new();
    let mut rows = 0;
    for result in records {
        let record = match result {
            Ok(record) => record,
            Err(error) => return not_csv(&lines, &error),
        };
        // Spreadsheets export trailing rows of bare separators (";;;;").
        if is_blank(&record) {
            continue;
        }
        rows += 1;
        if rows > MAX_ROWS {
            return whole_file(0, What::TooManyRows);
        }
        let row = Row { line: lines.of(&record), record: &record, columns: &columns };
        match kind {
            Kind::Projects => match check_project(&row, known_tracks, &mut seen) {
                Ok(project) => out.projects.push(project),
                Err(mut problems) => out.problems.append(&mut problems),
            },
            Kind::Participants | Kind::Mentors | Kind::Judges => match check_person(kind, &row, &mut seen) {
                Ok(person) => out.people.push(person),
                Err(mut problems) => out.problems.append(&mut problems),
            },
        }
    }
    // Stable, so problems within a line keep column order.
    out.problems.sort_by_key(|problem| problem.line);
    out
}

fn whole_file(line: usize, what: What) -> Parsed {
    Parsed { problems: vec![Problem { line, column: String::new(), what }], ..Parsed::default() }
}

fn not_csv(lines: &Lines, error: &csv::Error) -> Parsed {
    whole_file(error.position().map_or(0, |position| lines.at(position)), What::NotCsv)
}

/// Line numbers computed from byte offsets, because the csv crate's own line
/// counter ignores the blank lines it skips, and organizers look lines up in
/// their editor.
struct Lines<'t> {
    bytes: &'t [u8],
    newlines: Vec<usize>,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Lines<'t> {
        let bytes = text.as_bytes();
        let newlines = bytes.iter().enumerate().filter(|&(_, &b)| b == b'\n').map(|(i, _)| i).collect();
        Lines { bytes, newlines }
    }

    fn at(&self, position: &csv::Position) -> usize {
        // A record's position is where the reader stood before skipping the
        // blank lines in front of it; step over those to the record itself.
        let byte = usize::try_from(position.byte()).unwrap_or(usize::MAX);
        let rest = self.bytes.get(byte..).unwrap_or(&[]);
        let start = byte.saturating_add(rest.iter().take_while(|&&b| b == b'\r' || b == b'\n').count());
        1 + self.newlines.partition_point(|&newline| newline < start)
    }

    fn of(&self, record: &csv::StringRecord) -> usize {
        record.position().map_or(0, |position| self.at(position))
    }
}

/// French (and other comma-decimal) Excel locales export with `;`; cells copied from a
/// spreadsheet and pasted arrive separated by tabs. Only the header is inspected because
/// data cells may legitimately contain either.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().find(|line| !line.trim().is_empty()).unwrap_or("");
    if header.contains('\t') {
        b'\t'
    } else if header.contains(';') && !header.contains(',') {
        b';'
    } else {
        b','
    }
}

fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|cell| cell.trim().is_empty())
}

fn too_long(value: &str, max: usize) -> bool {
    // Counted in chars so an Arabic name gets the same allowance as a Latin one.
    value.chars().count() > max
}

/// Where each known column sits in this particular file.
struct Columns {
    index: HashMap<&'static str, usize>,
}

impl Columns {
    fn locate(kind: Kind, header: &csv::StringRecord) -> Result<Columns, Vec<&'static str>> {
        let names: Vec<String> = header.iter().map(|cell| cell.trim().to_lowercase()).collect();
        let mut index = HashMap::new();
        for &column in kind.columns() {
            // First occurrence wins so a stray duplicate column at the far
            // right of a sheet cannot override the one the organizer filled.
            if let Some(i) = names.iter().position(|name| name == column) {
                index.insert(column, i);
            }
        }
        let missing: Vec<&'static str> =
            kind.required().iter().copied().filter(|column| !index.contains_key(column)).collect();
        if missing.is_empty() {
            Ok(Columns { index })
        } else {
            Err(missing)
        }
    }
}

struct Row<'a> {
    line: usize,
    record: &'a csv::StringRecord,
    columns: &'a Columns,
}

impl<'a> Row<'a> {
    fn cell(&self, column: &str) -> &'a str {
        self.columns.index.get(column).and_then(|&i| self.record.get(i)).map_or("", str::trim)
    }
}

struct Flags {
    line: usize,
    problems: Vec<Problem>,
}

impl Flags {
    fn new(line: usize) -> Flags {
        Flags { line, problems: Vec::new() }
    }

    fn flag(&mut self, column: &str, what: What) {
        self.problems.push(Problem { line: self.line, column: column.to_string(), what });
    }

    fn finish<T>(self, value: T) -> Result<T, Vec<Problem>> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(self.problems)
        }
    }
}

fn check_person(kind: Kind, row: &Row, seen: &mut HashSet<String>) -> Result<Person, Vec<Problem>> {
    let mut flags = Flags::new(row.line);

    let name = row.cell("name");
    if name.is_empty() {
        flags.flag("name", What::Empty);
    } else if too_long(name, NAME_MAX) {
        flags.flag("name", What::TooLong);
    }

    let email = row.cell("email").to_lowercase();
    let email = if email.is_empty() {
        if kind.required().contains(&"email") {
            flags.flag("email", What::Empty);
        }
        None
    } else if let Some(what) = email_problem(&email) {
        flags.flag("email", what);
        None
    } else {
        // Recorded even when this row fails for another reason: once the
        // organizer fixes that, the later row would still clash.
        if !seen.insert(email.clone()) {
            flags.flag("email", What::DuplicateInFile);
        }
        Some(email)
    };

    let skills = split_list(row.cell("skills"), SKILL_MAX, "skills", &mut flags);
    let languages = split_list(row.cell("languages"), LANGUAGE_MAX, "languages", &mut flags);

    flags.finish(Person { line: row.line, name: name.to_string(), email, skills, languages })
}

fn check_project(row: &Row, known_tracks: &[String], seen: &mut HashSet<String>) -> Result<Project, Vec<Problem>> {
    let mut flags = Flags::new(row.line);

    let team = row.cell("team");
    if team.is_empty() {
        flags.flag("team", What::Empty);
    } else if too_long(team, TEAM_MAX) {
        flags.flag("team", What::TooLong);
    } else {
        if !seen.insert(team.to_lowercase()) {
            flags.flag("team", What::DuplicateInFile);
        }
    }

    let title = row.cell("title");
    if title.is_empty() {
        flags.flag("title", What::Empty);
    } else if too_long(title, TITLE_MAX) {
        flags.flag("title", What::TooLong);
    }

    let track = row.cell("track");
    let track = if track.is_empty() {
        None
    } else {
        let wanted = track.to_lowercase();
        let canonical = known_tracks.iter().find(|known| known.trim().to_lowercase() == wanted);
        if canonical.is_none() {
            flags.flag("track", What::UnknownTrack);
        }
        canonical.cloned()
    };

    let summary = row.cell("summary");
    if too_long(summary, SUMMARY_MAX) {
        flags.flag("summary", What::TooLong);
    }

    let repo_url = row.cell("repo_url");
    let repo_url = if repo_url.is_empty() {
        None
    } else {
        if let Some(what) = url_problem(repo_url) {
            flags.flag("repo_url", what);
        }
        Some(repo_url.to_string())
    };

    flags.finish(Project {
        line: row.line,
        team: team.to_string(),
        title: title.to_string(),
        track,
        summary: summary.to_string(),
        repo_url,
    })
}

/// `|` rather than `,` because the comma is already the usual field
/// delimiter and people write "C, C++" style values inside quoted cells.
fn split_list(cell: &str, max_len: usize, column: &str, flags: &mut Flags) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for item in cell.split('|').map(str::trim).filter(|item| !item.is_empty()) {
        let key = item.to_lowercase();
        if !items.iter().any(|kept| kept.to_lowercase() == key) {
            items.push(item.to_string());
        }
    }
    // One problem per cell is enough to point the organizer at it.
    if items.len() > LIST_MAX || items.iter().any(|item| too_long(item, max_len)) {
        flags.flag(column, What::TooLong);
    }
    items
}

/// Deliberately loose: the only goal is catching typos and pasted names
/// before invitations bounce, not RFC 5322 conformance.
fn email_problem(email: &str) -> Option<What> {
    if too_long(email, EMAIL_MAX) {
        return Some(What::TooLong);
    }
    if email.chars().any(char::is_whitespace) {
        return Some(What::BadEmail);
    }
    let mut parts = email.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return Some(What::BadEmail);
    };
    let domain_ok = domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.');
    if local.is_empty() || !domain_ok {
        Some(What::BadEmail)
    } else {
        None
    }
}

fn url_problem(url: &str) -> Option<What> {
    if too_long(url, URL_MAX) {
        return Some(What::TooLong);
    }
    if url.chars().any(char::is_whitespace) {
        return Some(What::BadUrl);
    }
    // The link is rendered for judges to click, so anything but http(s)
    // (javascript:, data:, file:) is refused outright.
    let rest = ["https://", "http://"].iter().find_map(|scheme| {
        let head = url.get(..scheme.len())?;
        if head.eq_ignore_ascii_case(scheme) {
            url.get(scheme.len()..)
        } else {
            None
        }
    });
    let Some(rest) = rest else {
        return Some(What::BadUrl);
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.split(':').next().unwrap_or("");
    // Userinfo is refused because "https://github.com@evil.example" reads as
    // GitHub to a hurried judge.
    if host.is_empty() || authority.contains('@') {
        Some(What::BadUrl)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tracks() -> Vec<String> {
        vec!["Health".to_string(), "FinTech".to_string(), "التعليم".to_string()]
    }

    fn problem(line: usize, column: &str, what: What) -> Problem {
        Problem { line, column: column.to_string(), what }
    }

    fn whats(parsed: &Parsed) -> Vec<(usize, String, What)> {
        parsed.problems.iter().map(|p| (p.line, p.column.clone(), p.what)).collect()
    }

    #[test]
    fn kind_codes_round_trip() {
        for kind in [Kind::Participants, Kind::Mentors, Kind::Judges, Kind::Projects] {
            assert_eq!(Kind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(Kind::from_code("sponsors"), None);
        assert_eq!(Kind::from_code(""), None);
        assert!(Kind::Projects.columns().contains(&"repo_url"));
        assert!(Kind::Participants.columns().contains(&"email"));
    }

    #[test]
    fn participants_happy_path() {
        let text = "name,email,skills,languages\n\
                    Ada Lovelace, Ada@Example.COM ,Rust| Python ||,English|French\n\
                    Grace Hopper,grace@navy.mil,,\n";
        let parsed = parse(Kind::Participants, text, &[]);
        assert_eq!(parsed.problems, vec![]);
        assert_eq!(
            parsed.people,
            vec![
                Person {
                    line: 2,
                    name: "Ada Lovelace".into(),
                    email: Some("ada@example.com".into()),
                    skills: vec!["Rust".into(), "Python".into()],
                    languages: vec!["English".into(), "French".into()],
                },
                Person {
                    line: 3,
                    name: "Grace Hopper".into(),
                    email: Some("grace@navy.mil".into()),
                    skills: vec![],
                    languages: vec![],
                },
            ]
        );
        assert!(parsed.projects.is_empty());
    }

    #[test]
    fn mentors_happy_path_with_crlf_and_quotes() {
        let text = "name,email,skills\r\n\"Hopper, Grace\",grace@navy.mil,\"COBOL|Compilers\"\r\n";
        let parsed = parse(Kind::Mentors, text, &[]);
        assert_eq!(parsed.problems, vec![]);
        assert_eq!(parsed.people.len(), 1);
        assert_eq!(parsed.people[0].name, "Hopper, Grace");
        assert_eq!(parsed.people[0].skills, vec!["COBOL".to_string(), "Compilers".to_string()]);
    }

    #[test]
    fn judges_email_optional_but_validated() {
        let text = "name,email\nJudge Dredd,\nJudge Judy,judy@court.tv\nJudge Bad,not-an-email\n";
        let parsed = parse(Kind::Judges, text, &[]);
        assert_eq!(parsed.people.len(), 2);
        assert_eq!(parsed.people[0].email, None);
        assert_eq!(parsed.people[1].email.as_deref(), Some("judy@court.tv"));
        assert_eq!(parsed.problems, vec![problem(4, "email", What::BadEmail)]);
    }

    #[test]
    fn judges_do_not_need_an_email_column() {
        let parsed = parse(Kind::Judges, "name\nAmina\n", &[]);
        assert_eq!(parsed.problems, vec![]);
        assert_eq!(parsed.people.len(), 1);
    }

    #[test]
    fn participants_need_an_email() {
        let parsed = parse(Kind::Participants, "name,email\nAda,\n", &[]);
        assert_eq!(parsed.problems, vec![problem(2, "email", What::Empty)]);
        assert!(parsed.people.is_empty());
    }

    #[test]
    fn projects_happy_path() {
        let text = "team,title,track,summary,repo_url\n\
                    Rustaceans,Crab Tracker, fintech ,Tracks crabs.,https://github.com/x/y\n\
                    فريق النور,منصة تعليمية,التعليم,,\n";
        let parsed = parse(Kind::Projects, text, &tracks());
        assert_eq!(parsed.problems, vec![]);
        assert_eq!(
            parsed.projects,
            vec![
                Project {
                    line: 2,
                    team: "Rustaceans".into(),
                    title: "Crab Tracker".into(),
                    track: Some("FinTech".into()),
                    summary: "Tracks crabs.".into(),
                    repo_url: Some("https://github.com/x/y".into()),
                },
                Project {
                    line: 3,
                    team: "فريق النور".into(),
                    title: "منصة تعليمية".into(),
                    track: Some("التعليم".into()),
                    summary: String::new(),
                    repo_url: None,
                },
            ]
        );
        assert!(parsed.people.is_empty());
    }

    #[test]
    fn arabic_names_are_measured_in_chars() {
        // 100 Arabic letters are 200 bytes; a byte count would reject this.
        let exactly_max: String = "م".repeat(NAME_MAX);
        let over_max: String = "م".repeat(NAME_MAX + 1);
        let text = format!("name,email\n{exactly_max},a@b.co\n{over_max},c@d.co\n");
        let parsed = parse(Kind::Participants, &text, &[]);
        assert_eq!(parsed.people.len(), 1);
        assert_eq!(parsed.people[0].name, exactly_max);
        assert_eq!(parsed.problems, vec![problem(3, "name", What::TooLong)]);
    }

    #[test]
    fn arabic_name_and_headers_round_trip() {
        let text = "name,email\nمحمد عبد الله,mohamed@example.sa\n";
        let parsed = parse(Kind::Participants, text, &[]);
        assert_eq!(parsed.problems, vec![]);
        assert_eq!(parsed.people[0].name, "محمد عبد الله");
    }

    #[test]
    fn bom_is_stripped() {
        let text = "\u{feff}name,email\nAda,ada@example.com\n";
        let parsed = parse(Kind::Participants, text, &[]);
        assert_eq!(parsed.problems, vec![]);
        assert_eq!(parsed.people.len(), 1);
    }

    #[test]
    fn semicolon_delimiter_from_french_excel() {
        let text = "\u{feff}Nom;name;Email;Skills\r\nx;Zoé Dupont;zoe@exemple.fr;Design|UX\r\n;;;\r\n";
        let parsed = parse(Kind::Participants, text, &[]);
        assert_eq!(parsed.problems, vec![]);
        assert_eq!(parsed.people.len(), 1);
        assert_eq!(parsed.people[0].name, "Zoé Dupont");
        assert_eq!(parsed.people[0].skills, vec!["Design".to_string(), "UX".to_string()]);
    }

    #[test]
    fn cells_pasted_from_a_spreadsheet_are_tab_separated() {
        let text = "name\temail\tskills\nAda Lovelace\tada@example.com\tmaths, engines\n";
        let parsed = parse(Kind::Participants, text, &[]);
        assert_eq!(parsed.problems, vec![]);
        assert_eq!(parsed.people[0].name, "Ada Lovelace");
    }

    #[test]
    fn semicolons_inside_a_comma_file_stay_data() {
        let text = "name,email,skills\nAda,ada@example.com,a;b\n";
        let parsed = parse(Kind::Participants, text, &[]);
        assert_eq!(parsed.problems, vec![]);
        assert_eq!(parsed.people[0].skills, vec!["a;b".to_string()]);
    }

    #[test]
    fn column_order_case_and_extras_do_not_matter() {
        let text = "Languages , EXTRA, Email ,NAME\nArabic|English,ignored,sara@example.com,Sara\n";
        let parsed = parse(Kind::Participants, text, &[]);
        assert_eq!(parsed.problems, vec![]);
        assert_eq!(
            parsed.people,
            vec![Person {
                line: 2,
                name: "Sara".into(),
                email: Some("sara@example.com".into()),
                skills: vec![],
                languages: vec!["Arabic".into(), "English".into()],
            }]
        );
    }

    #[test]
    fn short_rows_are_tolerated() {
        let text = "name,email,skills,languages\nAda,ada@example.com\n";
        let parsed = parse(Kind::Participants, text, &[]);
        assert_eq!(parsed.problems, vec![]);
        assert_eq!(parsed.people.len(), 1);
    }

    #[test]
    fn missing_columns_stop_everything() {
        let parsed = parse(Kind::Projects, "summary,track\nx,y\n", &tracks());
        assert_eq!(
            parsed,
            Parsed {
                problems: vec![problem(1, "team", What::MissingColumn), problem(1, "title", What::MissingColumn)],
                ..Parsed::default()
            }
        );
        let parsed = parse(Kind::Participants, "name\nAda\n", &[]);
        assert_eq!(parsed.problems, vec![problem(1, "email", What::MissingColumn)]);
        assert!(parsed.people.is_empty());
    }

    #[test]
    fn not_csv_for_binary_content() {
        let text = "PK\u{3}\u{4}\0\0\0\u{fffd}\u{fffd}";
        assert_eq!(parse(Kind::Participants, text, &[]).problems, vec![problem(0, "", What::NotCsv)]);
    }

    #[test]
    fn empty_file() {
        for text in ["", "\u{feff}", "\n\n", " , \n"] {
            assert_eq!(parse(Kind::Judges, text, &[]).problems, vec![problem(0, "", What::Empty)], "{text:?}");
        }
    }

    #[test]
    fn header_only_is_not_a_problem() {
        assert_eq!(parse(Kind::Judges, "name,email\n", &[]), Parsed::default());
    }

    #[test]
    fn too_many_rows() {
        let mut text = String::from("name\n");
        for i in 0..MAX_ROWS {
            text.push_str(&format!("Judge {i}\n"));
        }
        let parsed = parse(Kind::Judges, &text, &[]);
        assert_eq!(parsed.people.len(), MAX_ROWS);
        assert_eq!(parsed.problems, vec![]);

        text.push_str("One too many\n");
        let parsed = parse(Kind::Judges, &text, &[]);
        assert_eq!(parsed, whole_file(0, What::TooManyRows));
    }

    #[test]
    fn blank_lines_are_skipped_but_keep_line_numbers() {
        let text = "name,email\n\nAda,ada@example.com\n,\n   \nBob,bad\n";
        let parsed = parse(Kind::Participants, text, &[]);
        assert_eq!(parsed.people.len(), 1);
        assert_eq!(parsed.people[0].line, 3);
        assert_eq!(parsed.problems, vec![problem(6, "email", What::BadEmail)]);
    }

    #[test]
    fn leading_blank_lines_and_crlf_keep_editor_line_numbers() {
        let text = "\r\n\r\nname\r\n\r\nX\r\n";
        assert_eq!(parse(Kind::Participants, text, &[]).problems, vec![problem(3, "email", What::MissingColumn)]);
        assert_eq!(parse(Kind::Judges, text, &[]).people[0].line, 5);
    }

    #[test]
    fn multiline_quoted_cell_reports_the_record_start() {
        let text = "team,title,summary\nA,\"T\",\"line one\nline two\"\n,B,\n";
        let parsed = parse(Kind::Projects, text, &[]);
        assert_eq!(parsed.projects.len(), 1);
        assert_eq!(parsed.projects[0].summary, "line one\nline two");
        assert_eq!(parsed.problems, vec![problem(4, "team", What::Empty)]);
    }

    #[test]
    fn empty_required_cells() {
        let text = "team,title,summary\n  ,  ,orphan summary\n";
        let parsed = parse(Kind::Projects, text, &[]);
        assert_eq!(whats(&parsed), vec![(2, "team".into(), What::Empty), (2, "title".into(), What::Empty)]);
        let parsed = parse(Kind::Judges, "name,email\n,j@x.org\n", &[]);
        assert_eq!(parsed.problems, vec![problem(2, "name", What::Empty)]);
    }

    #[test]
    fn too_long_values() {
        let long_skill = "s".repeat(SKILL_MAX + 1);
        let many: Vec<String> = (0..=LIST_MAX).map(|i| format!("k{i}")).collect();
        let text = format!(
            "name,email,skills,languages\n\
             A,a@x.org,{long_skill},\n\
             B,b@x.org,{},\n\
             C,c@x.org,,{}\n\
             D,{}@x.org,,\n",
            many.join("|"),
            "l".repeat(LANGUAGE_MAX + 1),
            "e".repeat(EMAIL_MAX),
        );
        let parsed = parse(Kind::Mentors, &text, &[]);
        assert!(parsed.people.is_empty());
        assert_eq!(
            whats(&parsed),
            vec![
                (2, "skills".into(), What::TooLong),
                (3, "skills".into(), What::TooLong),
                (4, "languages".into(), What::TooLong),
                (5, "email".into(), What::TooLong),
            ]
        );

        let text = format!(
            "team,title,summary\n{},t,\nt2,{},\nt3,t,{}\n",
            "t".repeat(TEAM_MAX + 1),
            "t".repeat(TITLE_MAX + 1),
            "ص".repeat(SUMMARY_MAX + 1),
        );
        let parsed = parse(Kind::Projects, &text, &[]);
        assert_eq!(
            whats(&parsed),
            vec![
                (2, "team".into(), What::TooLong),
                (3, "title".into(), What::TooLong),
                (4, "summary".into(), What::TooLong),
            ]
        );
    }

    #[test]
    fn limits_are_inclusive() {
        let ten: Vec<String> = (0..LIST_MAX).map(|i| format!("k{i}")).collect();
        let text = format!("name,email,skills\nA,a@x.org,{}|{}\n", ten.join("|"), "s".repeat(SKILL_MAX));
        // Ten short skills plus one at exactly the length limit: only the count fails.
        let parsed = parse(Kind::Participants, &text, &[]);
        assert_eq!(parsed.problems, vec![problem(2, "skills", What::TooLong)]);

        let text = format!("name,email,skills\nA,a@x.org,{}\n", ten.join("|"));
        let parsed = parse(Kind::Participants, &text, &[]);
        assert_eq!(parsed.problems, vec![]);
        assert_eq!(parsed.people[0].skills.len(), LIST_MAX);
    }

    #[test]
    fn repeated_list_items_collapse() {
        let parsed = parse(Kind::Participants, "name,email,skills\nA,a@x.org,Rust|rust| RUST |Go\n", &[]);
        assert_eq!(parsed.people[0].skills, vec!["Rust".to_string(), "Go".to_string()]);
    }

    #[test]
    fn bad_emails() {
        let bad = [
            "plain",
            "@example.com",
            "a@@example.com",
            "a@b@c.com",
            "a@localhost",
            "a b@example.com",
            "a@.com",
            "a@example.",
        ];
        for email in bad {
            let text = format!("name,email\nX,\"{email}\"\n");
            let parsed = parse(Kind::Participants, &text, &[]);
            assert_eq!(parsed.problems, vec![problem(2, "email", What::BadEmail)], "{email}");
        }
        let good = ["a@b.co", "first.last+tag@sub.example.org", "محمد@مثال.شبكة"];
        for email in good {
            let text = format!("name,email\nX,{email}\n");
            assert_eq!(parse(Kind::Participants, &text, &[]).problems, vec![], "{email}");
        }
    }

    #[test]
    fn duplicate_emails_flag_the_later_line() {
        let text = "name,email\nAda,ada@example.com\nBob,bob@example.com\nAda Again, ADA@Example.com \n";
        let parsed = parse(Kind::Participants, text, &[]);
        assert_eq!(parsed.people.len(), 2);
        assert_eq!(parsed.problems, vec![problem(4, "email", What::DuplicateInFile)]);
    }

    #[test]
    fn duplicate_detection_counts_rows_that_failed_otherwise() {
        let text = "name,email\n,ada@example.com\nAda,ada@example.com\n";
        let parsed = parse(Kind::Participants, text, &[]);
        assert!(parsed.people.is_empty());
        assert_eq!(parsed.problems, vec![problem(2, "name", What::Empty), problem(3, "email", What::DuplicateInFile)]);
    }

    #[test]
    fn duplicate_teams_case_insensitive() {
        let text = "team,title\nRustaceans,A\nOthers,B\n RUSTACEANS ,C\n";
        let parsed = parse(Kind::Projects, text, &[]);
        assert_eq!(parsed.projects.len(), 2);
        assert_eq!(parsed.problems, vec![problem(4, "team", What::DuplicateInFile)]);
    }

    #[test]
    fn unknown_tracks() {
        let text = "team,title,track\nA,a,Space\nB,b,\n";
        let parsed = parse(Kind::Projects, text, &tracks());
        assert_eq!(parsed.problems, vec![problem(2, "track", What::UnknownTrack)]);
        assert_eq!(parsed.projects.len(), 1);
        assert_eq!(parsed.projects[0].track, None);

        // With no tracks configured any value is a mistake, not a new track.
        let parsed = parse(Kind::Projects, "team,title,track\nA,a,Health\n", &[]);
        assert_eq!(parsed.problems, vec![problem(2, "track", What::UnknownTrack)]);
    }

    #[test]
    fn track_canonical_spelling_wins() {
        let parsed = parse(Kind::Projects, "team,title,track\nA,a,  hEaLtH \n", &tracks());
        assert_eq!(parsed.projects[0].track.as_deref(), Some("Health"));
    }

    #[test]
    fn bad_urls() {
        let long = format!("https://example.com/{}", "a".repeat(URL_MAX));
        let cases = [
            ("github.com/x/y", What::BadUrl),
            ("ftp://example.com", What::BadUrl),
            ("javascript:alert(1)", What::BadUrl),
            ("https://", What::BadUrl),
            ("https:///path", What::BadUrl),
            ("https://:8080/x", What::BadUrl),
            ("https://exa mple.com", What::BadUrl),
            ("https://github.com@evil.example/x", What::BadUrl),
            (long.as_str(), What::TooLong),
        ];
        for (url, what) in cases {
            let text = format!("team,title,repo_url\nA,a,\"{url}\"\n");
            let parsed = parse(Kind::Projects, &text, &[]);
            assert_eq!(parsed.problems, vec![problem(2, "repo_url", what)], "{url}");
            assert!(parsed.projects.is_empty());
        }
        for url in ["http://localhost:3000", "HTTPS://GitLab.com/a/b?x=1#y", "https://example.com"] {
            let text = format!("team,title,repo_url\nA,a,{url}\n");
            let parsed = parse(Kind::Projects, &text, &[]);
            assert_eq!(parsed.problems, vec![], "{url}");
            assert_eq!(parsed.projects[0].repo_url.as_deref(), Some(url));
        }
    }

    #[test]
    fn problems_are_sorted_by_line_and_only_clean_rows_kept() {
        let text = "name,email\nA,bad\nB,b@x.org\n,\"\"\nC,bad2\n";
        let parsed = parse(Kind::Mentors, text, &[]);
        let lines: Vec<usize> = parsed.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![2, 5]);
        assert_eq!(parsed.people.len(), 1);
        assert_eq!(parsed.people[0].line, 3);
    }
}

//! The SQLite and PostgreSQL migrations are written twice, and with the `Any` driver no query
//! is checked against either at compile time: this test is what keeps the two schemas the
//! same. Both are migrated from nothing (whichever backend the run is for) and compared
//! table by table: column names, type families, nullability, primary keys, and every
//! index and unique constraint by its columns.

use crate::helpers::fresh_database_of;
use hakam::db::Db;
use hakam::i18n::{Lang, Localized};
use sqlx::Row;
use std::collections::BTreeMap;

/// What the test compares of one table.
#[derive(Debug, Default, PartialEq, Eq)]
struct Table {
    /// Column name → (type family, not null, part of the primary key).
    columns: BTreeMap<String, (&'static str, bool, bool)>,
    /// Every index but the primary key's: (unique, its columns in order).
    indexes: Vec<(bool, Vec<String>)>,
}

/// The family of a declared type, so `INTEGER` and `BIGINT` (and `TEXT` and `VARCHAR`) compare
/// equal; an unknown type is reported as itself so the difference shows.
fn family(declared: &str) -> &'static str {
    let t = declared.to_ascii_lowercase();
    if t.contains("int") || t == "serial" || t == "bigserial" {
        "integer"
    } else if t.contains("char") || t.contains("text") || t.contains("clob") {
        "text"
    } else if t.contains("real") || t.contains("double") || t.contains("float") || t.contains("numeric") {
        "real"
    } else if t.contains("blob") || t == "bytea" {
        "blob"
    } else if t.contains("bool") {
        "boolean"
    } else {
        Box::leak(t.into_boxed_str())
    }
}

async fn migrated(backend: &str) -> (crate::helpers::FreshDb, Db) {
    let fresh = fresh_database_of(backend).await;
    let db = Db::connect(&fresh.url, 2).await.expect("database reachable");
    db.migrate().await.expect("migrations run");
    (fresh, db)
}

async fn sqlite_schema(db: &Db) -> BTreeMap<String, Table> {
    let pool = &db.pool;
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut schema = BTreeMap::new();
    for name in names {
        let mut table = Table::default();
        let columns = sqlx::query("SELECT name, type, \"notnull\", pk FROM pragma_table_info($1)")
            .bind(&name)
            .fetch_all(pool)
            .await
            .unwrap();
        for c in columns {
            let pk = c.get::<i64, _>(3) > 0;
            // A primary key column is never null, whether or not SQLite's table says so.
            let not_null = c.get::<i64, _>(2) != 0 || pk;
            table.columns.insert(c.get(0), (family(&c.get::<String, _>(1)), not_null, pk));
        }
        let indexes = sqlx::query("SELECT name, \"unique\", origin FROM pragma_index_list($1)")
            .bind(&name)
            .fetch_all(pool)
            .await
            .unwrap();
        for i in indexes {
            if i.get::<String, _>(2) == "pk" {
                continue;
            }
            let index: String = i.get(0);
            // An expression's column has no name; it is "<expr>" on both sides.
            let cols: Vec<String> =
                sqlx::query_scalar("SELECT COALESCE(name, '<expr>') FROM pragma_index_info($1) ORDER BY seqno")
                    .bind(&index)
                    .fetch_all(pool)
                    .await
                    .unwrap();
            table.indexes.push((i.get::<i64, _>(1) != 0, cols));
        }
        table.indexes.sort();
        schema.insert(name, table);
    }
    schema
}

async fn postgres_schema(db: &Db) -> BTreeMap<String, Table> {
    let pool = &db.pool;
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut schema = BTreeMap::new();
    for name in names {
        let mut table = Table::default();
        let pk: Vec<String> = sqlx::query_scalar(
            "SELECT a.attname::text FROM pg_index i \
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) \
             WHERE i.indrelid = ('public.' || $1)::regclass AND i.indisprimary",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .unwrap();
        let columns = sqlx::query(
            "SELECT column_name::text, data_type::text, is_nullable::text FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name = $1",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .unwrap();
        for c in columns {
            let column: String = c.get(0);
            let is_pk = pk.contains(&column);
            table.columns.insert(column, (family(&c.get::<String, _>(1)), c.get::<String, _>(2) == "NO", is_pk));
        }
        // Each index's columns in index order (unnest keeps the order of indkey).
        let indexes = sqlx::query(
            "SELECT (CASE WHEN i.indisunique THEN 1 ELSE 0 END)::bigint AS is_unique, \
                    (SELECT string_agg(COALESCE(a.attname::text, '<expr>'), ',' ORDER BY k.n) \
                       FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n) \
                       LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum <> 0) AS cols \
             FROM pg_index i WHERE i.indrelid = ('public.' || $1)::regclass AND NOT i.indisprimary",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .unwrap();
        for i in indexes {
            let cols: String = i.get(1);
            table.indexes.push((i.get::<i64, _>(0) != 0, cols.split(',').map(str::to_owned).collect()));
        }
        table.indexes.sort();
        schema.insert(name, table);
    }
    schema
}

#[tokio::test]
async fn sqlite_and_postgres_migrations_make_the_same_schema() {
    let (_sqlite_db, sqlite) = migrated("sqlite").await;
    let (_postgres_db, postgres) = migrated("postgres").await;
    let lite = sqlite_schema(&sqlite).await;
    let pg = postgres_schema(&postgres).await;
    assert!(lite.len() > 10, "the SQLite schema was read: {:?}", lite.keys());
    let only_lite: Vec<_> = lite.keys().filter(|t| !pg.contains_key(*t)).collect();
    let only_pg: Vec<_> = pg.keys().filter(|t| !lite.contains_key(*t)).collect();
    assert!(
        only_lite.is_empty() && only_pg.is_empty(),
        "tables only in SQLite: {only_lite:?}; only in PostgreSQL: {only_pg:?}"
    );
    let mut differences = Vec::new();
    for (name, l) in &lite {
        let p = &pg[name];
        for column in l.columns.keys().chain(p.columns.keys()).collect::<std::collections::BTreeSet<_>>() {
            let (a, b) = (l.columns.get(column), p.columns.get(column));
            if a != b {
                differences.push(format!("{name}.{column}: SQLite {a:?}, PostgreSQL {b:?}"));
            }
        }
        if l.indexes != p.indexes {
            differences.push(format!("{name} indexes: SQLite {:?}, PostgreSQL {:?}", l.indexes, p.indexes));
        }
    }
    assert!(differences.is_empty(), "the migrations differ:\n{}", differences.join("\n"));
}

/// Text written before event content had languages is kept: the migration that adds them
/// copies each description and track name into every language, and the app reads it so.
#[tokio::test]
async fn text_written_before_languages_reads_in_every_language_after_the_migration() {
    let backend = crate::helpers::backend();
    let fresh = fresh_database_of(&backend).await;
    let db = Db::connect(&fresh.url, 2).await.expect("database reachable");
    // The migrations before the languages, run from a copy of just those files.
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(&backend);
    let earlier = std::env::temp_dir().join(format!("hakam-earlier-migrations-{}", crate::helpers::unique()));
    std::fs::create_dir_all(&earlier).unwrap();
    for file in std::fs::read_dir(&source).unwrap() {
        let file = file.unwrap();
        if file.file_name().to_string_lossy().as_ref() < "20261130000014" {
            std::fs::copy(file.path(), earlier.join(file.file_name())).unwrap();
        }
    }
    sqlx::migrate::Migrator::new(earlier.as_path()).await.unwrap().run(&db.pool).await.unwrap();
    std::fs::remove_dir_all(&earlier).ok();
    sqlx::query(
        "INSERT INTO users (email, display_name, password_hash, created_at) VALUES ('o@example.ma', 'O', 'x', 1)",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO events (name, description, venue, timezone, starts_at, ends_at, team_min, team_max, \
         registration_opens, registration_closes, hacking_starts, submission_deadline, judging_opens, \
         judging_closes, results_at, created_by, created_at, updated_at) \
         VALUES ('Hackathon', 'Texte d''avant', '', 'UTC', 1, 9, 1, 5, 1, 2, 3, 4, 5, 6, 7, 1, 1, 1)",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query("INSERT INTO tracks (event_id, name, description, created_at) VALUES (1, 'Santé', 'Soins', 1)")
        .execute(&db.pool)
        .await
        .unwrap();

    db.migrate().await.expect("the remaining migrations run");
    let event = hakam::events::db::event(&db, 1).await.unwrap().unwrap();
    assert_eq!(event.input().description, Localized::same("Texte d'avant"));
    let track = &hakam::events::db::tracks(&db, 1).await.unwrap()[0];
    assert_eq!(track.name(), Localized::same("Santé"));
    assert_eq!(track.description(), Localized::same("Soins"));
    for lang in Lang::ALL {
        assert_eq!(track.name().pick(lang), "Santé");
    }
}

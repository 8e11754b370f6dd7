use clap::{Parser, Subcommand};
use hakam::config::Config;
use tracing_subscriber::EnvFilter;

/// Self-hosted hackathon judging. Configured by environment variables (README, "Configuration").
#[derive(Parser)]
#[command(name = "hakam", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve Hakam (the default).
    Serve,
    /// Make an existing account a platform admin, e.g. the first one, from the server's shell.
    Admin {
        /// The account's email address (sign up first).
        email: String,
    },
    /// Write a consistent backup of the database (screenshots included) to FILE, while the
    /// server runs. PostgreSQL needs pg_dump on PATH.
    Backup {
        /// A new file, e.g. backups/hakam-day2.db (.dump for PostgreSQL).
        file: std::path::PathBuf,
    },
    /// Restore a backup into the configured database, with the server stopped. The database
    /// must be empty unless --force, which keeps the current one first.
    Restore {
        /// A file written by `hakam backup` (or a scheduled backup).
        file: std::path::PathBuf,
        /// Replace a database that holds data (it is kept aside or dumped first).
        #[arg(long)]
        force: bool,
    },
    /// Check the configuration, the database and its migrations, without changing anything.
    Check,
    /// Print a one-time password reset link (valid for an hour) for an account, to pass on.
    ResetLink {
        /// The account's email address.
        email: String,
    },
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")))
        .init();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("hakam: configuration error: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => match hakam::server::serve(config).await {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("hakam: {e}");
                std::process::ExitCode::FAILURE
            }
        },
        Command::Admin { email } => make_admin(&config, &email).await,
        Command::Backup { file } => backup(&config, &file).await,
        Command::Restore { file, force } => restore(&config, &file, force).await,
        Command::Check => check(&config).await,
        Command::ResetLink { email } => hakam::account::recovery::reset_link_cli(&config, &email).await,
    }
}

async fn backup(config: &Config, file: &std::path::Path) -> std::process::ExitCode {
    let db = match hakam::db::Db::connect(&config.database_url, 1).await {
        Ok(db) => db,
        Err(e) => {
            eprintln!("hakam: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let result = hakam::backup::take(&db, &config.database_url, file).await;
    db.pool.close().await;
    match result {
        Ok(taken) => {
            println!("Backup written to {} ({} bytes) and checked.", taken.path.display(), taken.bytes);
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("hakam: backup failed: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn restore(config: &Config, file: &std::path::Path, force: bool) -> std::process::ExitCode {
    match hakam::backup::restore(&config.database_url, file, force).await {
        Ok(restored) => {
            if let Some(kept) = restored.kept {
                println!("The database it replaced is kept at {}.", kept.display());
            }
            println!("Restored {}. Start Hakam to use it; everyone signs in again.", file.display());
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("hakam: restore refused: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn check(config: &Config) -> std::process::ExitCode {
    let report = hakam::server::check::check(config).await;
    for line in &report {
        println!("{:<4} {}: {}", if line.ok { "ok" } else { "FAIL" }, line.what, line.found);
    }
    if report.iter().all(|l| l.ok) {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}

async fn make_admin(config: &Config, email: &str) -> std::process::ExitCode {
    let db = match hakam::db::Db::connect(&config.database_url, 1).await {
        Ok(db) => db,
        Err(e) => {
            eprintln!("hakam: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    if let Err(e) = db.migrate().await {
        eprintln!("hakam: {e}");
        return std::process::ExitCode::FAILURE;
    }
    let result = hakam::auth::bootstrap::make_admin(&db, email).await;
    db.pool.close().await;
    match result {
        Ok(_) => {
            println!("{} is now a platform admin.", email.trim().to_lowercase());
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("hakam: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

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
        Command::ResetLink { email } => hakam::account::recovery::reset_link_cli(&config, &email).await,
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

//! `jobunivers`: the one executable. `demo` runs the product with demo data on the embedded
//! database; `serve` runs it for production; `migrate`, `create-admin` and `token` are the
//! operator's tools. See `docs/configuration.md` for every setting.

mod bench;
mod config;
mod demo;
mod demo_calendar;
mod demo_help;
mod demo_history;
mod demo_interpreters;
mod demo_locations;
mod demo_messages;
mod demo_notices;
mod demo_screening;
mod demo_surveys;
mod logging;
mod national;
mod national_reports;
mod national_worklist;
mod sign_in_config;

use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, Subcommand};
use domain::{Actor, Login, PersonName, Role};
use store::{NewStaff, Store};

use crate::config::Config;

#[derive(Parser)]
#[command(
    name = "jobunivers",
    version,
    about = "Jobunivers: jobcentre, a-kasse and citizen in one system"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start with demo data on the embedded database (SQLite in the data folder).
    Demo {
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: String,
        #[arg(long, default_value = "./data")]
        data: PathBuf,
        /// The moment the demo's clock starts at (RFC 3339), so the demo world is the same on
        /// every run; it runs on from there. Without it, the wall clock.
        #[arg(long, env = "JOBUNIVERS_DEMO_NOW")]
        now: Option<jiff::Timestamp>,
        /// Seed the data folder and exit without serving: the browser tests seed one folder
        /// this way and copy it for each test file, rather than seed 25 times.
        #[arg(long, hide = true)]
        seed_only: bool,
    },
    /// Start for production, configured by a file and the environment.
    Serve {
        #[arg(long, env = "JOBUNIVERS_CONFIG")]
        config: Option<PathBuf>,
    },
    /// Apply database migrations and exit.
    Migrate {
        #[arg(long, env = "JOBUNIVERS_CONFIG")]
        config: Option<PathBuf>,
    },
    /// Create an administrator (the first one, on a new installation).
    CreateAdmin {
        #[arg(long, env = "JOBUNIVERS_CONFIG")]
        config: Option<PathBuf>,
        #[arg(long)]
        login: String,
        #[arg(long)]
        name: String,
    },
    /// Benchmarks: demo world plus `--slots` bulk slots; writes `slot_id citizen_id` lines.
    #[command(hide = true)]
    BenchSeed {
        #[arg(long, default_value = "./data")]
        data: PathBuf,
        #[arg(long, default_value_t = 10_000)]
        slots: usize,
        #[arg(long, default_value_t = 1)]
        days_ahead: i64,
        #[arg(long)]
        out: PathBuf,
        /// Held meetings of the storm's citizens in the past, loaded first.
        #[arg(long, default_value_t = 0)]
        history: usize,
        /// The storm's citizens: the demo's 100 Aalborg citizens, and more made in bulk.
        #[arg(long, default_value_t = 100)]
        citizens: usize,
    },
    /// Benchmarks: the booking transaction without HTTP, `--count` times with `--tasks` tasks.
    #[command(hide = true)]
    BenchClaim {
        #[arg(long, default_value = "./data")]
        data: PathBuf,
        #[arg(long, default_value_t = 5_000)]
        count: usize,
        #[arg(long, default_value_t = 1)]
        tasks: usize,
    },
    /// Benchmarks: a national-scale world (about 100 municipalities, `--citizens` citizens,
    /// `--meetings` meetings each) in a fresh data folder, with a progress bar.
    #[command(hide = true)]
    NationalSeed {
        #[arg(long)]
        data: PathBuf,
        #[arg(long, default_value_t = 1_000_000)]
        citizens: usize,
        #[arg(long, default_value_t = 20)]
        meetings: usize,
        /// How many municipalities share the citizens.
        #[arg(long, default_value_t = national::MUNICIPALITIES)]
        municipalities: usize,
    },
    /// Benchmarks: plan, worklist and recompute-all timings on a national-scale data folder.
    #[command(hide = true)]
    BenchPlans {
        #[arg(long)]
        data: PathBuf,
        #[arg(long, default_value_t = 300)]
        samples: usize,
    },
    /// Benchmarks: the contact report for one municipality and for the whole country on a
    /// national-scale data folder (or the database DATABASE_URL names).
    #[command(hide = true)]
    BenchReports {
        #[arg(long)]
        data: PathBuf,
        #[arg(long, default_value_t = 20)]
        samples: usize,
    },
    /// Print an API token for a login, for an integrating system. Valid for --days days.
    Token {
        #[arg(long, env = "JOBUNIVERS_CONFIG")]
        config: Option<PathBuf>,
        #[arg(long)]
        login: String,
        #[arg(long, default_value_t = 30)]
        days: u64,
    },
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run(Cli::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jobunivers: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[derive(Debug, thiserror::Error)]
enum RunError {
    #[error("{0}")]
    Config(#[from] config::ConfigError),
    #[error("database: {0}")]
    Store(#[from] store::StoreError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Bench(#[from] bench::BenchError),
}

/// The actor for what the installation itself does (migrations, demo seeding, the first admin).
fn system_actor() -> Actor {
    Actor::Admin {
        id: domain::StaffId::system(),
        name: "Jobunivers (opsætning)".into(),
    }
}

async fn open(config: &Config) -> Result<Store, RunError> {
    let store = Store::connect(&config.store_options()).await?;
    store.migrate().await?;
    store.set_session_idle(config.session_idle);
    Ok(store)
}

/// The background tasks of a server process: housekeeping and the notification worker.
fn spawn_workers(store: &Store, config: &Config) -> Result<(), RunError> {
    // Background work on its own connections, yielding to requests (store/src/background.rs).
    let background = store.background();
    tokio::spawn(workers::housekeeping(
        background.clone(),
        Duration::from_secs(600),
    ));
    tokio::spawn(workers::report_days(
        background.clone(),
        Duration::from_secs(10),
    ));
    tokio::spawn(workers::worklists(
        background.clone(),
        config.server.rules.clone(),
        Duration::from_secs(10),
    ));
    tokio::spawn(workers::chat_closing(
        store.clone(),
        Duration::from_secs(30),
    ));
    // Background work (`store/src/background.rs`): its own connections, and a pause after each
    // batch, so requests come first.
    let notifier = workers::notify::Notifier::new(background.clone(), config.notify.clone())
        .map_err(|e| RunError::Config(config::ConfigError::Invalid(e)))?;
    tokio::spawn(notifier.run(Duration::from_secs(5)));
    Ok(())
}

async fn run(cli: Cli) -> Result<(), RunError> {
    match cli.command {
        Command::Demo {
            listen,
            data,
            now,
            seed_only,
        } => {
            let config = Config::demo(&listen, &data)?;
            logging::init(&config.log);
            let store = open(&config).await?;
            if let Some(now) = now {
                store.set_clock(now);
            }
            let seeded = demo::seed_once(&store, &system_actor()).await?;
            let slots = demo_calendar::top_up(&store, &system_actor()).await?;
            tracing::info!(slots, "demo availability topped up");
            if seeded {
                let past =
                    demo_history::seed(&store, &system_actor(), &config.server.rules).await?;
                tracing::info!(meetings = past, "demo history of held meetings");
                let meetings = demo_calendar::book_some(&store, &system_actor()).await?;
                tracing::info!(meetings, "demo meetings booked");
                let (screened, decided) = demo_screening::seed(&store, &system_actor()).await?;
                tracing::info!(screened, decided, "demo screenings and decisions");
                let threads = demo_messages::seed(&store, &system_actor()).await?;
                tracing::info!(threads, "demo message threads");
                let notices = demo_notices::seed(&store, &system_actor()).await?;
                tracing::info!(notices, "demo no-shows with availability notices");
            }
            if seed_only {
                store.close().await;
                return Ok(());
            }
            let listener = tokio::net::TcpListener::bind(&config.listen).await?;
            let url = format!("http://{}", listener.local_addr()?);
            demo::print_welcome(&store, &url, seeded).await?;
            spawn_workers(&store, &config)?;
            let (app, metrics) = server::app_and_metrics(store.clone(), config.server.clone());
            if let Some(address) = &config.metrics_listen {
                let metrics_listener = tokio::net::TcpListener::bind(address).await?;
                tracing::info!(address = %metrics_listener.local_addr()?, "metrics listening");
                tokio::spawn(async move {
                    if let Err(e) = server::serve(metrics_listener, metrics).await {
                        tracing::error!(error = %e, "metrics address stopped");
                    }
                });
            }
            server::serve(listener, app).await?;
            store.close().await;
            Ok(())
        }
        Command::BenchSeed {
            data,
            slots,
            days_ahead,
            out,
            history,
            citizens,
        } => {
            let config = Config::demo("127.0.0.1:0", &data)?;
            let store = open(&config).await?;
            demo::seed_once(&store, &system_actor()).await?;
            let cast = bench::Cast::new(&store, &system_actor(), citizens).await?;
            bench::seed_history(&store, &cast, history).await?;
            bench::seed_slots(&store, &cast, slots, days_ahead, &out).await?;
            store.close().await;
            Ok(())
        }
        Command::BenchClaim { data, count, tasks } => {
            let config = Config::demo("127.0.0.1:0", &data)?;
            let store = open(&config).await?;
            demo::seed_once(&store, &system_actor()).await?;
            bench::raw_claims(&store, &system_actor(), count, tasks).await?;
            store.close().await;
            Ok(())
        }
        Command::NationalSeed {
            data,
            citizens,
            meetings,
            municipalities,
        } => {
            let config = Config::demo("127.0.0.1:0", &data)?;
            let store = open(&config).await?;
            national::seed(&store, &system_actor(), citizens, meetings, municipalities).await?;
            store.close().await;
            Ok(())
        }
        Command::BenchPlans { data, samples } => {
            let config = Config::demo("127.0.0.1:0", &data)?;
            let store = open(&config).await?;
            national::bench(&store, &system_actor(), &config.server.rules, samples).await?;
            store.close().await;
            Ok(())
        }
        Command::BenchReports { data, samples } => {
            let config = Config::demo("127.0.0.1:0", &data)?;
            let store = open(&config).await?;
            national_reports::bench(&store, &system_actor(), samples).await?;
            store.close().await;
            Ok(())
        }
        Command::Serve { config } => {
            let config = Config::load(config.as_deref())?;
            logging::init(&config.log);
            tracing::info!(config = ?config, "starting");
            let store = open(&config).await?;
            let listener = tokio::net::TcpListener::bind(&config.listen).await?;
            tracing::info!(address = %listener.local_addr()?, "listening");
            spawn_workers(&store, &config)?;
            let (app, metrics) = server::app_and_metrics(store.clone(), config.server.clone());
            if let Some(address) = &config.metrics_listen {
                let metrics_listener = tokio::net::TcpListener::bind(address).await?;
                tracing::info!(address = %metrics_listener.local_addr()?, "metrics listening");
                tokio::spawn(async move {
                    if let Err(e) = server::serve(metrics_listener, metrics).await {
                        tracing::error!(error = %e, "metrics address stopped");
                    }
                });
            }
            server::serve(listener, app).await?;
            store.close().await;
            Ok(())
        }
        Command::Migrate { config } => {
            let config = Config::load(config.as_deref())?;
            open(&config).await?.close().await;
            println!("Databasen er opdateret.");
            Ok(())
        }
        Command::CreateAdmin {
            config,
            login,
            name,
        } => {
            let config = Config::load(config.as_deref())?;
            let store = open(&config).await?;
            let invalid = |field: &str, e: domain::Invalid| {
                RunError::Config(config::ConfigError::Invalid(format!("--{field}: {e}")))
            };
            let new = NewStaff {
                login: Login::try_from(login.as_str()).map_err(|e| invalid("login", e))?,
                name: PersonName::try_from(name.as_str()).map_err(|e| invalid("name", e))?,
                role: Role::Admin,
                organisation: None,
                team: None,
            };
            let admin = store.create_staff(&system_actor(), &new).await?;
            println!("Administrator {} oprettet (id {}).", admin.login, admin.id);
            store.close().await;
            Ok(())
        }
        Command::Token {
            config,
            login,
            days,
        } => {
            let config = Config::load(config.as_deref())?;
            let store = open(&config).await?;
            let session = store
                .start_session(&login, Duration::from_secs(days * 86_400))
                .await?;
            println!("{}", session.token);
            store.close().await;
            Ok(())
        }
    }
}

//! All configuration in one place: an optional TOML file, then environment variables, which win.
//! `docs/configuration.md` lists every setting. Secrets (the CPR key, database passwords) never
//! appear in `Debug` output, so logging the configuration at start-up is safe.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use server::{MetricsAccess, ServerConfig};
use store::{CprKey, MeetingSettings, StoreOptions};
use workers::notify::{DigitalPostConfig, NotifyConfig, SmsConfig, SmtpConfig, SmtpSecurity};

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file {path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("{0}")]
    Invalid(String),
    /// A rule file of the contact schedule is missing or wrong; names the file and line.
    #[error("contact schedule rules: {0}")]
    Rules(#[from] domain::contact_plan::RuleError),
}

/// The file's shape; every field optional, environment variables override.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    listen: Option<String>,
    database_url: Option<String>,
    cpr_key_file: Option<PathBuf>,
    dkfds_dir: Option<PathBuf>,
    secure_cookies: Option<bool>,
    session_hours: Option<u64>,
    session_idle_minutes: Option<u64>,
    sign_in_starts_per_minute: Option<u32>,
    db_max_connections: Option<u32>,
    log_filter: Option<String>,
    log_format: Option<String>,
    metrics_listen: Option<String>,
    public_url: Option<String>,
    reminder_hours: Option<i64>,
    late_cancellation_hours: Option<i64>,
    smtp_host: Option<String>,
    smtp_port: Option<u16>,
    smtp_from: Option<String>,
    smtp_security: Option<String>,
    smtp_user: Option<String>,
    sms_url: Option<String>,
    digital_post_url: Option<String>,
    rules_dir: Option<PathBuf>,
    ice_servers: Option<String>,
    accessibility_statement_url: Option<String>,
    citizen_oidc: Option<crate::sign_in_config::OidcFile>,
    staff_oidc: Option<crate::sign_in_config::OidcFile>,
}

#[derive(Debug, Clone)]
pub struct LogConfig {
    pub filter: String,
    pub json: bool,
}

#[derive(Debug)]
pub struct Config {
    pub listen: String,
    /// A separate address for `/metrics` only, without a token (`JOBUNIVERS_METRICS_LISTEN`).
    pub metrics_listen: Option<String>,
    /// How long a session may go unused before it ends (`JOBUNIVERS_SESSION_IDLE_MINUTES`).
    pub session_idle: Duration,
    store: StoreOptions,
    pub server: ServerConfig,
    pub log: LogConfig,
    pub notify: NotifyConfig,
}

/// Sessions unused this long end (the fixed lifetime is `session_hours`).
const DEFAULT_IDLE_MINUTES: u64 = 30;

/// Where settings come from besides the file: the process environment, or a map in tests.
pub(crate) type Env<'a> = &'a dyn Fn(&str) -> Option<String>;

fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn env_parse<T: std::str::FromStr>(env: Env<'_>, name: &str) -> Result<Option<T>, ConfigError> {
    env(name)
        .map(|v| {
            v.trim()
                .parse()
                .map_err(|_| ConfigError::Invalid(format!("{name} has an invalid value")))
        })
        .transpose()
}

const DEFAULT_DKFDS: &str = "node_modules/dkfds/dist";
/// The repository's rule files, relative to where the server is started.
const DEFAULT_RULES: &str = "rules";

/// Loads the contact schedule from `JOBUNIVERS_RULES_DIR`, the file's `rules_dir`, or `rules`.
fn rules(
    env: Env<'_>,
    from_file: Option<PathBuf>,
) -> Result<std::sync::Arc<domain::contact_plan::RuleBook>, ConfigError> {
    let dir = env("JOBUNIVERS_RULES_DIR")
        .map(PathBuf::from)
        .or(from_file)
        .unwrap_or_else(|| DEFAULT_RULES.into());
    Ok(std::sync::Arc::new(server::load_rules(&dir)?))
}

/// Reminder lead and late-cancellation deadline, in whole hours (0 to 14 days).
fn meeting_settings(env: Env<'_>, file: &FileConfig) -> Result<MeetingSettings, ConfigError> {
    let hours = |name: &str, from_file: Option<i64>| -> Result<jiff::SignedDuration, ConfigError> {
        let h = env_parse::<i64>(env, name)?.or(from_file).unwrap_or(24);
        if !(0..=24 * 14).contains(&h) {
            return Err(ConfigError::Invalid(format!(
                "{name} must be between 0 and 336 hours"
            )));
        }
        Ok(jiff::SignedDuration::from_hours(h))
    };
    Ok(MeetingSettings {
        reminder_before: hours("JOBUNIVERS_REMINDER_HOURS", file.reminder_hours)?,
        late_cancellation: hours(
            "JOBUNIVERS_LATE_CANCELLATION_HOURS",
            file.late_cancellation_hours,
        )?,
    })
}

/// E-mail and SMS for notices; each is off unless its address is set. The SMS token is a
/// secret and only read from the environment.
fn notify_config(
    env: Env<'_>,
    file: &FileConfig,
    public_url: &str,
) -> Result<NotifyConfig, ConfigError> {
    let smtp = match env("JOBUNIVERS_SMTP_HOST").or_else(|| file.smtp_host.clone()) {
        None => None,
        Some(host) => {
            let security = match env("JOBUNIVERS_SMTP_SECURITY")
                .or_else(|| file.smtp_security.clone())
                .as_deref()
                .map(str::trim)
            {
                None | Some("none") => SmtpSecurity::None,
                Some("starttls") => SmtpSecurity::StartTls,
                Some("tls") => SmtpSecurity::Tls,
                Some(other) => {
                    return Err(ConfigError::Invalid(format!(
                        "JOBUNIVERS_SMTP_SECURITY must be none, starttls or tls, not \"{other}\""
                    )));
                }
            };
            // The password from the environment only, like every secret.
            let credentials = match (
                env("JOBUNIVERS_SMTP_USER").or_else(|| file.smtp_user.clone()),
                env("JOBUNIVERS_SMTP_PASSWORD"),
            ) {
                (Some(user), Some(password)) => Some((user, password)),
                (None, None) => None,
                _ => {
                    return Err(ConfigError::Invalid(
                        "JOBUNIVERS_SMTP_USER and JOBUNIVERS_SMTP_PASSWORD go together".into(),
                    ));
                }
            };
            let loopback = matches!(host.as_str(), "localhost" | "127.0.0.1" | "::1");
            if credentials.is_some() && security == SmtpSecurity::None && !loopback {
                return Err(ConfigError::Invalid(
                    "an SMTP password is only sent over TLS: set JOBUNIVERS_SMTP_SECURITY to starttls or tls".into(),
                ));
            }
            let default_port = match security {
                SmtpSecurity::None => 25,
                SmtpSecurity::StartTls => 587,
                SmtpSecurity::Tls => 465,
            };
            Some(SmtpConfig {
                host,
                port: env_parse(env, "JOBUNIVERS_SMTP_PORT")?
                    .or(file.smtp_port)
                    .unwrap_or(default_port),
                from: env("JOBUNIVERS_SMTP_FROM")
                    .or_else(|| file.smtp_from.clone())
                    .unwrap_or_else(|| "Jobunivers <noreply@jobunivers.dk>".into()),
                security,
                credentials,
            })
        }
    };
    let sms = env("JOBUNIVERS_SMS_URL")
        .or_else(|| file.sms_url.clone())
        .map(|url| SmsConfig {
            url,
            token: env("JOBUNIVERS_SMS_TOKEN"),
        });
    let digital_post = env("JOBUNIVERS_DIGITAL_POST_URL")
        .or_else(|| file.digital_post_url.clone())
        .map(|url| DigitalPostConfig {
            url,
            token: env("JOBUNIVERS_DIGITAL_POST_TOKEN"),
        });
    Ok(NotifyConfig {
        smtp,
        sms,
        digital_post,
        public_url: public_url.to_owned(),
    })
}

/// The address people reach the server at, for links in calendars and notices.
/// STUN/TURN servers for video, as the browser's JSON (`[{"urls": "turn:…", "username": …,
/// "credential": …}]`); refused at start-up unless it is an array of objects with `urls`.
/// The published accessibility statement's address: an `https://` URL (the Agency for Digital
/// Government's WAS-Tool gives one under `https://was.digst.dk/`).
fn accessibility_statement_url(
    env: Env<'_>,
    file: &FileConfig,
) -> Result<Option<String>, ConfigError> {
    let Some(url) = env("JOBUNIVERS_ACCESSIBILITY_STATEMENT_URL")
        .or_else(|| file.accessibility_statement_url.clone())
    else {
        return Ok(None);
    };
    let url = url.trim();
    if !url.starts_with("https://") || url.chars().any(|c| c.is_whitespace() || c == '"') {
        return Err(ConfigError::Invalid(
            "JOBUNIVERS_ACCESSIBILITY_STATEMENT_URL must be the https:// address WAS-Tool gave the \
             statement, e.g. https://was.digst.dk/jobunivers-kommune-dk"
                .into(),
        ));
    }
    Ok(Some(url.to_owned()))
}

fn ice_servers(env: Env<'_>, file: &FileConfig) -> Result<String, ConfigError> {
    let Some(text) = env("JOBUNIVERS_ICE_SERVERS").or_else(|| file.ice_servers.clone()) else {
        return Ok("[]".into());
    };
    let bad = || {
        ConfigError::Invalid(
            "JOBUNIVERS_ICE_SERVERS must be a JSON array of objects with \"urls\", e.g. \
             [{\"urls\":\"stun:stun.example.dk:3478\"}]"
                .into(),
        )
    };
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|_| bad())?;
    let ok = value
        .as_array()
        .is_some_and(|a| a.iter().all(|s| s.get("urls").is_some()));
    if ok {
        Ok(value.to_string())
    } else {
        Err(bad())
    }
}

fn public_url(env: Env<'_>, file: &FileConfig, listen: &str) -> String {
    let url = env("JOBUNIVERS_PUBLIC_URL")
        .or_else(|| file.public_url.clone())
        .unwrap_or_else(|| format!("http://{listen}"));
    url.trim_end_matches('/').to_owned()
}

impl Config {
    pub fn store_options(&self) -> StoreOptions {
        self.store.clone()
    }

    /// Production: file (if given) and environment. Needs a database URL and a CPR key.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        Self::load_from(path, &process_env)
    }

    fn load_from(path: Option<&Path>, env: Env<'_>) -> Result<Config, ConfigError> {
        let file = match path {
            Some(p) => {
                let text = std::fs::read_to_string(p).map_err(|source| ConfigError::Read {
                    path: p.to_owned(),
                    source,
                })?;
                toml::from_str::<FileConfig>(&text).map_err(|e| ConfigError::Parse {
                    path: p.to_owned(),
                    message: e.to_string(),
                })?
            }
            None => FileConfig::default(),
        };
        let meetings = meeting_settings(env, &file)?;
        let rules_dir = file.rules_dir.clone();
        let listen = env("JOBUNIVERS_LISTEN")
            .or(file.listen.clone())
            .unwrap_or_else(|| "127.0.0.1:8080".into());
        let public_url = public_url(env, &file, &listen);
        let notify = notify_config(env, &file, &public_url)?;
        let ice_servers = ice_servers(env, &file)?;
        let accessibility_statement_url = accessibility_statement_url(env, &file)?;
        let sign_in = crate::sign_in_config::providers(
            env,
            file.citizen_oidc.as_ref(),
            file.staff_oidc.as_ref(),
        )?;
        let url = env("DATABASE_URL").or(file.database_url).ok_or_else(|| {
            ConfigError::Invalid(
                "DATABASE_URL (or database_url in the config file) is required".into(),
            )
        })?;
        let cpr_key = match (
            env("JOBUNIVERS_CPR_KEY"),
            env("JOBUNIVERS_CPR_KEY_FILE")
                .map(PathBuf::from)
                .or(file.cpr_key_file),
        ) {
            (Some(hex), _) => CprKey::from_hex(&hex),
            (None, Some(path)) => {
                let text = std::fs::read_to_string(&path)
                    .map_err(|source| ConfigError::Read { path, source })?;
                CprKey::from_hex(&text)
            }
            (None, None) => None,
        }
        .ok_or_else(|| {
            ConfigError::Invalid(
                "JOBUNIVERS_CPR_KEY (64 hex digits) or a cpr_key_file is required".into(),
            )
        })?;
        let session_idle = Duration::from_secs(
            60 * env_parse(env, "JOBUNIVERS_SESSION_IDLE_MINUTES")?
                .or(file.session_idle_minutes)
                .unwrap_or(DEFAULT_IDLE_MINUTES),
        );
        let session_hours = env_parse(env, "JOBUNIVERS_SESSION_HOURS")?
            .or(file.session_hours)
            .unwrap_or(8);
        let rules = rules(env, rules_dir)?;
        let metrics_listen = env("JOBUNIVERS_METRICS_LISTEN").or(file.metrics_listen.clone());
        // The token from the environment only, like every secret.
        let metrics = match env("JOBUNIVERS_METRICS_TOKEN") {
            Some(token) => MetricsAccess::Token(token),
            None => MetricsAccess::Elsewhere,
        };
        Ok(Config {
            listen,
            metrics_listen,
            session_idle,
            store: StoreOptions {
                url,
                cpr_key,
                max_connections: env_parse(env, "JOBUNIVERS_DB_MAX_CONNECTIONS")?
                    .or(file.db_max_connections)
                    .unwrap_or(8),
                meetings,
            },
            server: ServerConfig {
                ice_servers,
                accessibility_statement_url,
                sign_in,
                demo: false,
                public_url,
                dkfds_dir: env("JOBUNIVERS_DKFDS_DIR")
                    .map(PathBuf::from)
                    .or(file.dkfds_dir)
                    .unwrap_or_else(|| DEFAULT_DKFDS.into()),
                secure_cookies: env_parse(env, "JOBUNIVERS_SECURE_COOKIES")?
                    .or(file.secure_cookies)
                    .unwrap_or(true),
                session_ttl: Duration::from_secs(session_hours * 3600),
                rules,
                metrics,
                sign_in_starts_per_minute: env_parse(env, "JOBUNIVERS_SIGN_IN_STARTS_PER_MINUTE")?
                    .or(file.sign_in_starts_per_minute)
                    .unwrap_or(600),
            },
            log: LogConfig {
                filter: env("JOBUNIVERS_LOG")
                    .or(file.log_filter)
                    .unwrap_or_else(|| "info".into()),
                json: env("JOBUNIVERS_LOG_FORMAT")
                    .or(file.log_format)
                    .is_some_and(|f| f == "json"),
            },
            notify,
        })
    }

    /// The demo: SQLite in the data folder (unless DATABASE_URL says otherwise) and a CPR key
    /// made on first start and kept beside the database.
    pub fn demo(listen: &str, data: &Path) -> Result<Config, ConfigError> {
        let env = process_env;
        std::fs::create_dir_all(data).map_err(|source| ConfigError::Read {
            path: data.to_owned(),
            source,
        })?;
        let key_path = data.join("cpr.key");
        let cpr_key = match std::fs::read_to_string(&key_path) {
            Ok(text) => CprKey::from_hex(&text).ok_or_else(|| {
                ConfigError::Invalid(format!("{} is not a valid key", key_path.display()))
            })?,
            Err(_) => {
                let key = CprKey::random();
                std::fs::write(&key_path, key.to_hex()).map_err(|source| ConfigError::Read {
                    path: key_path.clone(),
                    source,
                })?;
                key
            }
        };
        let url = env("DATABASE_URL")
            .unwrap_or_else(|| format!("sqlite://{}", data.join("jobunivers.db").display()));
        let dkfds = env("JOBUNIVERS_DKFDS_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| DEFAULT_DKFDS.into());
        Ok(Config {
            listen: listen.to_owned(),
            // The demo's /metrics is open on its own address (a developer's machine).
            metrics_listen: None,
            session_idle: Duration::from_secs(60 * DEFAULT_IDLE_MINUTES),
            store: StoreOptions {
                url,
                cpr_key,
                // Readers on SQLite, the pool on PostgreSQL; the variable lets a benchmark give
                // the demo on PostgreSQL the pool `serve` has.
                max_connections: env_parse(&env, "JOBUNIVERS_DB_MAX_CONNECTIONS")?.unwrap_or(4),
                meetings: meeting_settings(&env, &FileConfig::default())?,
            },
            notify: notify_config(
                &env,
                &FileConfig::default(),
                &public_url(&env, &FileConfig::default(), listen),
            )?,
            server: ServerConfig {
                public_url: public_url(&env, &FileConfig::default(), listen),
                ice_servers: ice_servers(&env, &FileConfig::default())?,
                // The demo offers real sign-in too when a provider is configured (e.g. the
                // test provider, `cargo run -p test-idp`), beside the demo users.
                sign_in: crate::sign_in_config::providers(&env, None, None)?,
                ..ServerConfig::demo(dkfds, rules(&env, None)?)
            },
            log: LogConfig {
                filter: env("JOBUNIVERS_LOG").unwrap_or_else(|| "info,sqlx=warn".into()),
                json: env("JOBUNIVERS_LOG_FORMAT").is_some_and(|f| f == "json"),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    const KEY: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    const RULES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../rules");

    #[test]
    fn a_missing_rules_folder_stops_start_up_with_its_name() {
        let env = env_of(&[
            ("DATABASE_URL", "sqlite:///x.db"),
            ("JOBUNIVERS_CPR_KEY", KEY),
            ("JOBUNIVERS_RULES_DIR", "/nowhere/rules"),
        ]);
        let e = Config::load_from(None, &env).expect_err("no rules");
        assert!(e.to_string().contains("/nowhere/rules"), "{e}");
    }

    #[test]
    fn environment_overrides_the_file_and_secrets_stay_out_of_debug() {
        let dir = std::env::temp_dir().join(format!("ju-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let file = dir.join("jobunivers.toml");
        std::fs::write(
            &file,
            "listen = \"0.0.0.0:9000\"\nsession_hours = 2\ndatabase_url = \"sqlite:///x.db\"\n",
        )
        .expect("write");
        let env = env_of(&[
            ("DATABASE_URL", "postgres://ju:hemmeligt@db.internal/ju"),
            ("JOBUNIVERS_CPR_KEY", KEY),
            ("JOBUNIVERS_RULES_DIR", RULES),
        ]);
        let config = Config::load_from(Some(&file), &env).expect("config");
        assert_eq!(config.listen, "0.0.0.0:9000");
        assert_eq!(config.server.session_ttl, Duration::from_secs(2 * 3600));
        assert_eq!(
            config.store_options().url,
            "postgres://ju:hemmeligt@db.internal/ju"
        );
        assert!(
            config.server.secure_cookies,
            "secure cookies unless told otherwise"
        );
        let shown = format!("{config:?}");
        assert!(!shown.contains("hemmeligt"), "{shown}");
        assert!(!shown.contains(KEY), "{shown}");
        assert!(shown.contains("db.internal"));
    }

    #[test]
    fn metrics_need_a_token_or_their_own_address_in_production() {
        let base = env_of(&[
            ("DATABASE_URL", "sqlite:///x.db"),
            ("JOBUNIVERS_CPR_KEY", KEY),
            ("JOBUNIVERS_RULES_DIR", RULES),
        ]);
        let c = Config::load_from(None, &base).expect("config");
        assert_eq!(c.server.metrics, MetricsAccess::Elsewhere);
        assert_eq!(c.metrics_listen, None, "not served at all");
        let with = env_of(&[
            ("DATABASE_URL", "sqlite:///x.db"),
            ("JOBUNIVERS_CPR_KEY", KEY),
            ("JOBUNIVERS_RULES_DIR", RULES),
            ("JOBUNIVERS_METRICS_TOKEN", "maaler-hemmelighed"),
            ("JOBUNIVERS_METRICS_LISTEN", "10.0.0.5:9100"),
        ]);
        let c = Config::load_from(None, &with).expect("config");
        assert_eq!(
            c.server.metrics,
            MetricsAccess::Token("maaler-hemmelighed".into())
        );
        assert_eq!(c.metrics_listen.as_deref(), Some("10.0.0.5:9100"));
        assert!(!format!("{c:?}").contains("maaler-hemmelighed"));
    }

    #[test]
    fn smtp_over_tls_with_credentials_and_never_a_password_in_clear() {
        let with = env_of(&[
            ("DATABASE_URL", "sqlite:///x.db"),
            ("JOBUNIVERS_CPR_KEY", KEY),
            ("JOBUNIVERS_RULES_DIR", RULES),
            ("JOBUNIVERS_SMTP_HOST", "smtp.kommune.dk"),
            ("JOBUNIVERS_SMTP_SECURITY", "starttls"),
            ("JOBUNIVERS_SMTP_USER", "jobunivers"),
            ("JOBUNIVERS_SMTP_PASSWORD", "smtp-hemmelighed"),
        ]);
        let c = Config::load_from(None, &with).expect("config");
        let smtp = c.notify.smtp.as_ref().expect("smtp");
        assert_eq!(smtp.security, SmtpSecurity::StartTls);
        assert_eq!(smtp.port, 587);
        assert!(!format!("{c:?}").contains("smtp-hemmelighed"));
        assert!(
            workers::notify::Mailer::new(smtp).is_ok(),
            "a TLS transport is made"
        );
        let clear = env_of(&[
            ("DATABASE_URL", "sqlite:///x.db"),
            ("JOBUNIVERS_CPR_KEY", KEY),
            ("JOBUNIVERS_RULES_DIR", RULES),
            ("JOBUNIVERS_SMTP_HOST", "smtp.kommune.dk"),
            ("JOBUNIVERS_SMTP_USER", "jobunivers"),
            ("JOBUNIVERS_SMTP_PASSWORD", "smtp-hemmelighed"),
        ]);
        let e = Config::load_from(None, &clear).expect_err("password in clear");
        assert!(e.to_string().contains("starttls"), "{e}");
        let odd = env_of(&[
            ("DATABASE_URL", "sqlite:///x.db"),
            ("JOBUNIVERS_CPR_KEY", KEY),
            ("JOBUNIVERS_RULES_DIR", RULES),
            ("JOBUNIVERS_SMTP_HOST", "smtp.kommune.dk"),
            ("JOBUNIVERS_SMTP_SECURITY", "ssl"),
        ]);
        let e = Config::load_from(None, &odd).expect_err("unknown security");
        assert!(e.to_string().contains("ssl"), "{e}");
    }

    #[test]
    fn missing_and_bad_settings_are_named() {
        let none = env_of(&[]);
        let e = Config::load_from(None, &none).expect_err("no database");
        assert!(e.to_string().contains("DATABASE_URL"), "{e}");
        let no_key = env_of(&[("DATABASE_URL", "sqlite:///x.db")]);
        let e = Config::load_from(None, &no_key).expect_err("no key");
        assert!(e.to_string().contains("JOBUNIVERS_CPR_KEY"), "{e}");
        let bad = env_of(&[
            ("DATABASE_URL", "sqlite:///x.db"),
            ("JOBUNIVERS_CPR_KEY", KEY),
            ("JOBUNIVERS_SESSION_HOURS", "many"),
        ]);
        let e = Config::load_from(None, &bad).expect_err("bad number");
        assert!(e.to_string().contains("JOBUNIVERS_SESSION_HOURS"), "{e}");
        let dir = std::env::temp_dir().join(format!("ju-config-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let file = dir.join("bad.toml");
        std::fs::write(&file, "listen = 12\nunknown_key = true\n").expect("write");
        let e = Config::load_from(Some(&file), &bad).expect_err("bad file");
        assert!(e.to_string().contains("bad.toml"), "{e}");
    }

    #[test]
    fn sign_in_providers_come_from_file_and_environment_and_keep_their_secret() {
        let dir = std::env::temp_dir().join(format!("ju-config-oidc-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let file = dir.join("jobunivers.toml");
        std::fs::write(
            &file,
            "[citizen_oidc]\nissuer = \"https://broker.example.dk\"\nclient_id = \"jobunivers\"\nscopes = \"ssn\"\n",
        )
        .expect("write");
        let env = env_of(&[
            ("DATABASE_URL", "sqlite:///x.db"),
            ("JOBUNIVERS_CPR_KEY", KEY),
            ("JOBUNIVERS_RULES_DIR", RULES),
            ("JOBUNIVERS_CITIZEN_OIDC_CLIENT_SECRET", "meget-hemmeligt"),
            ("JOBUNIVERS_STAFF_OIDC_ISSUER", "http://127.0.0.1:9999"),
            ("JOBUNIVERS_STAFF_OIDC_CLIENT_ID", "ju-staff"),
            ("JOBUNIVERS_STAFF_OIDC_CLIENT_SECRET", "ogsaa-hemmeligt"),
        ]);
        let config = Config::load_from(Some(&file), &env).expect("config");
        let [citizen, staff] = config.server.sign_in.as_slice() else {
            panic!("two providers: {:?}", config.server.sign_in);
        };
        assert_eq!(citizen.client_id, "jobunivers");
        assert_eq!(citizen.scopes, "openid ssn", "openid is always asked for");
        assert_eq!(citizen.claim, "cprNumberIdentifier");
        assert_eq!(staff.claim, "preferred_username");
        let shown = format!("{config:?}");
        assert!(!shown.contains("hemmeligt"), "{shown}");

        let plain_http = env_of(&[
            ("DATABASE_URL", "sqlite:///x.db"),
            ("JOBUNIVERS_CPR_KEY", KEY),
            ("JOBUNIVERS_RULES_DIR", RULES),
            ("JOBUNIVERS_CITIZEN_OIDC_ISSUER", "http://broker.example.dk"),
        ]);
        let e = Config::load_from(None, &plain_http).expect_err("no TLS");
        assert!(e.to_string().contains("https://"), "{e}");
        let no_secret = env_of(&[
            ("DATABASE_URL", "sqlite:///x.db"),
            ("JOBUNIVERS_CPR_KEY", KEY),
            ("JOBUNIVERS_RULES_DIR", RULES),
            (
                "JOBUNIVERS_CITIZEN_OIDC_ISSUER",
                "https://broker.example.dk",
            ),
            ("JOBUNIVERS_CITIZEN_OIDC_CLIENT_ID", "jobunivers"),
        ]);
        let e = Config::load_from(None, &no_secret).expect_err("no secret");
        assert!(
            e.to_string()
                .contains("JOBUNIVERS_CITIZEN_OIDC_CLIENT_SECRET"),
            "{e}"
        );
    }
}

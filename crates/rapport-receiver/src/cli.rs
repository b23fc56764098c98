//! Command-line flags, parsed by hand into a [`Config`](crate::Config). Reads no files and
//! checks nothing beyond the syntax of each value: [`router`](crate::router) checks the rest.

use std::ffi::OsString;
use std::net::SocketAddr;
use std::path::PathBuf;

use crate::Config;

/// What the command line asks for.
#[derive(Debug)]
pub enum Command {
    /// Run the receiver.
    Run(Config),
    /// Print [`USAGE`].
    Help,
    /// Print the version.
    Version,
}

/// The text of `--help`.
pub const USAGE: &str = "\
rapport-receiver: Rapport's reference receiver. Verifies questionnaire envelopes and stores
them in SQLite, once per Idempotency-Key.

USAGE:
    rapport-receiver [OPTIONS]

OPTIONS:
    --listen ADDR            address to listen on [default: 127.0.0.1:8080]
    --db PATH                SQLite file, created if missing [default: rapport.sqlite3]
    --static-dir DIR         serve the files of DIR at / (index.html at /)
    --csp                    add a strict Content-Security-Policy to the static files
    --definitions-dir DIR    also accept the clinic FHIR Questionnaires (*.json) in DIR
    --allow-origin ORIGIN    allow cross-origin requests from ORIGIN (repeatable),
                             e.g. https://portal.example.org
    --store-unverified       store envelopes of unknown questionnaires (marked unverified)
                             instead of refusing them with 422
    --quiet                  do not log requests
    -h, --help               print this help
    -V, --version            print the version

ROUTES:
    POST /api/responses      an envelope, with an Idempotency-Key header
    GET  /api/responses      every stored record
    GET  /api/responses/ID   one stored record
    GET  /healthz            \"ok\"

Logs carry status, instrument and the first characters of the idempotency key: never answers.
";

/// Parses the arguments after the program name. Accepts `--flag value` and `--flag=value`.
pub fn parse_args<I, S>(args: I) -> Result<Command, String>
where
    I: IntoIterator<Item = S>,
    S: Into<OsString>,
{
    let mut config = Config::default();
    let mut args = args.into_iter().map(Into::into);
    while let Some(arg) = args.next() {
        let arg = arg
            .into_string()
            .map_err(|a| format!("argument {} is not valid UTF-8", a.to_string_lossy()))?;
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => args
                    .next()
                    .and_then(|v| v.into_string().ok())
                    .ok_or_else(|| format!("{name} needs a value")),
            }
        };
        let no_value = |name: &str| -> Result<(), String> {
            match inline {
                Some(_) => Err(format!("{name} takes no value")),
                None => Ok(()),
            }
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--listen" => {
                let v = value("--listen")?;
                config.listen = v.parse::<SocketAddr>().map_err(|_| {
                    format!("--listen: \"{v}\" is not an address such as 127.0.0.1:8080")
                })?;
            }
            "--db" => config.db = PathBuf::from(value("--db")?),
            "--static-dir" => config.static_dir = Some(PathBuf::from(value("--static-dir")?)),
            "--definitions-dir" => {
                config.definitions_dir = Some(PathBuf::from(value("--definitions-dir")?))
            }
            "--allow-origin" => config.allow_origins.push(value("--allow-origin")?),
            "--store-unverified" => {
                no_value("--store-unverified")?;
                config.store_unverified = true;
            }
            "--csp" => {
                no_value("--csp")?;
                config.csp = true;
            }
            "--quiet" => {
                no_value("--quiet")?;
                config.quiet = true;
            }
            other => return Err(format!("unknown argument \"{other}\" (see --help)")),
        }
    }
    Ok(Command::Run(config))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Config {
        match parse_args(args.iter().copied()) {
            Ok(Command::Run(c)) => c,
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn defaults() {
        let c = run(&[]);
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.db, PathBuf::from("rapport.sqlite3"));
        assert!(!c.store_unverified && !c.csp && c.allow_origins.is_empty());
    }

    #[test]
    fn every_flag() {
        let c = run(&[
            "--listen=0.0.0.0:9000",
            "--db",
            "x.db",
            "--static-dir",
            "www",
            "--definitions-dir=defs",
            "--allow-origin",
            "https://a.example",
            "--allow-origin=https://b.example",
            "--store-unverified",
            "--csp",
            "--quiet",
        ]);
        assert_eq!(c.listen.to_string(), "0.0.0.0:9000");
        assert_eq!(c.db, PathBuf::from("x.db"));
        assert_eq!(c.static_dir, Some(PathBuf::from("www")));
        assert_eq!(c.definitions_dir, Some(PathBuf::from("defs")));
        assert_eq!(c.allow_origins, ["https://a.example", "https://b.example"]);
        assert!(c.store_unverified && c.csp && c.quiet);
    }

    #[test]
    fn errors_and_help() {
        assert!(matches!(parse_args(["--help"]), Ok(Command::Help)));
        assert!(matches!(parse_args(["-V"]), Ok(Command::Version)));
        assert!(parse_args(["--listen"]).is_err());
        assert!(parse_args(["--listen", "nowhere"]).is_err());
        assert!(parse_args(["--csp=yes"]).is_err());
        assert!(parse_args(["--bogus"]).is_err());
    }
}

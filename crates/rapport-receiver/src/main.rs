//! The `rapport-receiver` binary: parses the flags ([`rapport_receiver::parse_args`]) and runs
//! [`rapport_receiver::serve`] (or [`rapport_receiver::migrate`]). Everything else lives in the library, where tests reach it.

use std::process::ExitCode;

use rapport_receiver::{migrate, parse_args, serve, Command, USAGE};

#[tokio::main]
async fn main() -> ExitCode {
    match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Help) => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Version) => {
            println!("rapport-receiver {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Ok(Command::Migrate(config)) => match migrate(&config).await {
            Ok(report) => {
                println!("rapport-receiver: {report}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("rapport-receiver: {e}");
                ExitCode::FAILURE
            }
        },
        Ok(Command::Run(config)) => match serve(config).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("rapport-receiver: {e}");
                ExitCode::FAILURE
            }
        },
        Err(msg) => {
            eprintln!("rapport-receiver: {msg}");
            ExitCode::from(2)
        }
    }
}

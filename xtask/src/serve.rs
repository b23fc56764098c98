//! The reference receiver as a server for people (`cargo xtask serve`) and for the end-to-end
//! tests (`cargo xtask e2e`).
//!
//! Both build `target/release/rapport-receiver` and run it with
//! `--listen 127.0.0.1:PORT --static-dir dist --db PATH --csp --demo`, so the demo and the tests
//! see the strict Content-Security-Policy a portal would send, and may list what was stored.
//!
//! For the tests, the receiver gets a free loopback port and a throw-away SQLite file, and is
//! stopped whatever the tests do (a [`Receiver`] stops its process when dropped; `cargo xtask
//! bench` runs its receiver through the same type).

use crate::cmd::{self, command, run};
use crate::Result;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// How long the receiver may take to answer `/healthz` after starting.
const HEALTH_TIMEOUT: Duration = Duration::from_secs(30);

/// `cargo build --release -p rapport-receiver`.
pub fn build_receiver() -> Result<PathBuf> {
    run(cmd::cargo().args(["build", "--release", "-p", "rapport-receiver"]))?;
    let bin = cmd::target_dir().join("release").join("rapport-receiver");
    if bin.is_file() {
        Ok(bin)
    } else {
        Err(format!("{} was not produced", bin.display()))
    }
}

fn receiver_command(bin: &Path, port: u16, db: &Path) -> Result<Command> {
    let mut c = command(bin);
    c.arg("--listen")
        .arg(format!("127.0.0.1:{port}"))
        .arg("--static-dir")
        .arg(cmd::repo_root().join("dist"))
        .arg("--db")
        .arg(db)
        .arg("--csp")
        // Listing open: the demo page links to it and the e2e tests read it.
        .arg("--demo")
        // The demo's clinic definitions (src=…, inline), so their envelopes verify.
        .arg("--definitions-dir")
        .arg(demo_definitions()?);
    Ok(c)
}

/// The questionnaires (and ValueSets, for `answerValueSet`s by canonical URL) among `demo/`'s
/// JSON files, copied into `target/demo-definitions/`: the folder also holds files that are not
/// definitions (`patients.json`, the demo portal's patients), which `--definitions-dir` would
/// refuse.
fn demo_definitions() -> Result<PathBuf> {
    let from = cmd::repo_root().join("demo");
    let out = cmd::target_dir().join("demo-definitions");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let entries = std::fs::read_dir(&from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let is_questionnaire = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .is_some_and(|v| {
                matches!(
                    v.get("resourceType").and_then(|t| t.as_str()),
                    Some("Questionnaire" | "ValueSet")
                )
            });
        if is_questionnaire {
            let target = out.join(entry.file_name());
            std::fs::write(&target, text).map_err(|e| format!("{}: {e}", target.display()))?;
        }
    }
    Ok(out)
}

fn require_dist() -> Result {
    let loader = cmd::repo_root().join("dist").join("rapport.js");
    if loader.is_file() {
        Ok(())
    } else {
        Err("dist/ is not built (dist/rapport.js is missing): run `cargo xtask build` first".into())
    }
}

/// `cargo xtask serve`: the receiver in the foreground until Ctrl-C, with the clinician's view
/// signing in through the local demo OpenID provider (`e2e/oidc/provider.mjs`) when its npm
/// package is installed.
pub fn serve(port: u16, db: &Path) -> Result {
    require_dist()?;
    let bin = build_receiver()?;
    make_private(db)?;
    let mut c = receiver_command(&bin, port, db)?;
    // Half a year of made-up answers for the demo patients, so the clinician's view has a
    // history to show (added once; the e2e tests' receivers start without it).
    c.arg("--demo-history");
    let provider = match DemoProvider::start(port) {
        Ok(p) => {
            c.args(["--oidc-issuer", &p.issuer])
                .args(["--oidc-client-id", DEMO_CLIENT_ID])
                .args(["--public-url", &format!("http://127.0.0.1:{port}")])
                .args(["--clinic-wide-group", "clinic-leads"])
                .env("RAPPORT_OIDC_CLIENT_SECRET", DEMO_CLIENT_SECRET);
            Some(p)
        }
        Err(e) => {
            println!("(no clinician's view: {e})");
            None
        }
    };
    println!(
        "\nDemo: http://127.0.0.1:{port}/   (responses are stored in {}; Ctrl-C stops)",
        db.display()
    );
    if let Some(p) = &provider {
        println!(
            "Clinician's view: http://127.0.0.1:{port}/clinician/   (demo sign-in at {}: \
             dr-okafor, dr-lindqvist or dr-mensah (clinic lead), password \"demo\"; demo/clinicians.json)",
            p.issuer
        );
    }
    println!();
    let result = run(&mut c);
    drop(provider);
    result
}

/// The demo provider's client id (demo only).
const DEMO_CLIENT_ID: &str = "rapport-demo";
/// The demo provider's client secret (demo only: the provider runs on loopback for the demo).
const DEMO_CLIENT_SECRET: &str = "rapport-demo-client-secret-not-for-real-use";

/// The local OpenID provider of the demo (`node e2e/oidc/provider.mjs` on 127.0.0.2, another
/// site than the receiver); stopped when dropped.
struct DemoProvider {
    child: Child,
    issuer: String,
}

impl DemoProvider {
    fn start(receiver_port: u16) -> Result<DemoProvider> {
        use std::io::BufRead;
        let root = cmd::repo_root();
        if !root.join("node_modules").join("oidc-provider").is_dir() {
            return Err("node_modules/oidc-provider is missing: run `cargo xtask setup`".into());
        }
        let base = format!("http://127.0.0.1:{receiver_port}");
        let mut c = command("node");
        c.arg(root.join("e2e/oidc/provider.mjs"))
            .args(["--host", "127.0.0.2"])
            .env("OIDC_CLIENT_ID", DEMO_CLIENT_ID)
            .env("OIDC_CLIENT_SECRET", DEMO_CLIENT_SECRET)
            .env("OIDC_REDIRECT_URI", format!("{base}/clinician/callback"))
            .env("OIDC_POST_LOGOUT_URI", format!("{base}/clinician/"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null());
        let mut child = c
            .spawn()
            .map_err(|e| format!("cannot start the demo OpenID provider: {e}"))?;
        let mut line = String::new();
        let read = child
            .stdout
            .take()
            .map(|out| std::io::BufReader::new(out).read_line(&mut line));
        let issuer = serde_json::from_str::<serde_json::Value>(&line)
            .ok()
            .and_then(|v| v.get("issuer")?.as_str().map(str::to_owned));
        match (read, issuer) {
            (Some(Ok(_)), Some(issuer)) => Ok(DemoProvider { child, issuer }),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                Err("the demo OpenID provider did not start".into())
            }
        }
    }
}

impl Drop for DemoProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The receiver refuses an SQLite file that other users may read (it holds answers); a demo
/// database left by an older receiver may be one, so the demo makes it private first.
fn make_private(db: &Path) -> Result {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for suffix in ["", "-wal", "-shm"] {
            let mut name = db.as_os_str().to_owned();
            name.push(suffix);
            let file = PathBuf::from(name);
            if file.exists() {
                std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600))
                    .map_err(|e| format!("{}: {e}", file.display()))?;
            }
        }
    }
    Ok(())
}

/// A running receiver; dropping it stops the process (SIGTERM, then SIGKILL after 5 s).
pub struct Receiver {
    child: Child,
    pub port: u16,
}

impl Receiver {
    /// Starts the receiver for `cargo xtask e2e` and waits until `/healthz` answers 200.
    pub fn start(bin: &Path, port: u16, db: &Path, definitions: &[PathBuf]) -> Result<Receiver> {
        let mut c = receiver_command(bin, port, db)?;
        for dir in definitions {
            c.arg("--definitions-dir").arg(dir);
        }
        Receiver::spawn(c, port)
    }

    /// Runs `c` (a receiver listening on `127.0.0.1:port`) and waits until `/healthz` answers
    /// 200; the process is stopped if it does not.
    pub fn spawn(mut c: Command, port: u16) -> Result<Receiver> {
        println!("$ {} &", cmd::display(&c));
        let child = c
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", c.get_program().to_string_lossy()))?;
        let mut receiver = Receiver { child, port };
        receiver.wait_healthy(HEALTH_TIMEOUT)?;
        Ok(receiver)
    }

    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn wait_healthy(&mut self, timeout: Duration) -> Result {
        let addr = SocketAddr::from(([127, 0, 0, 1], self.port));
        let start = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!(
                    "the receiver exited ({status}) before answering /healthz on port {}",
                    self.port
                ));
            }
            if http_status(addr, "/healthz") == Some(200) {
                println!(
                    "receiver ready at {} after {}",
                    self.base_url(),
                    cmd::human_duration(start.elapsed())
                );
                return Ok(());
            }
            if start.elapsed() > timeout {
                return Err(format!(
                    "the receiver did not answer GET /healthz with 200 on port {} within {}",
                    self.port,
                    cmd::human_duration(timeout)
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        if let Ok(Some(_)) = self.child.try_wait() {
            return;
        }
        // A polite stop first, so the receiver closes its database cleanly.
        let _ = command("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The status code of `GET path`, or `None` if nothing answered in time.
pub fn http_status(addr: SocketAddr, path: &str) -> Option<u16> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(1)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    stream
        .set_write_timeout(Some(Duration::from_secs(2)))
        .ok()?;
    // One write, so the server sees the whole request at once.
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    // Read until the status line is complete (a read may return only part of it).
    let mut head = Vec::new();
    let mut buf = [0u8; 256];
    while !head.contains(&b'\n') && head.len() < 4096 {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        head.extend_from_slice(&buf[..n]);
    }
    parse_status_line(&String::from_utf8_lossy(&head))
}

/// `HTTP/1.1 200 OK` → `200`.
fn parse_status_line(text: &str) -> Option<u16> {
    let line = text.lines().next()?;
    let mut parts = line.split_whitespace();
    if !parts.next()?.starts_with("HTTP/") {
        return None;
    }
    parts.next()?.parse().ok()
}

/// A loopback port that was free a moment ago.
pub fn free_port() -> Result<u16> {
    let listener = TcpListener::bind(("127.0.0.1", 0))
        .map_err(|e| format!("cannot find a free port on 127.0.0.1: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| format!("cannot find a free port on 127.0.0.1: {e}"))
}

/// A throw-away SQLite path; removes the file and its `-wal`/`-shm` companions when dropped.
pub struct TempDb(pub PathBuf);

impl Drop for TempDb {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut p = self.0.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(p));
        }
    }
}

/// `cargo xtask e2e`: the end-to-end tests (`node --test e2e/`, Playwright driving Debian's
/// Chromium) against a real receiver serving `dist/`.
///
/// The tests get `RAPPORT_BASE_URL` (the receiver) and `CHROMIUM` (the browser to launch).
pub fn e2e() -> Result {
    e2e_files(&[])
}

/// [`e2e`] for the given test files only (all of `e2e/` when none is given).
pub fn e2e_files(files: &[String]) -> Result {
    require_dist()?;
    let root = cmd::repo_root();
    if !root.join("node_modules").join("playwright-core").is_dir() {
        return Err("node_modules/playwright-core is missing: run `cargo xtask setup`".into());
    }
    let chromium = chromium_path()?;
    let bin = build_receiver()?;
    let port = free_port()?;
    let db = TempDb(
        std::env::temp_dir().join(format!("rapport-e2e-{}-{port}.sqlite3", std::process::id())),
    );
    let fixtures = fixture_definitions()?;
    let receiver = Receiver::start(&bin, port, &db.0, &[fixtures])?;
    let targets: Vec<String> = if files.is_empty() {
        vec!["e2e/".into()]
    } else {
        files.to_vec()
    };
    let result = run(command("node")
        .arg("--test")
        .args(&targets)
        .env("RAPPORT_BASE_URL", receiver.base_url())
        // For tests that start a receiver of their own (e2e/subject-verified.test.mjs: one
        // that verifies subject tokens with a secret the test knows).
        .env("RAPPORT_RECEIVER_BIN", &bin)
        .env("CHROMIUM", &chromium));
    drop(receiver); // stopped before the database file is removed
    drop(db);
    result.map_err(|e| format!("end-to-end tests failed: {e}"))
}

/// The fixtures the end-to-end tests render (the look-alikes in e2e/lookalikes.test.mjs, the
/// FHIR features in e2e/fhir-features.test.mjs, e2e/dates.test.mjs, e2e/repeats.test.mjs, e2e/nested.test.mjs and e2e/open-choice.test.mjs),
/// whose envelopes the receiver must verify:
/// their `definition`s written as plain Questionnaire files into `target/e2e-definitions/`
/// (the fixtures stay the single source), and a fixture's `valueSets` (value sets named by
/// canonical URL) beside them as ValueSet files, one per value set, which the receiver reads
/// for those definitions and serves at `/fhir/ValueSet/$expand`.
pub const E2E_FIXTURES: [&str; 32] = [
    "lookalike-wai-shaped",
    "lookalike-srs-shaped",
    "lookalike-care-shaped",
    "lookalike-reversed-branches",
    "value-set-contained",
    "value-set-canonical",
    "dates-types",
    "repeats-choice",
    "nested-under-question",
    "open-choice",
    "value-set-code-system",
    "choice-text-options",
    "units-and-hidden",
    "choice-layouts",
    "quantity",
    "min-length",
    "repeating-groups",
    "repeating-groups-nested",
    "repeats-text",
    "rich-text",
    "repeats-open-choice",
    "calculated-bmi",
    "calculated-weights",
    "calculated-text",
    "enable-expression-on",
    "initial-values",
    "regex",
    "constraints",
    "repeats-rows",
    "answer-expression",
    "constraint-warnings",
    "quantity-unit-words",
];

pub fn fixture_definitions() -> Result<PathBuf> {
    let fixtures = cmd::repo_root().join("crates/rapport-core/tests/fixtures");
    let out = cmd::target_dir().join("e2e-definitions");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    for name in E2E_FIXTURES {
        let path = fixtures.join(format!("{name}.json"));
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let fixture: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let definition = fixture
            .get("definition")
            .ok_or_else(|| format!("{} has no \"definition\"", path.display()))?;
        let target = out.join(format!("{name}.json"));
        std::fs::write(&target, definition.to_string())
            .map_err(|e| format!("{}: {e}", target.display()))?;
        let value_sets = fixture
            .get("valueSets")
            .and_then(serde_json::Value::as_object)
            .into_iter()
            .flatten();
        for (i, (_, value_set)) in value_sets.enumerate() {
            let target = out.join(format!("{name}.value-set-{i}.json"));
            std::fs::write(&target, value_set.to_string())
                .map_err(|e| format!("{}: {e}", target.display()))?;
        }
    }
    Ok(out)
}

/// The browser for Playwright and screenshots: `$CHROMIUM`, else `/usr/bin/chromium`, else
/// `chromium` on PATH.
pub fn chromium_path() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Ok(PathBuf::from(p));
    }
    let debian = PathBuf::from("/usr/bin/chromium");
    if debian.is_file() {
        return Ok(debian);
    }
    cmd::find_on_path("chromium")
        .ok_or_else(|| "chromium is not installed: run `cargo xtask setup`".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_status_lines() {
        assert_eq!(
            parse_status_line("HTTP/1.1 200 OK\r\ncontent-length: 2"),
            Some(200)
        );
        assert_eq!(parse_status_line("HTTP/1.1 404 Not Found\r\n"), Some(404));
        assert_eq!(parse_status_line("SSH-2.0-OpenSSH"), None);
        assert_eq!(parse_status_line(""), None);
    }

    #[test]
    fn a_receiver_that_exits_early_is_an_error() {
        let mut c = command("true");
        c.arg("--ignored");
        let err = Receiver::spawn(c, free_port().unwrap()).err().unwrap();
        assert!(err.contains("exited"), "{err}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn dropping_a_receiver_stops_its_process() {
        let child = command("sleep").arg("600").spawn().unwrap();
        let proc_dir = PathBuf::from(format!("/proc/{}", child.id()));
        let receiver = Receiver { child, port: 0 };
        assert!(proc_dir.exists());
        drop(receiver);
        // Stopped and reaped: no process, not even a zombie.
        assert!(!proc_dir.exists());
    }

    #[test]
    fn health_check_against_a_tiny_server() {
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let addr = listener.local_addr().unwrap();
        let server = std::thread::spawn(move || {
            let (mut s, _) = listener.accept().unwrap();
            let mut buf = [0u8; 256];
            let _ = s.read(&mut buf);
            s.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok")
                .unwrap();
        });
        assert_eq!(http_status(addr, "/healthz"), Some(200));
        server.join().unwrap();
        // Nothing listening any more: no answer, no panic.
        assert_eq!(http_status(addr, "/healthz"), None);
    }
}

//! Running programs: every command is echoed before it runs, runs from the repository root, and a
//! failure becomes a message that names the command and its exit status.

use crate::Result;
use std::ffi::OsString;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// The repository root (the parent of this crate's directory).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the repository root")
        .to_path_buf()
}

/// Cargo's target directory (`CARGO_TARGET_DIR` when set, else `target/` at the root).
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => repo_root().join(dir),
        None => repo_root().join("target"),
    }
}

/// Puts `node_modules/.bin` (the pinned wasm-opt) and cargo's bin folder (wasm-bindgen,
/// wasm-bindgen-test-runner) first on `PATH` for every program started from here.
/// Called once at start-up, before any thread exists.
pub fn prepare_path() {
    let mut dirs = vec![
        repo_root().join("node_modules").join(".bin"),
        cargo_bin_dir(),
    ];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    if let Ok(joined) = std::env::join_paths(dedup(dirs)) {
        std::env::set_var("PATH", joined);
    }
}

fn dedup(dirs: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut seen = Vec::new();
    for d in dirs {
        if !seen.contains(&d) {
            seen.push(d);
        }
    }
    seen
}

/// Where `cargo install` puts programs: `$CARGO_HOME/bin`, else `~/.cargo/bin`.
pub fn cargo_bin_dir() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
        });
    home.join("bin")
}

/// A command for `program`, run from the repository root.
pub fn command(program: impl Into<OsString>) -> Command {
    let mut c = Command::new(program.into());
    c.current_dir(repo_root());
    c
}

/// A command for the cargo that runs this task runner (so the toolchain stays the same).
pub fn cargo() -> Command {
    command(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// The command as a person would type it.
pub fn display(c: &Command) -> String {
    let program = c.get_program();
    let mut s = if std::env::var_os("CARGO").as_deref() == Some(program) {
        "cargo".to_string() // not the toolchain's full path
    } else {
        program.to_string_lossy().into_owned()
    };
    for a in c.get_args() {
        let a = a.to_string_lossy();
        if a.is_empty() || a.contains(' ') {
            s.push_str(&format!(" '{a}'"));
        } else {
            s.push(' ');
            s.push_str(&a);
        }
    }
    s
}

/// Runs a command with the terminal attached; fails unless it exits 0.
pub fn run(c: &mut Command) -> Result {
    println!("$ {}", display(c));
    let status = c.status().map_err(|e| spawn_error(c, e))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", display(c)))
    }
}

/// Runs a command quietly and returns its standard output; fails unless it exits 0
/// (the message then includes its standard error).
pub fn output(c: &mut Command) -> Result<String> {
    let out = c
        .stdin(Stdio::null())
        .output()
        .map_err(|e| spawn_error(c, e))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!(
            "`{}` failed ({}):\n{}",
            display(c),
            out.status,
            String::from_utf8_lossy(&out.stderr).trim_end()
        ))
    }
}

/// The first line a program prints for `args` (e.g. `--version`), or `None` when it is missing or
/// fails.
pub fn probe(program: impl Into<OsString>, args: &[&str]) -> Option<String> {
    let out = command(program)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    Some(text.lines().next().unwrap_or("").trim().to_string())
}

/// True when `program` is found on `PATH`.
pub fn on_path(program: &str) -> bool {
    find_on_path(program).is_some()
}

/// The full path of `program` on `PATH`.
pub fn find_on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

fn spawn_error(c: &Command, e: std::io::Error) -> String {
    let program = c.get_program().to_string_lossy();
    if e.kind() == ErrorKind::NotFound {
        format!("`{program}` was not found on PATH (run `cargo xtask setup` to install the tools)")
    } else {
        format!("could not start `{}`: {e}", display(c))
    }
}

/// `1m 05s`, `12.3s`.
pub fn human_duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 60.0 {
        format!("{secs:.1}s")
    } else {
        let whole = d.as_secs();
        format!("{}m {:02}s", whole / 60, whole % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_well() {
        assert_eq!(human_duration(Duration::from_millis(12_340)), "12.3s");
        assert_eq!(human_duration(Duration::from_secs(65)), "1m 05s");
        assert_eq!(human_duration(Duration::from_secs(3600)), "60m 00s");
    }

    #[test]
    fn commands_display_like_typed() {
        let mut c = Command::new("cargo");
        c.args(["test", "--workspace", "a b"]);
        assert_eq!(display(&c), "cargo test --workspace 'a b'");
    }
}

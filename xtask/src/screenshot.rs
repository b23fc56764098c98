//! `cargo xtask screenshot URL OUT.png [--width 360] [--height 1400]`: what a person sees, as a PNG,
//! from headless Chromium (with `--no-sandbox`, which Chromium needs when run as root, and a fresh
//! profile so that nothing is remembered between shots).

use crate::cmd;
use crate::serve::chromium_path;
use crate::Result;
use std::path::PathBuf;

/// What to capture, and the window size in CSS pixels.
pub struct Options {
    pub url: String,
    pub out: PathBuf,
    pub width: u32,
    pub height: u32,
}

/// Takes the screenshot and checks that the file was written.
pub fn take(o: &Options) -> Result {
    let chromium = chromium_path()?;
    // Relative paths are relative to where the command was typed (cargo keeps that directory).
    let out = std::env::current_dir()
        .map(|d| d.join(&o.out))
        .unwrap_or_else(|_| o.out.clone());
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let profile = std::env::temp_dir().join(format!(
        "rapport-chromium-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    ));
    let _ = std::fs::remove_file(&out);
    let result = cmd::run(
        cmd::command(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--window-size={},{}", o.width, o.height))
            .arg("--virtual-time-budget=5000")
            .arg(format!("--screenshot={}", out.display()))
            .arg(&o.url),
    );
    let _ = std::fs::remove_dir_all(&profile);
    result?;
    if out.is_file() {
        println!("screenshot: {} ({}x{})", out.display(), o.width, o.height);
        Ok(())
    } else {
        Err(format!("chromium exited without writing {}", out.display()))
    }
}

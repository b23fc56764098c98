//! `cargo xtask bench-receiver`: sustained verified POSTs against the release receiver, measured
//! with Debian's `wrk` on loopback only, bounded in time (`--seconds`, default 15 per scenario):
//! SQLite with one instance, PostgreSQL (a throwaway cluster with `fsync` on) with one and with
//! two instances. Each request is a real 12-item "Working together" envelope with its own
//! idempotency key (a `wrk` Lua script puts a fresh UUID in the header and the body), so every
//! request is verified and stored. Reported: requests per second, p50/p99 latency, how many were
//! stored (201) and refused, and — checked after each run — that the database holds exactly one
//! record per 201 (none lost, none doubled). While the load runs, `/healthz` and a read of the
//! newest records are timed every 200 ms: the receiver must stay responsive. Figures never fail
//! it; a lost or doubled record does. Not part of `cargo xtask test`.

use crate::cmd::{self, command};
use crate::postgres::Cluster;
use crate::serve::{build_receiver, Receiver};
use crate::Result;
use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::definition::{ItemKind, Questionnaire};
use rapport_core::envelope::{Envelope, EnvelopeMeta};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The admin token the benchmark's receivers are started with (loopback only, thrown away).
const ADMIN_TOKEN: &str = "bench-admin-token-0123456789abcdef0123";
/// The idempotency key in the envelope template, replaced per request by the Lua script.
const PLACEHOLDER: &str = "00000000-0000-4000-8000-00000000beef";

/// What `bench-receiver` was asked for.
pub struct Options {
    /// Seconds of load per scenario.
    pub seconds: u32,
    /// Open connections per instance.
    pub connections: u32,
    /// Where the JSON report goes.
    pub out: PathBuf,
}

/// One scenario's figures.
struct Figures {
    scenario: String,
    requests_per_s: f64,
    p50_ms: f64,
    p99_ms: f64,
    created: u64,
    other: u64,
    stored: u64,
    distinct_keys: u64,
    /// Requests that may have been stored after wrk stopped counting (its open connections).
    in_flight: u64,
    probe_max_ms: f64,
    probes: usize,
}

/// Runs every scenario and prints the table.
pub fn run(o: &Options) -> Result {
    if !cmd::on_path("wrk") {
        crate::setup::debian_package("wrk")?;
    }
    let bin = build_receiver()?;
    let work = std::env::temp_dir().join(format!("rapport-bench-receiver-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let script = work.join("post.lua");
    std::fs::write(&script, lua_script(&envelope_template()?)?)
        .map_err(|e| format!("{}: {e}", script.display()))?;

    let mut all = Vec::new();
    let sqlite = format!("sqlite://{}", work.join("bench.sqlite3").display());
    all.push(scenario(
        o,
        &bin,
        &script,
        "SQLite, 1 instance",
        &sqlite,
        None,
        1,
    )?);
    let cluster = Cluster::start_durable()?;
    for instances in [1, 2] {
        let db = cluster.create_database(&format!("bench{instances}"))?;
        let name = format!("PostgreSQL, {instances} instance(s)");
        all.push(scenario(
            o,
            &bin,
            &script,
            &name,
            &db,
            Some(cluster.password()),
            instances,
        )?);
    }
    drop(cluster);
    let _ = std::fs::remove_dir_all(&work);

    println!(
        "\n| scenario | POSTs/s | p50 | p99 | 201 | other | stored | /healthz + read, worst of {} |",
        all.first().map_or(0, |f| f.probes)
    );
    println!("|---|---|---|---|---|---|---|---|");
    for f in &all {
        println!(
            "| {} | {:.0} | {:.1} ms | {:.1} ms | {} | {} | {} | {:.1} ms |",
            f.scenario,
            f.requests_per_s,
            f.p50_ms,
            f.p99_ms,
            f.created,
            f.other,
            f.stored,
            f.probe_max_ms
        );
    }
    let report: Vec<Value> = all
        .iter()
        .map(|f| {
            json!({
                "scenario": f.scenario, "requestsPerSecond": f.requests_per_s,
                "p50Ms": f.p50_ms, "p99Ms": f.p99_ms, "created": f.created, "other": f.other,
                "stored": f.stored, "distinctKeys": f.distinct_keys, "inFlightAtEnd": f.in_flight,
                "probeMaxMs": f.probe_max_ms, "probes": f.probes,
                "seconds": o.seconds, "connectionsPerInstance": o.connections,
            })
        })
        .collect();
    if let Some(dir) = o.out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(
        &o.out,
        serde_json::to_string_pretty(&report).unwrap_or_default(),
    )
    .map_err(|e| format!("{}: {e}", o.out.display()))?;
    println!("\nbench-receiver: wrote {}", o.out.display());
    // Nothing lost: every 201 is a stored record (a few more may be stored: requests wrk had
    // sent when its time ran out, whose answers it no longer counted). Nothing doubled: one
    // record per key.
    let broken: Vec<String> = all
        .iter()
        .filter(|f| {
            f.stored < f.created
                || f.stored > f.created + f.in_flight
                || f.distinct_keys != f.stored
        })
        .map(|f| {
            format!(
                "{}: {} answered 201, {} stored with {} distinct keys (at most {} in flight)",
                f.scenario, f.created, f.stored, f.distinct_keys, f.in_flight
            )
        })
        .collect();
    if broken.is_empty() {
        println!("bench-receiver: every 201 stored once; no key stored twice");
        Ok(())
    } else {
        Err(broken.join("; "))
    }
}

#[allow(clippy::too_many_arguments)]
fn scenario(
    o: &Options,
    bin: &Path,
    script: &Path,
    name: &str,
    database: &str,
    password: Option<&str>,
    instances: usize,
) -> Result<Figures> {
    println!("\n== {name}: {} s of load", o.seconds);
    let migrate = receiver_command(bin, 0, database, password, true);
    cmd::run(&mut { migrate })?;
    let mut receivers = Vec::new();
    for _ in 0..instances {
        let port = free_port()?;
        receivers.push(Receiver::spawn(
            receiver_command(bin, port, database, password, false),
            port,
        )?);
    }
    let ports: Vec<u16> = receivers.iter().map(|r| r.port).collect();

    // Probes while the load runs.
    let stop = Arc::new(AtomicBool::new(false));
    let worst = Arc::new(Mutex::new((0.0f64, 0usize)));
    let probe = {
        let (stop, worst) = (Arc::clone(&stop), Arc::clone(&worst));
        let addr = SocketAddr::from(([127, 0, 0, 1], ports[0]));
        std::thread::spawn(move || {
            while !stop.load(Ordering::SeqCst) {
                for path in ["/healthz", "/api/responses?limit=10"] {
                    let t = Instant::now();
                    let ok = get(addr, path).is_ok_and(|(s, _, _)| s == 200);
                    let ms = t.elapsed().as_secs_f64() * 1000.0;
                    let mut w = worst.lock().unwrap_or_else(|p| p.into_inner());
                    w.0 = if ok { w.0.max(ms) } else { f64::INFINITY };
                    w.1 += 1;
                }
                std::thread::sleep(Duration::from_millis(200));
            }
        })
    };
    let loads: Vec<_> = ports
        .iter()
        .map(|port| {
            let mut c = command("wrk");
            c.args([
                "-t",
                "1",
                "-c",
                &o.connections.to_string(),
                "-d",
                &format!("{}s", o.seconds),
                "--timeout",
                "10s",
                "-s",
            ])
            .arg(script)
            .arg(format!("http://127.0.0.1:{port}/api/responses"));
            c.stdout(std::process::Stdio::piped())
                .spawn()
                .map_err(|e| format!("cannot start wrk: {e}"))
        })
        .collect::<Result<Vec<_>>>()?;
    let mut outputs = Vec::new();
    for child in loads {
        let out = child.wait_with_output().map_err(|e| format!("wrk: {e}"))?;
        outputs.push(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    stop.store(true, Ordering::SeqCst);
    let _ = probe.join();

    let mut f = Figures {
        scenario: name.to_owned(),
        requests_per_s: 0.0,
        p50_ms: 0.0,
        p99_ms: 0.0,
        created: 0,
        other: 0,
        stored: 0,
        distinct_keys: 0,
        in_flight: u64::from(o.connections) * instances as u64,
        probe_max_ms: 0.0,
        probes: 0,
    };
    for out in &outputs {
        let line = out
            .lines()
            .find(|l| l.starts_with("RAPPORT "))
            .ok_or_else(|| format!("wrk printed no summary:\n{out}"))?;
        let field = |name: &str| -> f64 {
            line.split_whitespace()
                .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0.0)
        };
        f.requests_per_s += field("rps");
        f.p50_ms = f.p50_ms.max(field("p50_us") / 1000.0);
        f.p99_ms = f.p99_ms.max(field("p99_us") / 1000.0);
        f.created += field("created") as u64;
        f.other += field("other") as u64;
    }
    let (worst_ms, probes) = *worst.lock().unwrap_or_else(|p| p.into_inner());
    f.probe_max_ms = worst_ms;
    f.probes = probes;
    (f.stored, f.distinct_keys) = count_stored(SocketAddr::from(([127, 0, 0, 1], ports[0])))?;
    drop(receivers);
    Ok(f)
}

fn receiver_command(
    bin: &Path,
    port: u16,
    database: &str,
    password: Option<&str>,
    migrate: bool,
) -> Command {
    let mut c = command(bin);
    if migrate {
        c.arg("migrate");
    }
    c.args(["--database", database]);
    if !migrate {
        c.arg("--listen")
            .arg(format!("127.0.0.1:{port}"))
            .args(["--rate-limit", "0", "--quiet"]);
    }
    c.env("RAPPORT_ADMIN_TOKEN", ADMIN_TOKEN);
    match password {
        Some(pw) => c.env("RAPPORT_DATABASE_PASSWORD", pw),
        None => c.env_remove("RAPPORT_DATABASE_PASSWORD"),
    };
    c
}

/// Every record, counted through the receiver's own paginated listing, and how many distinct
/// idempotency keys they have.
fn count_stored(addr: SocketAddr) -> Result<(u64, u64)> {
    let mut n = 0u64;
    let mut keys = std::collections::HashSet::new();
    let mut path = "/api/responses?limit=1000".to_owned();
    loop {
        let (status, headers, body) = get(addr, &path)?;
        if status != 200 {
            return Err(format!("GET {path}: {status}"));
        }
        let rows: Value = serde_json::from_slice(&body).map_err(|e| format!("GET {path}: {e}"))?;
        for row in rows.as_array().into_iter().flatten() {
            n += 1;
            keys.insert(
                row["idempotencyKey"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
            );
        }
        let next = headers
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("link:"))
            .and_then(|l| l.split(['<', '>']).nth(1))
            .map(str::to_owned);
        match next {
            Some(p) => path = p,
            None => return Ok((n, keys.len() as u64)),
        }
    }
}

/// A GET with the admin token over HTTP/1.0 (so the body is not chunked): status, head, body.
fn get(addr: SocketAddr, path: &str) -> Result<(u16, String, Vec<u8>)> {
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5))
        .map_err(|e| format!("connect {addr}: {e}"))?;
    s.set_read_timeout(Some(Duration::from_secs(30))).ok();
    let req = format!(
        "GET {path} HTTP/1.0\r\nHost: {addr}\r\nAuthorization: Bearer {ADMIN_TOKEN}\r\n\r\n"
    );
    s.write_all(req.as_bytes())
        .map_err(|e| format!("GET {path}: {e}"))?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)
        .map_err(|e| format!("GET {path}: {e}"))?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| format!("GET {path}: no end of head"))?;
    let (head, body) = raw.split_at(split);
    let head = String::from_utf8_lossy(head).into_owned();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("GET {path}: no status"))?;
    Ok((status, head, body.get(4..).unwrap_or_default().to_vec()))
}

fn free_port() -> Result<u16> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free loopback port: {e}"))
}

/// The 12-item "Working together" envelope, every question answered, with [`PLACEHOLDER`] as its
/// key: built by the core exactly as the widget builds it.
fn envelope_template() -> Result<String> {
    let path = cmd::repo_root()
        .join("instruments")
        .join("working-together.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let value: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let q = Questionnaire::from_value(&value)
        .map_err(|e| format!("{}: {} problem(s)", path.display(), e.len()))?;
    let mut answers = Answers::new();
    for (i, item) in q.items.iter().enumerate() {
        let value = match &item.kind {
            ItemKind::Choice { options, .. } => {
                options
                    .get(i % options.len().max(1))
                    .map(|o| AnswerValue::Coding {
                        system: o.system.clone(),
                        code: o.code.clone(),
                    })
            }
            ItemKind::Integer { min, max, .. } => {
                Some(AnswerValue::Integer(max.or(*min).unwrap_or(0)))
            }
            ItemKind::Boolean => Some(AnswerValue::Boolean(true)),
            ItemKind::String { .. } | ItemKind::Text { .. } => {
                Some(AnswerValue::String("ok".into()))
            }
            _ => None,
        };
        if value.is_some() {
            answers.set(&item.link_id, value);
        }
    }
    let version = q.version.clone().unwrap_or_default();
    let meta = EnvelopeMeta {
        idempotency_key: PLACEHOLDER,
        instrument_id: "working-together",
        version: &version,
        language: "en",
        translation_status: "source",
        submitted_at: "2026-12-04T10:00:00.000Z",
        previous_scores: &Default::default(),
        context: &json!({ "appointmentId": "bench" }),
        subject: None,
        widget_version: None,
    };
    let envelope = Envelope::build(&q, &answers, &meta, &|_, _| None);
    Ok(envelope.to_json().to_string())
}

/// The wrk script: a fresh UUID v4 per request, in the header and the body; counts of 201 and
/// other statuses per thread; one `RAPPORT …` summary line.
fn lua_script(template: &str) -> Result<String> {
    if !template.contains(PLACEHOLDER) {
        return Err("the envelope template has no placeholder key".into());
    }
    // A Lua long string cannot contain its own closing bracket.
    if template.contains("]==]") {
        return Err("the envelope template cannot be quoted for Lua".into());
    }
    Ok(format!(
        r#"local template = [==[{template}]==]
local placeholder = ("{PLACEHOLDER}"):gsub("%-", "%%-")
local threads = {{}}
created, other = 0, 0

function setup(thread)
  thread:set("seed", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + seed * 7919 + math.floor(os.clock() * 1e6))
end

local function hex(width)
  local s = ""
  for _ = 1, width do
    s = s .. string.format("%x", math.random(0, 15))
  end
  return s
end

function request()
  local key = hex(8) .. "-" .. hex(4) .. "-4" .. hex(3) .. "-" ..
    string.format("%x", math.random(8, 11)) .. hex(3) .. "-" .. hex(12)
  local body = (template:gsub(placeholder, key))
  return wrk.format("POST", nil, {{
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = key,
  }}, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
  end
  io.write(string.format("RAPPORT rps=%.1f p50_us=%d p99_us=%d created=%d other=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    c, o, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"#
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_a_verifiable_envelope_with_the_placeholder() {
        let t = envelope_template().unwrap();
        let v: Value = serde_json::from_str(&t).unwrap();
        assert_eq!(v["idempotencyKey"], PLACEHOLDER);
        assert_eq!(v["instrument"]["id"], "working-together");
        assert_eq!(
            v["questionnaireResponse"]["item"]
                .as_array()
                .map(|groups| groups
                    .iter()
                    .map(|g| g["item"].as_array().map_or(1, |a| a.len()))
                    .sum::<usize>()),
            Some(12)
        );
        let script = lua_script(&t).unwrap();
        assert!(script.contains("Idempotency-Key") && script.contains(PLACEHOLDER));
    }
}

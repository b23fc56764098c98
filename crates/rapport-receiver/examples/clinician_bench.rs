//! How fast the clinician's pages are with a real caseload: 50 made-up patients with a year of
//! weekly answers each (`demo_history`, ~3,000 records, filed as POSTs are), one clinician who
//! sees them all, the real router on a real database (a new SQLite file, or PostgreSQL with
//! `RAPPORT_DATABASE` and `RAPPORT_DATABASE_PASSWORD`). Each page is asked for `--runs` times after
//! one warm-up; prints the median, fastest and slowest, and the size of each page.
//!
//! A benchmark, not a test: run it with
//! `cargo run --release -p rapport-receiver --example clinician_bench [-- --runs 20 --patients 50 --weeks 52]`
//! (bench/README.md, "The clinician's view").

use std::sync::Arc;
use std::time::Instant;

use axum::body::{to_bytes, Body};
use axum::http::{header, Request, StatusCode};
use rapport_receiver::clinician::meta::patient_ref;
use rapport_receiver::clinician::{session_hash, SESSION_SECS};
use rapport_receiver::demo::{DemoPortal, Patient, DEMO_ISSUER};
use rapport_receiver::demo_history::{self, story};
use rapport_receiver::store::ClinicianSession;
use rapport_receiver::{open_store, router_with, Config, Database, Definitions};
use tower::ServiceExt;

const CLINICIAN: &str = "bench-clinician";

fn arg(name: &str, default: u32) -> u32 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs = arg("--runs", 20).max(1);
    let patients = arg("--patients", 50);
    let weeks = arg("--weeks", 52).max(1);
    let dir = std::env::temp_dir().join(format!("rapport-clinician-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let database = match std::env::var("RAPPORT_DATABASE") {
        Ok(url) => Database::parse(&url)?,
        Err(_) => Database::parse(&format!("sqlite://{}", dir.join("bench.sqlite3").display()))?,
    };
    let config = Config {
        database,
        database_password: std::env::var("RAPPORT_DATABASE_PASSWORD").ok(),
        quiet: true,
        // Nothing listens there: the pages measured never call the provider.
        oidc_issuer: Some("http://127.0.0.1:9".into()),
        oidc_client_id: Some("bench".into()),
        oidc_client_secret: Some("bench-client-secret".into()),
        public_url: Some("http://127.0.0.1:8080".into()),
        ..Config::default()
    };
    let store = open_store(&config).await?;
    let definitions = Arc::new(Definitions::bundled()?);
    let portal = DemoPortal::new(None)?;
    let made_up: Vec<_> = (0..patients as usize)
        .map(|i| demo_history::Patient {
            who: Patient {
                id: format!("bench-{i:03}"),
                name: format!("Bench patient {i:03}"),
                care_team: vec![CLINICIAN.into()],
            },
            story: story(i),
        })
        .collect();
    let started = Instant::now();
    let stored = demo_history::seed(
        &store,
        &definitions,
        &portal,
        &made_up,
        weeks,
        time::OffsetDateTime::now_utc(),
    )
    .await?;
    println!(
        "seeded {stored} records ({patients} patients x {weeks} weeks) in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    store
        .create_session(&ClinicianSession {
            id_sha256: session_hash("bench-session"),
            clinician_id: CLINICIAN.into(),
            name: "Bench".into(),
            whole_clinic: false,
            csrf: "bench-csrf".into(),
            created_at: now,
            expires_at: now + SESSION_SECS,
        })
        .await?;
    let app = router_with(&config, store.clone())?;
    let first = patient_ref(DEMO_ISSUER, "bench-000");
    let pages = [
        ("caseload (home)", "/clinician/".to_owned()),
        ("one patient", format!("/clinician/patients/{first}")),
    ];
    println!(
        "{:<18} {:>8} {:>8} {:>8} {:>9}",
        "page", "median", "min", "max", "bytes"
    );
    for (name, path) in pages {
        let mut times = Vec::new();
        let mut bytes = 0;
        for run in 0..=runs {
            let req = Request::builder()
                .uri(&path)
                .header(header::COOKIE, "rapport_clinician=bench-session")
                .body(Body::empty())?;
            let t = Instant::now();
            let resp = app.clone().oneshot(req).await?;
            let status = resp.status();
            let body = to_bytes(resp.into_body(), 64 << 20).await?;
            let elapsed = t.elapsed().as_secs_f64() * 1000.0;
            if status != StatusCode::OK {
                println!("{name:<18} {path}: {status} (not measured)");
                break;
            }
            bytes = body.len();
            if run > 0 {
                times.push(elapsed);
            }
        }
        if times.is_empty() {
            continue;
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{name:<18} {:>6.1}ms {:>6.1}ms {:>6.1}ms {bytes:>9}",
            times[times.len() / 2],
            times[0],
            times[times.len() - 1]
        );
    }
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

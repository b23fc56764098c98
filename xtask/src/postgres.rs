//! A throwaway PostgreSQL cluster for the receiver's tests: Debian's server binaries (package
//! `postgresql`, installed by setup), a fresh data directory in the system's temporary
//! directory, a free port on 127.0.0.1 only, password (SCRAM) authentication over TCP, and a
//! role `rapport` that may create databases (each test makes its own). PostgreSQL refuses to run
//! as root, so when this runs as root (as CI does) the cluster belongs to the unprivileged
//! `postgres` user that the package creates. [`Cluster`] stops the server and removes the
//! directory when dropped, whatever the tests did.

use crate::cmd::{self, command, probe};
use crate::Result;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The role the tests connect as.
pub const ROLE: &str = "rapport";

/// A running throwaway cluster.
pub struct Cluster {
    dir: PathBuf,
    bin: PathBuf,
    port: u16,
    password: String,
    /// The user the server runs as, when it is not the current one.
    run_as: Option<String>,
    /// Whether the server syncs to disk (`fsync`): off for tests, on for benchmarks.
    durable: bool,
}

impl Cluster {
    /// Creates and starts a cluster for tests (`fsync` off: nothing in it must survive).
    pub fn start() -> Result<Cluster> {
        Cluster::create(false)
    }

    /// Creates and starts a cluster that syncs like a production one (`fsync` on), for
    /// benchmarks.
    pub fn start_durable() -> Result<Cluster> {
        Cluster::create(true)
    }

    fn create(durable: bool) -> Result<Cluster> {
        let bin = server_bin_dir()?;
        let run_as = if probe("id", &["-u"]).as_deref() == Some("0") {
            if probe("id", &["-u", "postgres"]).is_none() {
                return Err(
                    "running as root, and there is no `postgres` user to run the test \
                            PostgreSQL server as (install Debian's postgresql package)"
                        .into(),
                );
            }
            Some("postgres".to_owned())
        } else {
            None
        };
        // A name nobody can guess beforehand, private to its owner: the socket trusts local
        // connections, so no other user of the machine may reach it.
        let dir = std::env::temp_dir().join(format!(
            "rapport-pg-{}-{}",
            std::process::id(),
            random_hex(8)?
        ));
        std::fs::create_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))
                .map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::create_dir(dir.join("socket")).map_err(|e| format!("{}: {e}", dir.display()))?;
        let password = random_hex(24)?;
        let cluster = Cluster {
            port: free_port()?,
            dir,
            bin,
            password,
            run_as,
            durable,
        };
        cluster.init()?;
        Ok(cluster)
    }

    fn init(&self) -> Result {
        if let Some(user) = &self.run_as {
            cmd::run(command("chown").args(["-R", user]).arg(&self.dir))?;
        }
        let data = self.dir.join("data");
        cmd::run(self.as_owner("initdb").arg("-D").arg(&data).args([
            "-U",
            "postgres",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        ]))?;
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c unix_socket_permissions=0700 \
             -c fsync={} -c max_connections=200",
            self.port,
            self.dir.join("socket").display(),
            if self.durable { "on" } else { "off" }
        );
        cmd::run(
            self.as_owner("pg_ctl")
                .arg("-D")
                .arg(&data)
                .arg("-l")
                .arg(self.dir.join("server.log"))
                .args(["-o", &options, "-w", "-t", "60", "start"]),
        )?;
        // The password travels on psql's standard input, not its command line.
        let sql = format!(
            "CREATE ROLE {ROLE} LOGIN CREATEDB PASSWORD '{}';",
            self.password
        );
        self.psql(&sql)
    }

    /// Runs SQL as the cluster's superuser, through its socket (the SQL on standard input).
    fn psql(&self, sql: &str) -> Result {
        let mut psql = self.as_owner("psql");
        psql.arg("-h")
            .arg(self.dir.join("socket"))
            .args([
                "-p",
                &self.port.to_string(),
                "-U",
                "postgres",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
            ])
            .arg("-d")
            .arg("postgres");
        run_with_stdin(&mut psql, sql)
    }

    /// A new database `name` owned by [`ROLE`]; its URL (without the password).
    pub fn create_database(&self, name: &str) -> Result<String> {
        if !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(format!("not a plain database name: {name}"));
        }
        self.psql(&format!("CREATE DATABASE {name} OWNER {ROLE};"))?;
        Ok(format!("{}/{name}", self.url()))
    }

    /// A command for one of the server's programs, run as the cluster's owner.
    fn as_owner(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        match &self.run_as {
            Some(user) => {
                let mut c = command("runuser");
                c.args(["-u", user, "--"]).arg(path);
                c
            }
            None => command(path),
        }
    }

    /// The server as the receiver's tests take it: `postgres://rapport@127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("postgres://{ROLE}@127.0.0.1:{}", self.port)
    }

    /// The role's password (for `RAPPORT_DATABASE_PASSWORD`).
    pub fn password(&self) -> &str {
        &self.password
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        let _ = self
            .as_owner("pg_ctl")
            .arg("-D")
            .arg(&data)
            .args(["-m", "immediate", "-w", "stop"])
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The newest `/usr/lib/postgresql/<version>/bin` that has `initdb`.
fn server_bin_dir() -> Result<PathBuf> {
    let root = Path::new("/usr/lib/postgresql");
    let mut best: Option<(u32, PathBuf)> = None;
    if let Ok(entries) = std::fs::read_dir(root) {
        for entry in entries.flatten() {
            let bin = entry.path().join("bin");
            let version = entry.file_name().to_string_lossy().parse::<u32>().ok();
            if let (Some(v), true) = (version, bin.join("initdb").is_file()) {
                if best.as_ref().is_none_or(|(b, _)| v > *b) {
                    best = Some((v, bin));
                }
            }
        }
    }
    best.map(|(_, bin)| bin).ok_or_else(|| {
        "PostgreSQL's server programs (initdb, pg_ctl) were not found under \
         /usr/lib/postgresql: run `cargo xtask setup` (Debian package postgresql)"
            .into()
    })
}

/// A port on 127.0.0.1 that nothing listens on now.
fn free_port() -> Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")
        .map_err(|e| format!("cannot find a free loopback port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| format!("cannot find a free loopback port: {e}"))
}

fn random_hex(bytes: usize) -> Result<String> {
    let mut buf = vec![0u8; bytes];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| format!("/dev/urandom: {e}"))?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

fn run_with_stdin(c: &mut Command, input: &str) -> Result {
    use std::io::Write;
    use std::process::Stdio;
    let shown = cmd::display(c);
    let mut child = c
        .stdin(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(input.as_bytes())
            .map_err(|e| format!("`{shown}`: {e}"))?;
    }
    let status = child.wait().map_err(|e| format!("`{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

//! Who may use the API, and how often: bearer tokens (`--post-token`, `--admin-token`) compared
//! in constant time, and the per-address token bucket behind `--rate-limit`. Knows nothing of
//! envelopes or SQLite; [`crate::api`] turns its answers into 401, 403 and 429.

use std::collections::HashMap;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::http::{header, HeaderMap};
use sha2::{Digest, Sha256};

use crate::Error;

/// A secret the receiver expects in `Authorization: Bearer …`. Only its SHA-256 is kept, and
/// [`fmt::Debug`] never shows it.
#[derive(Clone)]
pub struct Token([u8; 32]);

impl Token {
    /// Checks a token given with `flag`: not empty, printable ASCII without spaces (so that it
    /// fits in an `Authorization` header exactly as given).
    pub fn new(flag: &str, secret: &str) -> Result<Token, Error> {
        if secret.is_empty() || !secret.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(Error::Config(format!(
                "{flag}: the token must be non-empty printable ASCII without spaces"
            )));
        }
        Ok(Token(Sha256::digest(secret.as_bytes()).into()))
    }

    /// Whether `presented` is this token. Both sides are hashed first, so the comparison takes
    /// the same time whatever the length or content of `presented`.
    pub fn matches(&self, presented: &str) -> bool {
        let digest: [u8; 32] = Sha256::digest(presented.as_bytes()).into();
        constant_time_eq(&self.0, &digest)
    }

    /// What `headers` say about this token.
    pub fn check(&self, headers: &HeaderMap) -> Access {
        match bearer(headers) {
            None => Access::Missing,
            Some(t) if self.matches(t) => Access::Granted,
            Some(_) => Access::Invalid,
        }
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// The outcome of [`Token::check`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// The right token.
    Granted,
    /// No `Authorization: Bearer` header.
    Missing,
    /// A bearer token, but not the right one.
    Invalid,
}

/// `a == b` without an early exit: every byte is looked at whatever differs. (The lengths are
/// compared first; [`Token`] only compares SHA-256 digests, which are always 32 bytes.)
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(diff) == 0
}

/// The token of an `Authorization: Bearer TOKEN` header (scheme case-insensitive), if any.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim_start_matches(' ');
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// More clients than this and the rate limiter forgets the ones whose bucket is full again.
pub const MAX_CLIENTS: usize = 10_000;
/// The key shared by requests that carry no client address (a router called directly).
pub const UNKNOWN_CLIENT: IpAddr = IpAddr::V4(Ipv4Addr::UNSPECIFIED);
/// The key shared by new clients while the table is full of active ones.
pub const OVERFLOW_CLIENT: IpAddr = IpAddr::V6(Ipv6Addr::UNSPECIFIED);
/// Pruning walks the whole table: at most once in this long.
const PRUNE_EVERY: Duration = Duration::from_secs(1);

/// A token bucket per client address: `per_minute` requests at once, refilled continuously at
/// `per_minute` a minute. Zero lets everything through. Counts in integers (a token is
/// `TOKEN` units; a bucket gains `per_minute` units a nanosecond), so nothing drifts.
pub struct RateLimiter {
    per_minute: u32,
    inner: Mutex<Buckets>,
}

/// One token, in the units a bucket counts: one minute in nanoseconds.
const TOKEN: u128 = 60_000_000_000;

#[derive(Default)]
struct Buckets {
    map: HashMap<IpAddr, Bucket>,
    last_prune: Option<Instant>,
}

#[derive(Clone, Copy)]
struct Bucket {
    units: u128,
    updated: Instant,
}

impl Bucket {
    /// The units after refilling up to `now`, at most `capacity`.
    fn refilled(&self, now: Instant, per_minute: u32, capacity: u128) -> u128 {
        let idle = now.saturating_duration_since(self.updated).as_nanos();
        self.units
            .saturating_add(idle.saturating_mul(u128::from(per_minute)))
            .min(capacity)
    }
}

impl fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RateLimiter")
            .field("per_minute", &self.per_minute)
            .finish_non_exhaustive()
    }
}

impl RateLimiter {
    pub fn new(per_minute: u32) -> RateLimiter {
        RateLimiter {
            per_minute,
            inner: Mutex::new(Buckets::default()),
        }
    }

    /// Takes one token from the bucket of `client` (see [`client_key`]). `Err(seconds)`: the
    /// bucket is empty, and one token will be back in that many whole seconds (at least 1).
    pub fn check(&self, client: Option<SocketAddr>) -> Result<(), u32> {
        self.check_at(client_key(client), Instant::now())
    }

    /// [`RateLimiter::check`] at a given time, for tests.
    pub fn check_at(&self, key: IpAddr, now: Instant) -> Result<(), u32> {
        let per_minute = self.per_minute;
        if per_minute == 0 {
            return Ok(());
        }
        let capacity = u128::from(per_minute) * TOKEN;
        let mut buckets = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        let mut key = key;
        if !buckets.map.contains_key(&key) && buckets.map.len() >= MAX_CLIENTS {
            buckets.prune(now, per_minute, capacity);
            if buckets.map.len() >= MAX_CLIENTS {
                key = OVERFLOW_CLIENT;
            }
        }
        let bucket = buckets.map.entry(key).or_insert(Bucket {
            units: capacity,
            updated: now,
        });
        bucket.units = bucket.refilled(now, per_minute, capacity);
        bucket.updated = now;
        if bucket.units >= TOKEN {
            bucket.units -= TOKEN;
            Ok(())
        } else {
            let nanos = (TOKEN - bucket.units).div_ceil(u128::from(per_minute));
            let secs = nanos.div_ceil(1_000_000_000).max(1);
            Err(u32::try_from(secs).unwrap_or(u32::MAX))
        }
    }

    /// How many client addresses are remembered.
    pub fn clients(&self) -> usize {
        self.inner
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .map
            .len()
    }
}

impl Buckets {
    /// Forgets the buckets that are full again: forgetting them changes nothing. (Any bucket
    /// left alone for a minute is full.)
    fn prune(&mut self, now: Instant, per_minute: u32, capacity: u128) {
        if self
            .last_prune
            .is_some_and(|t| now.saturating_duration_since(t) < PRUNE_EVERY)
        {
            return;
        }
        self.last_prune = Some(now);
        self.map
            .retain(|_, b| b.refilled(now, per_minute, capacity) < capacity);
    }
}

/// The bucket a client address counts against: IPv4 addresses (also when mapped into IPv6) one
/// by one, IPv6 addresses by /64 (one subscriber usually holds a whole /64), and requests with
/// no address together under [`UNKNOWN_CLIENT`].
pub fn client_key(client: Option<SocketAddr>) -> IpAddr {
    match client.map(|a| a.ip()) {
        None => UNKNOWN_CLIENT,
        Some(IpAddr::V4(v4)) => IpAddr::V4(v4),
        Some(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(Ipv6Addr::from(
                u128::from(v6) & 0xffff_ffff_ffff_ffff_0000_0000_0000_0000,
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn auth(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn tokens() {
        let t = Token::new("--post-token", "s3cret-token").unwrap();
        assert!(t.matches("s3cret-token"));
        assert!(!t.matches("s3cret-toke"));
        assert!(!t.matches(""));
        assert_eq!(t.check(&auth("Bearer s3cret-token")), Access::Granted);
        assert_eq!(t.check(&auth("bearer  s3cret-token")), Access::Granted);
        assert_eq!(t.check(&auth("Bearer nope")), Access::Invalid);
        assert_eq!(t.check(&auth("Basic czNjcmV0")), Access::Missing);
        assert_eq!(t.check(&auth("Bearer")), Access::Missing);
        assert_eq!(t.check(&HeaderMap::new()), Access::Missing);
        assert_eq!(format!("{t:?}"), "Token(<redacted>)");
        assert!(Token::new("--post-token", "").is_err());
        assert!(Token::new("--post-token", "with space").is_err());
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }

    #[test]
    fn bucket_refills_continuously() {
        let limiter = RateLimiter::new(60); // one a second
        let ip = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1));
        let t0 = Instant::now();
        for _ in 0..60 {
            assert_eq!(limiter.check_at(ip, t0), Ok(()));
        }
        assert_eq!(limiter.check_at(ip, t0), Err(1));
        assert_eq!(
            limiter.check_at(ip, t0 + Duration::from_millis(1500)),
            Ok(())
        );
        assert_eq!(
            limiter.check_at(ip, t0 + Duration::from_millis(1500)),
            Err(1)
        );

        let slow = RateLimiter::new(2); // one every 30 s
        assert!(slow.check_at(ip, t0).is_ok() && slow.check_at(ip, t0).is_ok());
        assert_eq!(slow.check_at(ip, t0), Err(30));
        assert_eq!(slow.check_at(ip, t0 + Duration::from_secs(10)), Err(20));
        assert_eq!(slow.check_at(ip, t0 + Duration::from_secs(30)), Ok(()));

        let off = RateLimiter::new(0);
        for _ in 0..1000 {
            assert_eq!(off.check_at(ip, t0), Ok(()));
        }
        assert_eq!(off.clients(), 0);
    }

    #[test]
    fn the_table_stays_bounded() {
        let limiter = RateLimiter::new(10);
        let t0 = Instant::now();
        let ip = |i: u32| IpAddr::V4(Ipv4Addr::from(0x0a00_0000 + i));
        for i in 0..MAX_CLIENTS as u32 {
            limiter.check_at(ip(i), t0).unwrap();
        }
        assert_eq!(limiter.clients(), MAX_CLIENTS);
        // Every bucket is still in use: newcomers share one overflow bucket.
        for i in 0..20 {
            let _ = limiter.check_at(ip(MAX_CLIENTS as u32 + i), t0);
        }
        assert_eq!(limiter.clients(), MAX_CLIENTS + 1);
        // A minute later every bucket is full again and is forgotten.
        let later = t0 + Duration::from_secs(61);
        limiter.check_at(ip(u32::MAX / 2), later).unwrap();
        assert_eq!(limiter.clients(), 1);
    }

    #[test]
    fn client_keys() {
        let v4: SocketAddr = "192.0.2.7:5000".parse().unwrap();
        let mapped: SocketAddr = "[::ffff:192.0.2.7]:5000".parse().unwrap();
        let a: SocketAddr = "[2001:db8:1:2:aaaa::1]:1".parse().unwrap();
        let b: SocketAddr = "[2001:db8:1:2:bbbb::2]:2".parse().unwrap();
        let c: SocketAddr = "[2001:db8:1:3::1]:3".parse().unwrap();
        assert_eq!(client_key(Some(v4)), client_key(Some(mapped)));
        assert_eq!(client_key(Some(a)), client_key(Some(b)));
        assert_ne!(client_key(Some(a)), client_key(Some(c)));
        assert_eq!(client_key(None), UNKNOWN_CLIENT);
    }
}

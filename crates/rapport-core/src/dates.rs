//! FHIR's `date`, `time` and `dateTime` values: checking them and reading what a patient typed.
//!
//! Only full precision is accepted: a date is `YYYY-MM-DD` (a real calendar day), a time
//! `hh:mm:ss`, a dateTime `YYYY-MM-DDThh:mm:ss` with a zone (`Z` or `±hh:mm`), as FHIR requires
//! when a time is given. The core has no clock and no time zone: the widget passes the
//! browser's UTC offset for a local date and time. No panics, no indexing: bytes are read
//! through iterators.

/// The value of one to four ASCII digits. (A loop, not `str::parse`: smaller in the widget.)
fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 {
        return None;
    }
    let mut n = 0;
    for b in s.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(b - b'0');
    }
    Some(n)
}

/// Appends `n` (below 100) as two digits.
fn push2(out: &mut String, n: u32) {
    for d in [n / 10 % 10, n % 10] {
        out.push(char::from(b'0' + d as u8));
    }
}

/// Where the zone of a dateTime's time part starts (`Z`, `+` or `-`).
fn zone_start(rest: &str) -> Option<usize> {
    rest.bytes().position(|b| matches!(b, b'Z' | b'+' | b'-'))
}

/// The number of days in `month` of `year` (Gregorian).
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `(year, month, day)` of a full date `YYYY-MM-DD` that is a real calendar day (year 0001 to
/// 9999).
fn date_parts(s: &str) -> Option<(u32, u32, u32)> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (digits(y)?, digits(m)?, digits(d)?);
    (y >= 1 && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some((y, m, d))
}

/// Seconds since midnight of `hh:mm:ss` (or `hh:mm` when `seconds_optional`).
fn time_parts(s: &str, seconds_optional: bool) -> Option<u32> {
    let mut parts = s.split(':');
    let (h, m) = (parts.next()?, parts.next()?);
    let sec = match parts.next() {
        Some(sec) => sec,
        None if seconds_optional => "00",
        None => return None,
    };
    if parts.next().is_some() || h.len() != 2 || m.len() != 2 || sec.len() != 2 {
        return None;
    }
    let (h, m, sec) = (digits(h)?, digits(m)?, digits(sec)?);
    (h < 24 && m < 60 && sec < 60).then_some(h * 3600 + m * 60 + sec)
}

/// Whether `s` is a full FHIR `date`: `YYYY-MM-DD`, a real calendar day.
pub fn is_date(s: &str) -> bool {
    date_parts(s).is_some()
}

/// Whether `s` is a FHIR `time` as Rapport stores it: `hh:mm:ss`.
pub fn is_time(s: &str) -> bool {
    time_parts(s, false).is_some()
}

/// Whether `s` is a full FHIR `dateTime` with a zone: `YYYY-MM-DDThh:mm:ss` then `Z` or
/// `±hh:mm`.
pub fn is_date_time(s: &str) -> bool {
    instant(s).is_some()
}

/// The zone of a dateTime (`Z`, `+hh:mm`, `-hh:mm`, at most 14 hours) in seconds east of UTC.
fn zone_seconds(z: &str) -> Option<i64> {
    if z == "Z" {
        return Some(0);
    }
    let sign = match z.bytes().next()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let rest = z.get(1..)?;
    let (h, m) = rest.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m) = (digits(h)?, digits(m)?);
    (h <= 14 && m < 60 && h * 60 + m <= 14 * 60).then_some(sign * i64::from(h * 3600 + m * 60))
}

/// Days from 1970-01-01 to a date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: u32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after a full date (`YYYY-MM-DD`; before it when negative).
pub fn shift_date(date: &str, days: i64) -> Option<String> {
    let (y, m, d) = date_parts(date)?;
    let z = days_from_civil(y, m, d).checked_add(days)? + 719_468;
    // Howard Hinnant's `civil_from_days`.
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (0..=9999)
        .contains(&year)
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// The moment a full dateTime with a zone stands for, in seconds since 1970-01-01 UTC: two
/// dateTimes written in different zones compare by this.
pub fn instant(s: &str) -> Option<i64> {
    let (date, rest) = s.split_once('T')?;
    let (y, m, d) = date_parts(date)?;
    // The zone starts at the first `Z`, `+` or `-` after the time.
    let at = zone_start(rest)?;
    let (time, zone) = (rest.get(..at)?, rest.get(at..)?);
    let secs = time_parts(time, false)?;
    let zone = zone_seconds(zone)?;
    Some(days_from_civil(y, m, d) * 86_400 + i64::from(secs) - zone)
}

/// What the patient typed into a date field (`YYYY-MM-DD`, digits already ASCII: see
/// [`crate::answers::normalize_digits`]), as FHIR's `date`; `None` when it is not a real day.
pub fn typed_date(t: &str) -> Option<String> {
    is_date(t).then(|| t.to_owned())
}

/// What the patient typed into a time field (`hh:mm` or `hh:mm:ss`, digits already ASCII), as
/// FHIR's `time` (`hh:mm:ss`).
pub fn typed_time(t: &str) -> Option<String> {
    time_parts(t, true).map(hms)
}

fn hms(secs: u32) -> String {
    let mut out = String::with_capacity(25);
    push2(&mut out, secs / 3600);
    out.push(':');
    push2(&mut out, secs / 60 % 60);
    out.push(':');
    push2(&mut out, secs % 60);
    out
}

/// What the patient typed into a local date-and-time field (`YYYY-MM-DDThh:mm`, seconds
/// optional, a space allowed for the `T`, digits already ASCII), as FHIR's `dateTime` with the
/// browser's offset at that moment, `offset_minutes` east of UTC (e.g. 60 for `+01:00`).
pub fn typed_date_time(t: &str, offset_minutes: i32) -> Option<String> {
    let (date, time) = t.split_once('T').or_else(|| t.split_once(' '))?;
    date_parts(date)?;
    let secs = time_parts(time.trim(), true)?;
    let off = offset_minutes.unsigned_abs();
    if off > 14 * 60 {
        return None;
    }
    let mut out = String::with_capacity(25);
    out.push_str(date);
    out.push('T');
    out.push_str(&hms(secs));
    out.push(if offset_minutes < 0 { '-' } else { '+' });
    push2(&mut out, off / 60);
    out.push(':');
    push2(&mut out, off % 60);
    Some(out)
}

/// What a native `datetime-local` field shows for a stored dateTime: its local part
/// (`YYYY-MM-DDThh:mm:ss`), as the patient typed it.
pub fn local_part(date_time: &str) -> &str {
    date_time
        .split_once('T')
        .and_then(|(date, rest)| {
            let at = zone_start(rest).unwrap_or(rest.len());
            date_time.get(..date.len() + 1 + at)
        })
        .unwrap_or(date_time)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_days_only() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("1900-02-29"));
        assert!(is_date("2000-02-29"));
        assert!(!is_date("2026-04-31"));
        assert!(!is_date("2026-13-01"));
        assert!(!is_date("0000-01-01"));
        assert!(!is_date("2026-1-01"));
        assert!(!is_date("2026-01"));
        assert!(!is_date("+026-01-01"));
        assert!(!is_date("2026-01-01T00:00:00Z"));
    }

    #[test]
    fn times() {
        assert!(is_time("23:59:59"));
        assert!(!is_time("24:00:00"));
        assert!(!is_time("12:30"));
        assert_eq!(typed_time("12:30").as_deref(), Some("12:30:00"));
        assert_eq!(typed_time("07:05:09").as_deref(), Some("07:05:09"));
        assert_eq!(typed_time("7:05"), None);
        assert_eq!(typed_time("12:60"), None);
        assert_eq!(
            typed_time(&crate::answers::normalize_digits("١٢:٣٠")).as_deref(),
            Some("12:30:00")
        );
    }

    #[test]
    fn date_times_with_zone() {
        assert_eq!(
            typed_date_time("2026-12-05T14:30", 60).as_deref(),
            Some("2026-12-05T14:30:00+01:00")
        );
        assert_eq!(
            typed_date_time("2026-07-05 09:15:30", -330).as_deref(),
            Some("2026-07-05T09:15:30-05:30")
        );
        assert_eq!(
            typed_date_time("2026-07-05T09:15", 0).as_deref(),
            Some("2026-07-05T09:15:00+00:00")
        );
        assert_eq!(typed_date_time("2026-02-30T09:15", 0), None);
        assert_eq!(typed_date_time("2026-02-03T09:15", 15 * 60), None);
        assert_eq!(typed_date_time("2026-02-03", 0), None);
        assert!(is_date_time("2026-12-05T14:30:00+01:00"));
        assert!(is_date_time("2026-12-05T14:30:00Z"));
        assert!(!is_date_time("2026-12-05T14:30:00"));
        assert!(!is_date_time("2026-12-05T14:30+01:00"));
        assert!(!is_date_time("2026-12-05T14:30:00+15:00"));
        assert_eq!(
            local_part("2026-12-05T14:30:00+01:00"),
            "2026-12-05T14:30:00"
        );
        assert_eq!(local_part("2026-12-05T14:30:00Z"), "2026-12-05T14:30:00");
        assert_eq!(local_part("nonsense"), "nonsense");
    }

    #[test]
    fn instants_compare_across_zones() {
        assert_eq!(instant("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            instant("2026-12-05T14:30:00+01:00"),
            instant("2026-12-05T13:30:00Z")
        );
        assert_eq!(instant("2000-03-01T00:00:00Z"), Some(951_868_800));
    }
}

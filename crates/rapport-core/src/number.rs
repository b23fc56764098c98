//! Plain decimal numbers without the standard library's float parser and printer.
//!
//! `str::parse::<f64>` and `f64`'s `Display` carry about 20 KB of gzip WebAssembly (tables for
//! every power of ten, Grisu and Dragon4) that a questionnaire does not need: what patients type
//! and what definitions use are short decimals. [`parse_decimal`] is exact (correctly rounded)
//! for up to 15 significant digits, because both the digits and the power of ten are exact
//! doubles and one IEEE division rounds correctly; longer input is refused. The widget prints
//! numbers through the browser (`Number.prototype.toString`, `Intl.NumberFormat`).

/// Powers of ten that are exact doubles, 10^0 … 10^15.
const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// Most significant digits [`parse_decimal`] accepts.
pub const MAX_DIGITS: usize = 15;

/// Parses `[+-]digits[.digits]` (ASCII digits; either side of the point may be empty, not both).
/// No exponent, no spaces, no grouping. `None` for anything else or for more than
/// [`MAX_DIGITS`] significant digits.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, s.get(1..)?),
        Some(b'+') => (false, s.get(1..)?),
        _ => (false, s),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    if int.len() + frac.len() > MAX_DIGITS {
        return None;
    }
    let mantissa = int
        .bytes()
        .chain(frac.bytes())
        .fold(0u64, |m, b| m * 10 + u64::from(b - b'0'));
    let value = mantissa as f64 / *POW10.get(frac.len())?;
    Some(if negative { -value } else { value })
}

/// Writes `n` with ASCII digits: whole numbers as integers (`3`, not `3.0`), others with up to
/// six decimals, trailing zeros removed. For native code and tests; the widget asks the
/// browser, which prints the shortest exact form.
pub fn format_plain(n: f64) -> String {
    if !n.is_finite() {
        return if n.is_nan() {
            "NaN".into()
        } else if n > 0.0 {
            "∞".into()
        } else {
            "-∞".into()
        };
    }
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        return (n as i64).to_string();
    }
    let s = format!("{n:.6}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_patients_type() {
        assert_eq!(parse_decimal("3"), Some(3.0));
        assert_eq!(parse_decimal("-3.5"), Some(-3.5));
        assert_eq!(parse_decimal("+0.25"), Some(0.25));
        assert_eq!(parse_decimal(".5"), Some(0.5));
        assert_eq!(parse_decimal("7."), Some(7.0));
        assert_eq!(parse_decimal("007.500"), Some(7.5));
        assert_eq!(parse_decimal("0.1"), Some(0.1));
        assert_eq!(
            parse_decimal("123456789012345"),
            Some(123_456_789_012_345.0)
        );
        assert_eq!(parse_decimal("0.000000000000001"), Some(1e-15));
    }

    #[test]
    fn refuses_everything_else() {
        for bad in [
            "",
            "-",
            "+",
            ".",
            "1e3",
            "1,5",
            " 1",
            "1 ",
            "--1",
            "1.2.3",
            "0x10",
            "inf",
            "NaN",
            "1234567890123456",
            "٣",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn agrees_with_the_standard_parser() {
        // Exhaustive over short inputs and a sample of long ones: the fast path is exact.
        for i in 0..20_000u64 {
            for s in [
                format!("{}.{:03}", i / 7, i % 1000),
                format!("{}", i * 7919),
            ] {
                assert_eq!(parse_decimal(&s), s.parse::<f64>().ok(), "{s}");
            }
        }
        for s in [
            "9999999999.99999",
            "0.30000000000000",
            "450359962737.495",
            "1.00000000000001",
        ] {
            assert_eq!(parse_decimal(s), s.parse::<f64>().ok(), "{s}");
        }
    }

    #[test]
    fn formats_plainly() {
        assert_eq!(format_plain(3.0), "3");
        assert_eq!(format_plain(-2.5), "-2.5");
        assert_eq!(format_plain(1.0 / 3.0), "0.333333");
        assert_eq!(format_plain(f64::NAN), "NaN");
    }
}

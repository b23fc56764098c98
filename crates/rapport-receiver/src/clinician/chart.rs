//! The geometry of a score's chart over sessions, for the page of one patient: a pure function
//! from points, the score's scale and the definition's thresholds to what the template draws as
//! inline SVG (no script, no inline style; classes from `clinician.css`). x is time (when the
//! answers arrived), y the score's scale, bottom to top. A response that raised a flag on the
//! score gets a diamond instead of a dot, so the meaning is in the shape, not only the colour.

use serde::Serialize;

/// One session's value of a score.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// When (Unix seconds).
    pub at: i64,
    /// The score's value.
    pub value: f64,
    /// Whether the response raised a flag on this score.
    pub flagged: bool,
}

/// The chart's size in SVG units (the page scales it to its box).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// The main score's chart.
pub const LARGE: Size = Size {
    width: 480.0,
    height: 200.0,
};
/// A sub-score's chart.
pub const SMALL: Size = Size {
    width: 240.0,
    height: 120.0,
};

/// Room for the value labels on the start side and the dates below.
const LEFT: f64 = 34.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 22.0;
/// The half-diagonal of a flag's diamond and the radius of a plain dot.
const DIAMOND: f64 = 6.0;
const DOT: f64 = 3.5;

/// A plotted session.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mark {
    /// x.
    pub x: f64,
    /// y.
    pub y: f64,
    /// Raised a flag: drawn as [`Mark::diamond`].
    pub flagged: bool,
    /// The diamond's path (flagged marks only).
    pub diamond: String,
    /// The dot's radius.
    pub r: f64,
}

/// A label on an axis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tick {
    /// Where on its axis.
    pub at: f64,
    /// The text.
    pub text: String,
}

/// What the template draws.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Chart {
    /// The view box's width.
    pub width: f64,
    /// The view box's height.
    pub height: f64,
    /// The plot area: left, top, right, bottom.
    pub left: f64,
    /// Top of the plot area.
    pub top: f64,
    /// Right of the plot area.
    pub right: f64,
    /// Bottom of the plot area.
    pub bottom: f64,
    /// The line through the sessions (`M … L …`), empty with fewer than two.
    pub line: String,
    /// The sessions.
    pub marks: Vec<Mark>,
    /// The thresholds' heights (within the scale), with their values.
    pub thresholds: Vec<Tick>,
    /// The scale's ends (y).
    pub y_ticks: Vec<Tick>,
    /// The first and last dates (x).
    pub x_ticks: Vec<Tick>,
}

/// A value as people write it: no trailing `.0`, at most two decimals.
pub fn number(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// SVG coordinates are written with at most one decimal.
fn c(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The chart of `points` (oldest first) on `scale` (low, high), with a line at each of
/// `thresholds` inside the scale; `dates` labels the first and last point. Values outside the
/// scale are drawn at its edge; a scale without width is widened by one either way.
pub fn plot(
    points: &[Point],
    scale: (f64, f64),
    thresholds: &[f64],
    dates: (&str, &str),
    size: Size,
) -> Chart {
    let (mut low, mut high) = if scale.0 <= scale.1 {
        scale
    } else {
        (scale.1, scale.0)
    };
    if (high - low).abs() < f64::EPSILON {
        low -= 1.0;
        high += 1.0;
    }
    let (left, top) = (LEFT, TOP);
    let (right, bottom) = (size.width - RIGHT, size.height - BOTTOM);
    let y_of = |v: f64| {
        let v = v.clamp(low, high);
        c(bottom - (v - low) / (high - low) * (bottom - top))
    };
    let first = points.iter().map(|p| p.at).min().unwrap_or(0);
    let last = points.iter().map(|p| p.at).max().unwrap_or(0);
    let x_of = |at: i64| {
        if last == first {
            c((left + right) / 2.0)
        } else {
            c(left + (at - first) as f64 / (last - first) as f64 * (right - left))
        }
    };
    let marks: Vec<Mark> = points
        .iter()
        .map(|p| {
            let (x, y) = (x_of(p.at), y_of(p.value));
            let d = DIAMOND;
            Mark {
                x,
                y,
                flagged: p.flagged,
                diamond: if p.flagged {
                    format!(
                        "M{} {}L{} {}L{} {}L{} {}Z",
                        c(x),
                        c(y - d),
                        c(x + d),
                        c(y),
                        c(x),
                        c(y + d),
                        c(x - d),
                        c(y)
                    )
                } else {
                    String::new()
                },
                r: DOT,
            }
        })
        .collect();
    let line = if marks.len() < 2 {
        String::new()
    } else {
        marks
            .iter()
            .enumerate()
            .map(|(i, m)| format!("{}{} {}", if i == 0 { 'M' } else { 'L' }, m.x, m.y))
            .collect()
    };
    let thresholds = thresholds
        .iter()
        .filter(|t| (low..=high).contains(*t))
        .map(|&t| Tick {
            at: y_of(t),
            text: number(t),
        })
        .collect();
    let y_ticks = vec![
        Tick {
            at: y_of(low),
            text: number(low),
        },
        Tick {
            at: y_of(high),
            text: number(high),
        },
    ];
    let mut x_ticks = Vec::new();
    if !points.is_empty() {
        x_ticks.push(Tick {
            at: x_of(first),
            text: dates.0.to_owned(),
        });
        if last != first {
            x_ticks.push(Tick {
                at: x_of(last),
                text: dates.1.to_owned(),
            });
        }
    }
    Chart {
        width: size.width,
        height: size.height,
        left,
        top,
        right,
        bottom,
        line,
        marks,
        thresholds,
        y_ticks,
        x_ticks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;

    fn p(day: i64, value: f64, flagged: bool) -> Point {
        Point {
            at: 1_700_000_000 + day * DAY,
            value,
            flagged,
        }
    }

    #[test]
    fn the_scale_runs_bottom_to_top_and_time_left_to_right() {
        let size = Size {
            width: 200.0,
            height: 100.0,
        };
        let chart = plot(
            &[p(0, 0.0, false), p(5, 40.0, false), p(10, 20.0, true)],
            (0.0, 40.0),
            &[],
            ("a", "b"),
            size,
        );
        let ys: Vec<f64> = chart.marks.iter().map(|m| m.y).collect();
        let xs: Vec<f64> = chart.marks.iter().map(|m| m.x).collect();
        assert_eq!(ys[0], chart.bottom, "lowest value on the bottom edge");
        assert_eq!(ys[1], chart.top, "highest value on the top edge");
        assert_eq!(ys[2], c((chart.top + chart.bottom) / 2.0), "middle");
        assert_eq!(xs[0], chart.left);
        assert_eq!(xs[2], chart.right);
        assert_eq!(
            xs[1],
            c((chart.left + chart.right) / 2.0),
            "time, not order"
        );
        assert_eq!(
            chart.line,
            format!(
                "M{} {}L{} {}L{} {}",
                xs[0], ys[0], xs[1], ys[1], xs[2], ys[2]
            )
        );
        assert_eq!(chart.x_ticks.len(), 2);
        assert_eq!(chart.y_ticks[0].text, "0");
        assert_eq!(chart.y_ticks[1].text, "40");
    }

    #[test]
    fn flagged_sessions_are_diamonds_around_their_point() {
        let chart = plot(
            &[p(0, 10.0, false), p(1, 5.0, true)],
            (0.0, 10.0),
            &[],
            ("a", "b"),
            LARGE,
        );
        assert!(!chart.marks[0].flagged && chart.marks[0].diamond.is_empty());
        let m = &chart.marks[1];
        assert!(m.flagged);
        assert_eq!(
            m.diamond,
            format!(
                "M{} {}L{} {}L{} {}L{} {}Z",
                m.x,
                c(m.y - DIAMOND),
                c(m.x + DIAMOND),
                m.y,
                m.x,
                c(m.y + DIAMOND),
                c(m.x - DIAMOND),
                m.y
            )
        );
    }

    #[test]
    fn thresholds_sit_at_their_value_and_outside_ones_are_left_out() {
        let chart = plot(
            &[p(0, 60.0, false)],
            (0.0, 100.0),
            &[50.0, 120.0],
            ("a", "a"),
            LARGE,
        );
        assert_eq!(chart.thresholds.len(), 1);
        assert_eq!(chart.thresholds[0].text, "50");
        assert_eq!(
            chart.thresholds[0].at,
            c((chart.top + chart.bottom) / 2.0),
            "half way up a 0-100 scale"
        );
    }

    #[test]
    fn one_session_is_centred_and_values_beyond_the_scale_are_clamped() {
        let chart = plot(&[p(0, 55.0, false)], (1.0, 5.0), &[], ("d", "d"), SMALL);
        assert_eq!(chart.marks[0].x, c((chart.left + chart.right) / 2.0));
        assert_eq!(chart.marks[0].y, chart.top);
        assert!(chart.line.is_empty());
        assert_eq!(chart.x_ticks.len(), 1);
        // A flat scale does not divide by zero.
        let flat = plot(&[p(0, 3.0, false)], (3.0, 3.0), &[], ("d", "d"), SMALL);
        assert!(flat.marks[0].y.is_finite());
        assert!(plot(&[], (0.0, 1.0), &[], ("", ""), SMALL).marks.is_empty());
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(number(12.0), "12");
        assert_eq!(number(3.456), "3.46");
        assert_eq!(number(-0.001), "0");
        assert_eq!(number(2.5), "2.5");
    }
}

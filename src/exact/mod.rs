//! Exact numbers and closed intervals: the arithmetic every check decides with.
//!
//! Every figure in a report stands for an interval of values (see CONTRACT.md,
//! "Numbers are intervals"). This module owns that type and the few operations
//! the checks need. All arithmetic is on exact rationals ([`Num`], small on the
//! stack and arbitrary-precision only when a value needs it); there is no
//! binary floating point anywhere a finding is decided.
//!
//! ```
//! use numlint::exact::{parse_decimal, Interval};
//! let (v, _) = parse_decimal("99.3").unwrap();
//! let i = Interval::exact(v.clone());
//! assert!(i.contains(&v));
//! ```

mod rational;

pub use rational::Num;

use num_bigint::BigInt;
use num_traits::Zero;

/// The integer `n` as a [`Num`].
pub fn int(n: i64) -> Num {
    Num::from(n)
}

/// `10^k` (k may be negative).
pub fn pow10(k: i32) -> Num {
    let p = match 10i64.checked_pow(k.unsigned_abs()) {
        Some(p) => Num::from(p),
        None => Num::from_bigint(BigInt::from(10).pow(k.unsigned_abs())),
    };
    if k >= 0 {
        p
    } else {
        p.recip()
    }
}

/// Longest run of digits a figure may have before it is left unparsed. Keeps
/// the arithmetic cheap on hostile input; no report states a figure this long.
pub const MAX_DIGITS: usize = 40;

/// Parses ASCII digits with an optional `.` fraction. Returns the value and the
/// number of decimals written, or `None` when the text is not such a number or
/// is longer than [`MAX_DIGITS`].
pub fn parse_decimal(s: &str) -> Option<(Num, u32)> {
    if s.is_empty() || s.len() > MAX_DIGITS + 1 {
        return None;
    }
    let (int_part, frac_part) = match s.split_once('.') {
        Some((a, b)) => (a, b),
        None => (s, ""),
    };
    if int_part.is_empty() || !int_part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !frac_part.bytes().all(|b| b.is_ascii_digit()) || (s.contains('.') && frac_part.is_empty()) {
        return None;
    }
    let decimals = frac_part.len() as u32;
    let digits = int_part.bytes().chain(frac_part.bytes());
    let n = if int_part.len() + frac_part.len() <= 18 {
        Num::from(digits.fold(0i64, |n, b| n * 10 + i64::from(b - b'0')))
    } else {
        let all: String = digits.map(char::from).collect();
        Num::from_bigint(all.parse().ok()?)
    };
    Some((n / pow10(decimals as i32), decimals))
}

/// Rounds half away from zero to `decimals` places.
pub fn round_half_up(n: &Num, decimals: u32) -> Num {
    let scale = pow10(decimals as i32);
    let scaled = n * &scale;
    let half = Num::new(1, 2);
    let r = if scaled.is_negative() {
        -((-scaled + half).floor())
    } else {
        (scaled + half).floor()
    };
    r / scale
}

/// `|n|` rounded half-up to `decimals` places, as its integer and fraction
/// digits (the fraction `decimals` long), and whether `n` was below zero.
fn rounded_digits(n: &Num, decimals: u32) -> (String, String, bool) {
    if let Some(digits) = n
        .small_parts()
        .and_then(|(n, d)| rounded_digits_small(n, d, decimals))
    {
        return digits;
    }
    rounded_digits_general(n, decimals)
}

/// [`rounded_digits`] of `n / d` (`d > 0`) in `i128` (every message writes
/// numbers: this is the common case), or `None` when it might not fit.
fn rounded_digits_small(n: i64, d: i64, decimals: u32) -> Option<(String, String, bool)> {
    let scale = 10i128.checked_pow(decimals).filter(|s| *s <= 1i128 << 60)?;
    let (n, d) = (i128::from(n), i128::from(d));
    // |n| * scale, rounded half up: floor((2 |n| scale + d) / 2d). Fits:
    // |n| < 2^63, scale <= 2^60.
    let magnitude = (2 * n.abs() * scale + d) / (2 * d);
    // Written with itoa: `format!` with padding cost a message more than
    // finding its claim.
    let mut frac = String::new();
    if decimals > 0 {
        let mut buf = itoa::Buffer::new();
        let digits = buf.format(magnitude % scale);
        frac.reserve(decimals as usize);
        frac.extend(std::iter::repeat_n(
            '0',
            (decimals as usize).saturating_sub(digits.len()),
        ));
        frac.push_str(digits);
    }
    Some((
        itoa::Buffer::new().format(magnitude / scale).to_string(),
        frac,
        n < 0 && magnitude > 0,
    ))
}

fn rounded_digits_general(n: &Num, decimals: u32) -> (String, String, bool) {
    let r = round_half_up(n, decimals);
    let neg = r.is_negative();
    let scale = pow10(decimals as i32);
    let scaled = r.abs() * &scale;
    let int_part = (&scaled / &scale).to_integer();
    let frac_part = &scaled - &int_part * &scale;
    let frac = if decimals == 0 {
        String::new()
    } else {
        format!(
            "{:0>width$}",
            frac_part.to_string(),
            width = decimals as usize
        )
    };
    (int_part.to_string(), frac, neg)
}

/// Writes `n` as a decimal string with at most `max_frac` decimals (rounded
/// half-up when it has more), trailing zeros removed: `378000`, `99.6`, `0.25`.
pub fn to_decimal_string(n: &Num, max_frac: u32) -> String {
    let (mut s, frac, neg) = rounded_digits(n, max_frac);
    let frac = frac.trim_end_matches('0');
    if !frac.is_empty() {
        s.push('.');
        s.push_str(frac);
    }
    if neg && s != "0" {
        s.insert(0, '-');
    }
    s
}

/// Writes `n` with exactly `decimals` decimals, rounded half-up: `99.60`.
pub fn to_fixed(n: &Num, decimals: u32) -> String {
    let (mut s, frac, neg) = rounded_digits(n, decimals);
    if decimals > 0 {
        s.push('.');
        s.push_str(&frac);
    }
    if neg {
        s.insert(0, '-');
    }
    s
}

/// A closed interval of exact numbers; `None` is an open (unbounded) end.
///
/// Bounds are treated as closed in every comparison. That is a little more
/// lenient than the half-open rounding intervals of the contract, on purpose:
/// a claim is reported only when no reading of its figures can make it hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interval {
    pub lo: Option<Num>,
    pub hi: Option<Num>,
}

impl Interval {
    pub fn exact(v: Num) -> Interval {
        Interval {
            lo: Some(v.clone()),
            hi: Some(v),
        }
    }

    pub fn new(lo: Option<Num>, hi: Option<Num>) -> Interval {
        Interval { lo, hi }
    }

    pub fn is_exact(&self) -> bool {
        matches!((&self.lo, &self.hi), (Some(a), Some(b)) if a == b)
    }

    pub fn contains(&self, v: &Num) -> bool {
        self.lo.as_ref().is_none_or(|lo| lo <= v) && self.hi.as_ref().is_none_or(|hi| v <= hi)
    }

    /// True when some value lies in both intervals.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let a_below_b = match (&self.hi, &other.lo) {
            (Some(h), Some(l)) => h < l,
            _ => false,
        };
        let b_below_a = match (&other.hi, &self.lo) {
            (Some(h), Some(l)) => h < l,
            _ => false,
        };
        !a_below_b && !b_below_a
    }

    /// The smallest interval holding both.
    pub fn hull(&self, other: &Interval) -> Interval {
        let lo = match (&self.lo, &other.lo) {
            (Some(a), Some(b)) => Some(a.min(b).clone()),
            _ => None,
        };
        let hi = match (&self.hi, &other.hi) {
            (Some(a), Some(b)) => Some(a.max(b).clone()),
            _ => None,
        };
        Interval { lo, hi }
    }

    pub fn add(&self, other: &Interval) -> Interval {
        Interval {
            lo: zip(&self.lo, &other.lo, |a, b| a + b),
            hi: zip(&self.hi, &other.hi, |a, b| a + b),
        }
    }

    /// `self - other`.
    pub fn sub(&self, other: &Interval) -> Interval {
        Interval {
            lo: zip(&self.lo, &other.hi, |a, b| a - b),
            hi: zip(&self.hi, &other.lo, |a, b| a - b),
        }
    }

    pub fn scale(&self, k: &Num) -> Interval {
        debug_assert!(!k.is_negative());
        Interval {
            lo: self.lo.as_ref().map(|v| v * k),
            hi: self.hi.as_ref().map(|v| v * k),
        }
    }

    /// `self / other` for non-negative intervals; `None` when `other` may be zero.
    pub fn div_nonneg(&self, other: &Interval) -> Option<Interval> {
        let olo = other.lo.as_ref()?;
        if !olo.is_positive() || self.lo.as_ref().is_none_or(|l| l.is_negative()) {
            return None;
        }
        let lo = match (&self.lo, &other.hi) {
            (Some(a), Some(b)) => Some(a / b),
            (Some(_), None) => Some(Num::zero()),
            _ => None,
        };
        let hi = self.hi.as_ref().map(|a| a / olo);
        Some(Interval { lo, hi })
    }

    /// A point inside the interval, for messages: the midpoint, or the finite end.
    pub fn representative(&self) -> Option<Num> {
        match (&self.lo, &self.hi) {
            (Some(a), Some(b)) => Some((a + b) / int(2)),
            (Some(a), None) | (None, Some(a)) => Some(a.clone()),
            (None, None) => None,
        }
    }
}

fn zip(a: &Option<Num>, b: &Option<Num>, f: impl Fn(&Num, &Num) -> Num) -> Option<Num> {
    match (a, b) {
        (Some(a), Some(b)) => Some(f(a, b)),
        _ => None,
    }
}

/// Number of decimals needed to show `n` exactly, if it is a terminating
/// decimal with at most `max` of them.
pub fn exact_decimals(n: &Num, max: u32) -> Option<u32> {
    (0..=max).find(|&d| (n * pow10(d as i32)).is_integer())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `i128` shortcut writes what the general arithmetic writes, at the
    /// edges (halves, negatives, `i64` limits, many decimals) and at random.
    #[test]
    fn rounded_digits_shortcut_agrees() {
        let mut values: Vec<i64> = vec![
            0,
            1,
            2,
            5,
            15,
            25,
            99,
            17025,
            17093,
            999_999,
            1 << 40,
            i64::MAX,
        ];
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..120 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            values.push((x >> (x % 60)) as i64);
        }
        let dens: Vec<i64> = vec![1, 2, 3, 7, 8, 10, 16, 1000, 17093, i64::MAX];
        let mut checked = 0;
        for &n in &values {
            for &d in dens
                .iter()
                .chain(values.iter().filter(|v| **v > 0).take(20))
            {
                for n in [n, -n] {
                    let num = Num::new(n, d);
                    let (a, b) = num.small_parts().unwrap();
                    for decimals in 0..=19 {
                        if let Some(fast) = rounded_digits_small(a, b, decimals) {
                            assert_eq!(
                                fast,
                                rounded_digits_general(&num, decimals),
                                "{n}/{d} to {decimals}"
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 40_000, "{checked}");
    }

    #[test]
    fn parses_and_prints_decimals() {
        let (v, d) = parse_decimal("99.30").unwrap();
        assert_eq!(d, 2);
        assert_eq!(to_decimal_string(&v, 6), "99.3");
        assert_eq!(to_fixed(&v, 2), "99.30");
        assert!(parse_decimal("1.").is_none());
        assert!(parse_decimal(".5").is_none());
        assert!(parse_decimal(&"9".repeat(60)).is_none());
    }

    #[test]
    fn rounds_half_up() {
        let (v, _) = parse_decimal("99.605").unwrap();
        assert_eq!(to_fixed(&v, 2), "99.61");
        assert_eq!(to_fixed(&(int(17025) * int(100) / int(17093)), 2), "99.60");
    }

    #[test]
    fn overlap_is_closed() {
        let a = Interval::new(Some(int(1)), Some(int(2)));
        let b = Interval::new(Some(int(2)), Some(int(3)));
        let c = Interval::new(Some(int(4)), None);
        assert!(a.overlaps(&b));
        assert!(!a.overlaps(&c));
        assert!(Interval::new(None, None).overlaps(&c));
    }

    #[test]
    fn divides_intervals() {
        let y = Interval::exact(int(3));
        let x = Interval::new(Some(int(4)), Some(int(6)));
        let q = y.div_nonneg(&x).unwrap();
        assert_eq!(q.lo, Some(Num::new(1, 2)));
        assert_eq!(q.hi, Some(Num::new(3, 4)));
        assert!(y.div_nonneg(&Interval::exact(int(0))).is_none());
    }
}

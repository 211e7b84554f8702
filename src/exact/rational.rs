//! [`Num`]: an exact rational number that stays on the stack.
//!
//! Nearly every figure in a report is a small fraction: `99.3` is 993/10,
//! `17093` is 17093/1. Such a number is kept as an `i64` numerator over an
//! `i64` denominator, and the arithmetic is done in `i128`, where no product or
//! sum of two of them can overflow. Only a result too large for `i64` becomes
//! an arbitrary-precision [`BigRational`]. Both forms are always reduced, and a
//! value that fits the small form is always in it, so equal numbers are equal
//! representations.
//!
//! ```
//! use numlint::exact::Num;
//! let p = Num::new(17025, 17093) * Num::from(100);
//! assert!(p > Num::new(996, 10) && p < Num::new(9961, 100));
//! ```

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Rem, Sub, SubAssign};

/// An exact rational number (see the module documentation).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Num(Repr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    /// `n / d`, reduced, `d > 0`, `n != i64::MIN`.
    Small { n: i64, d: i64 },
    /// Anything that does not fit `Small`, reduced.
    Big(Box<BigRational>),
}

impl Num {
    /// `n / d`, reduced. Panics when `d` is zero, like any division by zero.
    pub fn new(n: i64, d: i64) -> Num {
        assert!(d != 0, "denominator == 0");
        Num::from_i128(n as i128, d as i128)
    }

    /// `n / d` for a non-zero `d`, reduced.
    fn from_i128(n: i128, d: i128) -> Num {
        let (n, d) = if d < 0 { (-n, -d) } else { (n, d) };
        // Most fractions fit 64 bits, where dividing is several times quicker.
        if let (Ok(n), Ok(d)) = (i64::try_from(n), i64::try_from(d)) {
            if n != i64::MIN {
                // Whole numbers and 1/d are reduced already: no division.
                if n == 0 {
                    return Num(Repr::Small { n: 0, d: 1 });
                }
                if d == 1 || n.unsigned_abs() == 1 {
                    return Num(Repr::Small { n, d });
                }
                let g = n.unsigned_abs().gcd(&d.unsigned_abs()) as i64;
                if g == 1 {
                    return Num(Repr::Small { n, d });
                }
                return Num(Repr::Small { n: n / g, d: d / g });
            }
        }
        // Whole numbers (most figures) are reduced already.
        let g = if d == 1 {
            1
        } else {
            gcd(n.unsigned_abs(), d as u128) as i128
        };
        let (n, d) = if g > 1 { (n / g, d / g) } else { (n, d) };
        match (i64::try_from(n), i64::try_from(d)) {
            (Ok(n), Ok(d)) if n != i64::MIN => Num(Repr::Small { n, d }),
            _ => Num(Repr::Big(Box::new(BigRational::new_raw(
                BigInt::from(n),
                BigInt::from(d),
            )))),
        }
    }

    /// Numerator and denominator (`d > 0`) when both fit an `i64`.
    pub fn small_parts(&self) -> Option<(i64, i64)> {
        match &self.0 {
            Repr::Small { n, d } => Some((*n, *d)),
            Repr::Big(_) => None,
        }
    }

    /// A reduced big rational, in the small form when it fits.
    fn from_big(r: BigRational) -> Num {
        match (r.numer().to_i64(), r.denom().to_i64()) {
            (Some(n), Some(d)) if n != i64::MIN => Num(Repr::Small { n, d }),
            _ => Num(Repr::Big(Box::new(r))),
        }
    }

    /// The integer `n`.
    pub fn from_bigint(n: BigInt) -> Num {
        Num::from_big(BigRational::from_integer(n))
    }

    fn to_big(&self) -> BigRational {
        match &self.0 {
            Repr::Small { n, d } => BigRational::new_raw(BigInt::from(*n), BigInt::from(*d)),
            Repr::Big(b) => (**b).clone(),
        }
    }

    pub fn is_integer(&self) -> bool {
        match &self.0 {
            Repr::Small { d, .. } => *d == 1,
            Repr::Big(b) => b.is_integer(),
        }
    }

    pub fn is_negative(&self) -> bool {
        match &self.0 {
            Repr::Small { n, .. } => *n < 0,
            Repr::Big(b) => b.is_negative(),
        }
    }

    pub fn is_positive(&self) -> bool {
        match &self.0 {
            Repr::Small { n, .. } => *n > 0,
            Repr::Big(b) => b.is_positive(),
        }
    }

    pub fn abs(&self) -> Num {
        if self.is_negative() {
            -self
        } else {
            self.clone()
        }
    }

    /// `1 / self`. Panics when `self` is zero.
    pub fn recip(&self) -> Num {
        match &self.0 {
            Repr::Small { n, d } => {
                assert!(*n != 0, "division by zero");
                Num::from_i128(*d as i128, *n as i128)
            }
            Repr::Big(b) => Num::from_big(b.recip()),
        }
    }

    /// `self` to the power `k`, by squaring. The power of a reduced fraction
    /// is reduced: no gcd is needed.
    pub fn pow(&self, k: u32) -> Num {
        if let Repr::Small { n, d } = &self.0 {
            if let (Some(p), Some(q)) = (n.checked_pow(k), d.checked_pow(k)) {
                if p != i64::MIN {
                    return Num(Repr::Small { n: p, d: q });
                }
            }
        }
        let b = self.to_big();
        Num::from_big(BigRational::new_raw(b.numer().pow(k), b.denom().pow(k)))
    }

    /// The largest integer not above `self`.
    pub fn floor(&self) -> Num {
        match &self.0 {
            Repr::Small { n, d } => Num::from(n.div_euclid(*d)),
            Repr::Big(b) => Num::from_big(b.floor()),
        }
    }

    /// The integer part, rounded towards zero.
    pub fn to_integer(&self) -> Num {
        match &self.0 {
            Repr::Small { n, d } => Num::from(n / d),
            Repr::Big(b) => Num::from_big(b.trunc()),
        }
    }

    /// The value as an `i64`, when it is an integer that fits.
    pub fn to_i64(&self) -> Option<i64> {
        match &self.0 {
            Repr::Small { n, d: 1 } => Some(*n),
            _ => None,
        }
    }

    /// The value as a `u32`, when it is an integer that fits.
    pub fn to_u32(&self) -> Option<u32> {
        match &self.0 {
            Repr::Small { n, d: 1 } => u32::try_from(*n).ok(),
            _ => None,
        }
    }
}

/// Greatest common divisor; `gcd(0, x) == x`. On `u64` when both fit: the
/// common case, and twice as fast.
fn gcd(a: u128, b: u128) -> u128 {
    match (u64::try_from(a), u64::try_from(b)) {
        (Ok(a), Ok(b)) => a.gcd(&b) as u128,
        _ => a.gcd(&b),
    }
}

impl From<i64> for Num {
    fn from(n: i64) -> Num {
        if n == i64::MIN {
            Num::from_bigint(BigInt::from(n))
        } else {
            Num(Repr::Small { n, d: 1 })
        }
    }
}

impl From<i32> for Num {
    fn from(n: i32) -> Num {
        Num::from(n as i64)
    }
}

impl fmt::Debug for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// `n` or `n/d`.
impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Small { n, d: 1 } => write!(f, "{n}"),
            Repr::Small { n, d } => write!(f, "{n}/{d}"),
            Repr::Big(b) => write!(f, "{b}"),
        }
    }
}

impl Ord for Num {
    fn cmp(&self, other: &Num) -> Ordering {
        match (&self.0, &other.0) {
            (Repr::Small { n: a, d: b }, Repr::Small { n: c, d: e }) => {
                (*a as i128 * *e as i128).cmp(&(*c as i128 * *b as i128))
            }
            _ => self.to_big().cmp(&other.to_big()),
        }
    }
}

impl PartialOrd for Num {
    fn partial_cmp(&self, other: &Num) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn add(x: &Num, y: &Num) -> Num {
    match (&x.0, &y.0) {
        (Repr::Small { n: a, d: b }, Repr::Small { n: c, d: e }) if b == e => {
            Num::from_i128(*a as i128 + *c as i128, *b as i128)
        }
        (Repr::Small { n: a, d: b }, Repr::Small { n: c, d: e }) => Num::from_i128(
            *a as i128 * *e as i128 + *c as i128 * *b as i128,
            *b as i128 * *e as i128,
        ),
        _ => Num::from_big(x.to_big() + y.to_big()),
    }
}

fn sub(x: &Num, y: &Num) -> Num {
    add(x, &-y)
}

fn mul(x: &Num, y: &Num) -> Num {
    match (&x.0, &y.0) {
        (Repr::Small { n: a, d: b }, Repr::Small { n: c, d: e }) => {
            Num::from_i128(*a as i128 * *c as i128, *b as i128 * *e as i128)
        }
        _ => Num::from_big(x.to_big() * y.to_big()),
    }
}

/// Panics when `y` is zero, like any division by zero.
fn div(x: &Num, y: &Num) -> Num {
    match (&x.0, &y.0) {
        (Repr::Small { n: a, d: b }, Repr::Small { n: c, d: e }) => {
            assert!(*c != 0, "division by zero");
            Num::from_i128(*a as i128 * *e as i128, *b as i128 * *c as i128)
        }
        _ => Num::from_big(x.to_big() / y.to_big()),
    }
}

/// The remainder of a division truncated towards zero (the sign of `x`).
fn rem(x: &Num, y: &Num) -> Num {
    match (&x.0, &y.0) {
        (Repr::Small { n: a, d: b }, Repr::Small { n: c, d: e }) => {
            assert!(*c != 0, "division by zero");
            let (p, q) = (*a as i128 * *e as i128, *c as i128 * *b as i128);
            Num::from_i128(p % q, *b as i128 * *e as i128)
        }
        _ => Num::from_big(x.to_big() % y.to_big()),
    }
}

impl Neg for &Num {
    type Output = Num;
    fn neg(self) -> Num {
        match &self.0 {
            Repr::Small { n, d } => Num(Repr::Small { n: -n, d: *d }),
            Repr::Big(b) => Num::from_big(-(**b).clone()),
        }
    }
}

impl Neg for Num {
    type Output = Num;
    fn neg(self) -> Num {
        -&self
    }
}

/// The four combinations of owned and borrowed operands, and the assigning
/// form, for one operator.
macro_rules! binary {
    ($Op:ident, $op:ident, $OpAssign:ident, $op_assign:ident, $f:ident) => {
        impl $Op<&Num> for &Num {
            type Output = Num;
            fn $op(self, other: &Num) -> Num {
                $f(self, other)
            }
        }
        impl $Op<Num> for &Num {
            type Output = Num;
            fn $op(self, other: Num) -> Num {
                $f(self, &other)
            }
        }
        impl $Op<&Num> for Num {
            type Output = Num;
            fn $op(self, other: &Num) -> Num {
                $f(&self, other)
            }
        }
        impl $Op<Num> for Num {
            type Output = Num;
            fn $op(self, other: Num) -> Num {
                $f(&self, &other)
            }
        }
        impl $OpAssign<&Num> for Num {
            fn $op_assign(&mut self, other: &Num) {
                *self = $f(self, other);
            }
        }
        impl $OpAssign<Num> for Num {
            fn $op_assign(&mut self, other: Num) {
                *self = $f(self, &other);
            }
        }
    };
}

binary!(Add, add, AddAssign, add_assign, add);
binary!(Sub, sub, SubAssign, sub_assign, sub);
binary!(Mul, mul, MulAssign, mul_assign, mul);
binary!(Div, div, DivAssign, div_assign, div);

impl Rem<&Num> for &Num {
    type Output = Num;
    fn rem(self, other: &Num) -> Num {
        rem(self, other)
    }
}

impl Rem<Num> for &Num {
    type Output = Num;
    fn rem(self, other: Num) -> Num {
        rem(self, &other)
    }
}

impl Zero for Num {
    fn zero() -> Num {
        Num(Repr::Small { n: 0, d: 1 })
    }
    fn is_zero(&self) -> bool {
        matches!(self.0, Repr::Small { n: 0, .. })
    }
}

impl One for Num {
    fn one() -> Num {
        Num(Repr::Small { n: 1, d: 1 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(n: &str, d: &str) -> BigRational {
        BigRational::new(n.parse().unwrap(), d.parse().unwrap())
    }

    /// Every operation agrees with `BigRational`, across the edge of the
    /// small form.
    #[test]
    fn agrees_with_big_rationals() {
        let values = [
            ("0", "1"),
            ("1", "1"),
            ("-1", "3"),
            ("993", "10"),
            ("17025", "17093"),
            ("9223372036854775807", "1"),
            ("-9223372036854775807", "2"),
            ("9223372036854775808", "1"),
            ("-9223372036854775808", "1"),
            ("1", "9223372036854775807"),
            ("123456789012345678901234567890", "7"),
        ];
        for (an, ad) in values {
            for (bn, bd) in values {
                let (x, y) = (big(an, ad), big(bn, bd));
                let (p, q) = (Num::from_big(x.clone()), Num::from_big(y.clone()));
                assert_eq!((&p + &q).to_big(), &x + &y);
                assert_eq!((&p - &q).to_big(), &x - &y);
                assert_eq!((&p * &q).to_big(), &x * &y);
                assert_eq!(p.cmp(&q), x.cmp(&y), "{x} vs {y}");
                assert_eq!(p == q, x == y);
                if !y.is_zero() {
                    assert_eq!((&p / &q).to_big(), &x / &y);
                    assert_eq!((&p % &q).to_big(), &x % &y);
                }
                assert_eq!(p.floor().to_big(), x.floor());
                assert_eq!(p.pow(3).to_big(), num_traits::pow(x.clone(), 3));
                assert_eq!(p.to_integer().to_big(), x.trunc());
                assert_eq!(
                    Num::from_big((&x * &y) / (&x * &y + BigRational::one())).to_big(),
                    (&x * &y) / (&x * &y + BigRational::one())
                );
            }
        }
    }

    /// A fraction is made reduced, its denominator positive, whatever its
    /// parts (zero, one, the extremes of `i64`, any other).
    #[test]
    fn fractions_are_made_reduced() {
        use proptest::prelude::*;
        let part = || {
            prop_oneof![
                Just(0i64),
                Just(1),
                Just(-1),
                Just(i64::MAX),
                Just(i64::MIN),
                -12i64..12,
                -1000i64..1000,
                any::<i64>(),
            ]
        };
        let parts = (part(), part().prop_filter("a denominator", |d| *d != 0));
        proptest!(|((n, d) in parts)| {
            let r = Num::new(n, d);
            prop_assert_eq!(r.to_big(), BigRational::new(n.into(), d.into()));
            if let Repr::Small { n: a, d: b } = r.0 {
                prop_assert!(b > 0);
                prop_assert_eq!(a.unsigned_abs().gcd(&b.unsigned_abs()), 1);
            }
        });
    }

    #[test]
    fn stays_small_when_it_can() {
        let huge = Num::from_bigint("100000000000000000000000".parse().unwrap());
        let back = &huge / &huge;
        assert_eq!(back, Num::one());
        assert!(matches!(back.0, Repr::Small { n: 1, d: 1 }));
        assert_eq!(Num::new(4, -6), Num::new(-2, 3));
        assert_eq!(Num::new(-2, 3).to_string(), "-2/3");
        assert_eq!(Num::from(i64::MIN).to_string(), i64::MIN.to_string());
    }
}

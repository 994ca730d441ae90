//! The record of a computation: each step's formula, operands, result, precision and unit.
//!
//! The "show calculations" text is rendered from these records, never written separately, so the
//! numbers and the text cannot disagree. The wording follows the AWS Pricing Calculator's.

use std::fmt::{self, Write};

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::calc::fixed::Fixed;

/// How a number is shown in the step text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumFmt {
    /// A user input as entered: whole numbers without decimals, others with two; thousands grouped.
    Input,
    /// A constant or a price: its shortest exact text, ungrouped (`2628000`, `0.000000014`).
    Plain,
    /// A calculator step shown (and rounded) at this many decimals, thousands grouped.
    Fixed(u8),
    /// An unrounded step of the `exact` policy: at least this many decimals, at most 8, grouped.
    Exact(u8),
}

impl NumFmt {
    /// The precision the step is shown at, where it has one.
    pub fn decimals(self) -> Option<u8> {
        match self {
            NumFmt::Fixed(d) | NumFmt::Exact(d) => Some(d),
            NumFmt::Input | NumFmt::Plain => None,
        }
    }

    fn write<W: Write>(self, out: &mut W, value: f64) -> fmt::Result {
        let fixed = |scale| Fixed::round(value, scale).map_err(|_| fmt::Error);
        match self {
            NumFmt::Plain => write!(out, "{value}"),
            NumFmt::Input => {
                let scale = if value.fract() == 0.0 { 0 } else { 2 };
                fixed(scale)?.write(out, true)
            }
            NumFmt::Fixed(scale) => fixed(scale)?.write(out, true),
            NumFmt::Exact(min) => {
                let text = fixed(8)?.to_text(true);
                // Drop trailing zeros beyond the step's own precision.
                let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
                let keep = frac.trim_end_matches('0').len().max(usize::from(min));
                out.write_str(whole)?;
                if keep > 0 {
                    out.write_char('.')?;
                    out.write_str(frac.get(..keep).unwrap_or(frac))?;
                }
                Ok(())
            }
        }
    }
}

/// A number in a step, with the words that follow it (`4.88 MB/sec (Data ingress rate)`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Term {
    /// The value the computation used.
    pub value: f64,
    /// How it is shown.
    pub fmt: NumFmt,
    /// The words after the number; may be empty.
    pub unit: &'static str,
}

impl Term {
    /// A term shown as `fmt`.
    pub const fn new(value: f64, fmt: NumFmt, unit: &'static str) -> Term {
        Term { value, fmt, unit }
    }

    /// The number as shown, without the unit.
    pub fn number(&self) -> String {
        let mut s = String::new();
        let _ = self.fmt.write(&mut s, self.value);
        s
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt.write(f, self.value)?;
        if !self.unit.is_empty() {
            write!(f, " {}", self.unit)?;
        }
        Ok(())
    }
}

impl Serialize for Term {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Term", 4)?;
        s.serialize_field("value", &self.value)?;
        s.serialize_field("shown", &self.number())?;
        s.serialize_field("unit", self.unit)?;
        s.serialize_field("decimals", &self.fmt.decimals())?;
        s.end()
    }
}

/// An arithmetic operator in a chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// Multiplication, shown as `x`.
    Mul,
    /// Division, shown as `/`.
    Div,
    /// Addition, shown as `+`.
    Add,
    /// Subtraction, shown as `-`.
    Sub,
}

impl Op {
    /// Applies the operator.
    pub fn apply(self, a: f64, b: f64) -> f64 {
        match self {
            Op::Mul => a * b,
            Op::Div => a / b,
            Op::Add => a + b,
            Op::Sub => a - b,
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            Op::Mul => "x",
            Op::Div => "/",
            Op::Add => "+",
            Op::Sub => "-",
        }
    }
}

/// The formula of a step.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Formula {
    /// `a x b / c`, evaluated left to right.
    Chain {
        /// The first term.
        first: Term,
        /// Each following operator and term, in order.
        rest: Vec<(Op, Term)>,
    },
    /// `first op (a op b ...)`: a chain with a parenthesised factor.
    Grouped {
        /// The term before the parentheses.
        first: Term,
        /// The operator between `first` and the parenthesised factor.
        op: Op,
        /// The first term inside the parentheses.
        group_first: Term,
        /// Each following operator and term inside the parentheses, in order.
        group: Vec<(Op, Term)>,
    },
    /// `Max (a, b, c)`.
    Max {
        /// The terms compared.
        of: Vec<Term>,
    },
    /// `Min (a, b)`.
    Min {
        /// The terms compared.
        of: Vec<Term>,
    },
    /// `RoundUp (a)`: the ceiling.
    RoundUp {
        /// The term rounded up.
        of: Term,
    },
    /// `RoundDown (a)`: the floor.
    RoundDown {
        /// The term rounded down.
        of: Term,
    },
    /// `a + b + c`.
    Sum {
        /// The terms added.
        of: Vec<Term>,
    },
    /// At least `floor`: shown as `Max (floor, of)`.
    AtLeast {
        /// The least the result may be.
        floor: Term,
        /// The term held to at least `floor`.
        of: Term,
    },
    /// A labelled restatement of the previous result: `label: result`.
    Label {
        /// The words before the result.
        label: &'static str,
    },
}

/// One step of a computation: an identifier, a formula and its result.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// A stable name for the step (`ingress_rate`).
    pub id: &'static str,
    /// How the result was obtained.
    pub formula: Formula,
    /// The result, as used by later steps.
    pub result: Term,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, terms: &[Term], sep: &str| -> fmt::Result {
            for (i, t) in terms.iter().enumerate() {
                if i > 0 {
                    f.write_str(sep)?;
                }
                write!(f, "{t}")?;
            }
            Ok(())
        };
        match &self.formula {
            Formula::Chain { first, rest } => {
                write!(f, "{first}")?;
                for (op, t) in rest {
                    write!(f, " {} {t}", op.symbol())?;
                }
            }
            Formula::Grouped {
                first,
                op,
                group_first,
                group,
            } => {
                write!(f, "{first} {} ({group_first}", op.symbol())?;
                for (op, t) in group {
                    write!(f, " {} {t}", op.symbol())?;
                }
                f.write_str(")")?;
            }
            Formula::Max { of } => {
                f.write_str("Max (")?;
                list(f, of, ", ")?;
                f.write_str(")")?;
            }
            Formula::Min { of } => {
                f.write_str("Min (")?;
                list(f, of, ", ")?;
                f.write_str(")")?;
            }
            Formula::RoundUp { of } => write!(f, "RoundUp ({})", of.number())?,
            Formula::RoundDown { of } => write!(f, "RoundDown ({})", of.number())?,
            Formula::Sum { of } => list(f, of, " + ")?,
            Formula::AtLeast { floor, of } => {
                write!(f, "Max ({}, {})", floor.number(), of.number())?
            }
            Formula::Label { label } => return write!(f, "{label}: {}", self.result),
        }
        write!(f, " = {}", self.result)
    }
}

impl Serialize for Step {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Step", 4)?;
        s.serialize_field("id", self.id)?;
        s.serialize_field("text", &self.to_string())?;
        s.serialize_field("formula", &self.formula)?;
        s.serialize_field("result", &self.result)?;
        s.end()
    }
}

/// Renders steps as the calculator's "show calculations" text, one line each.
pub fn render(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        let _ = writeln!(out, "{step}");
    }
    out
}

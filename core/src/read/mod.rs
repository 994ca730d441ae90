//! Reading what users type by hand: plain numbers ([`number`]), record rates ([`rate`]), and
//! where in a file a value sits ([`text`]). Each service's inputs read their values through
//! these; the `parse` module joins every input's reading.

pub mod number;
pub mod rate;
pub mod text;

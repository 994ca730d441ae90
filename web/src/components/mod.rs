//! One component per file, as in yew's function_todomvc example.

pub mod app;
pub mod chart;
pub mod exports;
pub mod field;
pub mod results;
pub mod traffic;

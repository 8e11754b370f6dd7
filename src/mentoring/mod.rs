//! Mentoring. So far: the automatic mentor assignment rules (`assign`); profiles, sessions
//! and the help queue build on it.

#[cfg(feature = "ssr")]
pub mod assign;

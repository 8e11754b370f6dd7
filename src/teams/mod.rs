//! Teams: profiles, the looking-for-team board, team membership and automatic formation.
//! The rules live in `domain`; pages and server functions are built on them.

#[cfg(feature = "ssr")]
pub mod domain;

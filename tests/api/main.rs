//! HTTP-level tests against the real server and a real database (SQLite by default,
//! PostgreSQL with HAKAM_TEST_BACKEND=postgres).

mod accounts;
mod archive;
mod audience;
mod auth;
mod authz;
mod backup;
mod board;
mod certificates;
mod checkin;
mod content;
mod durability;
mod events;
mod fixture;
mod help_desk;
mod helpers;
mod hostile;
mod invites;
mod judging;
mod live;
mod mail;
mod mentoring;
mod pages;
mod paper;
mod passes;
mod privacy;
mod projects;
mod proxy;
mod roles;
mod rooms;
mod schema;
mod slots;
mod stage;
mod teams;
mod tls;
mod web;

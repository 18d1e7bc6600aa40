//! The web application's integration tests: one binary (one link), a real
//! server per test over SQLite and over PostgreSQL, driven over HTTP like
//! a browser and, in `e2e`, by headless Chromium.

// Test code: a failed unwrap is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod access;
mod app;
mod beside_import;
mod client;
mod csrf;
mod cycle;
mod dashboard;
mod development;
mod e2e;
mod evaluation;
mod hardening;
mod headers;
mod limits;
mod navigation;
mod privasi;
mod self_service;
mod sessions;
mod talent;
mod xss;

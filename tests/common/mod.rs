#![allow(dead_code)] // each test crate uses part of the shared samples
pub mod inputs;
pub mod samples;

//! The wasm cases under Node (`wasm-pack test --node -- --test wasm_node`).
#![cfg(target_arch = "wasm32")]

mod common;
#[path = "common/wasm_cases.rs"]
mod wasm_cases;

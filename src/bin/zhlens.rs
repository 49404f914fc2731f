//! `zhlens FILE…`: prints the analysis of each file as JSON (SPEC.md), the
//! format `shared/eval/score.py` scores. One file: an indented object;
//! several: one object per line.

use std::process::ExitCode;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() || files.iter().any(|f| f == "-h" || f == "--help") {
        eprintln!("usage: zhlens FILE...   (prints the analysis of each FILE as JSON)");
        return ExitCode::from(2);
    }
    let analyzer = match zhlens::Analyzer::new(zhlens::Options::default()) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let mut status = ExitCode::SUCCESS;
    for file in &files {
        let text = match std::fs::read(file) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                eprintln!("zhlens: {file}: {e}");
                status = ExitCode::FAILURE;
                continue;
            }
        };
        match analyzer.analyze(&text) {
            Ok(analysis) => {
                let json = if files.len() == 1 {
                    serde_json::to_string_pretty(&analysis)
                } else {
                    serde_json::to_string(&analysis)
                };
                println!("{}", json.expect("the analysis serializes"));
            }
            Err(e) => {
                eprintln!("zhlens: {file}: {e}");
                status = ExitCode::FAILURE;
            }
        }
    }
    status
}

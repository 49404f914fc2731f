fn main() {
    let text = std::fs::read_to_string("www/sample.txt").unwrap();
    let n: usize = std::env::args().nth(1).map_or(1, |s| s.parse().unwrap());
    let (mut tn, mut tf) = (std::time::Duration::ZERO, std::time::Duration::ZERO);
    for _ in 0..n {
        let t0 = std::time::Instant::now();
        let a = zhlens::Analyzer::new(zhlens::Options::default()).unwrap();
        let t1 = std::time::Instant::now();
        let _ = a.analyze(&text).unwrap();
        tn += t1 - t0;
        tf += t1.elapsed();
    }
    eprintln!("new {:?} first {:?}", tn / n as u32, tf / n as u32);
}

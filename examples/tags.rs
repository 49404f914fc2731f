//! Prints the segmentation and tags of each argument: `cargo run --example tags -- 文本…`.
fn main() {
    let s = zhlens::segment::Segmenter::new().expect("segmenter");
    for t in std::env::args().skip(1) {
        let w: Vec<String> = s.tag(&t).iter().map(|w| format!("{}/{}", &t[w.start..w.end], w.tag)).collect();
        println!("{}", w.join(" "));
    }
}
